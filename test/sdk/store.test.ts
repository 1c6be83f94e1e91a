import { expect } from 'chai';
import { AdapterError, DEFAULT_COLUMNS, LeadStore, foldText } from '../../sdk/index.js';
import { MemoryAdapter } from '../../sdk/memory.js';
import type { Lead } from '../../sdk/index.js';
import { FaultAdapter } from './fault-adapter.js';
import { rejection, settle, thrown } from './helpers.js';
import { board, expectStoreEqualsBackend } from './store-setup.js';

const keys = DEFAULT_COLUMNS.map((c) => c.key);

describe('LeadStore: loading and reading', () => {
  it('loads me, members and every visible lead, indexed by column in position order', async () => {
    const b = await board();
    expect(b.store.status).to.equal('ready');
    expect(b.store.me!.role).to.equal('admin');
    expect(b.store.members).to.have.length(6);
    expect(b.store.assignableMembers.every((m) => m.active)).to.equal(true);
    expect(b.store.assignableMembers.map((m) => m.name)).to.deep.equal(b.store.assignableMembers.map((m) => m.name).sort((x, y) => x.localeCompare(y)));
    expect(b.store.leadCount).to.equal(60);
    expect(keys.reduce((n, k) => n + b.store.totalIn(k), 0)).to.equal(60);
    for (const k of keys) {
      const positions = b.store.cardsIn(k).map((l) => l.position);
      expect(positions).to.deep.equal([...positions].sort((x, y) => x - y));
    }
    const unassigned = (await b.backend.listLeads({ assignee: 'unassigned' })).filter((l) => !['won', 'lost'].includes(l.status));
    expect(b.store.unassignedCount).to.equal(unassigned.length);
    await expectStoreEqualsBackend(b);
  });

  it('the change a load tells names every lead it shows, as a read-only set listeners may ask, iterate or copy', async () => {
    const b = await board();
    const loaded = b.changes.find((c) => c.status && b.store.status === 'ready' && c.leads)!;
    expect(loaded, 'a change naming the loaded leads').to.not.equal(undefined);
    const ids = b.store.matchingIds();
    const leads = loaded.leads!;
    expect(leads.size).to.equal(60);
    expect([...leads].sort()).to.deep.equal([...ids].sort());
    expect(ids.every((id) => leads.has(id))).to.equal(true);
    expect(leads.has('no-such-lead')).to.equal(false);
    const copy = new Set(leads);
    expect(copy.size).to.equal(60);
    let seen = 0;
    leads.forEach(() => seen++);
    expect(seen).to.equal(60);
    // A second listing into a store already showing leads goes lead by lead, and names what changed.
    const before = b.changes.length;
    const lead = b.store.cardsIn('new')[0]!;
    await b.other.updateLead(lead.id, { name: 'Renamed Elsewhere' }, lead.version);
    await b.store.load({ quiet: true });
    expect(b.changes.slice(before).some((c) => c.leads?.has(lead.id))).to.equal(true);
  });

  it('a listing that holds a lead twice shows its newest version once, counted once', async () => {
    const fault = new FaultAdapter(MemoryAdapter.seeded({ leads: 12 }));
    const listLeads = fault.listLeads.bind(fault);
    const listed = await listLeads();
    const twice = listed.find((l) => l.status === 'new')!;
    fault.listLeads = async () => [...(await listLeads()), { ...twice, version: twice.version + 1, name: 'Newest Name' }];
    const store = new LeadStore(fault);
    await store.load();
    expect(store.leadCount).to.equal(listed.length);
    expect(store.lead(twice.id)!.name).to.equal('Newest Name');
    expect(store.cardsIn('new').filter((l) => l.id === twice.id)).to.have.length(1);
    expect(store.countIn('new')).to.equal(listed.filter((l) => l.status === 'new').length);
  });

  it('a failed load sets status error and reports it', async () => {
    const fault = new FaultAdapter(MemoryAdapter.seeded({ leads: 5 }));
    fault.fail('listLeads');
    const store = new LeadStore(fault);
    const notices: string[] = [];
    store.onNotice((n) => notices.push(`${n.kind}:${n.command}`));
    await store.load();
    expect(store.status).to.equal('error');
    expect(store.error!.code).to.equal('network');
    expect(notices).to.deep.equal(['error:load']);
    await store.load();
    expect(store.status).to.equal('ready');
  });

  it('a member\'s store holds only their own and unassigned leads', async () => {
    const b = await board({ as: 'alice' });
    const all = await b.other.listLeads();
    const visible = all.filter((l) => l.assigneeId === null || l.assigneeId === b.alice.id);
    expect(b.store.leadCount).to.equal(visible.length);
    const foreign = all.find((l) => l.assigneeId === b.bob.id)!;
    expect(b.store.lead(foreign.id)).to.equal(undefined);
  });
});

