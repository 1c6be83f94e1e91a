/**
 * The store keeps its derived state (ordered columns, filtered cards, per-column selection counts, open-lead
 * counts, the unassigned count, member objects) by deltas rather than recomputing it on every change. These
 * tests hold every derived figure against one computed from scratch out of the leads the store shows, after
 * the kinds of changes that take the incremental paths: moves, assignments (single and bulk), edits under an
 * active search, search keystrokes that extend or shorten the query, and pushed changes from another user.
 */
import { expect } from 'chai';
import { CLOSED_STATUSES, DEFAULT_COLUMNS } from '../../sdk/index.js';
import type { Lead, LeadStore } from '../../sdk/index.js';
import { foldText } from '../../sdk/index.js';
import { SearchHaystack } from '../../sdk/store/search-haystack.js';
import { countCalls, idle, settle, untilIdleWorkDone } from './helpers.js';
import { board, expectStoreEqualsBackend } from './store-setup.js';

const keys = DEFAULT_COLUMNS.map((c) => c.key);

/** Every lead the store shows, read one by one through the public API (not through its indexes). */
function shown(store: LeadStore, ids: readonly string[]): Lead[] {
  return ids.map((id) => store.lead(id)).filter((l): l is Lead => l !== undefined);
}

/** What the filter means, written out independently of the store. */
function matchesFilter(store: LeadStore, lead: Lead): boolean {
  const f = store.filter;
  if (f.status.length > 0 && !f.status.includes(lead.status)) return false;
  if (f.assignee === 'unassigned' && lead.assigneeId !== null) return false;
  if (f.assignee === 'me' && lead.assigneeId !== store.me?.id) return false;
  if (!['any', 'unassigned', 'me'].includes(f.assignee) && lead.assigneeId !== f.assignee) return false;
  const q = foldText(f.q);
  return !q || [lead.name, lead.company ?? '', lead.email ?? ''].some((t) => foldText(t).includes(q));
}

const byOrder = (a: Lead, b: Lead) => a.position - b.position || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/** Every derived figure equals the one recomputed from the shown leads. */
function expectConsistent(store: LeadStore, ids: readonly string[]): void {
  const leads = shown(store, ids);
  expect(leads, 'leads to check').not.to.be.empty;
  for (const k of keys) {
    const inColumn = leads.filter((l) => l.status === k).sort(byOrder);
    const cards = inColumn.filter((l) => matchesFilter(store, l));
    expect(store.cardsIn(k).map((l) => l.id), `cards of ${k}`).to.deep.equal(cards.map((l) => l.id));
    expect(store.cardsIn(k).every((l) => l === store.lead(l.id)), `cards of ${k} are the shown objects`).to.equal(true);
    expect(store.totalIn(k), `total of ${k}`).to.equal(inColumn.length);
    const value = cards.reduce((sum, l) => sum + (l.value ?? 0), 0);
    expect(store.valueIn(k), `total value of the cards of ${k}`).to.be.closeTo(value, 1e-6);
    cards.forEach((l, i) => expect(store.indexIn(k, l.id), `index of ${l.id} in ${k}`).to.equal(i));
    for (const l of inColumn.filter((x) => !cards.includes(x))) expect(store.indexIn(k, l.id)).to.equal(-1);
    if (cards[0]) expect(store.indexIn(k === 'new' ? 'lost' : 'new', cards[0].id)).to.equal(-1);
    const selected = cards.filter((l) => store.isSelected(l.id)).length;
    const state = selected === 0 ? 'none' : selected === cards.length ? 'all' : 'some';
    expect(store.selectionStateIn(k), `selection state of ${k}`).to.equal(state);
  }
  const open = leads.filter((l) => !CLOSED_STATUSES.includes(l.status));
  expect(store.unassignedCount, 'unassigned count').to.equal(open.filter((l) => l.assigneeId === null).length);
  for (const holder of [null, ...store.members.map((m) => m.id)]) {
    const held = leads.filter((l) => l.assigneeId === holder).map((l) => l.id).sort();
    expect([...store.leadIdsAssignedTo(holder)].sort(), `leads held by ${holder ?? 'nobody'}`).to.deep.equal(held);
  }
  const waiting = open.filter((l) => l.assigneeId === null)
    .sort((a, b) => a.createdAt.localeCompare(b.createdAt) || (a.id < b.id ? -1 : 1))[0];
  expect(store.oldestUnassigned?.id, 'oldest open unassigned lead').to.equal(waiting?.id);
  // Open-lead counts cover leads the viewer cannot see: comparable with what it holds only when it sees all.
  if (store.me?.role === 'member') return;
  for (const m of store.members) {
    expect(m.openLeads, `open leads of ${m.name}`).to.equal(open.filter((l) => l.assigneeId === m.id).length);
  }
}

