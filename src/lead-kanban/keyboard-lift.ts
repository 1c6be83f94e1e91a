/**
 * Keyboard move mode ("lift"): a card is picked up, the arrow keys choose where it would land, Enter/Space
 * drops it with ONE store move, Escape puts it back. Nothing is written while the card is lifted; the target is
 * kept as (column, index) in the store's terms, so it works whatever part of a virtualized column is rendered.
 */

export interface Lift {
  leadId: string;
  /** The column the card is in (and goes back to on Escape). */
  from: string;
  /** Target column. */
  to: string;
  /** Target index in `to`, counted with the lifted card left out — the index `store.move` takes. */
  index: number;
}

export type LiftStep = 'up' | 'down' | 'left' | 'right' | 'home' | 'end';

/** What the lift needs to know about the board; answered from the store. */
export interface LiftGrid {
  /** Column keys, left to right. */
  columns(): readonly string[];
  /** Cards shown in a column (the lifted card included when it is there). */
  count(column: string): number;
  /** Position of a lead in a column as shown, -1 when it is not there. */
  indexIn(column: string, id: string): number;
}

export class KeyboardLift {
  constructor(private readonly grid: LiftGrid) {}

  /** Picks up a lead where it is shown now; null when it is not shown. */
  start(leadId: string, column: string): Lift | null {
    const index = this.grid.indexIn(column, leadId);
    return index < 0 ? null : { leadId, from: column, to: column, index };
  }

  /** Cards of `column` other than the lifted one: the largest target index there. */
  others(lift: Lift, column: string): number {
    const count = this.grid.count(column);
    return this.grid.indexIn(column, lift.leadId) >= 0 ? count - 1 : count;
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
        const columns = this.grid.columns();
        const c = columns.indexOf(lift.to) + (step === 'left' ? -1 : 1);
        if (c < 0 || c >= columns.length) return lift;
        const to = columns[c]!;
        return { ...lift, to, index: Math.min(lift.index, this.others(lift, to)) };
      }
    }
  }

  /** 1-based position and column size the card would have if dropped now. */
  place(lift: Lift): { position: number; total: number } {
    return { position: lift.index + 1, total: this.others(lift, lift.to) + 1 };
  }

  /** Dropping here changes nothing (the card's own place). */
  isHome(lift: Lift): boolean {
    return lift.to === lift.from && lift.index === this.grid.indexIn(lift.from, lift.leadId);
  }

  /**
   * Where to draw the drop line in `column`, as a row boundary among the rendered rows (which still include
   * the lifted card in its own column): null when the target is elsewhere or is the card's own place.
   */
  dropSlot(lift: Lift | null, column: string): number | null {
    if (!lift || lift.to !== column || this.isHome(lift)) return null;
    const own = this.grid.indexIn(column, lift.leadId);
    return own >= 0 && lift.index >= own ? lift.index + 1 : lift.index;
  }
}
