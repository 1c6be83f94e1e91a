import { LitElement, html, nothing, type PropertyValues } from 'lit';
import { property } from 'lit/decorators.js';
import { live } from 'lit/directives/live.js';
import { repeat } from 'lit/directives/repeat.js';
import type { Column, Lead, LeadStore } from '../../sdk/index.js';
import { LocalizeController, messages } from '../l10n.js';
import { define } from '../shared/define.js';
import { KEYBOARD_HELP_ID } from './help-dialog.js';
import './lead-card.js';
import { windowSlots, visibleRange, type Slot } from './virtual-window.js';

/** Card height plus the gap below it, in px. Cards have a fixed height so the window is pure arithmetic. */
export const CARD_PITCH = 112;
/** Cards rendered beyond each edge of a column's viewport. */
export const OVERSCAN = 4;

/** What a column needs from its board. */
export interface ColumnBoard {
  readonly store: LeadStore | undefined;
  /** True for the card (or empty column: id null) holding the board's Tab stop. */
  isTabStop(column: string, id: string | null): boolean;
  /** True when the column's "Select all in" checkbox holds the board's Tab stop. */
  isHeaderTabStop(column: string): boolean;
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
  private viewport = typeof window === 'undefined' ? 800 : window.innerHeight;
  /** The range rendered last; a scroll re-renders only when it changes. */
  private rendered = { start: 0, end: 0 };
  /** cardsIn() result the index below was built from (the store keeps the same array until it changes). */
  private cards: readonly Lead[] = [];
  private index = new Map<string, number>();
  private resizeObserver: ResizeObserver | undefined;
  private scroller: HTMLElement | null = null;
  private list: HTMLElement | null = null;
  /** An update was skipped during a drag and must run after it. */
  private deferred = false;

  private readonly localize = new LocalizeController(this);

  protected override createRenderRoot(): HTMLElement {
    return this;
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.resizeObserver?.disconnect();
    if (this.column) this.board?.disconnectList(this.column.key);
    this.list = null;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    // Re-attach after a move in the DOM (first connection is handled in firstUpdated).
    if (this.list && this.column) this.board.connectList(this.column.key, this.list);
  }

  /** The column's cards as shown now (filtered, ordered). */
  get leads(): readonly Lead[] {
    this.syncIndex();
    return this.cards;
  }

  /** Position of a lead in this column as shown, -1 when absent. O(1) once the index is built. */
  indexOf(id: string): number {
    this.syncIndex();
    return this.index.get(id) ?? -1;
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

  private syncIndex(): void {
    const cards = this.board?.store?.cardsIn(this.column.key) ?? [];
    if (cards === this.cards) return;
    this.cards = cards;
    this.index = new Map(cards.map((lead, i) => [lead.id, i]));
  }

  protected override shouldUpdate(changed: PropertyValues<this>): boolean {
    if (this.board?.dragging) {
      this.deferred = true;
      return false;
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

  protected override firstUpdated(): void {
    this.scroller = this.querySelector('.column-scroll');
    this.list = this.querySelector('.column-list');
    if (this.scroller) {
      this.viewport = this.scroller.clientHeight || this.viewport;
      this.resizeObserver = new ResizeObserver(() => {
        const height = this.scroller?.clientHeight ?? 0;
        if (height && height !== this.viewport) {
          this.viewport = height;
          this.requestUpdate();
        }
      });
      this.resizeObserver.observe(this.scroller);
    }
    if (this.list) this.board.connectList(this.column.key, this.list);
  }

  private readonly onScroll = (e: Event) => {
    this.scrollOffset = (e.currentTarget as HTMLElement).scrollTop;
    const next = visibleRange(this.windowInput());
    if (next.start !== this.rendered.start || next.end !== this.rendered.end) this.requestUpdate();
  };

  private windowInput() {
    return { count: this.cards.length, scrollTop: this.scrollOffset, viewport: this.viewport, pitch: CARD_PITCH, overscan: OVERSCAN };
  }

  protected override render() {
    const store = this.board.store;
    const { key, label } = this.column;
    const msg = messages();
    this.syncIndex();
    const cards = this.cards;
    const pinned: number[] = [];
    for (const id of this.board.pinnedIds()) {
      const i = this.index.get(id);
      if (i !== undefined) pinned.push(i);
    }
    const input = this.windowInput();
    this.rendered = visibleRange(input);
    const slots = windowSlots({ ...input, pinned });
    const selection = store?.selectionStateIn(key) ?? 'none';
    const shown = store?.countIn(key) ?? 0;
    const total = store?.totalIn(key) ?? 0;
    const menuLead = this.board.menuLeadId;
    const liftedId = this.board.liftedId;
    const dropSlot = this.board.dropSlot(key);
    let gapNo = 0;
    const slotKey = (slot: Slot) => (slot.kind === 'card' ? cards[slot.index]!.id : `\u0000gap${gapNo++}`);
    return html`
      <div class="column-header" part="column-header">
        <input
          type="checkbox"
          class="column-check"
          data-column=${key}
          aria-label=${msg.selectAllIn(label)}
          .checked=${live(selection === 'all')}
          .indeterminate=${selection === 'some'}
          ?disabled=${shown === 0}
          tabindex=${this.board.isHeaderTabStop(key) ? 0 : -1}
        />
        <h2 class="column-title">${label}</h2>
        <span class="column-count">${msg.columnCount(shown, total)}</span>
      </div>
      <!-- tabindex -1: Chrome would make a scroller without tabbable content a Tab stop of its own; the column is
           reached through the board's one roving Tab stop, and moving focus scrolls it. -->
      <div class="column-scroll" tabindex="-1" @scroll=${this.onScroll}>
        <div class="column-list" role="list" data-column=${key}>
          ${repeat(slots, slotKey, (slot) => {
            if (slot.kind === 'gap') {
              return html`<div class="column-gap" aria-hidden="true" style="height:${slot.count * CARD_PITCH}px"></div>`;
            }
            const stored = cards[slot.index]!;
            const lead = store?.lead(stored.id) ?? stored;
            return html`<lead-kanban-card
              role="listitem"
              data-lead-id=${lead.id}
              aria-setsize=${cards.length}
              aria-posinset=${slot.index + 1}
              aria-busy=${store?.isPending(lead.id) ? 'true' : 'false'}
              .lead=${lead}
              .assignee=${lead.assigneeId ? store?.member(lead.assigneeId) : undefined}
              .selected=${store?.isSelected(lead.id) ?? false}
              .pending=${store?.isPending(lead.id) ?? false}
              .tabStop=${this.board.isTabStop(key, lead.id)}
              .menuOpen=${menuLead === lead.id}
              .lifted=${liftedId === lead.id}
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
              tabindex=${this.board.isTabStop(key, null) ? 0 : -1}
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
