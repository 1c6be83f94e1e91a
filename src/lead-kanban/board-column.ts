import { LitElement, html, nothing, type PropertyValues } from 'lit';
import { property } from 'lit/decorators.js';
import { live } from 'lit/directives/live.js';
import { repeat } from 'lit/directives/repeat.js';
import type { Column, Lead, LeadStore } from '../../sdk/index.js';
import { LocalizeController, messages } from '../l10n.js';
import { define } from '../shared/define.js';
import { KEYBOARD_HELP_ID } from './help-ids.js';
import './lead-card.js';
import type { MemberFace } from './lead-card.js';
import type { FocusPosition } from './roving-focus.js';
import { covers, grow, keepGaps, visibleRange, windowSlots, type Range, type Slot } from './virtual-window.js';

/** Card height plus the gap below it, in px. Cards have a fixed height so the window is pure arithmetic. */
export const CARD_PITCH = 112;
/** Cards rendered beyond each edge of a column's viewport. */
export const OVERSCAN = 2;
/**
 * What a column's scroller is shorter than the board's column row (the row's padding and the column's header),
 * a little under the real difference (see viewportHeight).
 */
const HEADER_ESTIMATE = 70;
/** While a drag runs the window only grows (auto-scroll): at most this many rows. */
const MAX_DRAG_ROWS = 240;

/** What the column needs from its board. */
export interface ColumnBoard {
  readonly store: LeadStore | undefined;
  /** Where the board's single Tab stop is (a card, an empty column, or a column's header checkbox). */
  tabStop(): FocusPosition | null;
  /** Height of the row the columns sit in (clientHeight), 0 before it was measured (a first guess for a new column). */
  readonly columnsHeight: number;
  /** Lead ids that must stay rendered wherever they are (focused, dragged, menu open). */
  pinnedIds(): readonly string[];
  /** The lead whose actions menu is open. */
  readonly menuLeadId: string | null;
  /** While a drag runs, Lit must not touch the lists SortableJS is rearranging. */
  readonly dragging: boolean;
  /** The lead picked up for a keyboard move, if any. */
  readonly liftedId: string | null;
  /**
   * Where a lifted card would land in this column, as a slot between rendered rows (0 = above the first card,
   * n = below the last); null when the lifted card is not aimed here (or sits where it started).
   */
  dropSlot(column: string): number | null;
  connectList(column: string, list: HTMLElement): void;
  disconnectList(column: string): void;
}

/** Everything a rendered card is given: the column re-renders only when one of these would differ. */
interface CardView {
  lead: Lead;
  assignee: MemberFace | undefined;
  selected: boolean;
  pending: boolean;
  tabStop: boolean;
  menuOpen: boolean;
  lifted: boolean;
}

const sameView = (a: CardView, b: CardView) =>
  a.lead === b.lead && a.assignee === b.assignee && a.selected === b.selected && a.pending === b.pending &&
  a.tabStop === b.tabStop && a.menuOpen === b.menuOpen && a.lifted === b.lifted;

/**
 * Index of `lead` in `cards` (ordered by position, as cardsIn() is) by bisection, -1 when it is not there:
 * O(log n), so no per-column index has to be built over a 10,000-card column.
 */
export function indexOfLead(cards: readonly Lead[], lead: Lead): number {
  let lo = 0;
  let hi = cards.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (cards[mid]!.position < lead.position) lo = mid + 1;
    else hi = mid;
  }
  for (let i = lo; i < cards.length && cards[i]!.position === lead.position; i++) if (cards[i]!.id === lead.id) return i;
  return -1;
}

/**
 * Element keys for the cards of one render, recycling the elements of cards that left the window. A lead that
 * stays rendered keeps its key (so its element, focus and any open state survive scrolling, filtering and
 * moves); a lead that comes into view takes the key of one that left, in the order they were shown, so Lit
 * updates that card element in place instead of removing one card and creating another (a filter change swaps
 * most of the 50–70 rendered cards: creating and removing them was most of its cost). `keep` lists leads whose
 * element must not be handed to another lead when they leave (the one holding DOM focus): their key is retired.
 */