describe('LeadStore: filters', () => {
  const expectMatching = (store: LeadStore, predicate: (l: Lead) => boolean, everyLead: Lead[]) => {
    const expected = everyLead.filter(predicate).map((l) => l.id).sort();
    expect([...store.matchingIds()].sort()).to.deep.equal(expected);
    for (const k of keys) expect(store.countIn(k)).to.equal(store.cardsIn(k).length);
  };

  it('narrows by assignee (any, me, unassigned, member), status and accent-insensitive text', async () => {
    const b = await board({ leads: 120 });
    const all = await b.backend.listLeads();
    const { store } = b;
    expectMatching(store, () => true, all);
    store.setFilter({ assignee: 'unassigned' });
    expectMatching(store, (l) => l.assigneeId === null, all);
    store.setFilter({ assignee: b.alice.id });
    expectMatching(store, (l) => l.assigneeId === b.alice.id, all);
    store.setFilter({ assignee: 'me' });
    expectMatching(store, (l) => l.assigneeId === store.me!.id, all);
    store.setFilter({ assignee: 'any', status: ['new', 'won'] });
    expectMatching(store, (l) => l.status === 'new' || l.status === 'won', all);
    expect(store.cardsIn('contacted')).to.have.length(0);
    expect(store.totalIn('contacted')).to.be.greaterThan(0);
    // "muller" finds "Müller"; upper case finds lower case.
    const accented = all.find((l) => /[ü,é,í,á]/.test(l.name))!;
    const plain = foldText(accented.name.split(' ')[1]!).toUpperCase();
    store.setFilter({ status: [], q: plain });
    expectMatching(store, (l) => foldText(`${l.name} ${l.company ?? ''} ${l.email ?? ''}`).includes(plain.toLowerCase()), all);
    expect(store.matchingIds()).to.include(accented.id);
  });

  it('rejects a malformed filter naming the field, leaving the filter unchanged', async () => {
    const { store } = await board();
    const error = thrown(() => store.setFilter({ status: ['Not a column!'] }));
    expect(error.code).to.equal('invalid');
    expect(error.message).to.contain('status');
    expect(store.filter.status).to.deep.equal([]);
  });

  it('keeps the same cardsIn() array for columns whose filtered content did not change', async () => {
    const b = await board({ leads: 200 });
    const { store } = b;
    const before = new Map(keys.map((k) => [k, store.cardsIn(k)]));
    // A filter that only touches one column: every lead of "lost" has an assignee; pick a q found only in "new".
    const lead = store.cardsIn('new')[0]!;
    const seen = b.changes.length;
    await store.assign([lead.id], lead.assigneeId === b.alice.id ? b.bob.id : b.alice.id);
    expect(store.cardsIn('new')).not.to.equal(before.get('new'));
    for (const k of keys.filter((k) => k !== 'new')) expect(store.cardsIn(k), k).to.equal(before.get(k));
    const named = b.changes.slice(seen).flatMap((c) => [...(c.columns ?? [])]);
    expect(named).to.include('new');
    expect(named).to.not.include('won');
    expect(new Set(b.changes.slice(seen).flatMap((c) => [...(c.leads ?? [])]))).to.deep.equal(new Set([lead.id]));

    // Filtering: columns whose filtered list is unchanged keep their instance; Lead objects keep identity.
    const snapshot = new Map(keys.map((k) => [k, store.cardsIn(k)]));
    store.setFilter({ status: ['new', 'contacted', 'qualified', 'proposal', 'won', 'lost'] });
    for (const k of keys) expect(store.cardsIn(k), k).to.equal(snapshot.get(k));
    store.setFilter({ status: ['new'] });
    expect(store.cardsIn('new')).to.equal(snapshot.get('new'));
    expect(store.cardsIn('won')).to.deep.equal([]);
    store.setFilter({ status: [], assignee: 'unassigned' });
    const filtered = store.cardsIn('new');
    expect(filtered, 'unassigned cards in new').not.to.be.empty;
    expect(filtered.every((l) => snapshot.get('new')!.includes(l))).to.equal(true);
  });
});

