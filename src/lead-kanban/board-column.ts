import { LitElement, html, nothing, type PropertyValues } from 'lit';
import { property } from 'lit/decorators.js';
import { live } from 'lit/directives/live.js';
import { repeat } from 'lit/directives/repeat.js';
import { styleProps } from '../shared/style-props.js';
import type { Column, Lead, LeadStore } from '../../sdk/index.js';
import { inFrameAfterNext } from '../internal/idle.js';
import { observeHeight, unobserveHeight } from '../internal/size-observer.js';
import { LocalizeController, messages } from '../l10n.js';
import { define } from '../shared/define.js';
import { fire } from '../shared/fire.js';
import { formatValue } from '../shared/format.js';
import { ColumnAddLeadEvent, ColumnListEvent, ColumnSelectAllEvent } from './board-events.js';
import { CARD_PITCH } from './card-geometry.js';
import { KEYBOARD_HELP_ID } from './help-ids.js';
import { card } from './card-dom.js';
import { CARD_SELECTOR, focusCardControl, onCardClick, type CardControl, type MemberFace } from './lead-card.js';
import { plusIcon } from './icons.js';
import { waitLabel } from './wait-clock.js';
import type { CardMark } from './live-marks.js';
import { covers, grow, keepGaps, recycleKeys, visibleRange, windowSlots, type Range, type Slot } from './virtual-window.js';

/**
 * Cards rendered beyond each edge of a column's viewport, from the frame after the column's first one (the
 * first frame makes only the rows that show: see `overscan`).
 */
export const OVERSCAN = 2;
/**
 * What a column's scroller is shorter than the board's column row (the row's padding and the column's header),
 * a little under the real difference (see viewportHeight).
 */
const HEADER_ESTIMATE = 70;
/**
 * Before anything is measured (a board's first frame): what the toolbar, the workload strip and a column's
 * header take above the column's scroller on a wide window (290 px in the demo at 1280 × 800). The first
 * guess of the scroller's height is the window's height minus this: a short guess costs one more render of the
 * missing rows before that frame is painted (the ResizeObserver's report); a long one creates cards nobody
 * sees (the window's full height rendered some 18 cards too many on a 1280 × 800 board).
 */
const CHROME_ESTIMATE = 290;
/** While a drag runs the window only grows (auto-scroll): at most this many rows. */
const MAX_DRAG_ROWS = 240;

/** The column and control an event target is: its "Select all in" checkbox or its empty state. */
export function columnControlOf(target: EventTarget | null): { column: string; control: 'header' | 'empty' } | null {
  if (!(target instanceof HTMLElement)) return null;
  if (target.classList.contains('column-check')) return { column: target.dataset.column!, control: 'header' };
  if (target.classList.contains('column-empty')) return { column: target.dataset.emptyColumn!, control: 'empty' };
  return null;
}

/**
 * @summary One status column of `<lead-kanban>` (internal): header with label, count and "Select all in",
 * and a virtualized list of cards that scrolls on its own. Renders into its own light DOM, inside the board's
 * shadow root (see lead-card.ts for why), styled by board-column.styles.ts.
 *
 * Data down: the board hands it its cards (the store's `cardsIn`, the same array until its content changes),
 * the marks revision of those cards (selection, writes in flight), the header figures and the part of the
 * board state it shows, all as properties, so Lit re-renders a column only when one of them changed. Only the
 * cards in or near the viewport (plus pinned ones: focused, dragged, menu open, open in the drawer) are in the
 * DOM; spacers stand in for the rest so the scroll height is exact. The column renders those cards itself, from
 * card-dom.ts (a card is markup, not an element), and recycles their DOM (recycleKeys).
 *
 * @csspart card - Each lead card (lead-card.ts).
 * @csspart avatar - The assignee's avatar on a card.
 * @tagname lead-kanban-column
 * @fires column-select-all - Internal: its "Select all in" checkbox was clicked.
 * @fires column-add-lead - Internal: its "Add lead to …" button was clicked.
 * @fires column-list - Internal: its card list is in the DOM (first render, new key, re-attached).
 * @csspart column-header - The header (label, count, select-all checkbox, "Add lead to …").
 */