export function recycleKeys(
  previous: ReadonlyMap<string, string>,
  ids: readonly string[],
  keep: ReadonlySet<string>,
  newKey: () => string,
): Map<string, string> {
  const wanted = new Set(ids);
  const free: string[] = [];
  for (const [id, key] of previous) if (!wanted.has(id) && !keep.has(id)) free.push(key);
  const keys = new Map<string, string>();
  let next = 0;
  for (const id of ids) keys.set(id, previous.get(id) ?? free[next++] ?? newKey());
  return keys;
}

/**
 * One ResizeObserver for every column scroller (and the board's column row): its callback runs after layout, so
 * reading each height there forces nothing, and all heights are read before any column re-renders.
 */
let resizeObserver: ResizeObserver | undefined;
const observed = new WeakMap<Element, (height: number) => void>();
export function observeSize(element: Element, onHeight: (height: number) => void): void {
  resizeObserver ??= new ResizeObserver((entries) => {
    const heights = entries.map((e) => [observed.get(e.target), e.target.clientHeight] as const);
    for (const [report, height] of heights) report?.(height);
  });
  observed.set(element, onHeight);
  resizeObserver.observe(element);
}
export function unobserveSize(element: Element): void {
  resizeObserver?.unobserve(element);
  observed.delete(element);
}

/**
 * @summary One status column of `<lead-kanban>` (internal): header with label, count and "Select all in",
 * and a virtualized list of cards that scrolls on its own. Renders into its own light DOM.
 *
 * One render path fed by `store.cardsIn(key)`: only the cards in or near the viewport (plus pinned ones:
 * focused, dragged, menu open) are in the DOM; spacers stand in for the rest so the scroll height is exact.
 *
 * @tagname lead-kanban-column
 * @csspart column-header - The header (label, count, select-all checkbox).
 */
export class LeadKanbanColumn extends LitElement {
  @property({ attribute: false }) board!: ColumnBoard;
  @property({ attribute: false }) column!: Column;

  private scrollOffset = 0;
  /** The scroller's height from the shared ResizeObserver; 0 until it reports (see viewportHeight). */
  private viewport = 0;
  /** What the last render showed, to tell whether a store change concerns this column at all. */
  private shown: {
    cards: readonly Lead[];
    range: Range;
    /** Pinned indexes rendered outside the range. */
    pinned: readonly number[];
    views: ReadonlyMap<string, CardView>;
    header: string;
    gaps: ReadonlySet<string>;
  } = { cards: [], range: { start: 0, end: 0 }, pinned: [], views: new Map(), header: '', gaps: new Set() };
  /** Element key of each rendered card, by lead id (see recycleKeys). */
  private cardKeys: ReadonlyMap<string, string> = new Map();
  private keyCount = 0;
  private readonly newKey = () => `c${this.keyCount++}`;
  /** Assignee faces by member id, kept while name and avatar stay: a count change re-renders no card. */
  private readonly faces = new Map<string, MemberFace>();
  private scroller: HTMLElement | null = null;
  private list: HTMLElement | null = null;
  /** An update was skipped during a drag and must run after it. */
  private deferred = false;
  /** A scroll during a drag asked the window to grow. */
  private growDuringDrag = false;

  private readonly localize = new LocalizeController(this);

  protected override createRenderRoot(): HTMLElement {
    return this;
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    if (this.scroller) unobserveSize(this.scroller);
    if (this.column) this.board?.disconnectList(this.column.key);
    this.list = null;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    // Re-attach after a move in the DOM (first connection is handled in firstUpdated).
    if (this.scroller) observeSize(this.scroller, this.onHeight);
    if (this.list && this.column) this.board.connectList(this.column.key, this.list);
  }

  private cards(): readonly Lead[] {
    return this.board?.store?.cardsIn(this.column.key) ?? [];
  }

