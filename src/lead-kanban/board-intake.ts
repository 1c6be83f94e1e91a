import { html, nothing } from 'lit';
import type { ImportResult, Lead } from '../../sdk/index.js';
import type { LazyModule } from '../internal/lazy.js';
import { messages } from '../l10n.js';
import type { BoardParts } from './board-parts.js';
import type { ToastController } from './toasts.js';

/**
 * The board's use of its intake dialogs (intake/, in the chunk of the board's on-demand parts): which it
 * renders (what `store.intake` allows this member), opening them from the toolbar and the columns' "+" (each
 * use awaits the chunk), and what the user is told afterwards (a toast; focus on the new card, or back on the
 * button that opened the dialog).
 */
export class BoardIntake {
  constructor(
    private readonly board: BoardParts,
    private readonly toasts: ToastController,
    private readonly chunk: LazyModule<unknown>,
  ) {}

  /** The dialog elements this member may open, from their first use on (on-demand-elements.ts). */
  render() {
    const { store, summoned } = this.board;
    const can = store?.status === 'ready' ? store.intake : null;
    if (!can) return nothing;
    return html`${can.createLead && summoned('lead-kanban-add-lead-dialog') ? html`<lead-kanban-add-lead-dialog .store=${store}></lead-kanban-add-lead-dialog>` : nothing}
    ${can.importLeads && summoned('lead-kanban-import-dialog') ? html`<lead-kanban-import-dialog .store=${store}></lead-kanban-import-dialog>` : nothing}
    ${can.changeAssignmentRules && summoned('lead-kanban-rules-dialog') ? html`<lead-kanban-rules-dialog .store=${store}></lead-kanban-rules-dialog>` : nothing}`;
  }

  /** "Add lead", for `status` when a column's "+" asked (else the first column). */
  async openAddLead(opener: HTMLElement | null, status?: string): Promise<void> {
    const dialog = await this.board.summon('lead-kanban-add-lead-dialog', this.chunk);
    let created: Lead | null = null;
    await dialog?.show({
      ...(status ? { status } : {}),
      created: (lead) => {
        created = lead;
        this.toasts.show('success', this.createdText(lead));
      },
      closed: () => void this.refocus(opener, created),
    });
  }

  async openImport(opener: HTMLElement | null): Promise<void> {
    await (await this.board.summon('lead-kanban-import-dialog', this.chunk))?.show({
      imported: (result: ImportResult) => this.toasts.show('success', messages().importDone(result.created)),
      closed: () => void this.refocus(opener, null),
    });
  }

  async openRules(opener: HTMLElement | null): Promise<void> {
    await (await this.board.summon('lead-kanban-rules-dialog', this.chunk))?.show({
      saved: () => this.toasts.show('success', messages().rulesSaved),
      closed: () => void this.refocus(opener, null),
    });
  }

  /** "Dana Ruiz added to New", or "… added and assigned to Alex Chen" when someone (or the rules) got it. */
  private createdText(lead: Lead): string {
    const msg = messages();
    const assignee = lead.assigneeId === null ? undefined : (this.board.store?.member(lead.assigneeId)?.name ?? lead.assigneeId);
    return assignee ? msg.leadCreatedFor(lead.name, assignee) : msg.leadCreated(lead.name, this.board.columnLabel(lead.status));
  }

  /** Focus goes to the new card when the board shows it, else back where the dialog was opened from. */
  private async refocus(opener: HTMLElement | null, created: Lead | null): Promise<void> {
    const store = this.board.store;
    if (created && store && store.indexIn(created.status, created.id) >= 0) return this.board.focusLead(created.id);
    await this.board.host.updateComplete;
    if (opener?.isConnected) opener.focus();
    else this.board.focusTabStop();
  }
}
