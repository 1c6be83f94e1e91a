/**
 * The store prepares per-assignee groups and the joined search text of each column in idle time
 * (sdk/store/filter-state.ts). Once idle time has passed they must be built and used, and a filter must answer
 * exactly the same (cards and their total value) whether or not they are ready: before, after, and right after
 * a change that replaced a column's list (its new groups not built yet).
 */
import { expect } from 'chai';
import type { Lead, LeadStore } from '../../sdk/index.js';
import { AssigneeGroups } from '../../sdk/store/assignee-groups.js';
import { countCalls, untilIdleWorkDone } from './helpers.js';
import { board } from './store-setup.js';

/**
 * Sets the assignee filter and checks every column's cards against the column's full list (taken under
 * "Anyone", in card order) filtered from scratch; leaves the filter set.
 */
function expectFilter(store: LeadStore, assignee: string, test: (lead: Lead) => boolean): void {
  store.setFilter({ assignee: 'any' });
  const full = new Map(store.columns.map((c) => [c.key, [...store.cardsIn(c.key)]]));
  expect([...full.values()].flat().filter(test), `some cards match ${assignee}`).not.to.be.empty;
  store.setFilter({ assignee });
  for (const column of store.columns) {
    const expected = full.get(column.key)!.filter(test);
    expect(store.cardsIn(column.key).map((l) => l.id), `${assignee} in ${column.key}`).to.deep.equal(expected.map((l) => l.id));
    // The header's total: its group's sum (taken in idle time with the groups) or a fresh one, never another's.
    const value = expected.reduce((sum, l) => sum + (l.value ?? 0), 0);
    expect(store.valueIn(column.key), `value of ${assignee} in ${column.key}`).to.be.closeTo(value, 1e-6);
  }
}

describe('LeadStore background indexes: per-assignee groups', () => {
  let groups: ReturnType<typeof countCalls<AssigneeGroups>>;
  beforeEach(() => (groups = countCalls(AssigneeGroups.prototype, 'cardsOf')));
  afterEach(() => groups.restore());

  /** How many columns an assignee filter answers from their groups (the filter is set, then reset). */
  function columnsFromGroups(store: LeadStore): number {
    const before = groups.count;
    store.setFilter({ assignee: 'unassigned' });
    store.setFilter({ assignee: 'any' });
    return groups.count - before;
  }

  it('are built in idle time and used, and filters give the same cards before, after, and after changes', async () => {
    const { store, alice, bob } = await board({ leads: 300 });
    const columns = store.columns.length;
    // Right after the load nothing is prepared: every column is filtered lead by lead.
    expectFilter(store, alice.id, (l) => l.assigneeId === alice.id);
    expect(groups.count, 'groups used right after the load').to.equal(0);

    await untilIdleWorkDone(() => columnsFromGroups(store) === columns, 'assignee groups of every column');
    expectFilter(store, alice.id, (l) => l.assigneeId === alice.id);
    expectFilter(store, bob.id, (l) => l.assigneeId === bob.id);
    expectFilter(store, 'unassigned', (l) => l.assigneeId === null);

    // A change replaces columns' lists; filter at once (their groups are not built yet) and after idle time.
    store.setFilter({ assignee: 'any' });
    const lead = store.cardsIn('new').find((l) => l.assigneeId !== alice.id)!;
    await store.assign([lead.id], alice.id);
    await store.move(store.cardsIn('qualified')[0]!.id, 'new', { index: 0 });
    expect(columnsFromGroups(store), 'the changed columns have no groups yet').to.be.lessThan(columns);
    expectFilter(store, alice.id, (l) => l.assigneeId === alice.id);
    expect(store.cardsIn('new').some((l) => l.id === lead.id)).to.equal(true);

    await untilIdleWorkDone(() => columnsFromGroups(store) === columns, 'assignee groups of the changed columns');
    expectFilter(store, alice.id, (l) => l.assigneeId === alice.id);
    expectFilter(store, 'unassigned', (l) => l.assigneeId === null);
  });
});
