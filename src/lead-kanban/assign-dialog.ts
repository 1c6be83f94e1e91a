import '../l10n/parts-late.js'; // the words of the parts loaded on demand (joins the table first)
import { LitElement, html, nothing } from 'lit';
import { property, state } from 'lit/decorators.js';
import type { LeadStore } from '../../sdk/index.js';
import { losesSight } from '../../sdk/index.js';
import type { AssignPicker } from '../assign-picker/assign-picker.js';
import '../assign-picker/assign-picker.js';
// Its body too (picker-body.ts), so the pickers render whole with this chunk's first frame.
import '../assign-picker/picker-body.js';
import { LocalizeController, messages } from '../l10n.js';
import { controlStyles } from '../shared/controls.styles.js';
import { define } from '../shared/define.js';
import { dialogStyles } from '../shared/dialog.styles.js';
import { tokens } from '../shared/tokens.styles.js';
import { assignDialogStyles } from './assign-dialog.styles.js';
import { warningIcon } from './icons.js';

/** What the board does with the dialog's choice, and when it closed. */
export interface AssignDialogHandlers {
  /** Runs the assignment; the dialog shows progress until it settles, then closes. */
  confirm(leadIds: readonly string[], assigneeId: string | null): Promise<unknown>;
  /** The dialog closed (confirmed or not): the board puts focus back. */
  closed(): void;
  /** How many of the leads the board's filter hides (0 unless they are the selection). */
  hiddenCount(): number;
  /** Takes the hidden leads out of the selection; answers the leads left to assign. */
  clearHidden(): readonly string[];
}

/**
 * @summary The bulk "Assign leads" dialog of `<lead-kanban>` (internal): an `<assign-picker>` to choose the
 * assignee, then the confirm step ("Assign 37 leads to Dana Ruiz?" / `Assign 37 leads`), progress while the
 * one store command runs. Warns a plain member that handing leads to someone else removes them from view.
 * A native modal `<dialog>` traps focus and closes on Escape. Loaded on first use (on-demand-parts.ts).
 *
 * @tagname lead-kanban-assign-dialog
 */
export class LeadKanbanAssignDialog extends LitElement {
  static override styles = [tokens, controlStyles, dialogStyles, assignDialogStyles];

  @property({ attribute: false }) store: LeadStore | undefined;
  @state() private leadIds: readonly string[] = [];
  /**
   * The choice: a member id, null for "Unassigned" (an explicit bulk unassign), or undefined while nothing is
   * chosen yet — the picker then shows a placeholder and the confirm button stays disabled.
   */
  @state() private assigneeId: string | null | undefined = undefined;
  @state() private running = false;
  private get dialog(): HTMLDialogElement {
    return this.renderRoot.querySelector('dialog')!;
  }

  private handlers: AssignDialogHandlers | undefined;

  private readonly localize = new LocalizeController(this);

  get open(): boolean {
    return this.dialog?.open ?? false;
  }

  /** Opens for these leads (a snapshot: the selection may change underneath). */
  async show(leadIds: readonly string[], handlers: AssignDialogHandlers): Promise<void> {
    this.handlers = handlers;
    this.leadIds = [...leadIds];
    this.assigneeId = undefined;
    this.running = false;
    await this.updateComplete;
    if (!this.dialog.open) this.dialog.showModal();
    this.picker?.focus();
  }

  close(): void {
    if (this.dialog?.open) this.dialog.close();
  }

  private readonly onCancel = (e: Event) => {
    // Escape while the request runs would hide its progress and outcome.
    if (this.running) e.preventDefault();
  };

  private get picker(): AssignPicker | null {
    return this.renderRoot.querySelector('assign-picker');
  }

  private readonly onDialogClose = () => {
    this.picker?.close();
    const handlers = this.handlers;
    this.handlers = undefined;
    handlers?.closed();
  };

