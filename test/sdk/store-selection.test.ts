/**
 * What a selection means: the leads the user picked. "Select all" picks the leads that match at that
 * moment; later filter changes, arrivals and edits neither add leads to it nor silently drop them. The
 * store keeps big selections without listing every id (see sdk/store/selection-model.ts); these tests hold
 * its answers (isSelected, selectedCount, selectedIds, selection, per-column states) to that meaning.
 */
import { expect } from 'chai';
import { DEFAULT_COLUMNS } from '../../sdk/index.js';
import type { LeadStore } from '../../sdk/index.js';
import { SelectionModel } from '../../sdk/store/selection-model.js';
import { FilterState } from '../../sdk/store/filter-state.js';
import { countCalls, settle } from './helpers.js';
import { board } from './store-setup.js';

const keys = DEFAULT_COLUMNS.map((c) => c.key);

/** Every answer the store gives about its selection agrees with the expected set of ids. */
function expectSelection(store: LeadStore, expected: ReadonlySet<string>, allIds: readonly string[]): void {
  expect(store.selectedCount, 'selectedCount').to.equal(expected.size);
  expect([...store.selectedIds()].sort(), 'selectedIds').to.deep.equal([...expected].sort());
  expect([...store.selection].sort(), 'selection').to.deep.equal([...expected].sort());
  for (const id of allIds) expect(store.isSelected(id), `isSelected(${id})`).to.equal(expected.has(id));
  for (const k of keys) {
    const cards = store.cardsIn(k);
    const selected = cards.filter((l) => expected.has(l.id)).length;
    const state = selected === 0 ? 'none' : selected === cards.length ? 'all' : 'some';
    expect(store.selectionStateIn(k), `selection state of ${k}`).to.equal(state);
  }
  const shown = new Set(keys.flatMap((k) => store.cardsIn(k).map((l) => l.id)));
  const hidden = [...expected].filter((id) => !shown.has(id)).length;
  expect(store.selectedHiddenCount, 'selected leads the filter hides').to.equal(hidden);
}

describe('LeadStore: selected leads the filter hides', () => {
  it('counts them from per-column counts (no listing, no filter test per lead) and takes them out on request', async () => {
    const b = await board({ leads: 10_000 });
    const { store } = b;
    const all = store.matchingIds();
    store.setFilter({ assignee: 'unassigned' });
    store.selectAllMatching();
    const picked = new Set(store.matchingIds());
    expect(store.selectedHiddenCount).to.equal(0);
    store.setFilter({ assignee: b.alice.id });
    store.selectedHiddenCount; // the per-column counts are recounted once after a filter change
    const listed = countCalls(SelectionModel.prototype, 'list');
    const tested = countCalls(FilterState.prototype, 'matches');
    try {
      expect(store.selectedHiddenCount, 'every picked lead is unassigned: none is Alice’s').to.equal(picked.size);
      expect(listed.count, 'the ids were not listed').to.equal(0);
      expect(tested.count, 'no lead was tested against the filter').to.equal(0);
    } finally {
      listed.restore();
      tested.restore();
    }
    expectSelection(store, picked, all);

    // Shown again partly: only the hidden part leaves on deselectHidden().
    store.setFilter({ assignee: 'any', status: ['new'] });
    const visible = new Set([...picked].filter((id) => store.lead(id)!.status === 'new'));
    expect(store.selectedHiddenCount).to.equal(picked.size - visible.size);
    store.deselectHidden();
    expectSelection(store, visible, all);
    expect(store.selectedHiddenCount).to.equal(0);
  });
});

