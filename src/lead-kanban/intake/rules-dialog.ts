import '../../l10n/parts-late.js'; // the words of the parts loaded on demand (joins the table first)
import { html, nothing } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { state } from 'lit/decorators.js';
import type { AssignmentRules, AssignmentStrategy, FieldIssue, MemberWithLoad } from '../../../sdk/index.js';
import { AdapterError } from '../../../sdk/index.js';
import { messages, type Messages } from '../../l10n.js';
import { avatar, avatarStyles } from '../../shared/avatar.js';
import { controlStyles } from '../../shared/controls.styles.js';
import { define } from '../../shared/define.js';
import { dialogStyles } from '../../shared/dialog.styles.js';
import { formStyles } from '../../shared/form.styles.js';
import { tokens } from '../../shared/tokens.styles.js';
import { intakeDialogStyles } from './intake-dialog.styles.js';
import { IntakeDialog, type DialogClosed } from './intake-dialog.js';
import { rulesDialogStyles } from './rules-dialog.styles.js';

export interface RulesOptions extends DialogClosed {
  /** The rules were saved (the board tells the user). */
  saved(rules: AssignmentRules): void;
}

/** A member row: someone who may take part, or one the saved rules name who no longer can (skipped). */
interface MemberRow {
  id: string;
  member: MemberWithLoad | undefined;
  skipped: boolean;
}

/** Where a refusal is shown: the members group, one member's row, the columns group. */
type ErrorSpot = 'members' | `member:${string}` | 'statuses';

function strategyText(strategy: AssignmentStrategy, msg: Messages): { label: string; hint: string } {
  switch (strategy) {
    case 'round_robin':
      return { label: msg.strategyRoundRobin, hint: msg.strategyRoundRobinHint };
    case 'balanced':
      return { label: msg.strategyBalanced, hint: msg.strategyBalancedHint };
    case 'capacity':
      return { label: msg.strategyCapacity, hint: msg.strategyCapacityHint };
  }
}

/**
 * @summary The "Assignment rules" dialog of `<lead-kanban>` (internal; admins and managers): on/off, the
 * members taking part (members the saved rules name who are no longer active are shown as skipped, and left
 * out when saving), the strategy — `Round robin`, `Balanced`, or `By capacity` when someone has a capacity —
 * and optionally only some columns. `Save rules` is ONE store command (`store.setAssignmentRules`); a refusal
 * is shown where it belongs (a member's row, the members, the columns), worded from its code. Loaded on
 * first use with the other intake dialogs (intake-parts.ts).
 *
 * @tagname lead-kanban-rules-dialog
 */
export class LeadKanbanRulesDialog extends IntakeDialog {
  static override styles = [tokens, avatarStyles, controlStyles, dialogStyles, formStyles, intakeDialogStyles, rulesDialogStyles];

  @state() private loading = false;
  /** The rules as saved when the dialog opened (null while loading or when they could not be read). */
  @state() private saved: AssignmentRules | null = null;
  @state() private enabled = false;
  @state() private strategy: AssignmentStrategy = 'round_robin';
  @state() private chosen: ReadonlySet<string> = new Set();
  @state() private onlySome = false;
  @state() private statuses: ReadonlySet<string> = new Set();
  @state() private errors: ReadonlyMap<ErrorSpot, string> = new Map();
  @state() private failure: string | null = null;
  private options: RulesOptions | undefined;

  /** Opens and reads the rules; focus goes to the on/off switch once they are in. */
  async show(options: RulesOptions): Promise<void> {
    this.options = options;
    this.saved = null;
    this.errors = new Map();
    this.failure = null;
    this.busy = false;
    this.loading = true;
    const switchBox = () => this.renderRoot.querySelector<HTMLInputElement>('#rules-enabled');
    const opened = this.openModal(options, () => this.renderRoot.querySelector<HTMLElement>('.rules-close'));
    try {
      this.edit(await this.store!.getAssignmentRules());
    } catch (error) {
      this.failure = messages().rulesLoadFailed(error instanceof Error ? error.message : String(error));
    } finally {
      this.loading = false;
    }
    await opened;
    await this.updateComplete;
    switchBox()?.focus();
  }

  private edit(rules: AssignmentRules): void {
    this.saved = rules;
    this.enabled = rules.enabled;
    this.strategy = rules.strategy;
    this.chosen = new Set(rules.memberIds);
    this.onlySome = rules.statuses !== undefined;
    this.statuses = new Set(rules.statuses ?? []);
  }