  private readonly onClearHidden = () => {
    if (!this.handlers || this.running) return;
    this.leadIds = [...this.handlers.clearHidden()];
    // The button goes with the hidden leads: focus stays in the dialog, on the choice still to make.
    void this.updateComplete.then(() => this.picker?.focus());
  };

  private readonly onPick = (e: Event) => {
    this.assigneeId = (e.target as HTMLElement & { value: string | null | undefined }).value;
  };

  private async confirm(): Promise<void> {
    const assigneeId = this.assigneeId;
    if (assigneeId === undefined || this.running || !this.handlers) return;
    this.running = true;
    try {
      await this.handlers.confirm(this.leadIds, assigneeId);
    } finally {
      this.running = false;
      this.close();
    }
  }

  protected override render() {
    const msg = messages();
    const n = this.leadIds.length;
    const me = this.store?.me ?? null;
    const assigneeId = this.assigneeId;
    const picked = assigneeId !== undefined;
    const name = assigneeId ? (this.store?.member(assigneeId)?.name ?? assigneeId) : null;
    const question = name === null ? msg.confirmUnassign(n) : msg.confirmAssign(n, name);
    const warn = assigneeId !== undefined && me !== null && losesSight(me, assigneeId);
    // "Unassign N leads" only after an explicit "Unassigned"; before any choice the (disabled) button reads "Assign N leads".
    const confirmLabel = assigneeId === null ? msg.unassignNLeads(n) : msg.assignNLeads(n);
    const hidden = this.handlers?.hiddenCount() ?? 0;
    return html`<dialog
      class="dialog assign-dialog"
      aria-labelledby="assign-dialog-title"
      aria-describedby="assign-dialog-desc"
      @cancel=${this.onCancel}
      @close=${this.onDialogClose}
    >
      <h2 class="dialog-title" id="assign-dialog-title">${msg.assignLeadsTitle}</h2>
      <p class="dialog-desc" id="assign-dialog-desc">
        ${msg.chooseAssignee} ${msg.selectedCount(n)}${hidden > 0 ? ` — ${msg.hiddenByFilter(hidden)}` : ''}.
      </p>
      ${hidden > 0
        ? html`<p class="dialog-warning hidden-warning">
            ${warningIcon}<span>${msg.hiddenWarning(hidden)}</span>
            <button type="button" class="btn btn-quiet clear-hidden" aria-label=${msg.clearHiddenLabel} ?disabled=${this.running} @click=${this.onClearHidden}>
              ${msg.clearHidden}
            </button>
          </p>`
        : nothing}
      <assign-picker
        class="dialog-picker"
        .value=${this.assigneeId}
        placeholder=${msg.choosePerson}
        ?disabled=${this.running}
        @change=${this.onPick}
      ></assign-picker>
      <div class="dialog-confirm" ?hidden=${!picked}>
        <p class="confirm-question">${picked ? question : nothing}</p>
        ${warn ? html`<p class="dialog-warning">${warningIcon}<span>${msg.handOffWarning(n)}</span></p>` : nothing}
      </div>
      ${this.running
        ? html`<div class="dialog-progress">
            <div class="progress-track" role="progressbar" aria-label=${msg.assigning(n)}><div class="progress-bar"></div></div>
            <span class="progress-text">${msg.assigning(n)}</span>
          </div>`
        : nothing}
      <div class="dialog-actions">
        <button type="button" class="btn" ?disabled=${this.running} @click=${() => this.close()}>${msg.cancel}</button>
        <button type="button" class="btn btn-primary confirm-button" ?disabled=${!picked || this.running} @click=${() => this.confirm()}>
          ${confirmLabel}
        </button>
      </div>
    </dialog>`;
  }
}

define('lead-kanban-assign-dialog', LeadKanbanAssignDialog);

declare global {
  interface HTMLElementTagNameMap {
    'lead-kanban-assign-dialog': LeadKanbanAssignDialog;
  }
}
