import type { LeadStore } from '../../sdk/index.js';
import { lazyModule } from '../internal/lazy.js';
import { CARD_DRAG } from './lead-card.js';
import type { Drop, DragHost } from './sortable-lists.js';
import type * as SortableListsModule from './sortable-lists.js';

export type { Drop, DragHost };

type SortableLists = typeof SortableListsModule;
type SortableList = SortableListsModule.SortableList;

/**
 * A drop as an index in the target column's cards, the lead itself left out (what `store.move` takes); null
 * when the card would stay where it is. Each neighbour's index is a bisection, not a scan.
 */
export function dropIndex(store: LeadStore, drop: Drop): number | null {
  const own = store.indexIn(drop.to, drop.leadId);
  const without = (id: string) => {
    const i = store.indexIn(drop.to, id);
    return i < 0 ? -1 : own >= 0 && i > own ? i - 1 : i;
  };
  let index = store.countIn(drop.to) - (own >= 0 ? 1 : 0);
  if (drop.afterId) {
    const i = without(drop.afterId);
    if (i >= 0) index = i + 1;
  } else if (drop.beforeId) {
    const i = without(drop.beforeId);
    if (i >= 0) index = i;
  } else {
    index = 0;
  }
  return own >= 0 && own === index ? null : index;
}


let groups = 0;

/**
 * SortableJS and the board's use of it (sortable-lists.ts), a chunk of its own (about a sixth of the widget's
 * weight) needed only once someone drags: the elements' one late-loading mechanism (src/internal/lazy.ts),
 * shared by every board on the page.
 */
export const sortableChunk = lazyModule((): Promise<SortableLists> => import('./sortable-lists.js'));

/**
 * Drag and drop on every column list of one board, in one shared group (sortable-lists.ts does the dragging).
 * Lists connected before SortableJS arrived wait for it, and a press on a card before then is held and
 * handed to Sortable once it is there, so the first drag works.
 */
export class DragController {
  private readonly sortables = new Map<string, { list: HTMLElement; sortable: SortableList }>();
  /** Lists connected before SortableJS arrived, with the listener that catches an early press. */
  private readonly waiting = new Map<string, { list: HTMLElement; onPress: (event: PointerEvent) => void }>();
  private readonly group = `lead-kanban-${++groups}`;
  /** Cards may be reordered within a column (the board's sort is Manual); otherwise only moved across. */
  private reorder = true;

  constructor(private readonly host: DragHost) {}

  /** Allows or stops reordering within a column, on every list (see docs/architecture.md, "Sort and waiting leads"). */
  allowReorder(on: boolean): void {
    if (on === this.reorder) return;
    this.reorder = on;
    for (const { sortable } of this.sortables.values()) sortable.option('sort', on);
  }

  /** Makes a column's list draggable (again: a list already connected for the column is replaced). */
  connect(column: string, list: HTMLElement): void {
    if (this.sortables.get(column)?.list === list || this.waiting.get(column)?.list === list) return;
    this.disconnect(column);
    const loaded = sortableChunk.loaded();
    if (loaded) {
      this.sortables.set(column, { list, sortable: loaded.sortableList(list, this.group, CARD_DRAG, this.host, this.reorder) });
      return;
    }
    const onPress = (event: PointerEvent) => void this.pressBeforeLoad(column, event);
    list.addEventListener('pointerdown', onPress);
    this.waiting.set(column, { list, onPress });
    sortableChunk.preload();
    void sortableChunk.arrived.then((sortable) => this.attachWaiting(column, list, sortable));
  }

  /** Disconnects the lists that left the page or whose column is no longer shown. */
  prune(columns: readonly string[]): void {
    for (const [column, { list }] of [...this.sortables, ...this.waiting]) {
      if (!list.isConnected || !columns.includes(column)) this.disconnect(column);
    }
  }

  disconnect(column: string): void {
    const waiting = this.waiting.get(column);
    if (waiting) waiting.list.removeEventListener('pointerdown', waiting.onPress);
    this.waiting.delete(column);
    this.sortables.get(column)?.sortable.destroy();
    this.sortables.delete(column);
  }

  dispose(): void {
    for (const column of [...this.waiting.keys(), ...this.sortables.keys()]) this.disconnect(column);
  }

  /** SortableJS arrived: the list gets its Sortable, if it is still the one connected for the column. */
  private attachWaiting(column: string, list: HTMLElement, lists: SortableLists): void {
    const waiting = this.waiting.get(column);
    if (waiting?.list !== list) return;
    list.removeEventListener('pointerdown', waiting.onPress);
    this.waiting.delete(column);
    this.sortables.set(column, { list, sortable: lists.sortableList(list, this.group, CARD_DRAG, this.host, this.reorder) });
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
      const sortable = await sortableChunk.load();
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
}
