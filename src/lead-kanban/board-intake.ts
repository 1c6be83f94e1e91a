import { html, nothing } from 'lit';
import type { ImportResult, Lead } from '../../sdk/index.js';
import { whenDefined, type LazyModule } from '../internal/lazy.js';
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

  /** The dialog elements this member may open (they upgrade when the chunk arrives). */
  render() {
    const store = this.board.store;
    const can = store?.status === 'ready' ? store.intake : null;
    if (!can || !(can.createLead || can.importLeads || can.changeAssignmentRules)) return nothing;
    return html`${can.createLead ? html`<lead-kanban-add-lead-dialog .store=${store}></lead-kanban-add-lead-dialog>` : nothing}
    ${can.importLeads ? html`<lead-kanban-import-dialog .store=${store}></lead-kanban-import-dialog>` : nothing}
    ${can.changeAssignmentRules ? html`<lead-kanban-rules-dialog .store=${store}></lead-kanban-rules-dialog>` : nothing}`;
  }

  /** "Add lead", for `status` when a column's "+" asked (else the first column). */
  async openAddLead(opener: HTMLElement | null, status?: string): Promise<void> {
    await whenDefined('lead-kanban-add-lead-dialog', this.chunk);
    let created: Lead | null = null;
    await this.board.element('lead-kanban-add-lead-dialog')?.show({
      ...(status ? { status } : {}),
      created: (lead) => {
        created = lead;
        this.toasts.show('success', this.createdText(lead));
      },
      closed: () => void this.refocus(opener, created),
    });
  }

  async openImport(opener: HTMLElement | null): Promise<void> {
    await whenDefined('lead-kanban-import-dialog', this.chunk);
    await this.board.element('lead-kanban-import-dialog')?.show({
      imported: (result: ImportResult) => this.toasts.show('success', messages().importDone(result.created)),
      closed: () => void this.refocus(opener, null),
    });
  }

  async openRules(opener: HTMLElement | null): Promise<void> {
    await whenDefined('lead-kanban-rules-dialog', this.chunk);
    await this.board.element('lead-kanban-rules-dialog')?.show({
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
