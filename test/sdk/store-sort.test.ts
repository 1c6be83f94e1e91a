/**
 * The board's sort (LeadStore.sort): each column ordered by position, creation time or value, kept in that
 * order by the same incremental edits as the manual order, with selection, filters, moves and the oldest
 * unassigned lead all answering in terms of the order the user sees. Every expectation is computed here from
 * the shown leads, independently of the store's indexes.
 */
import { expect } from 'chai';
import { CLOSED_STATUSES, DEFAULT_COLUMNS, LEAD_SORTS } from '../../sdk/index.js';
import type { Lead, LeadSort, LeadStore } from '../../sdk/index.js';
import { rejection, settle, thrown } from './helpers.js';
import { board } from './store-setup.js';

const keys = DEFAULT_COLUMNS.map((c) => c.key);

const byPosition = (a: Lead, b: Lead) => a.position - b.position || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
const time = (lead: Lead) => new Date(lead.createdAt).getTime();
/** What each sort means, written out on its own terms. */
const expectedOrder: Record<LeadSort, (a: Lead, b: Lead) => number> = {
  manual: byPosition,
  newest: (a, b) => time(b) - time(a) || byPosition(a, b),
  oldest: (a, b) => time(a) - time(b) || byPosition(a, b),
  value: (a, b) => {
    if (a.value === undefined || b.value === undefined) {
      return a.value === b.value ? byPosition(a, b) : a.value === undefined ? 1 : -1;
    }
    return b.value - a.value || byPosition(a, b);
  },
};

/** Every lead the store shows, through its public lookups only. */
function allShown(store: LeadStore, ids: Iterable<string>): Lead[] {
  return [...ids].map((id) => store.lead(id)).filter((l): l is Lead => l !== undefined);
}

function expectSorted(store: LeadStore, ids: Iterable<string>, filter: (lead: Lead) => boolean = () => true): void {
  const leads = allShown(store, ids);
  for (const key of keys) {
    const expected = leads.filter((l) => l.status === key && filter(l)).sort(expectedOrder[store.sort]);
    expect(store.cardsIn(key).map((l) => l.id), `${store.sort}: ${key}`).to.deep.equal(expected.map((l) => l.id));
    expected.forEach((l, i) => expect(store.indexIn(key, l.id), `${store.sort}: index of ${l.id}`).to.equal(i));
  }
}