  /** Active members (name order), then members the saved rules name who can no longer take part. */
  private rows(): MemberRow[] {
    const store = this.store;
    const active = store?.assignableMembers ?? [];
    const rows: MemberRow[] = active.map((m) => ({ id: m.id, member: m, skipped: false }));
    for (const id of this.saved?.memberIds ?? []) {
      if (!rows.some((r) => r.id === id)) rows.push({ id, member: store?.member(id), skipped: true });
    }
    return rows;
  }

  /** `By capacity` is offered when someone has a capacity (or it is what the rules say now). */
  private strategies(): AssignmentStrategy[] {
    const capacity = this.strategy === 'capacity' || (this.store?.assignableMembers ?? []).some((m) => m.capacity !== undefined);
    return capacity ? ['round_robin', 'balanced', 'capacity'] : ['round_robin', 'balanced'];
  }

  private toggle(set: ReadonlySet<string>, key: string, on: boolean): Set<string> {
    const next = new Set(set);
    if (on) next.add(key);
    else next.delete(key);
    return next;
  }

  private readonly onSave = async () => {
    const store = this.store;
    if (!store || this.busy || !this.saved) return;
    const memberIds = this.rows().filter((r) => !r.skipped && this.chosen.has(r.id)).map((r) => r.id);
    const columns = store.columns.map((c) => c.key).filter((k) => this.statuses.has(k));
    const rules: AssignmentRules = { enabled: this.enabled, strategy: this.strategy, memberIds };
    if (this.onlySome) rules.statuses = columns;
    this.busy = true;
    this.failure = null;
    this.errors = new Map();
    try {
      const saved = await store.setAssignmentRules(rules);
      this.busy = false;
      this.options?.saved(saved);
      this.close();
    } catch (error) {
      this.busy = false;
      this.refused(error, memberIds);
      await this.updateComplete;
      this.renderRoot.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
    }
  };

  /** Puts each issue of a refusal where it belongs; what belongs nowhere is the dialog's failure line. */
  private refused(error: unknown, memberIds: readonly string[]): void {
    const msg = messages();
    if (AdapterError.is(error, 'forbidden')) {
      this.failure = msg.problemForbidden;
      return;
    }
    const errors = new Map<ErrorSpot, string>();
    for (const issue of AdapterError.is(error) ? (error.issues ?? []) : []) {
      const spot = this.spotOf(issue, memberIds);
      if (spot && !errors.has(spot)) errors.set(spot, this.issueText(issue, spot, msg));
    }
    this.errors = errors;
    if (errors.size === 0) this.failure = msg.rulesSaveFailed(error instanceof Error ? error.message : String(error));
  }

  private spotOf(issue: FieldIssue, memberIds: readonly string[]): ErrorSpot | undefined {
    const [head, index] = issue.path.split('.');
    if (head === 'statuses') return 'statuses';
    if (head !== 'memberIds') return undefined;
    const id = index === undefined ? undefined : memberIds[Number(index)];
    return id === undefined ? 'members' : `member:${id}`;
  }

  private issueText(issue: FieldIssue, spot: ErrorSpot, msg: Messages): string {
    const id = spot.startsWith('member:') ? spot.slice('member:'.length) : '';
    switch (issue.code) {
      case 'no_members':
        return msg.problemNoMembers;
      case 'inactive_member':
        return msg.problemMemberInactive(this.store?.member(id)?.name ?? id);
      case 'unknown_member':
        return msg.problemMemberUnknown;
      case 'too_small':
        return spot === 'statuses' ? msg.problemNoStatuses : issue.message;
      case 'unknown_status':
        return msg.problemUnknownStatus((this.store?.columns ?? []).map((c) => c.label).join(', '));
      default:
        return issue.message;
    }
  }

  private renderMembers(msg: Messages) {
    const groupError = this.errors.get('members');
    return html`<fieldset class="rules-members" aria-describedby=${groupError ? 'rules-members-error' : nothing}>
      <legend>${msg.rulesMembers}</legend>
      ${groupError ? html`<p class="error" id="rules-members-error">${groupError}</p>` : nothing}
      <ul class="member-list">
        ${this.rows().map(({ id, member, skipped }) => {
          const error = this.errors.get(`member:${id}`);
          const inputId = `rules-member-${id}`;
          const load = member ? msg.memberLoad(member.openLeads, member.capacity) : '';
          return html`<li class="member-row${skipped ? ' is-skipped' : ''}">
            <input
              type="checkbox"
              id=${inputId}
              .checked=${!skipped && this.chosen.has(id)}
              ?disabled=${skipped || this.busy}
              aria-invalid=${ifDefined(error ? 'true' : undefined)}
              aria-describedby="${inputId}-detail${error ? ` ${inputId}-error` : ''}"
              @change=${(e: Event) => (this.chosen = this.toggle(this.chosen, id, (e.target as HTMLInputElement).checked))}
            />
            ${avatar(member ?? { id, name: id })}
            <label for=${inputId}>${member?.name ?? id}</label>
            <span class="member-detail" id="${inputId}-detail">${skipped ? msg.memberSkipped : load}</span>
            ${error ? html`<p class="error" id="${inputId}-error">${error}</p>` : nothing}
          </li>`;
        })}
      </ul>
    </fieldset>`;
  }

