import '../l10n/parts-late.js'; // the words of the parts loaded on demand (joins the table first)
import { LitElement, html, nothing, type PropertyValues } from 'lit';
import { property, state } from 'lit/decorators.js';
import { live } from 'lit/directives/live.js';
import { losesSight, type DistributionPlan, type DistributionStrategy, type LeadStore } from '../../sdk/index.js';
import { StoreController } from '../controllers/store-controller.js';
import { LocalizeController, messages } from '../l10n.js';
import { avatarStyles, avatar } from '../shared/avatar.js';
import { controlStyles } from '../shared/controls.styles.js';
import { define } from '../shared/define.js';
import { dialogStyles } from '../shared/dialog.styles.js';
import { tokens } from '../shared/tokens.styles.js';
import { assignDialogStyles } from './assign-dialog.styles.js';
import { distributeDialogStyles } from './distribute-dialog.styles.js';
import { previewRows } from './distribution-preview.js';
import { warningIcon } from './icons.js';

/** The leads a distribution may take: the selection, and every unassigned lead matching the filter. */
export interface DistributeScopes {
  selected: readonly string[];
  unassigned: readonly string[];
}

export interface DistributeDialogHandlers {
  /** Applies exactly this plan; the dialog shows progress until it settles, then closes. */
  confirm(plan: DistributionPlan): Promise<unknown>;
  /** The dialog closed (confirmed or not): the board puts focus back. */
  closed(): void;
}

type Scope = keyof DistributeScopes;

/**
 * @summary The "Distribute leads" dialog of `<lead-kanban>` (internal): which leads (the selection, or every
 * unassigned lead matching the filter), who receives them (every active member by default; inactive members
 * are never offered), how (`Evenly`, or `By capacity` when members have a capacity), and a preview table —
 * person, how many they receive, open leads before → after — then ONE confirm button that applies exactly the
 * previewed plan. A plain member is told how many leads will leave their view. A native modal `<dialog>`.
 * Loaded on first use (collaboration-parts.ts).
 *
 * @tagname lead-kanban-distribute-dialog
 */
export class LeadKanbanDistributeDialog extends LitElement {
  static override styles = [tokens, avatarStyles, controlStyles, dialogStyles, assignDialogStyles, distributeDialogStyles];

  @property({ attribute: false }) store: LeadStore | undefined;
  @state() private scopes: DistributeScopes = { selected: [], unassigned: [] };
  @state() private scope: Scope = 'selected';
  @state() private chosen: ReadonlySet<string> = new Set();
  @state() private strategy: DistributionStrategy = 'even';
  @state() private running = false;
  /** The preview: planned when a choice changes, and applied as it is. */
  @state() private plan: DistributionPlan | null = null;
  private handlers: DistributeDialogHandlers | undefined;
  private readonly localize = new LocalizeController(this);
  // The loads in the table follow the store; the plan itself changes only with the user's choices.
  protected readonly storeController = new StoreController(this, { interested: (c) => Boolean(c.members) });

  private get dialog(): HTMLDialogElement {
    return this.renderRoot.querySelector('dialog')!;
  }

  get open(): boolean {
    return this.dialog?.open ?? false;
  }

  /** Opens on these leads (snapshots: the selection may change underneath). */
  async show(scopes: DistributeScopes, handlers: DistributeDialogHandlers): Promise<void> {
    this.handlers = handlers;
    this.scopes = { selected: [...scopes.selected], unassigned: [...scopes.unassigned] };
    this.scope = scopes.selected.length > 0 ? 'selected' : 'unassigned';
    this.chosen = new Set((this.store?.assignableMembers ?? []).map((m) => m.id));
    this.strategy = 'even';
    this.running = false;
    this.plan = null;
    await this.updateComplete;
    if (!this.dialog.open) this.dialog.showModal();
    this.renderRoot.querySelector<HTMLElement>('input')?.focus();
  }

  close(): void {
    if (this.dialog?.open) this.dialog.close();
  }

  protected override willUpdate(changed: PropertyValues): void {
    const choices = ['scopes', 'scope', 'chosen', 'strategy'];
    if (this.store && choices.some((k) => changed.has(k))) {
      const leads = this.scopes[this.scope];
      const members = this.store.assignableMembers.filter((m) => this.chosen.has(m.id)).map((m) => m.id);
      this.plan = leads.length > 0 && members.length > 0 ? this.store.planDistribution(leads, members, this.strategy) : null;
    }
  }

  private readonly onCancel = (e: Event) => {
    if (this.running) e.preventDefault(); // keep the progress (and then the outcome) visible
  };

  private readonly onDialogClose = () => {
    const handlers = this.handlers;
    this.handlers = undefined;
    handlers?.closed();
  };

  private toggleMember(id: string, on: boolean): void {
    const next = new Set(this.chosen);
    if (on) next.add(id);
    else next.delete(id);
    this.chosen = next;
  }

  private async confirm(): Promise<void> {
    const plan = this.plan;
    if (!plan || plan.assignments.length === 0 || this.running || !this.handlers) return;
    this.running = true;
    try {
      await this.handlers.confirm(plan);
    } finally {
      this.running = false;
      this.close();
    }
  }

