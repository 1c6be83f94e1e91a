import type { AssignOutcome, DistributionPlan, Source, StoreNotice } from '../../sdk/index.js';
import { announce } from '../controllers/announcer.js';
import {
  LeadAssignEvent,
  LeadDistributeEvent,
  LeadMoveEvent,
  LeadRequestAssignEvent,
  LeadRequestDistributeEvent,
  LeadRequestMoveEvent,
  type LeadMoveDetail,
} from '../events/index.js';
import { messages } from '../l10n.js';
import type { Names } from '../notice-text.js';
import { fire } from '../shared/fire.js';
import { collaborationChunk } from './board-collaboration.js';
import { BoardConflicts, CONFLICT_LIFETIME } from './board-conflicts.js';
import type * as CollaborationParts from './collaboration-parts.js';
import type { BoardParts } from './board-parts.js';
import type { BoardSelection } from './board-selection.js';
import { sortLabel } from './board-toolbar.js';
import type { ToastController } from './toasts.js';

/**
 * Every write the board makes — a move (drag, menu, keyboard), an assignment (bulk dialog, card menu), undo —
 * takes one path here: the cancelable `lead-request-*` event, ONE store command, the settled `lead-*` event,
 * and what the user is told (see docs/architecture.md, "How a write flows").
 *
 * What the user is told has one rule, so nothing is said twice: every outcome — a settled assignment, move or
 * undo, a failure, refused leads — comes from the store's notices, whoever started the command (this board,
 * the drawer inside it, the host), worded by src/notice-text.ts and shown here as a toast; an action the store
 * keeps in its undo history offers its own Undo. The drawer also confirms its own writes inline ("Saved").
 * Moves are announced when they are made (their toast is not spoken again).
 */
export class BoardCommands {
  /** The last move asked per lead: what "Keep mine" asks again after a conflict. */
  private readonly moves = new Map<string, { to: string; index: number; source: Source }>();
  private readonly conflicts: BoardConflicts;

  constructor(
    private readonly board: BoardParts,
    private readonly selection: BoardSelection,
    private readonly toasts: ToastController,
  ) {
    this.conflicts = new BoardConflicts(board, selection, toasts, (leadId) => {
      const asked = this.moves.get(leadId);
      return asked ? this.move(leadId, asked.to, asked.index, asked.source) : false;
    });
  }

  readonly names: Names = {
    lead: (id) => this.board.store?.lastSeen(id)?.name,
    member: (id) => this.board.store?.member(id)?.name,
    columnOf: (id) => {
      const status = this.board.store?.lead(id)?.status;
      return status === undefined ? undefined : this.board.columnLabel(status);
    },
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
    this.moves.delete(leadId);
    this.moves.set(leadId, { to, index, source });
    if (this.moves.size > 50) this.moves.delete(this.moves.keys().next().value!);
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
    return outcome;
  }

  /**
   * Applies a previewed distribution exactly as it is (one batch, source "distribute"): null when the request
   * was cancelled. The leads that went through leave the selection.
   */
  async distribute(plan: DistributionPlan): Promise<AssignOutcome | null> {
    const store = this.board.store;
    if (!store || plan.assignments.length === 0) return null;
    if (!fire(this.board.host, new LeadRequestDistributeEvent({ plan }))) return null;
    const outcome = await store.applyDistribution(plan);
    fire(this.board.host, new LeadDistributeEvent({ plan, outcome }));
    this.selection.release(outcome.ok);
    return outcome;
  }

  /** Undoes an action of the store's undo history (the newest without an id): a write of its own, source "undo". */
  undo(actionId?: string): Promise<unknown> {
    return this.board.store?.undo(actionId) ?? Promise.resolve(null);
  }

  /**
   * Ctrl/Cmd+Z anywhere on the board (the drawer included) undoes the last action — but not in a text field,
   * which keeps its own undo of typing.
   */
  readonly undoKey = (e: KeyboardEvent): void => {
    if (e.key.toLowerCase() !== 'z' || !(e.ctrlKey || e.metaKey) || e.shiftKey || e.altKey || e.defaultPrevented) return;
    if (isTextEntry(e.composedPath()[0])) return;
    e.preventDefault();
    if (this.board.store?.canUndo) void this.undo();
    else announce(messages().nothingUndone);
  };

  /**
   * A store notice, as a toast (said elsewhere: field edits and notes at the field, a failed load by the board,
   * a conflict on the lead open in the drawer by the drawer). Leads found changed by someone else come with
   * the conflict panel and its two choices.
   */
  notice(notice: StoreNotice): void {
    if (notice.command === 'update' || notice.command === 'addNote') return;
    if (notice.command === 'load' && notice.code === 'failed') return;
    // What a notice says (src/notice-text.ts) is in the collaboration chunk, fetched after the first frame:
    // a notice that comes before it waits for it, and notices are told in the order they came.
    collaborationChunk.inOrder((parts) => this.tell(notice, parts));
  }

  private tell(notice: StoreNotice, { noticeText, settledText }: typeof CollaborationParts): void {
    const msg = messages();
    const conflicts = this.conflicts.leadsOf(notice);
    if (conflicts.length > 0 && this.conflicts.inDrawer(conflicts) && (notice.counts?.ok ?? 0) === 0) return;
    const offer = conflicts.length > 0 && !this.conflicts.inDrawer(conflicts);
    const settled = settledText(notice, this.names);
    // One lead that did not go through: named as what happened to it ("Acme Corp was changed by someone else").
    const single = offer && conflicts.length === 1 && (notice.counts?.ok ?? 0) === 0;
    const text = single ? msg.conflictTitle(this.names.lead(conflicts[0]!) ?? conflicts[0]!) : (settled?.text ?? noticeText(notice, this.names));
    if (text === null) return;
    const undoId = notice.undoId;
    const actions = undoId ? [{ label: msg.undo, run: () => void this.undo(undoId) }] : [];
    let id = 0;
    id = this.toasts.show(settled?.kind ?? notice.kind, text, {
      actions,
      ...(offer ? { content: this.conflicts.panel(notice, conflicts, () => id), lifetime: CONFLICT_LIFETIME } : {}),
      announce: !(notice.command === 'move' && notice.kind === 'success'),
    });
  }
}

/** A control where Ctrl+Z belongs to the text being typed. */
function isTextEntry(target: EventTarget | undefined): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable || target instanceof HTMLTextAreaElement) return true;
  return target instanceof HTMLInputElement && !['checkbox', 'radio', 'button', 'submit', 'reset', 'range', 'color'].includes(target.type);
}
