import type { BoardState, FocusPosition } from './board-state.js';

/** What the roving focus needs to know about the board's layout; answered from the store, never the DOM. */
export interface RovingGrid {
  /** Column keys, left to right. */
  columns(): readonly string[];
  /** The column's cards in order (filtered, as shown). */
  cards(column: string): readonly { id: string }[];
  /** Position of a lead in its column's cards, -1 when it is not shown there (a bisection, O(log n)). */
  indexIn(column: string, id: string): number;
  /** The column a lead is shown in, or null when it is not shown (filtered out, removed). */
  columnOf(id: string): string | null;
}

export type FocusMove = 'up' | 'down' | 'left' | 'right' | 'home' | 'end' | 'first' | 'last';

/**
 * Roving tabindex for the cards, keyed by lead id: exactly one card (or empty column, or column header) is
 * tabbable, and the arrow keys move that stop. The remembered position is board state (BoardState.tabStop),
 * not the DOM, so it survives virtualization (the card may not be rendered), re-sorting and moves between columns.
 */
export class RovingFocus {
  constructor(
    private readonly state: BoardState,
    private readonly grid: RovingGrid,
  ) {}

  /** Remembers a position (e.g. the card the user clicked), without moving DOM focus. */
  set(position: FocusPosition): void {
    const index = position.id ? Math.max(0, this.grid.indexIn(position.column, position.id)) : this.state.tabStopIndex;
    const was = this.state.tabStop;
    const same = was?.column === position.column && was.id === position.id && Boolean(was.header) === Boolean(position.header);
    this.state.set({ tabStop: same ? was : position, tabStopIndex: index });
  }

  /**
   * The position that holds the Tab stop now: the remembered card where it is shown now (it may have moved
   * columns), else a card near where it was, else the first card of the board, else the first column.
   */
  current(): FocusPosition | null {
    const columns = this.grid.columns();
    if (columns.length === 0) return null;
    const pos = this.state.tabStop;
    // A header checkbox is disabled (not focusable) while its column shows no card.
    if (pos?.header && columns.includes(pos.column) && this.grid.cards(pos.column).length > 0) return pos;
    if (pos?.id) {
      const column = this.grid.columnOf(pos.id);
      if (column !== null) return column === pos.column ? pos : { column, id: pos.id };
    }
    if (pos && columns.includes(pos.column)) {
      const cards = this.grid.cards(pos.column);
      if (cards.length === 0) return { column: pos.column, id: null };
      const near = cards[Math.min(this.state.tabStopIndex, cards.length - 1)]!;
      return { column: pos.column, id: near.id };
    }
    for (const column of columns) {
      const first = this.grid.cards(column)[0];
      if (first) return { column, id: first.id };
    }
    return { column: columns[0]!, id: null };
  }

  /** True when the column's "Select all in" checkbox holds the Tab stop. */
  isHeaderTabStop(column: string): boolean {
    const cur = this.current();
    return cur !== null && cur.header === true && cur.column === column;
  }

  /** The position an arrow/Home/End key leads to from the current one (null when there is nowhere to go). */
  target(move: FocusMove): FocusPosition | null {
    const cur = this.current();
    if (!cur) return null;
    if (cur.header) return this.fromHeader(cur.column, move);
    const columns = this.grid.columns();
    const cards = this.grid.cards(cur.column);
    const index = cur.id ? this.grid.indexIn(cur.column, cur.id) : -1;
    switch (move) {
      case 'up':
        if (index === 0) return { column: cur.column, id: null, header: true };
        return index > 0 ? this.at(cur.column, index - 1) : null;
      case 'down':
        return index >= 0 && index < cards.length - 1 ? this.at(cur.column, index + 1) : null;
      case 'home':
        return cards.length ? this.at(cur.column, 0) : null;
      case 'end':
        return cards.length ? this.at(cur.column, cards.length - 1) : null;
      case 'left':
      case 'right': {
        const c = columns.indexOf(cur.column) + (move === 'left' ? -1 : 1);
        if (c < 0 || c >= columns.length) return null;
        return this.at(columns[c]!, index >= 0 ? index : this.state.tabStopIndex);
      }
      case 'first':
        return this.at(columns[0]!, 0);
      case 'last': {
        const column = columns[columns.length - 1]!;
        return this.at(column, this.grid.cards(column).length - 1);
      }
    }
  }

  /** The card at index `i` of a column (clamped), or the column's empty state. */
  private at(column: string, i: number): FocusPosition {
    const list = this.grid.cards(column);
    if (list.length === 0) return { column, id: null };
    return { column, id: list[Math.max(0, Math.min(list.length - 1, i))]!.id };
  }

  /** Moves from a column's header checkbox: down into its cards, left/right along the headers. */
  private fromHeader(column: string, move: FocusMove): FocusPosition | null {
    const columns = this.grid.columns();
    switch (move) {
      case 'up':
        return null;
      case 'down':
      case 'home':
        return this.at(column, 0);
      case 'end':
        return this.at(column, this.grid.cards(column).length - 1);
      case 'left':
      case 'right': {
        const c = columns.indexOf(column) + (move === 'left' ? -1 : 1);
        if (c < 0 || c >= columns.length) return null;
        const next = columns[c]!;
        // An empty column's header is disabled: land on its empty state instead.
        return this.grid.cards(next).length > 0 ? { column: next, id: null, header: true } : { column: next, id: null };
      }
      case 'first':
        return this.at(columns[0]!, 0);
      case 'last': {
        const last = columns[columns.length - 1]!;
        return this.at(last, this.grid.cards(last).length - 1);
      }
    }
  }
}
