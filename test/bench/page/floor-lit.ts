/**
 * A second floor: the floor's board (floor.ts: the same data path, markup, styles and rows) rendered by one
 * LitElement into its shadow root, each column and card from one `html` template. It has none of the board's
 * features (no toolbar, strip, selection, keyboard, accessible names beyond the columns' labels), so what it
 * costs over the plain floor is what Lit's templates and a shadow root cost by themselves, cold; the board's
 * distance to it is the board's own. The cold bench reports it beside the floor (`cold.lit-floor.*`).
 *
 * Built on its own with lit bundled in (build.ts, `buildLitFloor`): the standalone build's copy of lit is not
 * exported, and adding an entry to that build would change the chunks it measures. floor.js stays external,
 * so both floors share one module (one formatter, made in an idle period as the board's).
 */
import { html, LitElement, nothing, unsafeCSS } from 'lit';
import type { Lead, LeadAdapter, Member } from '../../../sdk/index.js';
import { FLOOR_STYLE, floorRows, initials, loadFloor, makeMoney, OVERSCAN, PITCH, STATUSES, type FloorData, type FloorTimes } from './floor.js';

function card(lead: Lead, i: number, names: ReadonlyMap<string, Member>, format: Intl.NumberFormat) {
  const assignee = lead.assigneeId ? names.get(lead.assigneeId) : undefined;
  return html`<article class="floor-card" style="top: ${i * PITCH}px"><div class="floor-name">${lead.name}</div><div class="floor-company">${lead.company ?? ''}</div><div class="floor-foot"><span>${format.format(lead.value ?? 0)}</span><span><span class="floor-avatar">${assignee ? initials(assignee.name) : ''}</span><span>${assignee?.name ?? 'Unassigned'}</span></span></div></article>`;
}

class LitFloorBoard extends LitElement {
  static override styles = unsafeCSS(FLOOR_STYLE);
  static override properties = { data: { attribute: false } };
  declare data: FloorData | undefined;
  /** The first row in view of each column, from its scroll position. */
  private readonly starts = new Map<string, number>();

  private readonly onScroll = (e: Event) => {
    const scroller = e.currentTarget as HTMLElement;
    this.starts.set(scroller.dataset.key!, Math.floor(scroller.scrollTop / PITCH));
    this.requestUpdate();
  };

  protected override render() {
    const data = this.data;
    if (!data) return nothing;
    const format = makeMoney();
    const rows = floorRows();
    return html`<div class="floor">${STATUSES.map(([key, label]) => {
      const cards = data.columns.get(key)!;
      const start = this.starts.get(key) ?? 0;
      const from = Math.max(0, start - OVERSCAN);
      const shown = cards.slice(from, Math.min(cards.length, start + rows + OVERSCAN));
      return html`<section class="floor-col" aria-label=${label}><div class="floor-head">${label} ${cards.length}</div><div class="floor-scroll" data-key=${key} @scroll=${this.onScroll}><div class="floor-list" style="height: ${cards.length * PITCH}px">${shown.map((lead, j) => card(lead, from + j, data.names, format))}</div></div></section>`;
    })}</div>`;
  }
}

customElements.define('lit-floor-board', LitFloorBoard);

/** Loads through the adapter as the floor does and connects a `<lit-floor-board>` with the data to `host`. */
export async function renderLitFloor(adapter: LeadAdapter, host: HTMLElement, now: () => number): Promise<FloorTimes> {
  const { names, columns, loaded } = await loadFloor(adapter, now);
  const board = document.createElement('lit-floor-board') as LitFloorBoard;
  board.data = { names, columns };
  host.append(board);
  return { loaded };
}