export class LeadKanbanColumn extends LitElement {
  @property({ attribute: false }) column!: Column;
  /** The filtered cards, in order. */
  @property({ attribute: false }) cards: readonly Lead[] = [];
  /** Where selection and in-flight writes are read for the rendered cards. */
  @property({ attribute: false }) store: LeadStore | undefined;
  /** The store's marks revision of this column: changes when a card's selection or pending state does. */
  @property({ attribute: false }) marks = 0;
  /** The board's temporary card marks (changed by someone else, assigned to you): a new map when one changes. */
  @property({ attribute: false }) liveMarks: ReadonlyMap<string, CardMark> = new Map();
  /** Assignee faces by member id (the same objects while names and avatars stay). */
  @property({ attribute: false }) faces: ReadonlyMap<string, MemberFace> = new Map();
  /** Leads of this status, filtered or not. */
  @property({ attribute: false }) total = 0;
  /** The total value of the filtered cards (the store keeps it by deltas). */
  @property({ attribute: false }) value = 0;
  @property({ attribute: false }) selection: 'none' | 'some' | 'all' = 'none';
  @property({ attribute: false }) loading = false;
  /** The board's Tab stop, when this column holds it: its header checkbox, its empty state, or a card. */
  @property({ attribute: false }) headerStop = false;
  @property({ attribute: false }) emptyStop = false;
  @property({ attribute: false }) tabStopId: string | null = null;
  /** Leads of this column whose card must stay rendered: the dragged one, the one whose menu or drawer is open. */
  @property({ attribute: false }) dragLeadId: string | null = null;
  @property({ attribute: false }) menuLeadId: string | null = null;
  @property({ attribute: false }) openLeadId: string | null = null;
  @property({ attribute: false }) liftedId: string | null = null;
  /** A lifted card is aimed at this column (the column is outlined, even when the card would stay put). */
  @property({ type: Boolean, reflect: true, attribute: 'data-drop-target' }) dropTarget = false;
  /** Where a lifted card would land, as a row boundary among the rendered rows; null when not aimed here. */
  @property({ attribute: false }) dropSlot: number | null = null;
  /** A drag is in progress: Lit must not touch the lists SortableJS is rearranging. */
  @property({ attribute: false }) dragging = false;
  /** The header offers "Add lead to <label>" (the store can create leads for this member). */
  @property({ attribute: false }) canAdd = false;
  /** The board's wait clock (wait-clock.ts): unassigned cards show how long they have waited until then. */
  @property({ attribute: false }) now = 0;
  /**
   * The board's column row as measured (height 0 until its first report): a first guess of this column's
   * viewport. One object for the board's life, read when rendering, so a new measurement re-renders nothing.
   */
  @property({ attribute: false }) row: { readonly height: number } = { height: 0 };

  private scrollOffset = 0;
  /** The scroller's height from the shared ResizeObserver; 0 until it reports (see viewportHeight). */
  private viewport = 0;
  /** What the last render showed: the window during a drag may only grow from it. */
  private shown: { cards: readonly Lead[]; range: Range; pinned: readonly number[]; gaps: ReadonlySet<string> } = {
    cards: [],
    range: { start: 0, end: 0 },
    pinned: [],
    gaps: new Set(),
  };
  /** Element key of each rendered card, by lead id (see recycleKeys). */
  private cardKeys: ReadonlyMap<string, string> = new Map();
  private keyCount = 0;
  private readonly newKey = () => `c${this.keyCount++}`;
  private scroller: HTMLElement | null = null;
  private list: HTMLElement | null = null;
  /** A scroll during a drag asked the window to grow. */
  private growDuringDrag = false;
  /** The card that held the Tab stop in the last render (it may hold DOM focus still). */
  private shownTabStop: string | null = null;
  /**
   * Rows rendered beyond the viewport's edges: none in the column's first frame, where nobody can see them (a
   * third of the cards a board's first frame would otherwise make), OVERSCAN from the frame after it, or at
   * once when the column is scrolled.
   */
  private overscan = 0;

  private readonly localize = new LocalizeController(this);

  protected override createRenderRoot(): HTMLElement {
    return this;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    // Re-attached after a move in the DOM (the first connection is handled in updated).
    if (this.scroller) observeHeight(this.scroller, this.onHeight);
    if (this.list) fire(this, new ColumnListEvent(this.column.key, this.list));
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    if (this.scroller) unobserveHeight(this.scroller);
  }

  /** Scrolls so the card of `id` is visible (rendering it if it was windowed out). */
  reveal(id: string): void {
    const i = this.store?.indexIn(this.column.key, id) ?? -1;
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
    return this.list?.querySelector<HTMLElement>(`${CARD_SELECTOR}[data-lead-id="${CSS.escape(id)}"]`) ?? null;
  }