describe('LeadStore: sort', () => {
  it('orders every column by position, newest, oldest waiting or value, and back', async () => {
    const { store } = await board({ leads: 120 });
    const ids = store.matchingIds().slice();
    const withoutValue = store.cardsIn('new')[3]!;
    await store.update(withoutValue.id, { value: null });
    expect(store.sort).to.equal('manual');
    for (const sort of [...LEAD_SORTS.filter((s) => s !== 'manual'), 'manual'] as LeadSort[]) {
      store.setSort(sort);
      expect(store.sort).to.equal(sort);
      expectSorted(store, ids);
    }
    store.setSort('value');
    expect(store.cardsIn('new').at(-1)!.id, 'a lead without a value comes last').to.equal(withoutValue.id);
  });

  it('tells listeners the sort changed, and nothing when it did not', async () => {
    const { store, changes } = await board();
    changes.length = 0;
    store.setSort('newest');
    expect(changes.at(-1)).to.deep.include({ sort: true });
    const count = changes.length;
    store.setSort('newest');
    expect(changes).to.have.length(count);
    expect(thrown(() => store.setSort('random' as LeadSort)).code).to.equal('invalid');
    expect(store.sort).to.equal('newest');
  });

  it('keeps the order as leads change: edits, assignments, pushed changes, new leads, filters', async () => {
    const b = await board({ leads: 150 });
    const { store } = b;
    store.setSort('value');
    const ids = new Set(store.matchingIds());
    const [top, second] = store.cardsIn('new');
    // An edit of the sort key moves the card; an assignment (same value) keeps its place.
    await store.update(second!.id, { value: top!.value! + 100 });
    expect(store.cardsIn('new')[0]!.id).to.equal(second!.id);
    const some = store.cardsIn('contacted').slice(0, 5).map((l) => l.id);
    await store.assign(some, b.alice.id);
    expectSorted(store, ids);
    // Another user's change arrives pushed.
    const far = store.cardsIn('qualified').at(-1)!;
    await b.other.updateLead(far.id, { value: 1_000_000 }, far.version);
    await settle(5);
    expect(store.cardsIn('qualified')[0]!.id).to.equal(far.id);
    // A lead created now is the newest and has waited least.
    const created = await store.create({ name: 'Fresh', status: 'new', value: 10 });
    ids.add(created.id);
    store.setSort('newest');
    expect(store.cardsIn('new')[0]!.id).to.equal(created.id);
    store.setSort('oldest');
    expect(store.cardsIn('new').at(-1)!.id).to.equal(created.id);
    // Filters keep the sort: unassigned, oldest first.
    store.setFilter({ assignee: 'unassigned' });
    expectSorted(store, ids, (l) => l.assigneeId === null);
    store.setFilter({ assignee: 'any', q: 'a' });
    expectSorted(store, ids, (l) => [l.name, l.company ?? '', l.email ?? ''].some((t) => t.toLowerCase().includes('a')));
  });

  it('keeps the selection across a sort change, and selection gestures work in the sorted order', async () => {
    const { store } = await board({ leads: 120 });
    store.selectAllIn('new');
    const selected = [...store.selectedIds()].sort();
    store.setSort('oldest');
    expect([...store.selectedIds()].sort()).to.deep.equal(selected);
    expect(store.selectionStateIn('new')).to.equal('all');
    const cards = store.cardsIn('new');
    store.setSelected(cards[2]!.id, false);
    expect(store.selectionStateIn('new')).to.equal('some');
    expect(store.selectedCount).to.equal(selected.length - 1);
    store.clearSelection();
    // A range is taken in the order the user sees.
    store.selectRange(cards[1]!.id, cards[4]!.id);
    expect([...store.selectedIds()].sort()).to.deep.equal(cards.slice(1, 5).map((l) => l.id).sort());
    store.selectAllIn('new');
    store.setSort('value');
    store.selectAllIn('new', false);
    expect(store.selectedCount).to.equal(0);
  });

  it('under a sort, a move to another column lands at the end of its positions and where the sort puts it; within a column nothing moves', async () => {
    const b = await board({ leads: 80 });
    const { store } = b;
    store.setSort('value');
    const lead = store.cardsIn('new')[0]!;
    const predicted = store.landingIndex(lead.id, 'contacted');
    const highest = Math.max(...store.cardsIn('contacted').map((l) => l.position));
    const moved = store.move(lead.id, 'contacted', { index: 0, source: 'drag' });
    expect(store.indexIn('contacted', lead.id), 'shown at once where the sort puts it').to.equal(predicted);
    await moved;
    const stored = await b.backend.getLead(lead.id);
    expect(stored.status).to.equal('contacted');
    expect(stored.position).to.be.greaterThan(highest);
    expectSorted(store, store.matchingIds());

    const before = await b.backend.getLead(lead.id);
    const same = await store.move(lead.id, 'contacted', { index: 5 });
    expect(same.version, 'no write').to.equal(before.version);
    expect((await b.backend.getLead(lead.id)).position).to.equal(before.position);
    expect(store.landingIndex(lead.id, 'contacted')).to.equal(store.indexIn('contacted', lead.id));

    // Back to manual: the moved lead is at the bottom of Contacted, where its position puts it.
    store.setSort('manual');
    expect(store.cardsIn('contacted').at(-1)!.id).to.equal(lead.id);
    expect(store.landingIndex(lead.id, 'new')).to.equal(store.countIn('new'));
    expect((await rejection(store.move(lead.id, 'nope'))).code).to.equal('invalid');
  });

  it('knows the open unassigned lead that has waited longest, and follows it', async () => {
    const b = await board({ leads: 90 });
    const { store } = b;
    const oldest = () =>
      allShown(store, store.matchingIds())
        .filter((l) => l.assigneeId === null && !CLOSED_STATUSES.includes(l.status))
        .sort(expectedOrder.oldest)[0] ?? null;
    expect(store.oldestUnassigned?.id).to.equal(oldest()!.id);
    await store.assign([oldest()!.id], b.alice.id);
    expect(store.oldestUnassigned?.id).to.equal(oldest()!.id);
    const unassigned = allShown(store, store.matchingIds()).filter((l) => l.assigneeId === null).map((l) => l.id);
    await store.assign(unassigned, b.bob.id);
    expect(store.oldestUnassigned).to.equal(null);
    expect(store.unassignedCount).to.equal(0);
  });

  it('sorts a 10,000-lead board and keeps it sorted through a bulk assignment of 1,000 leads', async () => {
    const b = await board({ leads: 10_000 });
    const { store } = b;
    const ids = store.matchingIds().slice();
    store.setSort('newest');
    expectSorted(store, ids);
    const untouched = store.cardsIn('lost');
    const bulk = store.cardsIn('new').slice(0, 1000).map((l) => l.id);
    await store.assign(bulk, b.alice.id);
    expectSorted(store, ids);
    expect(store.cardsIn('lost'), 'a column nobody touched keeps its array').to.equal(untouched);
    store.setSort('value');
    expectSorted(store, ids);
  });
});
