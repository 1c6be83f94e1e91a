import { html, nothing } from 'lit';
import type { LeadStore } from '../../sdk/index.js';
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
}

/**
 * The workload strip (part `workload`): who you are, then an "Unassigned" chip with the open unassigned
 * leads and how long the oldest has waited, and one chip per active member with their open-lead count, each
 * with a bar proportional to the busiest. A chip is a toggle button (`aria-pressed`): a member's sets the
 * assignee filter to them; Unassigned filters to the unassigned leads and sorts them oldest first.
 */
export function renderWorkload(ctx: WorkloadContext) {
  const msg = messages();
  const store = ctx.store;
  if (!store?.me) return html`<div class="workload" part="workload"></div>`;
  const me = store.me;
  const members = store.assignableMembers;
  const unassigned = store.unassignedCount;
  const max = Math.max(1, unassigned, ...members.map((m) => m.openLeads));
  const current = store.filter.assignee;
  const oldest = store.oldestUnassigned;
  const wait = oldest ? formatWait(Math.max(0, ctx.now - Date.parse(oldest.createdAt))) : null;
  const chip = (key: string, pressed: boolean, label: string, count: number, face: unknown, extra = '') => html`<button
    type="button"
    class="chip${pressed ? ' is-pressed' : ''}${extra}"
    data-assignee=${key}
    aria-pressed=${pressed ? 'true' : 'false'}
    @click=${() => (key === 'unassigned' ? ctx.onUnassigned(!pressed) : ctx.onFilter(pressed ? 'any' : key))}
  >
    ${face}
    <span class="chip-name">${label}</span>
    <span class="chip-count" aria-hidden="true">${count}</span><span class="visually-hidden">, ${msg.openLeads(count)}</span>
    ${key === 'unassigned' && wait
      ? html`<span class="chip-wait" aria-hidden="true">${msg.oldestWaiting(wait.short)}</span
          ><span class="visually-hidden">, ${msg.oldestWaiting(wait.long)}</span>`
      : nothing}
    <span class="chip-bar" aria-hidden="true"><span style="width:${Math.round((count / max) * 100)}%"></span></span>
  </button>`;
  return html`<div class="workload" part="workload" role="group" aria-label=${msg.workload}>
    <span class="viewing-as">${avatar(me, 'md')}<span>${msg.viewingAs(me.name, me.role)}</span></span>
    <span class="workload-label" aria-hidden="true">${msg.workload}</span>
    <div class="chips">
      ${chip('unassigned', current === 'unassigned', msg.unassigned, unassigned, avatar(undefined), ' chip-unassigned')}
      ${members.map((m) => chip(m.id, current === m.id, m.id === me.id ? `${m.name} (${msg.you})` : m.name, m.openLeads, avatar(m)))}
    </div>
  </div>`;
}
