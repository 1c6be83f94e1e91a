import { announce } from '../controllers/announcer.js';
import { LeadSelectionChangeEvent } from '../events/index.js';
import { messages } from '../l10n.js';
import { fire } from '../shared/fire.js';
import type { BoardParts } from './board-parts.js';
import type { FocusMove } from './roving-focus.js';

/**
 * The user's selection gestures on the board, each ONE store call, then `lead-selection-change` and the
 * announcement: a checkbox (Shift: a range from the anchor), Space, Shift+arrows, "Select all in",
 * "Select all matching", Clear and Escape. The selection itself is the store's; the anchor of ranges is here.
 */
export class BoardSelection {
  /** Last card whose checkbox was clicked (or toggled by Space): the anchor of Shift ranges. */
  private anchor: string | null = null;

  constructor(private readonly board: BoardParts) {}

  /** A card's checkbox: toggles it, or with `range` selects from the anchor to it. */
  toggle(leadId: string, range = false): void {
    const store = this.board.store;
    if (!store) return;
    if (range && this.anchor && this.anchor !== leadId && store.lead(this.anchor)) store.selectRange(this.anchor, leadId);
    else store.toggleSelected(leadId);
    this.anchor = leadId;
    this.changed();
  }

  /**
   * Shift+arrow from `id` to `nextId`: up/down selects the range from the anchor (in this column) to the next
   * card; left/right adds the card in the next column and makes it the anchor. The focused card is always
   * part of the selection.
   */
  extend(id: string, column: string, nextId: string, arrow: FocusMove): void {
    const store = this.board.store;
    if (!store) return;
    if (arrow === 'up' || arrow === 'down') {
      const anchorLead = this.anchor ? store.lead(this.anchor) : undefined;
      const anchor = anchorLead && anchorLead.status === column && store.isSelected(anchorLead.id) ? anchorLead.id : id;
      store.selectRange(anchor, nextId);
      this.anchor = anchor;
    } else {
      store.setSelected(id, true);
      store.setSelected(nextId, true);
      this.anchor = nextId;
    }
    this.changed();
  }

  /** "Select all in" a column: all of its shown cards, or none when all were selected. */
  toggleColumn(column: string): void {
    const store = this.board.store;
    if (!store) return;
    store.selectAllIn(column, store.selectionStateIn(column) !== 'all');
    this.changed();
  }

  selectAllMatching(): void {
    this.board.store?.selectAllMatching();
    this.changed();
  }

  /** Takes the selected leads the filter hides out of the selection. */
  clearHidden(): void {
    const store = this.board.store;
    if (!store || store.selectedHiddenCount === 0) return;
    store.deselectHidden();
    this.changed();
  }

  /**
   * After a render: when a filter change hides selected leads (or a different number of them), the live
   * region says so once, since a bulk action would still reach them.
   */
  noteHidden(): void {
    const store = this.board.store;
    if (!store || store.filter === this.filterSeen) return;
    this.filterSeen = store.filter;
    const hidden = store.selectedHiddenCount;
    if (hidden > 0 && hidden !== this.hidden) announce(messages().announceHidden(hidden));
    this.hidden = hidden;
  }
  private filterSeen: object | null = null;
  private hidden = 0;

  /** Clears the selection; false when nothing was selected. */
  clear(): boolean {
    const store = this.board.store;
    if (!store || store.selectedCount === 0) return false;
    store.clearSelection();
    this.changed();
    return true;
  }

  /** Leads an assignment went through for leave the selection (the event fires only when it changed). */
  release(leadIds: readonly string[]): void {
    const store = this.board.store;
    if (!store || leadIds.length === 0 || store.selectedCount === 0) return;
    const before = store.selectedCount;
    store.deselect(leadIds);
    if (store.selectedCount !== before) fire(this.board.host, new LeadSelectionChangeEvent(store.selectedIds()));
  }

  private changed(): void {
    const store = this.board.store;
    if (!store) return;
    // selectedIds(): the store's list for this selection state (made once, no set), also what a bulk command sends.
    fire(this.board.host, new LeadSelectionChangeEvent(store.selectedIds()));
    announce(messages().announceSelection(store.selectedCount));
  }
}
