import { html, nothing, type ReactiveController, type ReactiveControllerHost } from 'lit';
import { styleProps } from '../shared/style-props.js';
import { losesSight, type LeadStore, type Member } from '../../sdk/index.js';
import { isRtl, inlineKey } from '../internal/direction.js';
import { messages } from '../l10n.js';
import { avatar } from '../shared/avatar.js';
import { formatWait } from '../shared/format.js';

export interface WorkloadContext {
  store: LeadStore | undefined;
  /** The wait clock's time (wait-clock.ts): the Unassigned chip's oldest wait is measured to it. */
  now: number;
  /** A member's chip clicked: the member id, or 'any' to toggle the filter off. */
  onFilter(assignee: string): void;
  /** The Unassigned chip clicked: true to show the unassigned leads oldest first, false to toggle that off. */
  onUnassigned(on: boolean): void;
  /** False on the board's first frame (first-frame.ts): the strip shows who is signed in, the chips follow. */
  chips: boolean;
}

/** The strip's members before its chips are shown (one array: a new one would count as a change of members). */
const NO_MEMBERS: readonly never[] = [];

/** A wheel turn or an arrow press scrolls the chips by this share of the strip's width. */
const PAGE = 0.7;

/**
 * The workload strip (part `workload`): who you are, then an "Unassigned" chip with the open unassigned
 * leads and how long the oldest has waited, and one chip per active member with their open-lead count, each
 * with a bar proportional to the busiest. A chip is a toggle button (`aria-pressed`): a member's sets the
 * assignee filter to them; Unassigned filters to the unassigned leads and sorts them oldest first.
 *
 * One Tab stop (roving tabindex: the arrow keys, Home and End move between chips), so the keyboard passes it
 * in one step between the toolbar and the cards. When the chips do not fit, the strip shows that there is more
 * (a fade and an arrow at the side that hides some), the mouse wheel scrolls it sideways, and focusing a chip
 * scrolls it into view. A plain member filtering by a colleague is told that those leads are not theirs to see.
 */
export class WorkloadStrip implements ReactiveController {
  /** The chip holding the strip's Tab stop (its assignee key); the pressed one or the first when unset. */
  private stop: string | null = null;
  private chips: HTMLElement | null = null;
  private readonly resize = typeof ResizeObserver === 'undefined' ? null : new ResizeObserver(() => this.measure());
  /** The member list last rendered, and the one last measured against (measured again when it changes). */
  private lastMembers: unknown = null;
  private measuredFor: unknown = null;

  constructor(
    private readonly host: ReactiveControllerHost & { renderRoot: HTMLElement | DocumentFragment },
  ) {
    host.addController(this);
  }

  hostUpdated(): void {
    const chips = this.host.renderRoot.querySelector<HTMLElement>('.chips');
    if (chips !== this.chips) {
      this.resize?.disconnect();
      this.chips = chips;
      if (chips && this.resize) {
        this.resize.observe(chips);
        // A new observation reports once after the frame's layout: measuring now would force that layout in
        // the middle of the render (the largest single cost of the board's first render script).
        this.measuredFor = this.lastMembers;
      }
    }
    const members = this.chips ? this.lastMembers : null;
    if (members !== this.measuredFor) {
      this.measuredFor = members;
      // New counts may widen or narrow the chips. Observing the strip afresh reports it after the next layout
      // (a new observation always reports once), where reading its scroll width costs nothing; measuring here
      // would force a layout in the middle of every update that changes a count (a bulk assignment's).
      if (this.resize && this.chips) {
        this.resize.unobserve(this.chips);
        this.resize.observe(this.chips);
      } else this.measure();
    }
  }

  hostDisconnected(): void {
    this.resize?.disconnect();
    this.chips = null;
    this.measuredFor = null;
  }