  protected override render() {
    const msg = messages();
    const store = this.store;
    const members = store?.assignableMembers ?? [];
    const withCapacity = members.some((m) => m.capacity !== undefined);
    const plan = this.plan;
    const n = plan?.assignments.length ?? 0;
    const total = this.scopes[this.scope].length;
    const me = store?.me ?? null;
    const leaving = me && plan ? plan.assignments.filter((a) => losesSight(me, a.memberId)).length : 0;
    const rows = plan && store ? previewRows(plan, (id) => store.lead(id), (id) => store.member(id)) : [];
    const skipped = plan?.skipped.length ?? 0;
    return html`<dialog
      class="dialog distribute-dialog"
      aria-labelledby="distribute-title"
      aria-describedby="distribute-desc"
      @cancel=${this.onCancel}
      @close=${this.onDialogClose}
    >
      <h2 class="dialog-title" id="distribute-title">${msg.distributeTitle}</h2>
      <p class="dialog-desc" id="distribute-desc">${msg.distributeDesc}</p>
      <fieldset class="group" ?disabled=${this.running}>
        <legend>${msg.distributeLeads}</legend>
        ${(['selected', 'unassigned'] as const).map((scope) =>
          this.scopes[scope].length === 0
            ? nothing
            : html`<label class="choice">
                <input
                  type="radio"
                  name="scope"
                  .checked=${live(this.scope === scope)}
                  @change=${() => (this.scope = scope)}
                />
                ${scope === 'selected' ? msg.scopeSelected(this.scopes.selected.length) : msg.scopeUnassigned(this.scopes.unassigned.length)}
              </label>`,
        )}
      </fieldset>
      <fieldset class="group members" ?disabled=${this.running}>
        <legend>${msg.distributeTo}</legend>
        <div class="member-list">
          ${members.map(
            (m) => html`<label class="choice member">
              <input type="checkbox" .checked=${live(this.chosen.has(m.id))} @change=${(e: Event) => this.toggleMember(m.id, (e.target as HTMLInputElement).checked)} />
              ${avatar(m)}
              <span class="member-name">${m.id === me?.id ? `${m.name} (${msg.you})` : m.name}</span>
              <span class="member-load">${msg.openCount(m.openLeads)}${m.capacity !== undefined ? html` · ${msg.capacityOf(m.capacity)}` : nothing}</span>
            </label>`,
          )}
        </div>
      </fieldset>
      <fieldset class="group strategy" ?disabled=${this.running}>
        <legend>${msg.distributeStrategy}</legend>
        <label class="choice"><input type="radio" name="strategy" .checked=${live(this.strategy === 'even')} @change=${() => (this.strategy = 'even')} />${msg.strategyEven}</label>
        ${withCapacity
          ? html`<label class="choice"><input type="radio" name="strategy" .checked=${live(this.strategy === 'capacity')} @change=${() => (this.strategy = 'capacity')} />${msg.strategyCapacity}</label>`
          : nothing}
      </fieldset>
      ${this.chosen.size === 0 ? html`<p class="note" role="alert">${msg.chooseSomeone}</p>` : nothing}
      ${rows.length > 0
        ? html`<table class="preview">
            <caption>${msg.distributePreview}</caption>
            <thead>
              <tr>
                <th scope="col">${msg.previewPerson}</th>
                <th scope="col" class="num">${msg.previewReceives}</th>
                <th scope="col" class="num">${msg.previewLoad}</th>
              </tr>
            </thead>
            <tbody>
              ${rows.map(
                (r) => html`<tr data-member=${r.member.id} class=${r.receives > 0 ? 'receives-row' : 'gives'}>
                  <th scope="row">${r.member.name}</th>
                  <td class="num receives">${r.receives}</td>
                  <td class="num load">${msg.loadChange(r.before, r.after)}</td>
                </tr>`,
              )}
            </tbody>
          </table>`
        : nothing}
      ${skipped > 0 ? html`<p class="note">${msg.distributeSkipped(skipped)}</p>` : nothing}
      ${leaving > 0 ? html`<p class="dialog-warning">${warningIcon}<span>${msg.leaveView(leaving, total)}</span></p>` : nothing}
      ${this.running
        ? html`<div class="dialog-progress">
            <div class="progress-track" role="progressbar" aria-label=${msg.distributing(n)}><div class="progress-bar"></div></div>
            <span class="progress-text">${msg.distributing(n)}</span>
          </div>`
        : nothing}
      <div class="dialog-actions">
        <button type="button" class="btn" ?disabled=${this.running} @click=${() => this.close()}>${msg.cancel}</button>
        <button type="button" class="btn btn-primary confirm-button" ?disabled=${n === 0 || this.running} @click=${() => this.confirm()}>
          ${msg.distributeConfirm(n)}
        </button>
      </div>
    </dialog>`;
  }
}

define('lead-kanban-distribute-dialog', LeadKanbanDistributeDialog);

declare global {
  interface HTMLElementTagNameMap {
    'lead-kanban-distribute-dialog': LeadKanbanDistributeDialog;
  }
}
