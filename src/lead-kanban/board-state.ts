import type { ReactiveControllerHost } from 'lit';

/**
 * Where the board's single Tab stop is: a card (by lead id), an empty column's empty state (id null), or a
 * column's "Select all in" checkbox (`header`, id null) — the row above the first card.
 */
export interface FocusPosition {
  column: string;
  id: string | null;
  header?: boolean;
}

/** A card picked up for a keyboard move ("lift"), and where it would land. */
export interface Lift {
  leadId: string;
  /** The column the card is in (and goes back to on Escape). */
  from: string;
  /** Target column. */
  to: string;
  /** Target index in `to`, counted with the lifted card left out — the index `store.move` takes. */
  index: number;
}

/** What BoardState holds; every field is replaced, never edited in place. */
export interface BoardStateFields {
  /** The remembered Tab stop (where the user last was), resolved against the store by the roving focus. */
  tabStop: FocusPosition | null;
  /** Index the remembered card had, to land near it when it disappears (filtered out, moved away). */
  tabStopIndex: number;
  lift: Lift | null;
  /** The lead whose actions menu is open. */
  menuLeadId: string | null;
  /** The card being dragged (SortableJS); columns hold their updates until the drop. */
  dragLeadId: string | null;
  /** The lead shown in the drawer. */
  openLeadId: string | null;
}

/**
 * The board's own state that several of its parts read (see docs/architecture.md, "Board state"): the Tab
 * stop, the lifted card, the open menu, the dragged card and the open lead. One small object, written only
 * through `set`, which asks the board to render again; the board hands each column the part it shows as
 * properties, so Lit re-renders only the columns whose part changed.
 */
export class BoardState implements BoardStateFields {
  tabStop: FocusPosition | null = null;
  tabStopIndex = 0;
  lift: Lift | null = null;
  menuLeadId: string | null = null;
  dragLeadId: string | null = null;
  openLeadId: string | null = null;

  constructor(private readonly host: ReactiveControllerHost) {}

  set(patch: Partial<BoardStateFields>): void {
    let changed = false;
    for (const key of Object.keys(patch) as (keyof BoardStateFields)[]) {
      if (this[key] === patch[key]) continue;
      (this as Record<keyof BoardStateFields, unknown>)[key] = patch[key];
      changed = true;
    }
    if (changed) this.host.requestUpdate();
  }
}