  /** Focuses the header checkbox, the empty state, or a control of a card (scrolled into view and rendered first). */
  async focusStop(target: { header: true } | { empty: true } | { id: string; control: CardControl }): Promise<void> {
    if ('id' in target) this.reveal(target.id);
    await this.updateComplete;
    if ('header' in target) this.querySelector<HTMLElement>('.column-check')?.focus();
    else if ('empty' in target) this.querySelector<HTMLElement>('.column-empty')?.focus();
    else {
      const card = this.cardElement(target.id);
      if (card) focusCardControl(card, target.control);
    }
  }

  protected override shouldUpdate(changed: PropertyValues<this>): boolean {
    // During a drag only a scroll may render, and only by adding rows (see render); the rest waits for the
    // drop, when `dragging` changes back and the column renders what it was given meanwhile.
    if (this.dragging && this.hasUpdated && !this.growDuringDrag) return false;
    return super.shouldUpdate(changed);
  }

  private readonly onHeight = (height: number) => {
    if (!height || height === this.viewport) return;
    this.viewport = height;
    // Re-render only when rows are missing.
    if (!covers(this.shown.range, visibleRange(this.windowInput(this.shown.cards.length)))) this.requestUpdate();
  };

  protected override updated(changed: PropertyValues<this>): void {
    if (!this.scroller) {
      this.scroller = this.querySelector('.column-scroll');
      this.list = this.querySelector('.column-list');
      if (this.scroller) observeHeight(this.scroller, this.onHeight);
      inFrameAfterNext(this.addOverscan);
    }
    if (changed.has('column') && this.list) fire(this, new ColumnListEvent(this.column.key, this.list));
    this.growDuringDrag = false;
  }

  private readonly addOverscan = () => {
    if (this.overscan === OVERSCAN) return;
    this.overscan = OVERSCAN;
    if (!covers(this.shown.range, visibleRange(this.windowInput(this.shown.cards.length)))) this.requestUpdate();
  };

  private readonly onScroll = (e: Event) => {
    this.scrollOffset = (e.currentTarget as HTMLElement).scrollTop;
    this.overscan = OVERSCAN;
    const next = visibleRange(this.windowInput(this.shown.cards.length));
    const { range } = this.shown;
    if (this.dragging) {
      // Sortable auto-scrolls the column: render the rows coming into view, keeping every node it may hold.
      if (!covers(range, next)) {
        this.growDuringDrag = true;
        this.requestUpdate();
      }
    } else if (next.start !== range.start || next.end !== range.end) {
      this.requestUpdate();
    }
  };

  private readonly onSelectAll = () => fire(this, new ColumnSelectAllEvent(this.column.key));
  private readonly onAddLead = (e: Event) => fire(this, new ColumnAddLeadEvent(this.column.key, e.currentTarget as HTMLElement));

  private windowInput(count: number) {
    return { count, scrollTop: this.scrollOffset, viewport: this.viewportHeight(), pitch: CARD_PITCH, overscan: this.overscan };
  }

  /**
   * The scroller's height, or before it was measured a guess without reading layout: the board's column row
   * minus this column's header (a slight overestimate), or before the row was measured the window's height
   * minus what usually stands above a scroller (CHROME_ESTIMATE). Where a guess is short, the ResizeObserver's
   * report adds the missing rows before that frame is painted.
   */
  private viewportHeight(): number {
    if (this.viewport) return this.viewport;
    if (this.row.height > HEADER_ESTIMATE) return this.row.height - HEADER_ESTIMATE;
    return typeof window === 'undefined' ? 800 : Math.max(CARD_PITCH, window.innerHeight - CHROME_ESTIMATE);
  }

  /** Pinned cards of this column outside `range`, ascending. */
  private pinnedOutside(range: Range): number[] {
    const out: number[] = [];
    for (const id of [this.tabStopId, this.dragLeadId, this.menuLeadId, this.openLeadId]) {
      const i = id ? (this.store?.indexIn(this.column.key, id) ?? -1) : -1;
      if (i >= 0 && (i < range.start || i >= range.end) && !out.includes(i)) out.push(i);
    }
    return out.sort((a, b) => a - b);
  }

