/**
 * The store prepares search texts and per-assignee groups of each column in idle time (filter-state.ts). A
 * filter must answer exactly the same whether or not they are ready: before, after, and right after a change
 * that replaced a column's list (its new groups not built yet).
 */
import { expect } from '@open-wc/testing';
import type { Lead, LeadStore } from '../../sdk/index.js';
import { board } from './store-setup.js';

/** Waits until the browser has had idle time (the background slices run in requestIdleCallback). */
const idle = () => new Promise<void>((resolve) => requestIdleCallback(() => setTimeout(resolve, 0), { timeout: 2000 }));

/**
 * Sets `filter` and checks every column's cards against the column's full list (taken under "Anyone", in card
 * order) filtered from scratch; leaves the filter set.
 */
function expectFilter(store: LeadStore, assignee: string, test: (lead: Lead) => boolean): void {
  store.setFilter({ assignee: 'any' });
  const full = new Map(store.columns.map((c) => [c.key, [...store.cardsIn(c.key)]]));
  store.setFilter({ assignee });
  for (const column of store.columns) {
    const expected = full.get(column.key)!.filter(test).map((l) => l.id);
    expect(store.cardsIn(column.key).map((l) => l.id), `${assignee} in ${column.key}`).to.deep.equal(expected);
  }
}

describe('LeadStore background indexes (per-assignee groups, joined search text)', () => {
  it('assignee filters give the same cards before and after the groups are built, and after changes', async () => {
    const { store, alice, bob } = await board({ leads: 300 });
    // Right after the load: nothing prepared yet.
    expectFilter(store, alice.id, (l) => l.assigneeId === alice.id);
    store.setFilter({ assignee: 'any' });
    await idle();
    await idle();
    expectFilter(store, alice.id, (l) => l.assigneeId === alice.id);
    expectFilter(store, bob.id, (l) => l.assigneeId === bob.id);
    expectFilter(store, 'unassigned', (l) => l.assigneeId === null);
    // A change replaces columns' lists; filter at once (their groups are not built yet) and after idle time.
    store.setFilter({ assignee: 'any' });
    const lead = store.cardsIn('new').find((l) => l.assigneeId !== alice.id)!;
    await store.assign([lead.id], alice.id);
    await store.move(store.cardsIn('qualified')[0]!.id, 'new', { index: 0 });
    expectFilter(store, alice.id, (l) => l.assigneeId === alice.id);
    expect(store.cardsIn('new').some((l) => l.id === lead.id)).to.equal(true);
    store.setFilter({ assignee: 'any' });
    await idle();
    await idle();
    expectFilter(store, alice.id, (l) => l.assigneeId === alice.id);
    expectFilter(store, 'unassigned', (l) => l.assigneeId === null);
  });
});