describe('LeadStore: selection', () => {
  it('toggles, selects ranges, whole columns and everything matching (rendered or not)', async () => {
    const b = await board({ leads: 300 });
    const { store } = b;
    const column = store.cardsIn('new');
    expect(column.length).to.be.greaterThan(50);
    store.toggleSelected(column[0]!.id);
    expect(store.isSelected(column[0]!.id)).to.equal(true);
    store.toggleSelected(column[0]!.id);
    expect(store.selectedCount).to.equal(0);

    store.selectRange(column[2]!.id, column[5]!.id);
    expect([...store.selection].sort()).to.deep.equal(column.slice(2, 6).map((l) => l.id).sort());
    expect(store.selectionStateIn('new')).to.equal('some');
    store.clearSelection();
    store.selectRange(column[5]!.id, column[2]!.id);
    expect(store.selectedCount).to.equal(4);
    store.clearSelection();

    // A board renders a few dozen cards per column; the selection still covers all of them.
    store.selectAllIn('new');
    expect(store.selectedCount).to.equal(column.length);
    expect(store.selectionStateIn('new')).to.equal('all');
    expect(store.selectionStateIn('won')).to.equal('none');
    store.selectAllIn('new', false);
    expect(store.selectedCount).to.equal(0);

    store.setFilter({ assignee: 'unassigned' });
    store.selectAllMatching();
    const unassigned = (await b.backend.listLeads({ assignee: 'unassigned' })).map((l) => l.id).sort();
    expect([...store.selection].sort()).to.deep.equal(unassigned);
    store.deselect(unassigned.slice(0, 10));
    expect(store.selectedCount).to.equal(unassigned.length - 10);
    expect(b.changes.some((c) => c.selection)).to.equal(true);

    // Across columns, a range follows board order.
    store.clearSelection();
    const ids = store.matchingIds();
    store.selectRange(ids[3]!, ids[40]!);
    expect([...store.selection].sort()).to.deep.equal(ids.slice(3, 41).slice().sort());
  });
});