  protected override render() {
    const store = this.store;
    const { key, label } = this.column;
    const msg = messages();
    const growing = this.dragging && this.hasUpdated;
    // During a drag the list keeps the cards it had (Sortable holds some of its nodes); it may only grow.
    const cards = growing ? this.shown.cards : this.cards;
    const input = this.windowInput(cards.length);
    let range = visibleRange(input);
    let pinned: readonly number[];
    if (growing) {
      range = grow(this.shown.range, range, MAX_DRAG_ROWS);
      pinned = this.shown.pinned;
    } else {
      pinned = this.pinnedOutside(range);
    }
    let slots = windowSlots({ ...input, pinned }, range);
    if (growing) slots = keepGaps(slots, this.shown.gaps);
    const ids: string[] = [];
    const gaps = new Set<string>();
    for (const slot of slots) {
      if (slot.kind === 'gap') gaps.add(slot.key);
      else ids.push(cards[slot.index]!.id);
    }
    // The card that held the Tab stop may hold DOM focus: if it leaves, its element goes with it (not recycled).
    const keep = new Set<string>(this.shownTabStop ? [this.shownTabStop] : []);
    const keys = recycleKeys(this.cardKeys, ids, keep, this.newKey);
    this.cardKeys = keys;
    this.shownTabStop = this.tabStopId;
    this.shown = { cards, range, pinned, gaps };
    const slotKey = (slot: Slot) => (slot.kind === 'card' ? keys.get(cards[slot.index]!.id)! : `gap${slot.key}`);
    return html`
      <div class="column-header" part="column-header">
        <label class="check-hit">
          <input
            type="checkbox"
            class="column-check"
            data-column=${key}
            aria-label=${msg.selectAllIn(label)}
            .checked=${live(this.selection === 'all')}
            .indeterminate=${this.selection === 'some'}
            ?disabled=${this.cards.length === 0}
            tabindex=${this.headerStop ? 0 : -1}
            @click=${this.onSelectAll}
          />
        </label>
        <div class="column-heading">
          <h2 class="column-title"><span class="column-label">${label}</span></h2>
          <span class="column-value"><span class="visually-hidden">${msg.columnValueLabel} </span>${formatValue(this.value)}</span>
        </div>
        <span class="column-count">${msg.columnCount(this.cards.length, this.total)}</span>
        ${this.canAdd
          ? // Not a Tab stop: the board keeps one Tab stop for its columns. The toolbar's "Add lead" (with its Status
            // field) is the keyboard path; this button is a shortcut for pointers and screen readers' browse mode.
            html`<button
              type="button"
              tabindex="-1"
              class="column-add"
              aria-label=${msg.addLeadTo(label)}
              title=${msg.addLeadTo(label)}
              aria-haspopup="dialog"
              @click=${this.onAddLead}
            >
              ${plusIcon}
            </button>`
          : nothing}
      </div>
      <!-- tabindex -1: Chrome would make a scroller without tabbable content a Tab stop of its own; the column is
           reached through the board's one roving Tab stop, and moving focus scrolls it. -->
      <div class="column-scroll" tabindex="-1" @scroll=${this.onScroll}>
        <div class="column-list" role="list" data-column=${key} @click=${onCardClick}>
          ${repeat(slots, slotKey, (slot) => {
            if (slot.kind === 'gap') {
              return html`<div class="column-gap" aria-hidden="true" ${styleProps({ height: `${slot.count * CARD_PITCH}px` })}></div>`;
            }
            const lead = cards[slot.index]!;
            const id = lead.id;
            return card({
              lead,
              position: slot.index + 1,
              setSize: cards.length,
              assignee: lead.assigneeId === null ? undefined : this.faces.get(lead.assigneeId),
              selected: store?.isSelected(id) ?? false,
              pending: store?.isPending(id) ?? false,
              tabStop: id === this.tabStopId,
              menuOpen: id === this.menuLeadId,
              lifted: id === this.liftedId,
              waited: waitLabel(lead, this.now),
              mark: this.liveMarks.get(id) ?? null,
            });
          })}
          ${this.dropSlot === null
            ? nothing
            : html`<div class="drop-indicator" aria-hidden="true" ${styleProps({ top: `${this.dropSlot * CARD_PITCH}px` })}></div>`}
        </div>
        ${cards.length === 0
          ? html`<div
              class="column-empty${this.loading ? ' is-loading' : ''}"
              data-empty-column=${key}
              tabindex=${this.emptyStop ? 0 : -1}
              aria-describedby=${KEYBOARD_HELP_ID}
            >
              ${this.loading ? msg.loading : msg.emptyColumn}
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
