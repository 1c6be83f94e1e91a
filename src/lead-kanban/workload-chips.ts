/**
 * The member chips of the workload strip (workload-bar.ts): one toggle per member and one for Unassigned,
 * the sideways scrolling, the keyboard and the marks of hidden chips. No first frame shows them (first-frame.ts),
 * so they are a chunk of their own, fetched once the first frame is painted (or by the board's rehearsal, in an
 * idle period after the library loads); the strip keeps their frame in place meanwhile.
 */
import { html, nothing, type ReactiveController, type ReactiveControllerHost } from 'lit';
import type { LeadStore, Member } from '../../sdk/index.js';
import { isRtl, inlineKey } from '../internal/direction.js';
import { messages } from '../l10n.js';
import { avatar } from '../shared/avatar.js';
import { formatWait } from '../shared/format.js';
import { styleProps } from '../shared/style-props.js';
import type { WorkloadContext } from './workload-bar.js';

/** A wheel turn or an arrow press scrolls the chips by this share of the strip's width. */
const PAGE = 0.7;

/**
 * The chips are one Tab stop (roving tabindex: the arrow keys, Home and End move between chips), so the keyboard
 * passes them in one step between the toolbar and the cards. When they do not fit, the strip shows that there is
 * more (a fade and an arrow at the side that hides some), the mouse wheel scrolls it sideways, and focusing a
 * chip scrolls it into view.
 */
export class WorkloadChips implements ReactiveController {
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

  /** The chips' frame with Unassigned first, then each active member (you named as such). */
  render(ctx: WorkloadContext, store: LeadStore, me: Member) {
    const msg = messages();
    const members = store.assignableMembers;
    this.lastMembers = members;
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