  /** Position of a lead in this column as shown, -1 when absent. O(log n): bisection on position. */
  indexOf(id: string): number {
    const lead = this.board?.store?.lead(id);
    return lead && lead.status === this.column.key ? indexOfLead(this.cards(), lead) : -1;
  }

  /** Scrolls so the card at `index` is visible (rendering it if it was windowed out). */
  reveal(id: string): void {
    const i = this.indexOf(id);
    if (i >= 0) this.revealIndex(i);
  }

  /** Scrolls so the row at `index` (a card, or the drop slot below the last card) is visible. */
  revealIndex(i: number): void {
    const scroller = this.scroller;
    if (i < 0 || !scroller) return;
    // Rows start below the scroller's top padding: measure where the list begins in scroll coordinates.
    const listTop = this.list ? this.list.getBoundingClientRect().top - scroller.getBoundingClientRect().top + scroller.scrollTop : 0;
    // 6px above the card: room for its focus outline (2px offset + 2px ring) inside the scroller.
    const top = Math.max(0, listTop + i * CARD_PITCH - 6);
    const bottom = listTop + (i + 1) * CARD_PITCH;
    if (top < scroller.scrollTop) scroller.scrollTop = top;
    else if (bottom > scroller.scrollTop + scroller.clientHeight) scroller.scrollTop = bottom - scroller.clientHeight;
    this.scrollOffset = scroller.scrollTop;
    this.requestUpdate();
  }

  /** The rendered card element for a lead, if it is in the DOM. */
  cardElement(id: string): HTMLElement | null {
    return this.list?.querySelector<HTMLElement>(`lead-kanban-card[data-lead-id="${CSS.escape(id)}"]`) ?? null;
  }

  /**
   * Re-renders only if something this column shows would change (O(rendered cards), never O(column)): the
   * board calls it for store changes that do not name this column (selection, pending writes, members,
   * filter) and for its own focus, menu and lift changes.
   */
  refresh(): void {
    if (!this.hasUpdated || this.isUpdatePending) return;
    if (this.isStale()) this.requestUpdate();
  }

  private isStale(): boolean {
    const shown = this.shown;
    const cards = this.cards();
    if (cards !== shown.cards) return true;
    const stop = this.board.tabStop();
    if (this.headerState(stop) !== shown.header) return true;
    const pinned = this.pinnedOutside(cards, shown.range);
    if (pinned.length !== shown.pinned.length || pinned.some((p, i) => p !== shown.pinned[i])) return true;
    for (const [id, view] of shown.views) {
      if (!sameView(view, this.cardView(id, view.lead, stop))) return true;
    }
    return false;
  }

  /** Everything the header and the empty state show, as one comparable string. */
  private headerState(stop: FocusPosition | null): string {
    const store = this.board.store;
    const key = this.column.key;
    const here = stop?.column === key;
    return [
      store?.selectionStateIn(key) ?? 'none',
      store?.countIn(key) ?? 0,
      store?.totalIn(key) ?? 0,
      store?.status ?? 'idle',
      here && stop.header === true,
      here && !stop.header && stop.id === null,
      this.board.dropSlot(key),
    ].join('|');
  }

  private cardView(id: string, stored: Lead, stop: FocusPosition | null): CardView {
    const store = this.board.store;
    const lead = store?.lead(id) ?? stored;
    const pending = store?.isPending(id) ?? false;
    return {
      lead,
      assignee: this.face(lead.assigneeId),
      selected: store?.isSelected(id) ?? false,
      pending,
      tabStop: stop !== null && !stop.header && stop.column === this.column.key && stop.id === id,
      menuOpen: this.board.menuLeadId === id,
      lifted: this.board.liftedId === id,
    };
  }

  private face(memberId: string | null): MemberFace | undefined {
    const member = memberId ? this.board.store?.member(memberId) : undefined;
    if (!member) return undefined;
    const known = this.faces.get(member.id);
    if (known && known.name === member.name && known.avatarUrl === member.avatarUrl) return known;
    const face: MemberFace = { id: member.id, name: member.name, avatarUrl: member.avatarUrl };
    this.faces.set(member.id, face);
    return face;
  }

