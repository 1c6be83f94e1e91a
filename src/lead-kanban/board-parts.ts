import type { LitElement, ReactiveControllerHost } from 'lit';
import type { Column, LeadStore } from '../../sdk/index.js';
import type { LazyModule } from '../internal/lazy.js';
import type { OnDemandElements } from './on-demand-elements.js';
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
  /** One of the board's own elements (the menu, a dialog, the drawer), by tag, if it is rendered. */
  element<K extends keyof HTMLElementTagNameMap>(tag: K): HTMLElementTagNameMap[K] | null;
  /**
   * One of the board's on-demand elements (the menu, a dialog), for a use: its chunk fetched, the element
   * rendered from now on (on-demand-elements.ts); null where the board does not offer it to this member.
   */
  summon<K extends keyof HTMLElementTagNameMap>(tag: K, chunk: LazyModule<unknown>): Promise<HTMLElementTagNameMap[K] | null>;
  /** Whether an on-demand element was summoned (the board renders it from then on). */
  summoned(tag: keyof HTMLElementTagNameMap): boolean;
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

/** What a board hands createBoardParts: itself, and what it shows. */
export interface BoardPartsSource {
  readonly host: LitElement;
  store(): LeadStore | undefined;
  readonly state: BoardState;
  readonly roving: RovingFocus;
  /** The columns shown, left to right. */
  columns(): readonly Column[];
  /** The board's on-demand elements. */
  readonly onDemand: OnDemandElements;
}

/** The board's parts over its element: columns and dialogs found in its render root, focus by position. */
export function createBoardParts(source: BoardPartsSource): BoardParts {
  const { host, state, roving } = source;
  const parts: BoardParts = {
    host,
    get store() {
      return source.store();
    },
    state,
    roving,
    columnKeys: () => source.columns().map((c) => c.key),
    columnLabel: (key) => source.columns().find((c) => c.key === key)?.label ?? key,
    column: (key) => host.renderRoot.querySelector<LeadKanbanColumn>(`lead-kanban-column[data-column="${CSS.escape(key)}"]`),
    element: (tag) => host.renderRoot.querySelector(tag),
    summon: (tag, chunk) => source.onDemand.summon(tag, chunk),
    summoned: (tag) => source.onDemand.has(tag),
    async focusPosition(position, control = 'open') {
      roving.set(position);
      await host.updateComplete;
      const column = parts.column(position.column);
      if (!column) return;
      if (position.header) await column.focusStop({ header: true });
      else if (!position.id) await column.focusStop({ empty: true });
      else await column.focusStop({ id: position.id, control });
    },
    async focusLead(leadId) {
      const column = source.store()?.lead(leadId)?.status;
      if (column) await parts.focusPosition({ column, id: leadId });
    },
    focusTabStop: () => {
      const position = roving.current();
      if (position) void parts.focusPosition(position);
    },
  };
  return parts;
}