describe('LeadStore: select all matching', () => {
  it('selects the leads matching at that moment; a later filter change keeps exactly those, and a bulk assign sends them', async () => {
    const b = await board({ leads: 800 });
    const { store } = b;
    const all = store.matchingIds();
    store.setFilter({ assignee: 'unassigned' });
    const matched = new Set(store.matchingIds());
    expect(matched.size).to.be.greaterThan(100);
    store.selectAllMatching();
    expectSelection(store, matched, all);

    store.setFilter({ assignee: 'any', status: ['new', 'contacted'] });
    // Hidden leads stay selected; the columns count only what they show.
    expectSelection(store, matched, all);
    expect(store.selectionStateIn('won')).to.equal('none');

    const outcome = await store.assign(store.selectedIds(), b.alice.id, { source: 'bulk' });
    expect(b.fault.calls.assign).to.equal(1);
    expect([...b.fault.assignCalls[0]!.leadIds].sort()).to.deep.equal([...matched].sort());
    expect(outcome.ok.sort()).to.deep.equal([...matched].sort());
    for (const id of matched) expect((await b.backend.getLead(id)).assigneeId).to.equal(b.alice.id);
    // The assigned leads changed; they are still the selection until deselected.
    expectSelection(store, matched, all);
  });

  it('a lead that arrives after select all (pushed by another user) is not selected', async () => {
    const b = await board({ leads: 600 });
    const { store } = b;
    store.selectAllMatching();
    const before = new Set(store.matchingIds());
    const created = await b.other.createLead!({ name: 'Late Arrival', status: 'new' });
    await settle();
    expect(store.lead(created.id)).to.exist;
    expect(store.cardsIn('new').some((l) => l.id === created.id)).to.equal(true);
    expect(store.isSelected(created.id)).to.equal(false);
    expectSelection(store, before, [...before, created.id]);
    expect(store.selectionStateIn('new')).to.equal('some');
  });

  it('deselecting after select all removes exactly those leads; selecting them again restores "all"', async () => {
    const b = await board({ leads: 600 });
    const { store } = b;
    const all = store.matchingIds();
    store.selectAllMatching();
    const expected = new Set(all);
    const [one, two, three] = store.cardsIn('new');
    store.setSelected(one!.id, false);
    store.deselect([two!.id, three!.id]);
    for (const l of [one, two, three]) expected.delete(l!.id);
    expectSelection(store, expected, all);
    expect(store.selectionStateIn('new')).to.equal('some');
    store.toggleSelected(two!.id);
    expected.add(two!.id);
    expectSelection(store, expected, all);
    store.selectAllIn('new');
    for (const l of store.cardsIn('new')) expected.add(l.id);
    expectSelection(store, expected, all);
    expect(store.selectionStateIn('new')).to.equal('all');
    store.selectAllIn('new', false);
    for (const l of store.cardsIn('new')) expected.delete(l.id);
    expectSelection(store, expected, all);
    store.clearSelection();
    expectSelection(store, new Set(), all);
  });

  it('leads picked one by one before select all are counted once; a second select all under another filter adds to the first', async () => {
    const b = await board({ leads: 600 });
    const { store } = b;
    const all = store.matchingIds();
    const won = store.cardsIn('won')[0]!;
    const fresh = store.cardsIn('new')[0]!;
    store.setSelected(won.id, true);
    store.setSelected(fresh.id, true);
    store.setFilter({ status: ['new'] });
    store.selectAllMatching();
    const expected = new Set([won.id, ...store.matchingIds()]);
    expectSelection(store, expected, all);

    store.setFilter({ status: ['new', 'qualified'], assignee: 'unassigned' });
    store.selectAllMatching();
    for (const id of store.matchingIds()) expected.add(id);
    expectSelection(store, expected, all);
    store.setFilter({ status: [], assignee: 'any' });
    expectSelection(store, expected, all);
  });

  it('a selected lead that changes stays selected (moved, edited remotely, assigned); one that leaves our view leaves the selection', async () => {
    const b = await board({ leads: 600 });
    const { store } = b;
    const all = store.matchingIds();
    store.selectAllMatching();
    const expected = new Set(all);
    const moved = store.cardsIn('new')[3]!;
    await store.move(moved.id, 'won', { index: 0 });
    expectSelection(store, expected, all);
    const edited = store.cardsIn('contacted')[2]!;
    const current = await b.other.getLead(edited.id);
    await b.other.updateLead(edited.id, { name: 'Renamed Elsewhere' }, current.version);
    await settle();
    expect(store.lead(edited.id)!.name).to.equal('Renamed Elsewhere');
    expectSelection(store, expected, all);
    // A failed write rolls back to the very object that was selected: still selected, once.
    const failing = store.cardsIn('qualified')[1]!;
    b.fault.fail('assign');
    const outcome = await store.assign([failing.id], b.alice.id);
    expect(outcome.error).to.exist;
    expect(store.lead(failing.id)).to.equal(failing);
    expectSelection(store, expected, all);
    store.deselect([failing.id]);
    expected.delete(failing.id);
    expectSelection(store, expected, all);
  });

  it('a member: a selected lead handed to someone else leaves a select-all selection', async () => {
    const b = await board({ leads: 600, as: 'alice' });
    const { store } = b;
    const all = store.matchingIds();
    store.selectAllMatching();
    const mine = all.map((id) => store.lead(id)!).find((l) => l.assigneeId === b.alice.id && l.status !== 'won' && l.status !== 'lost')!;
    const outcome = await store.assign([mine.id], b.bob.id);
    expect(outcome.ok).to.deep.equal([mine.id]);
    await settle();
    expect(store.lead(mine.id)).to.equal(undefined);
    expectSelection(store, new Set(all.filter((id) => id !== mine.id)), all);
  });

  it('the selection set is a new set per change and never changes once handed out', async () => {
    const b = await board({ leads: 600 });
    const { store } = b;
    store.selectAllMatching();
    const first = store.selection;
    expect(store.selection).to.equal(first);
    expect(store.selectedIds()).to.equal(store.selectedIds());
    const size = first.size;
    const id = store.cardsIn('new')[0]!.id;
    store.setSelected(id, false);
    expect(first.size).to.equal(size);
    expect(first.has(id)).to.equal(true);
    expect(store.selection).not.to.equal(first);
    expect(store.selection.has(id)).to.equal(false);
    // Every way of reading the old set still gives the old selection.
    const seen: string[] = [];
    first.forEach((value, key, set) => {
      expect(key).to.equal(value);
      expect(set).to.equal(first);
      seen.push(value);
    });
    expect(seen).to.have.length(size);
    expect([...first.keys()]).to.deep.equal(seen);
    expect([...first.values()]).to.deep.equal(seen);
    expect([...first.entries()].map(([k]) => k)).to.deep.equal(seen);
    expect(seen).to.include(id);
    expect(store.selection.size).to.equal(size - 1);
  });

  it('stays consistent through a random mix of selection edits, filters, moves, assignments and remote changes', async () => {
    const b = await board({ leads: 600, seed: 11 });
    const { store } = b;
    const all = [...store.matchingIds()];
    let state = 7;
    const random = () => ((state = (state * 1103515245 + 12345) % 2147483648) / 2147483648);
    const pick = <T>(list: readonly T[]): T | undefined => list[Math.floor(random() * list.length)];
    const expected = new Set<string>();
    const filters = [
      { assignee: 'any', status: [], q: '' },
      { assignee: 'unassigned', status: [], q: '' },
      { assignee: 'any', status: ['new', 'qualified'], q: '' },
      { assignee: b.alice.id, status: [], q: '' },
      { assignee: 'any', status: [], q: 'a' },
    ];
    for (let step = 0; step < 60; step++) {
      const column = pick(keys)!;
      const cards = store.cardsIn(column);
      switch (Math.floor(random() * 9)) {
        case 0:
          store.selectAllMatching();
          for (const id of store.matchingIds()) expected.add(id);
          break;
        case 1: {
          const on = random() < 0.6;
          store.selectAllIn(column, on);
          for (const l of cards) on ? expected.add(l.id) : expected.delete(l.id);
          break;
        }
        case 2: {
          const id = pick(all)!;
          if (!store.lead(id)) break;
          store.toggleSelected(id);
          expected.has(id) ? expected.delete(id) : expected.add(id);
          break;
        }
        case 3: {
          const ids = all.filter(() => random() < 0.1);
          store.deselect(ids);
          for (const id of ids) expected.delete(id);
          break;
        }
        case 4:
          store.setFilter(pick(filters)!);
          break;
        case 5: {
          const lead = pick(cards);
          if (lead) await store.move(lead.id, pick(keys)!, { index: Math.floor(random() * 5) });
          break;
        }
        case 6: {
          const ids = cards.filter(() => random() < 0.3).map((l) => l.id);
          if (ids.length) await store.assign(ids, pick([b.alice.id, b.bob.id, null])!);
          break;
        }
        case 7: {
          const lead = pick(cards);
          if (!lead) break;
          const current = await b.other.getLead(lead.id);
          await b.other.updateLead(lead.id, { status: pick(keys)! }, current.version);
          await settle();
          break;
        }
        case 8:
          if (random() < 0.3) {
            store.clearSelection();
            expected.clear();
          } else if (cards.length > 2) {
            store.selectRange(cards[0]!.id, cards[cards.length - 1]!.id);
            for (const l of cards) expected.add(l.id);
          }
          break;
      }
      expectSelection(store, expected, all);
    }
  });
});
