import type { ReactiveControllerHost } from 'lit';
import type { LeadStore } from '../../sdk/index.js';
import type { LeadKanbanColumn } from './board-column.js';
import type { BoardState, FocusPosition } from './board-state.js';
import type { CardControl } from './lead-card.js';
import type { RovingFocus } from './roving-focus.js';

/**
 * What the board's controllers (keyboard, lift, selection, commands, menu) share: the board element, its
 * store, its state, and the few services the board element itself provides. Each controller is handed this
 * and nothing else, so none of them reaches into another or into the board's DOM.
 */
export interface BoardParts {
  /** The board element: events are fired on it, and it is the controllers' host. */
  readonly host: HTMLElement & ReactiveControllerHost;
  readonly store: LeadStore | undefined;
  readonly state: BoardState;
  readonly roving: RovingFocus;
  /** Keys of the columns shown, left to right. */
  columnKeys(): readonly string[];
  /** A column's label ("New"); the key when the column is unknown. */
  columnLabel(key: string): string;
  /** The rendered column element of a key. */
  column(key: string): LeadKanbanColumn | null;
  /** One of the board's own elements (the menu, a dialog, the drawer), by tag. */
  element<K extends keyof HTMLElementTagNameMap>(tag: K): HTMLElementTagNameMap[K] | null;
  /**
   * Makes `position` the Tab stop and focuses it: the column scrolls so the card is rendered and visible, then
   * `control` of that card (by default its name button), the column's header checkbox or its empty state.
   */
  focusPosition(position: FocusPosition, control?: CardControl): Promise<void>;
  /** Focuses a lead's card (its name button), scrolling its column. */
  focusLead(leadId: string): Promise<void>;
  /** Focuses the board's Tab stop (the remembered card, or where it was). */
  focusTabStop(): void;
}