describe('LeadStore: derived state kept by deltas', () => {
  it('a load fills every index at once; indexes first read after later changes are right too, and so is a reload', async () => {
    const b = await board({ leads: 150 });
    const ids = b.store.matchingIds();
    expect(ids).to.have.length(150);
    // Read in this order, the per-status and per-assignee id sets are built only after these changes.
    const lead = b.store.cardsIn('new').find((l) => l.assigneeId === b.alice.id)!;
    await b.store.move(lead.id, 'qualified', { index: 1 });
    await b.other.assign([b.store.cardsIn('contacted')[0]!.id], null);
    await settle();
    expectConsistent(b.store, ids);
    // The lead that waited longest is taken: the next one is found.
    await b.store.assign([b.store.oldestUnassigned!.id], b.bob.id);
    expectConsistent(b.store, ids);
    // A new sort rebuilds every column from the shown leads (not from the load's lists).
    b.store.setSort('value');
    b.store.setSort('manual');
    expectConsistent(b.store, ids);
    await b.other.assign([b.store.cardsIn('new')[0]!.id], b.bob.id);
    await b.store.load({ quiet: true });
    await settle();
    expectConsistent(b.store, ids);
    await expectStoreEqualsBackend(b);
  });

  it('a move keeps every member object (no counts changed) and re-sorts nothing but the moved card', async () => {
    const b = await board({ leads: 120 });
    const ids = b.store.matchingIds();
    const before = b.store.members;
    const assignable = b.store.assignableMembers;
    const lead = b.store.cardsIn('new')[3]!;
    b.changes.length = 0;
    await b.store.move(lead.id, 'new', { index: 0 });
    await settle();
    expect(b.store.cardsIn('new')[0]!.id).to.equal(lead.id);
    expect(b.store.members).to.equal(before);
    b.store.members.forEach((m, i) => expect(m).to.equal(before[i]));
    expect(b.store.assignableMembers).to.equal(assignable);
    expect(b.changes.some((c) => c.members)).to.equal(false);
    expectConsistent(b.store, ids);
  });

  it('an assignment gives new objects to the two members whose counts moved and keeps the others', async () => {
    const b = await board({ leads: 120 });
    const ids = b.store.matchingIds();
    const lead = b.store.cardsIn('new').find((l) => l.assigneeId === b.alice.id)!;
    const before = new Map(b.store.members.map((m) => [m.id, m]));
    b.changes.length = 0;
    const outcome = await b.store.assign([lead.id], b.bob.id);
    expect(outcome.ok).to.deep.equal([lead.id]);
    await settle();
    expect(b.store.members).to.have.length(before.size);
    for (const m of b.store.members) {
      const old = before.get(m.id)!;
      if (m.id === b.alice.id) expect(m.openLeads).to.equal(old.openLeads - 1);
      else if (m.id === b.bob.id) expect(m.openLeads).to.equal(old.openLeads + 1);
      else expect(m, `${m.name} kept`).to.equal(old);
    }
    expect(b.store.member(b.bob.id)).to.equal(b.store.members.find((m) => m.id === b.bob.id));
    expect(b.store.assignableMembers.find((m) => m.id === b.bob.id)).to.equal(b.store.member(b.bob.id));
    expect(b.changes.some((c) => c.members)).to.equal(true);
    expectConsistent(b.store, ids);
  });

  it('moving a card to a closed column and back moves its holder\'s open count and the unassigned count', async () => {
    const b = await board({ leads: 120 });
    const ids = b.store.matchingIds();
    const held = b.store.cardsIn('new').find((l) => l.assigneeId === b.alice.id)!;
    const free = b.store.cardsIn('contacted').find((l) => l.assigneeId === null)!;
    const alice = b.store.member(b.alice.id)!.openLeads;
    const unassigned = b.store.unassignedCount;
    await b.store.move(held.id, 'won');
    await b.store.move(free.id, 'lost', { index: 0 });
    expect(b.store.member(b.alice.id)!.openLeads).to.equal(alice - 1);
    expect(b.store.unassignedCount).to.equal(unassigned - 1);
    expectConsistent(b.store, ids);
    await b.store.move(free.id, 'qualified', { index: 2 });
    expect(b.store.unassignedCount).to.equal(unassigned);
    expect(b.store.cardsIn('qualified')[2]!.id).to.equal(free.id);
    await settle();
    expectConsistent(b.store, ids);
  });

  it('an edit under an active search moves the lead in or out of the results', async () => {
    const b = await board({ leads: 120 });
    const ids = b.store.matchingIds();
    const { store } = b;
    store.setFilter({ q: 'zqx' });
    expect(store.matchingIds()).to.deep.equal([]);
    const lead = store.lead(ids[10]!)!;
    await store.update(lead.id, { name: 'Zqx Renamed' });
    expect(store.matchingIds()).to.deep.equal([lead.id]);
    expect(store.cardsIn(lead.status).map((l) => l.name)).to.deep.equal(['Zqx Renamed']);
    expectConsistent(store, ids);
    // Renamed again: the text cached for the old object must not answer for the new one.
    await store.update(lead.id, { name: 'Plain Name' });
    expect(store.matchingIds()).to.deep.equal([]);
    expectConsistent(store, ids);
    // A pushed rename by someone else is searched too.
    const other = b.store.lead(ids[20]!)!;
    await b.other.updateLead(other.id, { company: 'ZQX Holdings' }, other.version);
    await settle();
    expect(store.matchingIds()).to.deep.equal([other.id]);
    expectConsistent(store, ids);
  });

  it('search keystrokes that extend, shorten or replace the query give the same cards as a fresh filter', async () => {
    const b = await board({ leads: 200 });
    const ids = b.store.matchingIds();
    const { store } = b;
    for (const q of ['a', 'an', 'ana', 'an', 'e', 'er', '', 'mü', 'mu', 'M']) {
      store.setFilter({ q });
      expectConsistent(store, ids);
    }
    // Narrowing by assignee and status after a search, then widening again.
    store.setFilter({ q: 'a', assignee: 'unassigned' });
    expectConsistent(store, ids);
    store.setFilter({ status: ['new', 'won'] });
    expectConsistent(store, ids);
    store.setFilter({ status: ['new'] });
    expectConsistent(store, ids);
    store.setFilter({ status: [], assignee: 'any', q: '' });
    expectConsistent(store, ids);
  });

  it('search text folded and joined in idle time (after load, after edits) is used and finds the same cards', async () => {
    const b = await board({ leads: 200 });
    const ids = b.store.matchingIds();
    const { store } = b;
    const joined = countCalls(SearchHaystack.prototype, 'find');
    /** How many columns a search answers from their joined text (the query is set, then cleared). */
    const columnsFromJoinedText = () => {
      const before = joined.count;
      store.setFilter({ q: 'a' });
      store.setFilter({ q: '' });
      return joined.count - before;
    };
    try {
      const lead = store.lead(ids[7]!)!;
      await store.assign([lead.id], null); // a new version with the same text
      await store.update(ids[9]!, { name: 'Zqë Ahéad', company: null }); // a new version with new text
      await untilIdleWorkDone(() => columnsFromJoinedText() === keys.length, 'joined text of every column');
      for (const q of ['zqe', 'ZQË AHEAD', 'a', 'an', 'e', lead.name.slice(0, 4)]) {
        store.setFilter({ q });
        expectConsistent(store, ids);
      }
      store.setFilter({ q: 'zqe' });
      expect(store.matchingIds()).to.deep.equal([ids[9]]);
      // Columns changed after their text was joined: searched again from the changed lists, then joined anew.
      store.setFilter({ q: '' });
      await store.move(ids[9]!, 'won', { index: 0 });
      await store.update(ids[11]!, { name: 'Zqë Second' });
      expect(columnsFromJoinedText(), 'the changed columns have no joined text yet').to.be.lessThan(keys.length);
      for (const q of ['zqe', 'a', 'zq']) {
        store.setFilter({ q });
        expectConsistent(store, ids);
      }
      store.setFilter({ q: '' });
      await untilIdleWorkDone(() => columnsFromJoinedText() === keys.length, 'joined text of the changed columns');
      for (const q of ['zqe', 'a', 'zq', 'zqe s']) {
        store.setFilter({ q });
        expectConsistent(store, ids);
      }
      store.setFilter({ q: 'zq', assignee: 'unassigned', status: ['won', 'new'] });
      expectConsistent(store, ids);
    } finally {
      joined.restore();
    }
  });

  it('a lead edited between two keystrokes is filtered by its new text', async () => {
    const b = await board({ leads: 120 });
    const ids = b.store.matchingIds();
    const { store } = b;
    store.setFilter({ q: 'q' });
    const lead = store.lead(ids[5]!)!;
    await store.update(lead.id, { name: 'Quorra Qwerty', company: null });
    store.setFilter({ q: 'qw' });
    expect(store.matchingIds()).to.include(lead.id);
    expectConsistent(store, ids);
  });

  it('column value totals follow value edits, clears, moves, filters and pushed changes by deltas', async () => {
    const b = await board({ leads: 200 });
    const { store } = b;
    const ids = store.matchingIds();
    for (const k of keys) store.valueIn(k); // summed once; every change below takes the delta path or a resum
    const lead = store.cardsIn('new')[3]!;
    await store.update(lead.id, { value: (lead.value ?? 0) + 1234.5 });
    expectConsistent(store, ids);
    await store.update(lead.id, { value: null });
    expectConsistent(store, ids);
    await store.move(lead.id, 'won', { index: 0 });
    expectConsistent(store, ids);
    store.setFilter({ q: 'a' });
    expectConsistent(store, ids);
    const other = store.cardsIn('contacted')[0]!;
    await b.other.updateLead(other.id, { value: 99_999 }, other.version);
    await settle();
    expectConsistent(store, ids);
    store.setFilter({ q: '', assignee: b.alice.id });
    expectConsistent(store, ids);
    store.setFilter({ assignee: 'any' });
    await store.assign(store.cardsIn('qualified').slice(0, 20).map((l) => l.id), b.bob.id, { source: 'bulk' });
    expectConsistent(store, ids);
    // Back and forth between filters, with idle time for the assignee groups (and their sums) to be made: lists
    // summed before are known by their arrays, edited ones by deltas.
    for (let i = 0; i < 5; i++) await idle();
    for (const assignee of ['unassigned', b.alice.id, 'any', b.bob.id, 'unassigned', 'any']) {
      store.setFilter({ assignee });
      expectConsistent(store, ids);
      const card = store.cardsIn('new')[0];
      if (card) await store.update(card.id, { value: (card.value ?? 0) + 7 });
      expectConsistent(store, ids);
    }
  });

  it('column order stays right through filter changes, moves between and within columns, and bulk assignment', async () => {
    const b = await board({ leads: 300 });
    const ids = b.store.matchingIds();
    const { store } = b;
    store.setFilter({ assignee: 'unassigned' });
    const first = store.cardsIn('new')[0]!;
    await store.move(first.id, 'new', { index: 4 });
    expect(store.cardsIn('new')[4]!.id).to.equal(first.id);
    expectConsistent(store, ids);
    store.setFilter({ assignee: 'any' });
    expectConsistent(store, ids);
    const last = store.cardsIn('qualified').at(-1)!;
    await store.move(last.id, 'contacted', { index: 1 });
    expect(store.cardsIn('contacted')[1]!.id).to.equal(last.id);
    expectConsistent(store, ids);
    // Bulk: many leads leave the "unassigned" view at once (the merge path rather than splices).
    store.setFilter({ assignee: 'unassigned' });
    const batch = store.matchingIds().slice(0, 40);
    store.selectAllMatching();
    expectConsistent(store, ids);
    const outcome = await store.assign(batch, b.alice.id, { source: 'bulk' });
    expect(outcome.ok).to.have.length(40);
    for (const id of batch) expect(store.matchingIds()).not.to.include(id);
    expectConsistent(store, ids);
    await store.undo();
    await settle();
    for (const id of batch) expect(store.lead(id)!.assigneeId).to.equal(null);
    expectConsistent(store, ids);
  });

  it('a bulk assignment the leads keep matching replaces them in place: same order, new versions, in flight and settled', async () => {
    const b = await board({ leads: 300 });
    const ids = b.store.matchingIds();
    const { store } = b;
    const order = store.cardsIn('new').map((l) => l.id);
    const batch = order.filter((_, i) => i % 3 === 0);
    expect(batch.length, 'a bulk of cards from new').to.be.greaterThan(10);
    const held = b.fault.inject('assign', { hold: 'response' });
    const assigning = store.assign(batch, b.alice.id, { source: 'bulk' });
    await settle(); // the backend has written, its pushed echo has arrived, our answer is held
    expect(store.cardsIn('new').map((l) => l.id)).to.deep.equal(order);
    for (const id of batch) expect(store.lead(id)!.assigneeId).to.equal(b.alice.id);
    expectConsistent(store, ids);
    held.release();
    expect((await assigning).ok).to.have.length(batch.length);
    expect(store.cardsIn('new').map((l) => l.id)).to.deep.equal(order);
    expectConsistent(store, ids);
    for (const id of batch) expect(store.lead(id)).to.deep.equal(await b.backend.getLead(id));
  });

  it('selection states follow selection edits, filter changes, moves and removals', async () => {
    const b = await board({ leads: 120 });
    const ids = b.store.matchingIds();
    const { store } = b;
    store.selectAllIn('new');
    expect(store.selectionStateIn('new')).to.equal('all');
    expectConsistent(store, ids);
    const moved = store.cardsIn('new')[0]!;
    await store.move(moved.id, 'contacted', { index: 0 });
    expectConsistent(store, ids);
    store.setFilter({ assignee: 'unassigned' });
    expectConsistent(store, ids);
    store.setSelected(store.cardsIn('new')[0]!.id, false);
    expectConsistent(store, ids);
    store.setFilter({ assignee: 'any' });
    expectConsistent(store, ids);
    store.deselect(store.cardsIn('new').slice(0, 3).map((l) => l.id));
    const a = store.cardsIn('qualified')[1]!;
    const z = store.cardsIn('qualified')[6]!;
    store.selectRange(a.id, z.id);
    expect(store.selectionStateIn('qualified')).to.equal(store.countIn('qualified') === 6 ? 'all' : 'some');
    expect(store.cardsIn('qualified').slice(1, 7).every((l) => store.isSelected(l.id))).to.equal(true);
    expectConsistent(store, ids);
    store.clearSelection();
    expectConsistent(store, ids);
  });

  it('a member store: a selected lead handed to someone else leaves the selection and every count', async () => {
    const b = await board({ leads: 120, as: 'alice' });
    const ids = b.store.matchingIds();
    const { store } = b;
    const mine = ids.map((id) => store.lead(id)!).filter((l) => l.assigneeId === b.alice.id && l.status !== 'won' && l.status !== 'lost');
    store.selectAllIn(mine[0]!.status);
    const outcome = await store.assign([mine[0]!.id], b.bob.id);
    expect(outcome.ok).to.deep.equal([mine[0]!.id]);
    await settle();
    expect(store.lead(mine[0]!.id)).to.equal(undefined);
    expect(store.isSelected(mine[0]!.id)).to.equal(false);
    expectConsistent(store, ids);
  });
});