  private renderStatuses(msg: Messages) {
    const error = this.errors.get('statuses');
    return html`<fieldset class="rules-statuses">
      <legend class="visually-hidden">${msg.rulesStatuses}</legend>
      <label class="check-line">
        <input
          type="checkbox"
          .checked=${this.onlySome}
          ?disabled=${this.busy}
          aria-describedby="rules-statuses-hint"
          @change=${(e: Event) => (this.onlySome = (e.target as HTMLInputElement).checked)}
        />
        ${msg.rulesStatuses}
      </label>
      <p class="dialog-hint" id="rules-statuses-hint">${msg.rulesStatusesHint}</p>
      ${this.onlySome
        ? html`<div class="status-choices" role="group" aria-label=${msg.rulesStatuses} aria-describedby=${error ? 'rules-statuses-error' : nothing}>
            ${(this.store?.columns ?? []).map(
              (c) => html`<label class="check-line">
                <input
                  type="checkbox"
                  .checked=${this.statuses.has(c.key)}
                  ?disabled=${this.busy}
                  aria-invalid=${ifDefined(error ? 'true' : undefined)}
                  @change=${(e: Event) => (this.statuses = this.toggle(this.statuses, c.key, (e.target as HTMLInputElement).checked))}
                />
                ${c.label}
              </label>`,
            )}
          </div>`
        : nothing}
      ${error ? html`<p class="error" id="rules-statuses-error">${error}</p>` : nothing}
    </fieldset>`;
  }

  protected override render() {
    const msg = messages();
    const ready = this.saved !== null;
    const body = html`${this.loading ? html`<p class="dialog-hint" role="status">${msg.rulesLoading}</p>` : nothing}
      ${ready
        ? html`<label class="check-line rules-switch">
              <input
                id="rules-enabled"
                type="checkbox"
                role="switch"
                .checked=${this.enabled}
                ?disabled=${this.busy}
                @change=${(e: Event) => (this.enabled = (e.target as HTMLInputElement).checked)}
              />
              ${msg.rulesEnabled}
            </label>
            <fieldset class="rules-strategy">
              <legend>${msg.rulesStrategy}</legend>
              ${this.strategies().map((s) => {
                const { label, hint } = strategyText(s, msg);
                // Named by its label alone ("Round robin"), described by its hint.
                return html`<div class="radio-line">
                  <input
                    type="radio"
                    id="rules-strategy-${s}"
                    name="strategy"
                    value=${s}
                    .checked=${this.strategy === s}
                    ?disabled=${this.busy}
                    aria-describedby="rules-hint-${s}"
                    @change=${() => (this.strategy = s)}
                  />
                  <label for="rules-strategy-${s}">${label}</label>
                  <span class="dialog-hint" id="rules-hint-${s}">${hint}</span>
                </div>`;
              })}
            </fieldset>
            ${this.renderMembers(msg)}
            ${this.renderStatuses(msg)}`
        : nothing}
      ${this.failure ? html`<p class="dialog-failure" role="alert">${this.failure}</p>` : nothing}
      <div class="dialog-actions">
        ${this.busy ? html`<span class="dialog-busy" role="status">${msg.savingRules}</span>` : nothing}
        <button type="button" class="btn rules-close" ?disabled=${this.busy} @click=${() => this.close()}>${msg.cancel}</button>
        <button type="button" class="btn btn-primary" ?disabled=${this.busy || !ready} @click=${this.onSave}>${msg.saveRules}</button>
      </div>`;
    return this.frame('assignment-rules', msg.assignmentRules, msg.rulesDescription, body, 'rules-dialog');
  }
}

define('lead-kanban-rules-dialog', LeadKanbanRulesDialog);

declare global {
  interface HTMLElementTagNameMap {
    'lead-kanban-rules-dialog': LeadKanbanRulesDialog;
  }
}
