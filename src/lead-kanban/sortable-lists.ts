/**
 * SortableJS on one column list, with what turns its drag into a drop: a chunk of its own with SortableJS
 * (sortableChunk in drag.ts), fetched after the board's first frame.
 *
 * Sortable moves DOM nodes that Lit owns, so on drop the node goes back exactly where it was and the board
 * turns the drop into a store command; Lit then renders the card in its new place. The fallback
 * (pointer-driven) mode is forced: it behaves the same in every browser, inside shadow roots and under automation.
 */
import Sortable from 'sortablejs';
import type { CARD_DRAG } from './lead-card.js';

/** Where a card was dropped, in terms of its rendered neighbours (lead ids), not DOM indexes. */
export interface Drop {
  leadId: string;
  from: string;
  to: string;
  /** The card now just above the dropped one in the target list, if any is rendered. */
  afterId: string | null;
  /** The card now just below it, if any is rendered. */
  beforeId: string | null;
}

export interface DragHost {
  /** A drag started or ended: the board pins the card and freezes/unfreezes the columns. */
  dragStateChanged(leadId: string | null): void;
  /** The user dropped a card; the DOM is already back as Lit left it. */
  dropped(drop: Drop): void;
}

/** A column list's Sortable as the board uses it. */
export interface SortableList {
  destroy(): void;
  /** Whether cards may be reordered within the list (false: they can only be dragged to another list). */
  option(name: 'sort', value: boolean): void;
}

/**
 * Makes `list` a Sortable of `group`, dragging cards as `cards` says (lead-card.ts's CARD_DRAG); `reorder`
 * false lets cards only leave for another list (the board is sorted by something other than position).
 */
export function sortableList(list: HTMLElement, group: string, cards: typeof CARD_DRAG, host: DragHost, reorder = true): SortableList {
  /** Where the dragged node sat before Sortable moved it. */
  let origin: { parent: Node; next: Node | null } | null = null;

  const end = (evt: Sortable.SortableEvent): void => {
    const item = evt.item;
    const leadId = item.dataset.leadId;
    const from = evt.from.dataset.column;
    const to = evt.to.dataset.column;
    const neighbour = (start: Element | null, step: 'previousElementSibling' | 'nextElementSibling') => {
      let el = start;
      while (el && !(el.matches(cards.draggable) && el !== item)) el = el[step];
      return (el as HTMLElement | null)?.dataset.leadId ?? null;
    };
    const afterId = neighbour(item.previousElementSibling, 'previousElementSibling');
    const beforeId = neighbour(item.nextElementSibling, 'nextElementSibling');
    // Put the node back where Lit left it, before any state changes.
    const at = origin;
    origin = null;
    if (at) at.parent.insertBefore(item, at.next && at.next.parentNode === at.parent ? at.next : null);
    host.dragStateChanged(null);
    if (!leadId || !from || !to) return;
    if (from === to && evt.oldIndex === evt.newIndex) return;
    host.dropped({ leadId, from, to, afterId, beforeId });
  };

  return Sortable.create(list, {
    group,
    sort: reorder,
    ...cards,
    // Checkbox and menu button keep their own clicks.
    preventOnFilter: false,
    forceFallback: true,
    fallbackTolerance: 4,
    // On touch, a short press before the drag lets the column scroll.
    delay: 160,
    delayOnTouchOnly: true,
    animation: 140,
    scroll: true,
    bubbleScroll: true,
    onStart: (evt) => {
      origin = { parent: evt.from, next: evt.item.nextSibling };
      host.dragStateChanged(evt.item.dataset.leadId ?? null);
    },
    onEnd: end,
  });
}
