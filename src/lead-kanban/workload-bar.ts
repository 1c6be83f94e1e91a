import { html, nothing, type ReactiveControllerHost } from 'lit';
import { losesSight, type LeadStore } from '../../sdk/index.js';
import { lazyModule } from '../internal/lazy.js';
import { messages } from '../l10n.js';
import { avatar } from '../shared/avatar.js';
import type { WorkloadChips } from './workload-chips.js';

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

/** The chips' chunk (workload-chips.ts), fetched after the board's first frame. */
export const workloadChipsChunk = lazyModule(() => import('./workload-chips.js'));

/**
 * The workload strip (part `workload`): who you are, then an "Unassigned" chip with the open unassigned
 * leads and how long the oldest has waited, and one chip per active member with their open-lead count, each
 * with a bar proportional to the busiest (workload-chips.ts, a chunk of its own: no first frame shows them).
 * A chip is a toggle button (`aria-pressed`): a member's sets the assignee filter to them; Unassigned filters
 * to the unassigned leads and sorts them oldest first. A plain member filtering by a colleague is told that
 * those leads are not theirs to see.
 */
export class WorkloadStrip {
  /** The member chips, made when their chunk has arrived and the strip first shows them. */
  private chips: WorkloadChips | undefined;
  /** Their chunk asked for: resolves once it has come and the board was asked to render them. */
  private arriving: Promise<void> | undefined;

  constructor(private readonly host: ReactiveControllerHost & { renderRoot: HTMLElement | DocumentFragment }) {}

  /** The chips, or undefined until their chunk has come (the board renders again when it does). */
  private chipsPart(): WorkloadChips | undefined {
    const module = workloadChipsChunk.loaded();
    if (module) return (this.chips ??= new module.WorkloadChips(this.host));
    this.arriving ??= new Promise((resolve) =>
      workloadChipsChunk.inOrder(() => {
        this.host.requestUpdate();
        resolve();
      }),
    );
    return undefined;
  }

  /** While the chips are on their way (the strip shows their empty frame): resolves when they have come. */
  waiting(): Promise<void> | undefined {
    return this.chips ? undefined : this.arriving;
  }

  render(ctx: WorkloadContext) {
    const msg = messages();
    const store = ctx.store;
    const me = store?.me ?? null;
    const chips = store && me && ctx.chips ? this.chipsPart() : undefined;
    // One frame for every state, as tall as it will be: before anyone is signed in (the store loading) its
    // parts held in place unseen (is-waiting); in the board's first frame (first-frame.ts) an empty frame where
    // the chips go, the scrolling strip, its arrows and its listeners coming with them. The columns below stay.
    return html`<div class="workload${me ? '' : ' is-waiting'}" part="workload" role="group" aria-label=${msg.workload}>
        <span class="viewing-as">${avatar(me ?? undefined, 'md')}<span>${me ? msg.viewingAs(me.name, me.role) : nothing}</span></span>
        <span class="workload-label" aria-hidden="true">${msg.workload}</span>
        ${chips && store && me ? chips.render(ctx, store, me) : html`<div class="chips-frame"></div>`}
      </div>
      ${store && me ? renderNotVisible(store, ctx) : nothing}`;
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