  /** Marks the strip's frame with the sides where chips are hidden (data-more="start end"), for the styles. */
  private measure(): void {
    const chips = this.chips;
    const frame = chips?.parentElement;
    if (!chips || !frame) return;
    // From the inline start, whichever way the strip runs (under right-to-left, scrollLeft goes negative).
    const scrolled = Math.abs(chips.scrollLeft);
    const start = scrolled > 1;
    const end = scrolled + chips.clientWidth < chips.scrollWidth - 1;
    const more = [start ? 'start' : '', end ? 'end' : ''].filter(Boolean).join(' ');
    if (frame.dataset.more !== more) frame.dataset.more = more;
  }

  private scrollBy(direction: 1 | -1): void {
    const chips = this.chips;
    if (chips) chips.scrollBy({ left: (isRtl(chips) ? -direction : direction) * chips.clientWidth * PAGE, behavior: 'smooth' });
  }

  private readonly onWheel = (e: WheelEvent) => {
    const chips = e.currentTarget as HTMLElement;
    if (chips.scrollWidth <= chips.clientWidth || e.ctrlKey) return;
    // A vertical wheel scrolls the strip sideways (a horizontal one already does).
    if (Math.abs(e.deltaY) <= Math.abs(e.deltaX)) return;
    const scrolled = Math.abs(chips.scrollLeft);
    const room = e.deltaY > 0 ? chips.scrollWidth - chips.clientWidth - scrolled : scrolled;
    if (room <= 0) return; // at that end: the page scrolls as it would
    e.preventDefault();
    chips.scrollLeft += isRtl(chips) ? -e.deltaY : e.deltaY; // down goes toward the inline end
  };

  private readonly onKeydown = (e: KeyboardEvent) => {
    const keys = ['ArrowLeft', 'ArrowRight', 'Home', 'End'];
    const key = inlineKey(e.key, e.currentTarget as HTMLElement);
    if (!keys.includes(key) || e.altKey || e.ctrlKey || e.metaKey) return;
    const all = [...(e.currentTarget as HTMLElement).querySelectorAll<HTMLElement>('.chip')];
    const at = all.indexOf(e.target as HTMLElement);
    if (at < 0) return;
    e.preventDefault();
    const next =
      key === 'Home' ? 0 : key === 'End' ? all.length - 1 : Math.max(0, Math.min(all.length - 1, at + (key === 'ArrowLeft' ? -1 : 1)));
    this.moveStop(all[next]!);
  };

  /** Focus on a chip (a click, a Tab into the strip): it holds the Tab stop, and is scrolled into view. */
  private readonly onFocusin = (e: FocusEvent) => {
    const chip = (e.target as HTMLElement).closest<HTMLElement>('.chip');
    if (chip) this.moveStop(chip, false);
  };

  private moveStop(chip: HTMLElement, focus = true): void {
    const key = chip.dataset.assignee ?? null;
    if (this.stop !== key) {
      this.stop = key;
      this.host.requestUpdate();
    }
    for (const other of chip.parentElement?.querySelectorAll<HTMLElement>('.chip') ?? []) other.tabIndex = other === chip ? 0 : -1;
    if (focus) chip.focus();
    chip.scrollIntoView({ block: 'nearest', inline: 'nearest' });
  }

  render(ctx: WorkloadContext) {
    const msg = messages();
    const store = ctx.store;
    const me = store?.me ?? null;
    const chips = store && me && ctx.chips ? { store, me } : null;
    this.lastMembers = chips ? chips.store.assignableMembers : NO_MEMBERS;
    // One frame for every state, as tall as it will be: before anyone is signed in (the store loading) its
    // parts held in place unseen (is-waiting); in the board's first frame (first-frame.ts) an empty frame where
    // the chips go, the scrolling strip, its arrows and its listeners coming with them. The columns below stay.
    return html`<div class="workload${me ? '' : ' is-waiting'}" part="workload" role="group" aria-label=${msg.workload}>
        <span class="viewing-as">${avatar(me ?? undefined, 'md')}<span>${me ? msg.viewingAs(me.name, me.role) : nothing}</span></span>
        <span class="workload-label" aria-hidden="true">${msg.workload}</span>
        ${chips ? this.renderChips(ctx, chips.store, chips.me) : html`<div class="chips-frame"></div>`}
      </div>
      ${store && me ? renderNotVisible(store, ctx) : nothing}`;
  }

