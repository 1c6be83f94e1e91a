import type Sortable from 'sortablejs';

type SortableClass = typeof Sortable;

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
 * How SortableJS is fetched: a separate chunk (about a sixth of the widget's weight), needed only once someone
 * drags. Swappable so a test can hold the fetch back and press a card before it arrives.
 */
export const sortableSource = {
  load: (): Promise<SortableClass> => import('sortablejs').then((m) => m.default),
};

/** The one fetch, shared by every board on the page; `loaded` is set once it has arrived. */
let loading: Promise<SortableClass> | undefined;
let loaded: SortableClass | undefined;
let preloadScheduled = false;
let arrived!: (sortable: SortableClass) => void;
/** Resolves when SortableJS has arrived, without starting the fetch itself. */
const ready = new Promise<SortableClass>((resolve) => (arrived = resolve));

/** Starts the fetch (once; again after a failure) and resolves with SortableJS. */
function loadSortable(): Promise<SortableClass> {
  loading ??= sortableSource.load().then(
    (sortable) => {
      loaded = sortable;
      arrived(sortable);
      return sortable;
    },
    (error: unknown) => {
      loading = undefined; // a failed fetch (offline) is tried again on the next press
      throw error;
    },
  );
  return loading;
}

/** Starts the fetch once the board has painted its first frame, so it never competes with that frame. */
function preloadAfterFirstFrame(): void {
  if (loaded || preloadScheduled) return;
  preloadScheduled = true;
  requestAnimationFrame(() => setTimeout(() => void loadSortable().catch(() => undefined), 0));
}

/**
 * SortableJS on every column list of one board, in one shared group. Sortable moves DOM nodes that Lit owns,
 * so on drop the node goes back exactly where it was and the board turns the drop into a store command; Lit
 * then renders the card in its new place. The fallback (pointer-driven) mode is forced: it behaves the same
 * in every browser, inside shadow roots and under automation.
 *
 * SortableJS is loaded lazily (see {@link sortableSource}): lists connected before it arrives wait for it,
 * and a press on a card before then is held and handed to Sortable once it is there, so the first drag works.
 */
export class DragController {
  private readonly sortables = new Map<string, Sortable>();
  /** Lists connected before SortableJS arrived, with the listener that catches an early press. */
  private readonly waiting = new Map<string, { list: HTMLElement; onPress: (event: PointerEvent) => void }>();
  private readonly group = `lead-kanban-${++groups}`;
  /** Where the dragged node sat before Sortable moved it. */
  private origin: { parent: Node; next: Node | null } | null = null;

  constructor(private readonly host: DragHost) {}

  connect(column: string, list: HTMLElement): void {
    this.disconnect(column);
    if (loaded) {
      this.sortables.set(column, this.create(loaded, list));
      return;
    }
    const onPress = (event: PointerEvent) => void this.pressBeforeLoad(column, event);
    list.addEventListener('pointerdown', onPress);
    this.waiting.set(column, { list, onPress });
    preloadAfterFirstFrame();
    void ready.then((sortable) => this.attachWaiting(column, list, sortable));
  }

  disconnect(column: string): void {
    const waiting = this.waiting.get(column);
    if (waiting) waiting.list.removeEventListener('pointerdown', waiting.onPress);
    this.waiting.delete(column);
    this.sortables.get(column)?.destroy();
    this.sortables.delete(column);
  }

  dispose(): void {
    for (const column of [...this.waiting.keys(), ...this.sortables.keys()]) this.disconnect(column);
  }

  /** SortableJS arrived: the list gets its Sortable, if it is still the one connected for the column. */
  private attachWaiting(column: string, list: HTMLElement, sortable: SortableClass): void {
    const waiting = this.waiting.get(column);
    if (waiting?.list !== list) return;
    list.removeEventListener('pointerdown', waiting.onPress);
    this.waiting.delete(column);
    this.sortables.set(column, this.create(sortable, list));
  }

  /**
   * A press on a list that has no Sortable yet: wait for it, then, if the button is still down, hand Sortable
   * the same press (a copy of the event on the same target, kept inside the board's shadow root). Sortable
   * measures the drag from the press position, so moves made while waiting count.
   */
  private async pressBeforeLoad(column: string, event: PointerEvent): Promise<void> {
    if (!event.isPrimary || event.button !== 0) return;
    const target = event.composedPath()[0];
    if (!(target instanceof Element)) return;
    let released = false;
    const release = () => (released = true);
    document.addEventListener('pointerup', release, { capture: true, once: true });
    document.addEventListener('pointercancel', release, { capture: true, once: true });
    try {
      const sortable = await loadSortable();
      const waiting = this.waiting.get(column);
      if (waiting) this.attachWaiting(column, waiting.list, sortable);
    } catch {
      return; // not available (offline): this press stays a plain click
    } finally {
      document.removeEventListener('pointerup', release, { capture: true });
      document.removeEventListener('pointercancel', release, { capture: true });
    }
    if (released || !target.isConnected || !this.sortables.has(column)) return;
    target.dispatchEvent(
      new PointerEvent('pointerdown', {
        bubbles: true,
        cancelable: true,
        composed: false,
        pointerId: event.pointerId,
        pointerType: event.pointerType,
        isPrimary: true,
        button: event.button,
        buttons: event.buttons,
        clientX: event.clientX,
        clientY: event.clientY,
        screenX: event.screenX,
        screenY: event.screenY,
      }),
    );
  }

  private create(sortable: SortableClass, list: HTMLElement): Sortable {
    return sortable.create(list, {
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
    });
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