describe('LeadStore: commands', () => {
  it('assign is optimistic, one adapter call, logs history and adjusts open-lead counts', async () => {
    const b = await board();
    const { store } = b;
    const lead = store.cardsIn('new').find((l) => l.assigneeId === null)!;
    const aliceLoad = store.member(b.alice.id)!.openLeads;
    const pending = store.assign([lead.id], b.alice.id, { source: 'manual' });
    expect(store.lead(lead.id)!.assigneeId).to.equal(b.alice.id);
    expect(store.isPending(lead.id)).to.equal(true);
    expect(store.member(b.alice.id)!.openLeads).to.equal(aliceLoad + 1);
    const outcome = await pending;
    expect(outcome).to.deep.include({ ok: [lead.id], conflict: [], forbidden: [], notFound: [], assigneeId: b.alice.id });
    expect(outcome.batchId).to.be.a('string');
    expect(b.fault.calls.assign).to.equal(1);
    expect(store.isPending(lead.id)).to.equal(false);
    const history = await store.loadActivity(lead.id);
    expect(history.at(-1)).to.deep.include({ type: 'assigned', from: null, to: b.alice.id, source: 'manual', batchId: outcome.batchId, actorId: store.me!.id });
    expect(b.notices.at(-1)).to.deep.include({ kind: 'success', command: 'assign' });
    await expectStoreEqualsBackend(b);
  });

  it('bulk-assigning 1,000 leads makes exactly one adapter call carrying every expected version', async () => {
    const b = await board({ leads: 1000 });
    const { store } = b;
    const ids = store.matchingIds();
    expect(ids).to.have.length(1000);
    const before = b.fault.totalCalls();
    const outcome = await store.assign(ids, b.bob.id, { source: 'bulk' });
    expect(b.fault.calls.assign).to.equal(1);
    expect(b.fault.totalCalls() - before).to.equal(1);
    const call = b.fault.assignCalls[0]!;
    expect(call.leadIds).to.have.length(1000);
    expect(Object.keys(call.options.expectedVersions!)).to.have.length(1000);
    expect(call.options.source).to.equal('bulk');
    expect(outcome.ok).to.have.length(1000);
    expect(store.member(b.bob.id)!.openLeads).to.equal(ids.filter((id) => !['won', 'lost'].includes(store.lead(id)!.status)).length);
    await expectStoreEqualsBackend(b);
  });

  it('move writes one lead with a position between its new neighbours and logs the status change', async () => {
    const b = await board();
    const { store } = b;
    const lead = store.cardsIn('new')[0]!;
    const target = store.cardsIn('qualified');
    expect(target.length).to.be.greaterThan(2);
    const moved = await store.move(lead.id, 'qualified', { index: 1, source: 'keyboard' });
    expect(b.fault.calls.updateLead).to.equal(1);
    expect(moved.status).to.equal('qualified');
    expect(moved.position).to.be.greaterThan(target[0]!.position).and.lessThan(target[1]!.position);
    expect(store.cardsIn('qualified')[1]!.id).to.equal(lead.id);
    expect(store.cardsIn('new').some((l) => l.id === lead.id)).to.equal(false);
    const history = await store.loadActivity(lead.id);
    expect(history.at(-1)).to.deep.include({ type: 'status_changed', from: 'new', to: 'qualified', source: 'keyboard' });

    // Within a column: to the top, then to the end (default).
    const last = store.cardsIn('qualified').at(-1)!;
    await store.move(last.id, 'qualified', { index: 0 });
    expect(store.cardsIn('qualified')[0]!.id).to.equal(last.id);
    await store.move(last.id, 'qualified');
    expect(store.cardsIn('qualified').at(-1)!.id).to.equal(last.id);
    await expectStoreEqualsBackend(b);
  });

  it('moving again and again into the same gap stays correct (the column is renumbered when the gap runs out)', async () => {
    const b = await board({ leads: 40 });
    const { store } = b;
    const column = store.cardsIn('new');
    const [first, second] = column;
    const others = column.slice(2, 2 + 8);
    // Always drop right after `first`: the gap between `first` and the previous drop halves each time.
    for (let round = 0; round < 60; round++) {
      const lead = others[round % others.length]!;
      await store.move(lead.id, 'new', { index: 1 });
      expect(store.cardsIn('new')[0]!.id).to.equal(first!.id);
      expect(store.cardsIn('new')[1]!.id).to.equal(lead.id);
    }
    expect(store.cardsIn('new').map((l) => l.id)).to.include(second!.id);
    await expectStoreEqualsBackend(b);
    const positions = store.cardsIn('new').map((l) => l.position);
    expect(new Set(positions).size).to.equal(positions.length);
  });

  it('update changes fields; malformed patches are rejected naming the field, without an adapter call', async () => {
    const b = await board();
    const { store } = b;
    const lead = store.cardsIn('new')[0]!;
    const updated = await store.update(lead.id, { company: 'Globex', value: 1234 });
    expect(updated).to.deep.include({ company: 'Globex', value: 1234, version: lead.version + 1 });
    const calls = b.fault.calls.updateLead;
    const badEmail = await rejection(store.update(lead.id, { email: 'nope' }));
    expect(badEmail.code).to.equal('invalid');
    expect(badEmail.message).to.contain('email');
    const assignee = await rejection(store.update(lead.id, { assigneeId: b.bob.id } as never));
    expect(assignee.message).to.contain('assigneeId');
    const value = await rejection(store.update(lead.id, { value: -5 }));
    expect(value.issues!.map((i) => i.path)).to.deep.equal(['value']);
    expect(b.fault.calls.updateLead).to.equal(calls);
    expect(b.notices.filter((n) => n.kind === 'error' && n.command === 'update')).to.have.length(3);
    const badMove = await rejection(store.move(lead.id, 'nowhere'));
    expect(badMove.message).to.contain('status');
    const badAssign = await store.assign([lead.id], b.alice.id, { source: 'telepathy' as never });
    expect(badAssign.error!.message).to.contain('source');
    const inactive = await store.assign([lead.id], b.inactive.id);
    expect(inactive.error!.code).to.equal('invalid');
    expect(inactive.error!.message).to.contain('assigneeId');
    expect(b.fault.calls.assign).to.equal(0);
    expect(store.lead(lead.id)!.assigneeId).to.equal(lead.assigneeId);
    await expectStoreEqualsBackend(b);
  });

  it('addNote appends to the cached history; an empty note is rejected naming the field', async () => {
    const b = await board();
    const { store } = b;
    const lead = store.cardsIn('new')[0]!;
    const history = await store.loadActivity(lead.id);
    const note = await store.addNote(lead.id, 'Asked for a demo');
    expect(store.activityOf(lead.id)).to.deep.equal([...history, note]);
    expect(b.changes.some((c) => c.activity?.has(lead.id))).to.equal(true);
    const error = await rejection(store.addNote(lead.id, '  '));
    expect(error.message).to.contain('text');
    expect(AdapterError.is(error, 'invalid')).to.equal(true);
  });

  it('distribute evenly: max − min ≤ 1, one batch id, one call per member', async () => {
    const b = await board({ leads: 100 });
    const { store } = b;
    store.setFilter({ assignee: 'unassigned' });
    const ids = [...store.matchingIds()];
    const chosen = [b.alice.id, b.bob.id, b.inactive.id, store.me!.id];
    const plan = store.planDistribution(ids, chosen, 'even');
    expect(Object.keys(plan.perMember)).to.deep.equal([b.alice.id, b.bob.id, store.me!.id]);
    const outcome = await store.distribute(ids, chosen, 'even');
    expect(outcome.ok).to.have.length(ids.length);
    expect(b.fault.calls.assign).to.equal(3);
    expect(new Set(b.fault.assignCalls.map((c) => c.options.batchId))).to.deep.equal(new Set([outcome.batchId]));
    expect(b.fault.assignCalls.every((c) => c.options.source === 'distribute')).to.equal(true);
    const counts = [b.alice.id, b.bob.id, store.me!.id].map((m) => ids.filter((id) => store.lead(id)!.assigneeId === m).length);
    expect(Math.max(...counts) - Math.min(...counts)).to.be.at.most(1);
    await expectStoreEqualsBackend(b);
  });

  it('distribute by capacity never exceeds a member\'s capacity and reports the rest as skipped', async () => {
    // Room for 3 more leads with the first member, 5 with the second, whatever the seed gave them.
    const b = await board({
      leads: 200,
      prepare(data) {
        const [first, second] = data.members.filter((m) => m.role === 'member');
        const open = (id: string) => data.leads.filter((l) => l.assigneeId === id && !['won', 'lost'].includes(l.status)).length;
        first!.capacity = open(first!.id) + 3;
        second!.capacity = open(second!.id) + 5;
      },
    });
    const { store } = b;
    store.setFilter({ assignee: 'unassigned' });
    const ids = [...store.matchingIds()];
    const members = [b.alice, b.bob].map((m) => store.member(m.id)!);
    const room = members.reduce((n, m) => n + Math.max(0, m.capacity! - m.openLeads), 0);
    expect(room).to.equal(8);
    expect(ids.length).to.be.greaterThan(room);
    const outcome = await store.distribute(ids, members.map((m) => m.id), 'capacity');
    expect(outcome.ok).to.have.length(room);
    expect(outcome.skipped).to.have.length(ids.length - room);
    for (const m of members) expect(store.member(m.id)!.openLeads).to.equal(m.capacity);
    await expectStoreEqualsBackend(b);
  });

  it('a member cannot assign another member\'s lead: not found, and nothing of it is revealed', async () => {
    const b = await board({ as: 'alice' });
    const foreign = (await b.other.listLeads({ assignee: b.bob.id }))[0]!;
    const outcome = await b.store.assign([foreign.id], b.alice.id);
    expect(outcome.notFound).to.deep.equal([foreign.id]);
    expect(b.store.lead(foreign.id)).to.equal(undefined);
    // Straight through the adapter, too: a per-lead not_found without the lead.
    const response = await b.backend.assign([foreign.id], b.alice.id);
    expect(response.results).to.deep.equal([{ leadId: foreign.id, status: 'not_found' }]);
    expect((await b.other.getLead(foreign.id)).assigneeId).to.equal(b.bob.id);
  });

  it('handing a lead off as a member removes it from the member\'s board once confirmed', async () => {
    const b = await board({ as: 'alice' });
    const mine = b.store.leadIdsAssignedTo(b.alice.id)[0]!;
    b.store.setSelected(mine, true);
    const outcome = await b.store.assign([mine], b.bob.id);
    expect(outcome.ok).to.deep.equal([mine]);
    await settle();
    expect(b.store.lead(mine)).to.equal(undefined);
    expect(b.store.isSelected(mine)).to.equal(false);
    await expectStoreEqualsBackend(b);
  });
});