  /** Pinned cards of this column outside `range`, ascending. */
  private pinnedOutside(cards: readonly Lead[], range: Range): number[] {
    const store = this.board.store;
    const out: number[] = [];
    for (const id of this.board.pinnedIds()) {
      const lead = store?.lead(id);
      if (!lead || lead.status !== this.column.key) continue;
      const i = indexOfLead(cards, lead);
      if (i >= 0 && (i < range.start || i >= range.end) && !out.includes(i)) out.push(i);
    }
    return out.sort((a, b) => a - b);
  }

  protected override shouldUpdate(changed: PropertyValues<this>): boolean {
    if (this.board?.dragging) {
      // Only a scroll may render during a drag, and only by adding rows (see render); the rest waits for the drop.
      this.deferred = true;
      if (!this.growDuringDrag) return false;
    }
    return super.shouldUpdate(changed);
  }

  /** Runs an update that was held back while a drag was in progress. */
  flushDeferred(): void {
    if (this.deferred) {
      this.deferred = false;
      this.requestUpdate();
    }
  }

  private readonly onHeight = (height: number) => this.setViewport(height);

  /** The scroller's height, from the shared ResizeObserver: re-renders only when rows are missing. */
  setViewport(height: number): void {
    if (!height || height === this.viewport) return;
    this.viewport = height;
    if (!covers(this.shown.range, visibleRange(this.windowInput(this.shown.cards.length)))) this.requestUpdate();
  }

  protected override firstUpdated(): void {
    this.scroller = this.querySelector('.column-scroll');
    this.list = this.querySelector('.column-list');
    if (this.scroller) observeSize(this.scroller, this.onHeight);
    if (this.list) this.board.connectList(this.column.key, this.list);
  }

  protected override updated(): void {
    this.growDuringDrag = false;
  }

  private readonly onScroll = (e: Event) => {
    this.scrollOffset = (e.currentTarget as HTMLElement).scrollTop;
    const next = visibleRange(this.windowInput(this.shown.cards.length));
    const { range } = this.shown;
    if (this.board.dragging) {
      // Sortable auto-scrolls the column: render the rows coming into view, keeping every node it may hold.
      if (!covers(range, next)) {
        this.growDuringDrag = true;
        this.requestUpdate();
      }
    } else if (next.start !== range.start || next.end !== range.end) {
      this.requestUpdate();
    }
  };

  private windowInput(count: number) {
    return { count, scrollTop: this.scrollOffset, viewport: this.viewportHeight(), pitch: CARD_PITCH, overscan: OVERSCAN };
  }

  /**
   * The scroller's height, or before it was measured a guess without reading layout: the board's column row
   * minus this column's header (a slight overestimate, so the first frame misses no row; if it were short, the
   * ResizeObserver's report adds the missing rows before that frame is painted).
   */
  private viewportHeight(): number {
    if (this.viewport) return this.viewport;
    const row = this.board?.columnsHeight ?? 0;
    if (row > HEADER_ESTIMATE) return row - HEADER_ESTIMATE;
    return typeof window === 'undefined' ? 800 : window.innerHeight;
  }

