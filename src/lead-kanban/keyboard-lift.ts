/**
 * Keyboard move mode ("lift"): a card is picked up, the arrow keys choose where it would land, Enter/Space
 * drops it with ONE store move, Escape puts it back. Nothing is written while the card is lifted; the target is
 * kept as (column, index) in the store's terms (BoardState.lift), so it works whatever part of a virtualized
 * column is rendered. Under a sort other than Manual only the column is chosen (left and right; the card
 * would land where the sort puts it), and up and down say why they do nothing.
 */
import '../l10n/parts-late.js'; // the words of the parts loaded on demand (joins the table first)
import { announce } from '../controllers/announcer.js';
import { messages } from '../l10n.js';
import { inlineKey } from '../internal/direction.js';
import type { BoardCommands } from './board-commands.js';
import { sortLabel } from './board-toolbar.js';
import type { BoardParts } from './board-parts.js';
import type { Lift } from './board-state.js';

export type LiftStep = 'up' | 'down' | 'left' | 'right' | 'home' | 'end';

const STEPS: Record<string, LiftStep> = {
  ArrowUp: 'up',
  ArrowDown: 'down',
  ArrowLeft: 'left',
  ArrowRight: 'right',
  Home: 'home',
  End: 'end',
};

export class KeyboardLift {
  constructor(
    private readonly board: BoardParts,
    private readonly commands: BoardCommands,
  ) {}

  private count(column: string): number {
    return this.board.store?.countIn(column) ?? 0;
  }

  private indexIn(column: string, id: string): number {
    return this.board.store?.indexIn(column, id) ?? -1;
  }

  /** Cards of `column` other than the lifted one: the largest target index there. */
  private others(lift: Lift, column: string): number {
    const count = this.count(column);
    return this.indexIn(column, lift.leadId) >= 0 ? count - 1 : count;
  }

  /** The target after one key; the same lift when there is nowhere to go (edges). */
  step(lift: Lift, step: LiftStep): Lift {
    const max = this.others(lift, lift.to);
    switch (step) {
      case 'up':
        return lift.index > 0 ? { ...lift, index: lift.index - 1 } : lift;
      case 'down':
        return lift.index < max ? { ...lift, index: lift.index + 1 } : lift;
      case 'home':
        return { ...lift, index: 0 };
      case 'end':
        return { ...lift, index: max };
      case 'left':
      case 'right': {
        const columns = this.board.columnKeys();
        const c = columns.indexOf(lift.to) + (step === 'left' ? -1 : 1);
        if (c < 0 || c >= columns.length) return lift;
        const to = columns[c]!;
        const store = this.board.store;
        if (store && store.sort !== 'manual') return { ...lift, to, index: store.landingIndex(lift.leadId, to) };
        return { ...lift, to, index: Math.min(lift.index, this.others(lift, to)) };
      }
    }
  }

  /** 1-based position and column size the card would have if dropped now. */
  private place(lift: Lift): { position: number; total: number } {
    return { position: lift.index + 1, total: this.others(lift, lift.to) + 1 };
  }

  /** Dropping here changes nothing (the card's own place). */
  private isHome(lift: Lift): boolean {
    return lift.to === lift.from && lift.index === this.indexIn(lift.from, lift.leadId);
  }

  /**
   * Where to draw the drop line in `column`, as a row boundary among the rendered rows (which still include
   * the lifted card in its own column): null when the target is elsewhere or is the card's own place.
   */
  dropSlot(column: string): number | null {
    const lift = this.board.state.lift;
    if (!lift || lift.to !== column || this.isHome(lift)) return null;
    const own = this.indexIn(column, lift.leadId);
    return own >= 0 && lift.index >= own ? lift.index + 1 : lift.index;
  }

  /** Picks a card up: focus goes to its `role="application"` overlay, which takes the arrow keys. */
  async start(leadId: string): Promise<void> {
    const lead = this.board.store?.lead(leadId);
    const index = lead ? this.indexIn(lead.status, leadId) : -1;
    if (!lead || index < 0) return;
    const lift: Lift = { leadId, from: lead.status, to: lead.status, index };
    this.board.state.set({ lift });
    await this.board.focusPosition({ column: lead.status, id: leadId }, 'lift');
    const { position, total } = this.place(lift);
    announce(messages().announceLifted(lead.name, this.board.columnLabel(lift.to), position, total));
  }

  /** A key on the lifted card's overlay. */
  keydown(e: KeyboardEvent): void {
    const lift = this.board.state.lift;
    const lead = lift ? this.board.store?.lead(lift.leadId) : undefined;
    if (!lift || !lead) {
      if (lift) this.end('cancel', false);
      return;
    }
    const step = STEPS[inlineKey(e.key, this.board.host)];
    const sort = this.board.store?.sort ?? 'manual';
    if (step && step !== 'left' && step !== 'right' && sort !== 'manual') {
      e.preventDefault();
      announce(messages().reorderNeedsManual(sortLabel(sort)));
      return;
    }
    if (step) {
      e.preventDefault();
      const next = this.step(lift, step);
      if (next !== lift) {
        this.board.state.set({ lift: next });
        this.board.column(next.to)?.revealIndex(this.dropSlot(next.to) ?? next.index);
      }
      const { position, total } = this.place(next);
      announce(messages().announceLiftPosition(lead.name, this.board.columnLabel(next.to), position, total));
      return;
    }
    switch (e.key) {
      case 'Enter':
      case ' ':
        e.preventDefault();
        this.end('drop', true);
        return;
      case 'Escape':
        e.preventDefault();
        e.stopPropagation();
        this.end('cancel', true);
        return;
      case 'Tab':
        // Leaving a lifted card puts it back; focus returns to the card, the next Tab leaves the board.
        e.preventDefault();
        this.end('cancel', true);
        return;
    }
  }

  /** Drops (ONE store move, source "keyboard") or cancels; focus returns to the card's name unless it left. */
  end(how: 'drop' | 'cancel', refocus: boolean): void {
    const { state, store } = this.board;
    const lift = state.lift;
    if (!lift || !store) return;
    state.set({ lift: null }); // first: removing the focused overlay must not cancel again
    const lead = store.lead(lift.leadId);
    if (!lead) return;
    if (how === 'drop' && !this.isHome(lift)) {
      this.commands.move(lift.leadId, lift.to, lift.index, 'keyboard'); // announces "Moved … from … to …"
    } else {
      const msg = messages();
      const say = how === 'drop' ? msg.announceLiftUnchanged : msg.announceLiftCancelled;
      announce(say(lead.name, this.board.columnLabel(lead.status), this.indexIn(lead.status, lead.id) + 1, store.countIn(lead.status)));
    }
    if (refocus) void this.board.focusLead(lift.leadId);
    else this.board.roving.set({ column: store.lead(lift.leadId)?.status ?? lead.status, id: lift.leadId });
  }
}