  private renderChips(ctx: WorkloadContext, store: LeadStore, me: Member) {
    const msg = messages();
    const members = store.assignableMembers;
    const unassigned = store.unassignedCount;
    const max = Math.max(1, unassigned, ...members.map((m) => m.openLeads));
    const current = store.filter.assignee;
    const oldest = store.oldestUnassigned;
    const wait = oldest ? formatWait(Math.max(0, ctx.now - Date.parse(oldest.createdAt))) : null;
    const keys = ['unassigned', ...members.map((m) => m.id)];
    const stop = this.stop !== null && keys.includes(this.stop) ? this.stop : keys.includes(current) ? current : keys[0];
    const chip = (key: string, pressed: boolean, label: string, count: number, face: unknown, extra = '') => html`<button
      type="button"
      class="chip${pressed ? ' is-pressed' : ''}${extra}"
      data-assignee=${key}
      aria-pressed=${pressed ? 'true' : 'false'}
      tabindex=${key === stop ? 0 : -1}
      @click=${() => (key === 'unassigned' ? ctx.onUnassigned(!pressed) : ctx.onFilter(pressed ? 'any' : key))}
    >
      ${face}
      <span class="chip-name">${label}</span>
      <span class="chip-count" aria-hidden="true">${count}</span><span class="visually-hidden">, ${msg.openLeads(count)}</span>
      ${key === 'unassigned' && wait
        ? html`<span class="chip-wait" aria-hidden="true">${msg.oldestWaiting(wait.short)}</span
            ><span class="visually-hidden">, ${msg.oldestWaiting(wait.long)}</span>`
        : nothing}
      <span class="chip-bar" aria-hidden="true"><span ${styleProps({ width: `${Math.round((count / max) * 100)}%` })}></span></span>
    </button>`;
    return html`<div class="chips-frame">
      <div class="more more-start" aria-hidden="true" @click=${() => this.scrollBy(-1)}>‹</div>
      <div
        class="chips"
        @keydown=${this.onKeydown}
        @focusin=${this.onFocusin}
        @wheel=${this.onWheel}
        @scroll=${() => this.measure()}
      >
        ${chip('unassigned', current === 'unassigned', msg.unassigned, unassigned, avatar(undefined), ' chip-unassigned')}
        ${members.map((m) => chip(m.id, current === m.id, m.id === me.id ? `${m.name} (${msg.you})` : m.name, m.openLeads, avatar(m)))}
      </div>
      <div class="more more-end" aria-hidden="true" @click=${() => this.scrollBy(1)}>›</div>
    </div>`;
  }
}

/**
 * A plain member filtering by a colleague sees empty columns: their leads are not visible to a member (only
 * their own and unassigned ones are). Said above the columns, with a way back to everyone's.
 */
function renderNotVisible(store: LeadStore, ctx: WorkloadContext) {
  const me = store.me;
  const assignee = store.filter.assignee;
  const colleague = me && !['any', 'me', 'unassigned', me.id].includes(assignee) ? store.member(assignee) : undefined;
  const msg = messages();
  // One live region, there before it has anything to say (its content changes, never the region).
  const shown = me && colleague && losesSight(me, colleague.id);
  return html`<div class="filter-note" role="status">${shown
    ? html`<p>${msg.notVisibleToYou(colleague.name)}</p>
        <button type="button" class="btn btn-quiet" @click=${() => ctx.onFilter('any')}>${msg.showAllLeads}</button>`
    : nothing}</div>`;
}