  protected override render() {
    const store = this.board.store;
    const { key, label } = this.column;
    const msg = messages();
    const growing = this.board.dragging && this.hasUpdated;
    // During a drag the list keeps the cards it had (Sortable holds some of its nodes); it may only grow.
    const cards = growing ? this.shown.cards : this.cards();
    const input = this.windowInput(cards.length);
    let range = visibleRange(input);
    let pinned: readonly number[];
    if (growing) {
      range = grow(this.shown.range, range, MAX_DRAG_ROWS);
      pinned = this.shown.pinned;
    } else {
      pinned = this.pinnedOutside(cards, range);
    }
    let slots = windowSlots({ ...input, pinned }, range);
    if (growing) slots = keepGaps(slots, this.shown.gaps);
    const stop = this.board.tabStop();
    const header = this.headerState(stop);
    const previous = this.shown.views;
    const views = new Map<string, CardView>();
    const gaps = new Set<string>();
    for (const slot of slots) {
      if (slot.kind === 'gap') {
        gaps.add(slot.key);
        continue;
      }
      const stored = cards[slot.index]!;
      // A growing render leaves the cards already shown exactly as they were.
      views.set(stored.id, (growing && previous.get(stored.id)) || this.cardView(stored.id, stored, stop));
    }
    // The card holding the Tab stop may hold DOM focus: if it leaves, its element goes with it (as before).
    const keep = new Set<string>();
    for (const [id, view] of previous) if (view.tabStop) keep.add(id);
    const keys = recycleKeys(this.cardKeys, [...views.keys()], keep, this.newKey);
    this.cardKeys = keys;
    this.shown = { cards, range, pinned, views, header, gaps };
    const selection = store?.selectionStateIn(key) ?? 'none';
    const shownCount = store?.countIn(key) ?? 0;
    const total = store?.totalIn(key) ?? 0;
    const dropSlot = this.board.dropSlot(key);
    const slotKey = (slot: Slot) => (slot.kind === 'card' ? keys.get(cards[slot.index]!.id)! : `gap${slot.key}`);
    return html`
      <div class="column-header" part="column-header">
        <input
          type="checkbox"
          class="column-check"
          data-column=${key}
          aria-label=${msg.selectAllIn(label)}
          .checked=${live(selection === 'all')}
          .indeterminate=${selection === 'some'}
          ?disabled=${shownCount === 0}
          tabindex=${stop?.column === key && stop.header ? 0 : -1}
        />
        <h2 class="column-title">${label}</h2>
        <span class="column-count">${msg.columnCount(shownCount, total)}</span>
      </div>
      <!-- tabindex -1: Chrome would make a scroller without tabbable content a Tab stop of its own; the column is
           reached through the board's one roving Tab stop, and moving focus scrolls it. -->
      <div class="column-scroll" tabindex="-1" @scroll=${this.onScroll}>
        <div class="column-list" role="list" data-column=${key}>
          ${repeat(slots, slotKey, (slot) => {
            if (slot.kind === 'gap') {
              return html`<div class="column-gap" aria-hidden="true" style="height:${slot.count * CARD_PITCH}px"></div>`;
            }
            const view = views.get(cards[slot.index]!.id)!;
            return html`<lead-kanban-card
              role="listitem"
              aria-labelledby=${`card-${view.lead.id}`}
              data-lead-id=${view.lead.id}
              aria-setsize=${cards.length}
              aria-posinset=${slot.index + 1}
              aria-busy=${view.pending ? 'true' : 'false'}
              .lead=${view.lead}
              .assignee=${view.assignee}
              .selected=${view.selected}
              .pending=${view.pending}
              .tabStop=${view.tabStop}
              .menuOpen=${view.menuOpen}
              .lifted=${view.lifted}
            ></lead-kanban-card>`;
          })}
          ${dropSlot === null
            ? nothing
            : html`<div class="drop-indicator" aria-hidden="true" style="top:${dropSlot * CARD_PITCH}px"></div>`}
        </div>
        ${cards.length === 0
          ? html`<div
              class="column-empty"
              data-empty-column=${key}
              tabindex=${stop?.column === key && !stop.header && stop.id === null ? 0 : -1}
              aria-describedby=${KEYBOARD_HELP_ID}
            >
              ${store?.status === 'loading' ? msg.loading : msg.emptyColumn}
            </div>`
          : nothing}
      </div>
    `;
  }
}

define('lead-kanban-column', LeadKanbanColumn);

declare global {
  interface HTMLElementTagNameMap {
    'lead-kanban-column': LeadKanbanColumn;
  }
}
