import { inlineKey } from '../internal/direction.js';
import { columnControlOf } from './board-column.js';
import { CardOpenEvent } from './board-events.js';
import type { BoardCommands } from './board-commands.js';
import type { BoardParts } from './board-parts.js';
import type { BoardSelection } from './board-selection.js';
import { cardControlOf, type CardControl } from './lead-card.js';
import type { FocusMove } from './roving-focus.js';

const ARROWS: Record<string, FocusMove> = { ArrowUp: 'up', ArrowDown: 'down', ArrowLeft: 'left', ArrowRight: 'right' };

/** The keyboard move mode as the keyboard sees it (keyboard-lift.ts, which comes with the on-demand parts). */
export interface LiftKeys {
  start(leadId: string): void;
  /** A key on the lifted card's overlay. */
  keydown(e: KeyboardEvent): void;
  end(how: 'drop' | 'cancel', refocus: boolean): void;
}

/** What the keyboard asks of the board beyond its parts. */
export interface KeyboardActions {
  /** Opens a lead's card menu beside its actions button. */
  openMenu(leadId: string): void;
  /** Moves focus to the bulk bar (its Assign button while something is selected). */
  focusBulkBar(): void;
}

/**
 * The board's keyboard model on its columns (listed in the "Keyboard shortcuts" dialog; see
 * docs/architecture.md, "Keyboard"): on a card control (checkbox, name, actions button), a column's header
 * checkbox or an empty column, arrows/Home/End move the one Tab stop (keeping the same kind of control),
 * Shift+arrows extend the selection, Space selects, Escape clears, Enter opens the lead (from its checkbox
 * too), M lifts, Ctrl/Cmd+arrows move at once, Shift+F10 (or the Menu key) opens the card menu, B goes to the
 * bulk bar. Keys on a lifted card go to the lift.
 */
export class BoardKeyboard {
  constructor(
    private readonly board: BoardParts,
    private readonly selection: BoardSelection,
    private readonly commands: BoardCommands,
    private readonly lift: LiftKeys,
    private readonly actions: KeyboardActions,
  ) {}

  readonly keydown = (e: KeyboardEvent): void => {
    const store = this.board.store;
    if (!store) return;
    const card = cardControlOf(e.target);
    if (card?.control === 'lift') {
      this.lift.keydown(e);
      return;
    }
    const header = columnControlOf(e.target);
    if (!card && !header) return;
    const id = card?.leadId ?? null;
    const column = id ? store.lead(id)?.status : header?.column;
    if (!column) return;
    const control: CardControl = card?.control ?? 'open';
    this.board.roving.set({ column, id, ...(header?.control === 'header' ? { header: true } : {}) });
    const arrow = ARROWS[inlineKey(e.key, this.board.host)];
    const mod = e.ctrlKey || e.metaKey;
    if (arrow && mod && id && !e.shiftKey && !e.altKey) {
      e.preventDefault();
      this.moveAtOnce(id, arrow);
      return;
    }
    if (arrow && !mod && !e.altKey) {
      e.preventDefault();
      const next = this.board.roving.target(arrow);
      if (!next) return;
      if (e.shiftKey && id && next.id) this.selection.extend(id, column, next.id, arrow);
      void this.board.focusPosition(next, control);
      return;
    }
    switch (e.key) {
      case 'Home':
      case 'End': {
        e.preventDefault();
        const next = this.board.roving.target(mod ? (e.key === 'Home' ? 'first' : 'last') : e.key === 'Home' ? 'home' : 'end');
        if (next) void this.board.focusPosition(next, control);
        return;
      }
      case ' ':
        // The checkbox and the menu button keep their own Space (toggle, open); on the name, Space selects.
        if (!id || control !== 'open') return;
        e.preventDefault(); // no button activation: Space selects, Enter opens
        this.selection.toggle(id);
        return;
      case 'Escape':
        if (this.selection.clear()) e.preventDefault();
        return;
      case 'Enter':
        // The name button opens by itself (a click) and the actions button opens its menu; the checkbox has no
        // Enter of its own, so there too Enter opens the lead, through the card's own event.
        if (id && control === 'check' && !mod && !e.shiftKey && !e.altKey) {
          e.preventDefault();
          card!.card.dispatchEvent(new CardOpenEvent(id));
        }
        return;
      case 'b':
      case 'B':
        if (!mod && !e.altKey && !e.shiftKey) {
          e.preventDefault();
          this.actions.focusBulkBar();
        }
        return;
      case 'm':
      case 'M':
        if (id && !mod && !e.altKey && !e.shiftKey) {
          e.preventDefault();
          this.lift.start(id);
        }
        return;
      case 'F10':
      case 'ContextMenu':
        if (id && (e.key === 'ContextMenu' || e.shiftKey)) {
          e.preventDefault();
          this.actions.openMenu(id);
        }
        return;
    }
  };

  /** Focus entered a card control or a column header: it becomes the Tab stop (a click already focused it). */
  /** A key in the bulk bar: Escape goes back to the cards (where B came from). */
  readonly bulkBarKeydown = (e: KeyboardEvent): void => {
    if (e.key !== 'Escape' || e.defaultPrevented) return;
    e.preventDefault();
    this.board.focusTabStop();
  };

  readonly focusin = (e: FocusEvent): void => {
    const header = columnControlOf(e.target);
    if (header?.control === 'header') {
      if (!this.board.roving.isHeaderTabStop(header.column)) this.board.roving.set({ column: header.column, id: null, header: true });
      return;
    }
    const id = cardControlOf(e.target)?.leadId;
    const column = id ? this.board.store?.lead(id)?.status : undefined;
    if (id && column) this.board.roving.set({ column, id });
  };

  /** Focus left a lifted card (a click elsewhere, a window switch): the move is cancelled, the card stays put. */
  readonly focusout = (e: FocusEvent): void => {
    if (this.board.state.lift && cardControlOf(e.target)?.control === 'lift') this.lift.end('cancel', false);
  };

  /** Ctrl/Cmd + arrow: moves the focused card one place up/down, or to the next column left/right. */
  private moveAtOnce(id: string, arrow: FocusMove): void {
    const store = this.board.store!;
    const lead = store.lead(id);
    if (!lead) return;
    const keys = this.board.columnKeys();
    const index = store.indexIn(lead.status, id);
    let to = lead.status;
    let at = index;
    if (arrow === 'up') at = index - 1;
    else if (arrow === 'down') at = index + 1;
    else {
      const c = keys.indexOf(lead.status) + (arrow === 'left' ? -1 : 1);
      if (c < 0 || c >= keys.length) return;
      to = keys[c]!;
      at = Math.min(index, store.countIn(to));
    }
    if (at < 0 || (to === lead.status && at > store.countIn(to) - 1)) return;
    if (this.commands.move(id, to, at, 'keyboard')) void this.board.focusLead(id);
  }
}
