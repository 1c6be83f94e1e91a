import Sortable from 'sortablejs';

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

const CARD = 'lead-kanban-card';
let groups = 0;

/**
 * SortableJS on every column list of one board, in one shared group. Sortable moves DOM nodes that Lit owns,
 * so on drop the node goes back exactly where it was and the board turns the drop into a store command; Lit
 * then renders the card in its new place. The fallback (pointer-driven) mode is forced: it behaves the same
 * in every browser, inside shadow roots and under automation.
 */
export class DragController {
  private readonly sortables = new Map<string, Sortable>();
  private readonly group = `lead-kanban-${++groups}`;
  /** Where the dragged node sat before Sortable moved it. */
  private origin: { parent: Node; next: Node | null } | null = null;

  constructor(private readonly host: DragHost) {}

  connect(column: string, list: HTMLElement): void {
    this.sortables.get(column)?.destroy();
    this.sortables.set(
      column,
      Sortable.create(list, {
        group: this.group,
        draggable: CARD,
        handle: '.card',
        // Checkbox and menu button keep their own clicks.
        filter: '.card-check, .card-menu',
        preventOnFilter: false,
        forceFallback: true,
        fallbackTolerance: 4,
        // On touch, a short press before the drag lets the column scroll.
        delay: 160,
        delayOnTouchOnly: true,
        animation: 140,
        ghostClass: 'is-drop-placeholder',
        chosenClass: 'is-chosen',
        dragClass: 'is-drag-image',
        scroll: true,
        bubbleScroll: true,
        onStart: (evt) => {
          this.origin = { parent: evt.from, next: evt.item.nextSibling };
          this.host.dragStateChanged(evt.item.dataset.leadId ?? null);
        },
        onEnd: (evt) => this.end(evt),
      }),
    );
  }

  disconnect(column: string): void {
    this.sortables.get(column)?.destroy();
    this.sortables.delete(column);
  }

  dispose(): void {
    for (const sortable of this.sortables.values()) sortable.destroy();
    this.sortables.clear();
  }

  private end(evt: Sortable.SortableEvent): void {
    const item = evt.item;
    const leadId = item.dataset.leadId;
    const from = evt.from.dataset.column;
    const to = evt.to.dataset.column;
    const neighbour = (start: Element | null, step: 'previousElementSibling' | 'nextElementSibling') => {
      let el = start;
      while (el && !(el.matches(CARD) && el !== item)) el = el[step];
      return (el as HTMLElement | null)?.dataset.leadId ?? null;
    };
    const afterId = neighbour(item.previousElementSibling, 'previousElementSibling');
    const beforeId = neighbour(item.nextElementSibling, 'nextElementSibling');
    // Put the node back where Lit left it, before any state changes.
    const origin = this.origin;
    this.origin = null;
    if (origin) {
      const next = origin.next && origin.next.parentNode === origin.parent ? origin.next : null;
      origin.parent.insertBefore(item, next);
    }
    this.host.dragStateChanged(null);
    if (!leadId || !from || !to) return;
    if (from === to && evt.oldIndex === evt.newIndex) return;
    this.host.dropped({ leadId, from, to, afterId, beforeId });
  }
}
