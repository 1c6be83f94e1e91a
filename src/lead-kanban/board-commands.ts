import type { AssignOutcome, Source, StoreNotice } from '../../sdk/index.js';
import { announce } from '../controllers/announcer.js';
import { LeadAssignEvent, LeadMoveEvent, LeadRequestAssignEvent, LeadRequestMoveEvent, type LeadMoveDetail } from '../events/index.js';
import { messages } from '../l10n.js';
import { noticeText, outcomeText, undoText, type Names } from '../notice-text.js';
import { fire } from '../shared/fire.js';
import type { BoardParts } from './board-parts.js';
import type { BoardSelection } from './board-selection.js';
import { sortLabel } from './board-toolbar.js';
import type { ToastController } from './toasts.js';

/**
 * Every write the board makes — a move (drag, menu, keyboard), an assignment (bulk dialog, card menu), undo —
 * takes one path here: the cancelable `lead-request-*` event, ONE store command, the settled `lead-*` event,
 * and what the user is told (see docs/architecture.md, "How a write flows").
 *
 * What the user is told has one rule, so nothing is said twice: what went wrong — any command's failure or
 * refused leads, whoever started it (this board, the drawer inside it, the host) — comes from the store's
 * notices, worded by src/notice-text.ts; a success is confirmed by whoever started it (here a toast, with
 * Undo for an assignment; the drawer confirms its own inline). Moves are announced when they are made.
 */
export class BoardCommands {
  constructor(
    private readonly board: BoardParts,
    private readonly selection: BoardSelection,
    private readonly toasts: ToastController,
  ) {}

  readonly names: Names = {
    lead: (id) => this.board.store?.lead(id)?.name,
    member: (id) => this.board.store?.member(id)?.name,
  };

  /**
   * Moves a lead to `index` of column `to` (as the user sees it): false when the request was cancelled or
   * the lead is not shown. A failed save rolls back in the store and comes back as a notice (a toast).
   *
   * Under a sort other than Manual a card has no place of its own within its column (the store keeps the
   * sort's order): reordering within a column is refused here, for every gesture, with the reason told; a
   * move to another column goes through and lands where the sort puts it.
   */
  move(leadId: string, to: string, index: number, source: Source): boolean {
    const store = this.board.store;
    const lead = store?.lead(leadId);
    if (!store || !lead) return false;
    if (store.sort !== 'manual' && to === lead.status) {
      this.toasts.show('warning', messages().reorderNeedsManual(sortLabel(store.sort)));
      return false;
    }
    const detail: LeadMoveDetail = { leadId, from: lead.status, to, index, source };
    if (!fire(this.board.host, new LeadRequestMoveEvent(detail))) return false;
    store.move(leadId, to, { index, source }).catch(() => undefined); // reported through the store's notice
    fire(this.board.host, new LeadMoveEvent(detail));
    const position = store.indexIn(to, leadId) + 1;
    const label = (key: string) => this.board.columnLabel(key);
    announce(messages().announceMoved(lead.name, label(lead.status), label(to), position || index + 1, store.countIn(to)));
    return true;
  }

  /**
   * Assigns leads (null: unassigns): null when there was nothing to do or the request was cancelled. The
   * leads that went through leave the selection.
   */
  async assign(leadIds: readonly string[], assigneeId: string | null, source: Source): Promise<AssignOutcome | null> {
    const store = this.board.store;
    if (!store || leadIds.length === 0) return null;
    if (!fire(this.board.host, new LeadRequestAssignEvent({ leadIds: [...leadIds], assigneeId, source }))) return null;
    const outcome = await store.assign(leadIds, assigneeId, { source });
    fire(this.board.host, new LeadAssignEvent({ leadIds: [...leadIds], assigneeId, source, outcome }));
    this.selection.release(outcome.ok);
    const { text, kind } = outcomeText(outcome, this.names);
    if (kind === 'success') this.toasts.show(kind, text, outcome.ok.length > 0 ? this.undoAction() : undefined);
    return outcome;
  }

  /** Undoes the last assignment batch (a write of its own, source "undo"). */
  async undo(): Promise<void> {
    const outcome = await this.board.store?.undo();
    if (!outcome) return;
    const { text, kind } = undoText(outcome, this.names);
    if (kind === 'success') this.toasts.show(kind, text);
  }

  /** A store notice: shown unless it is a success (confirmed by whoever started the command) or said elsewhere. */
  notice(notice: StoreNotice): void {
    if (notice.kind === 'success') return;
    // Field edits and notes are shown at the field, in the drawer; a failed load by the board itself.
    if (notice.command === 'update' || notice.command === 'addNote') return;
    if (notice.command === 'load' && notice.code === 'failed') return;
    const text = noticeText(notice, this.names);
    if (text === null) return;
    const changedSome = (notice.counts?.ok ?? 0) > 0 && (notice.command === 'assign' || notice.command === 'distribute');
    this.toasts.show(notice.kind, text, changedSome ? this.undoAction() : undefined);
  }

  private undoAction() {
    return this.board.store?.canUndo ? { label: messages().undo, run: () => void this.undo() } : undefined;
  }
}
