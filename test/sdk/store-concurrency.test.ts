import { expect } from 'chai';
import { AdapterError } from '../../sdk/index.js';
import type { Lead } from '../../sdk/index.js';
import { rejection, settle, until } from './helpers.js';
import { board, expectStoreEqualsBackend } from './store-setup.js';

const unassignedIn = (store: { cardsIn(s: string): readonly Lead[] }, status = 'new') =>
  store.cardsIn(status).filter((l) => l.assigneeId === null);

describe('LeadStore: rollback under faults', () => {
  it('a failed bulk assign rolls every lead back and reports the error', async () => {
    const b = await board();
    const { store } = b;
    const leads = unassignedIn(store).slice(0, 5);
    expect(leads).to.have.length(5);
    const ids = leads.map((l) => l.id);
    const load = store.member(b.alice.id)!.openLeads;
    b.fault.fail('assign');
    const outcome = await store.assign(ids, b.alice.id);
    expect(outcome.error!.code).to.equal('network');
    expect(outcome.ok).to.deep.equal([]);
    for (const lead of leads) expect(store.lead(lead.id)).to.equal(lead); // the very same object: nothing else touched
    expect(store.member(b.alice.id)!.openLeads).to.equal(load);
    expect(store.canUndo).to.equal(false);
    expect(b.notices.at(-1)).to.deep.include({ kind: 'error', command: 'assign' });
    await expectStoreEqualsBackend(b);
  });

  it('a failed move rolls back only its own change: a remote edit made meanwhile stays', async () => {
    const b = await board();
    const { store } = b;
    const lead = store.cardsIn('new')[0]!;
    const held = b.fault.inject('updateLead', { hold: 'request', fail: new AdapterError('network', 'offline') });
    const moving = store.move(lead.id, 'proposal');
    expect(store.lead(lead.id)!.status).to.equal('proposal');
    // Someone else renames it while our move is in flight.
    await b.other.updateLead(lead.id, { name: 'Renamed Elsewhere' }, lead.version);
    await settle();
    expect(store.lead(lead.id)).to.deep.include({ name: 'Renamed Elsewhere', status: 'proposal' });
    held.release();
    const error = await rejection(moving);
    expect(error.code).to.equal('network');
    expect(store.lead(lead.id)).to.deep.include({ name: 'Renamed Elsewhere', status: 'new', version: lead.version + 1 });
    await expectStoreEqualsBackend(b);
  });

  it('forced conflicts on some leads of a bulk assign: per-lead outcome, those rolled back to the current lead', async () => {
    const b = await board();
    const { store } = b;
    const ids = unassignedIn(store).slice(0, 6).map((l) => l.id);
    const refused = ids.slice(0, 2);
    b.fault.inject('assign', { conflict: refused });
    const outcome = await store.assign(ids, b.bob.id, { source: 'bulk' });
    expect(outcome.conflict).to.deep.equal(refused);
    expect(outcome.ok).to.deep.equal(ids.slice(2));
    for (const id of refused) expect(store.lead(id)!.assigneeId).to.equal(null);
    for (const id of ids.slice(2)) expect(store.lead(id)!.assigneeId).to.equal(b.bob.id);
    const notice = b.notices.at(-1)!;
    expect(notice.kind).to.equal('warning');
    // Structure only: the elements word it (src/notice-text.ts).
    expect(notice).to.deep.include({ code: 'settled', command: 'assign', counts: { ok: 4, conflict: 2, forbidden: 0, notFound: 0 } });
    expect(notice).not.to.have.property('message');
    await expectStoreEqualsBackend(b);
  });

  it('stale versions (changes the store never heard of) give per-lead conflicts carrying the current lead', async () => {
    const b = await board({ subscribe: false });
    const { store } = b;
    const [x, y, z] = unassignedIn(store).slice(0, 3) as [Lead, Lead, Lead];
    await b.other.updateLead(y.id, { company: 'Changed Co' }, y.version);
    await settle();
    expect(store.lead(y.id)!.company).not.to.equal('Changed Co');
    const outcome = await store.assign([x.id, y.id, z.id], b.alice.id);
    expect(outcome.ok).to.deep.equal([x.id, z.id]);
    expect(outcome.conflict).to.deep.equal([y.id]);
    expect(store.lead(y.id)).to.deep.include({ company: 'Changed Co', assigneeId: null, version: y.version + 1 });
    // Now the store holds y's current version, so the next write on it goes through.
    expect((await store.move(y.id, 'won')).status).to.equal('won');
    // A write from a stale copy throws conflict with the current lead, which the store then shows.
    const fresh = await b.other.getLead(z.id);
    await b.other.updateLead(z.id, { name: 'Someone Else Was Here' }, fresh.version);
    const error = await rejection(store.update(z.id, { value: 1 }));
    expect(error.code).to.equal('conflict');
    expect(error.current!.name).to.equal('Someone Else Was Here');
    expect(store.lead(z.id)!.name).to.equal('Someone Else Was Here');
    expect(store.lead(z.id)!.value).to.equal(z.value);
  });

  it('rollback after a random mix of failures, delays and conflicts leaves the store equal to the backend', async () => {
    const b = await board({ leads: 120 });
    const { store, fault } = b;
    const pool = store.matchingIds();
    const members = [b.alice.id, b.bob.id, null];
    fault.fail('assign', undefined, 1);
    fault.inject('updateLead', { delayMs: 5 }, 3);
    fault.fail('updateLead', new AdapterError('network', 'offline'), 2);
    fault.inject('assign', { conflict: true }, 1);
    fault.inject('updateLead', { conflict: true }, 2);
    const work: Promise<unknown>[] = [];
    for (let i = 0; i < 24; i++) {
      const id = pool[(i * 7) % pool.length]!;
      const column = ['new', 'contacted', 'qualified', 'proposal'][i % 4]!;
      if (i % 3 === 0) work.push(store.assign([id, pool[(i * 11) % pool.length]!], members[i % 3]!));
      else if (i % 3 === 1) work.push(store.move(id, column, { index: i % 5 }).catch(() => undefined));
      else work.push(store.update(id, { value: 1000 + i }).catch(() => undefined));
    }
    await Promise.all(work);
    expect(b.notices.some((n) => n.kind === 'error')).to.equal(true);
    await expectStoreEqualsBackend(b);
  });
});

describe('LeadStore: concurrency with pushed changes', () => {
  it('remote changes from another session on the same database reach the store', async () => {
    const b = await board();
    const { store } = b;
    const lead = unassignedIn(store)[0]!;
    const history = await store.loadActivity(lead.id);
    const columnBefore = store.cardsIn('won');
    await b.other.assign([lead.id], b.alice.id, { source: 'bulk' });
    await b.other.updateLead(lead.id, { status: 'contacted' }, lead.version + 1);
    await b.other.addNote(lead.id, 'Spoke on the phone');
    await settle();
    expect(store.lead(lead.id)).to.deep.include({ assigneeId: b.alice.id, status: 'contacted', version: lead.version + 2 });
    expect(store.cardsIn('contacted').some((l) => l.id === lead.id)).to.equal(true);
    expect(store.cardsIn('won')).to.equal(columnBefore);
    expect(store.activityOf(lead.id)!.map((a) => a.type)).to.deep.equal([...history.map((a) => a.type), 'assigned', 'status_changed', 'note']);
    expect(b.changes.some((c) => c.activity?.has(lead.id))).to.equal(true);
    await expectStoreEqualsBackend(b);
  });

  it('a remote event does not clobber an in-flight local write, and an older answer does not clobber a newer event', async () => {
    const b = await board();
    const { store } = b;
    const lead = unassignedIn(store)[0]!;
    // Our assign reaches the backend at once, but its answer is slow.
    const held = b.fault.inject('assign', { hold: 'response' });
    const assigning = store.assign([lead.id], b.alice.id);
    await settle();
    // Meanwhile someone renames the lead, on top of our (already applied) assignment.
    const current = await b.other.getLead(lead.id);
    expect(current.assigneeId).to.equal(b.alice.id);
    await b.other.updateLead(lead.id, { name: 'Newer Name' }, current.version);
    await settle();
    expect(store.lead(lead.id)).to.deep.include({ name: 'Newer Name', assigneeId: b.alice.id });
    expect(store.isPending(lead.id)).to.equal(true);
    held.release();
    const outcome = await assigning;
    expect(outcome.ok).to.deep.equal([lead.id]);
    // The answer carries version+1; the pushed rename (version+2) is newer and stays.
    expect(store.lead(lead.id)).to.deep.include({ name: 'Newer Name', assigneeId: b.alice.id, version: lead.version + 2 });
    await expectStoreEqualsBackend(b);
  });

  it('a bulk assignment tells listeners twice (optimistic, settled): its own pushed echo shows nothing new, a remote edit still shows at once', async () => {
    const b = await board({ leads: 200 });
    const { store } = b;
    const batch = unassignedIn(store).slice(0, 30);
    const ids = batch.map((l) => l.id);
    const held = b.fault.inject('assign', { hold: 'response' });
    b.changes.length = 0;
    const assigning = store.assign(ids, b.alice.id, { source: 'bulk' });
    await settle(); // the backend wrote and pushed its events; our answer is held
    const touching = () => b.changes.filter((c) => ids.some((id) => c.leads?.has(id)));
    expect(touching(), 'only the optimistic change so far').to.have.length(1);
    const optimistic = store.lead(ids[0]!)!;
    expect(optimistic).to.include({ assigneeId: b.alice.id, version: batch[0]!.version });
    // Someone else renames one of them meanwhile: that is news, shown and told at once.
    const current = await b.other.getLead(ids[1]!);
    await b.other.updateLead(ids[1]!, { name: 'Renamed Meanwhile' }, current.version);
    await settle();
    expect(store.lead(ids[1]!)).to.include({ name: 'Renamed Meanwhile', assigneeId: b.alice.id });
    expect(b.changes.some((c) => c.leads?.has(ids[1]!) && c !== touching()[0])).to.equal(true);
    held.release();
    const outcome = await assigning;
    expect(outcome.ok).to.have.length(ids.length); // the rename came after our write reached the backend
    expect(outcome.conflict).to.deep.equal([]);
    await settle();
    const settled = b.changes.filter((c) => c.leads?.has(ids[0]!));
    expect(settled, 'optimistic, then settled').to.have.length(2);
    expect(store.lead(ids[0]!)).to.include({ assigneeId: b.alice.id, version: batch[0]!.version + 1 });
    await expectStoreEqualsBackend(b);
  });

  it('while a write is held, a remote change wins at the backend: our write conflicts and the store shows the remote state', async () => {
    const b = await board();
    const { store } = b;
    const lead = unassignedIn(store)[0]!;
    const held = b.fault.inject('assign', { hold: 'request' });
    const assigning = store.assign([lead.id], b.alice.id);
    await b.other.assign([lead.id], b.bob.id);
    await settle();
    expect(store.lead(lead.id)!.assigneeId).to.equal(b.alice.id); // our optimistic value still shown
    held.release();
    const outcome = await assigning;
    expect(outcome.conflict).to.deep.equal([lead.id]);
    expect(store.lead(lead.id)!.assigneeId).to.equal(b.bob.id);
    await expectStoreEqualsBackend(b);
  });

  it('writes on one lead in quick succession are sent in order, each expecting the version the previous produced', async () => {
    const b = await board();
    const { store } = b;
    const lead = unassignedIn(store)[0]!;
    const results = await Promise.all([
      store.move(lead.id, 'qualified'),
      store.assign([lead.id], b.alice.id),
      store.update(lead.id, { value: 777 }),
      store.assign([lead.id], b.bob.id),
    ]);
    expect((results[1] as { ok: string[] }).ok).to.deep.equal([lead.id]);
    expect((results[3] as { ok: string[] }).ok).to.deep.equal([lead.id]);
    expect(store.lead(lead.id)).to.deep.include({ status: 'qualified', value: 777, assigneeId: b.bob.id, version: lead.version + 4 });
    await expectStoreEqualsBackend(b);
  });

  it('a lead leaving a member\'s view (handed to someone else elsewhere) disappears from their board', async () => {
    const b = await board({ as: 'alice' });
    const { store } = b;
    const mine = store.leadIdsAssignedTo(b.alice.id)[0]!;
    store.setSelected(mine, true);
    await store.loadActivity(mine);
    await b.other.assign([mine], b.bob.id);
    await settle(5);
    expect(store.lead(mine)).to.equal(undefined);
    expect(store.isSelected(mine)).to.equal(false);
    await until(() => b.notices.at(-1)?.code === 'lead-unavailable', 'the notice');
    expect(b.notices.at(-1)).to.deep.include({ kind: 'warning', leadIds: [mine] });
    await expectStoreEqualsBackend(b);
  });

  it('a member\'s hand-off answered late, after the lead came back to them, leaves the lead on their board', async () => {
    // Found by the fault soak under load: the late answer (the lead as Bob's) hid the newer lead pushed meanwhile
    // (Alice's again), and no later event brought it back.
    const b = await board({ as: 'alice' });
    const { store } = b;
    const mine = store.leadIdsAssignedTo(b.alice.id)[0]!;
    const version = store.lead(mine)!.version;
    const held = b.fault.inject('assign', { hold: 'response' });
    const handing = store.assign([mine], b.bob.id);
    await until(() => held.hits === 1, 'the hand-off reached the backend');
    await settle(5);
    await b.other.assign([mine], b.alice.id); // the manager gives it back at once
    await until(() => store.lead(mine)?.version === version + 2, 'the lead pushed back to Alice');
    held.release();
    const outcome = await handing;
    expect(outcome.ok).to.deep.equal([mine]);
    await settle(5);
    expect(store.lead(mine)).to.deep.include({ assigneeId: b.alice.id, version: version + 2 });
    await expectStoreEqualsBackend(b);
  });

  it('a "not found" answered late, after the lead came back to the member, leaves the lead on their board', async () => {
    const b = await board({ as: 'alice' });
    const { store } = b;
    const mine = store.leadIdsAssignedTo(b.alice.id)[0]!;
    const version = store.lead(mine)!.version;
    // What the backend answered while the lead was Bob's, arriving after it was given back.
    const held = b.fault.inject('updateLead', { hold: 'request', fail: new AdapterError('not_found', 'Lead not found') });
    const moving = store.move(mine, 'won');
    await b.other.assign([mine], b.bob.id);
    await until(() => store.lead(mine) === undefined, 'the lead left Alice\'s board');
    await b.other.assign([mine], b.alice.id);
    await until(() => store.lead(mine)?.version === version + 2, 'the lead pushed back to Alice');
    held.release();
    expect((await rejection(moving)).code).to.equal('not_found');
    await settle(5);
    expect(store.lead(mine)).to.deep.include({ assigneeId: b.alice.id, version: version + 2 });
    await expectStoreEqualsBackend(b);
  });
});

describe('LeadStore: history and undo', () => {
  it('assign / reassign / unassign history carries actor, time, from, to, source and batch id, keeping earlier entries', async () => {
    const b = await board();
    const { store } = b;
    const lead = unassignedIn(store)[0]!;
    const before = await store.loadActivity(lead.id);
    const first = await store.assign([lead.id], b.alice.id, { source: 'manual' });
    const second = await store.assign([lead.id], b.bob.id, { source: 'drag' });
    const third = await store.assign([lead.id], null, { source: 'keyboard' });
    await settle();
    const history = store.activityOf(lead.id)!;
    expect(history.slice(0, before.length)).to.deep.equal(before);
    const added = history.slice(before.length);
    expect(added.map((a) => ({ type: a.type, from: a.from, to: a.to, source: a.source, batchId: a.batchId, actorId: a.actorId }))).to.deep.equal([
      { type: 'assigned', from: null, to: b.alice.id, source: 'manual', batchId: first.batchId, actorId: store.me!.id },
      { type: 'assigned', from: b.alice.id, to: b.bob.id, source: 'drag', batchId: second.batchId, actorId: store.me!.id },
      { type: 'unassigned', from: b.bob.id, to: null, source: 'keyboard', batchId: third.batchId, actorId: store.me!.id },
    ]);
    for (const a of added) expect(Date.parse(a.at)).to.be.closeTo(Date.now(), 60_000);
    expect(await b.backend.listActivity(lead.id)).to.deep.equal(history);
  });

  it('undo restores every lead of the last batch to its previous assignee and logs it with source undo', async () => {
    const b = await board();
    const { store } = b;
    const leads = store.cardsIn('new').slice(0, 4);
    const previous = new Map(leads.map((l) => [l.id, l.assigneeId]));
    expect(store.canUndo).to.equal(false);
    const batch = await store.assign(leads.map((l) => l.id), b.bob.id, { source: 'bulk' });
    const changed = leads.filter((l) => l.assigneeId !== b.bob.id).map((l) => l.id);
    expect(store.canUndo).to.equal(true);
    const calls = b.fault.calls.assign;
    const outcome = (await store.undo())!;
    expect(outcome.ok.sort()).to.deep.equal([...changed].sort());
    expect(b.fault.calls.assign - calls).to.equal(new Set(changed.map((id) => previous.get(id))).size);
    for (const l of leads) expect(store.lead(l.id)!.assigneeId).to.equal(previous.get(l.id));
    expect(store.canUndo).to.equal(false);
    for (const id of changed) {
      const last = (await b.backend.listActivity(id)).at(-1)!;
      expect(last).to.deep.include({ source: 'undo', from: b.bob.id, to: previous.get(id), batchId: outcome.batchId });
      expect(last.batchId).not.to.equal(batch.batchId);
    }
    expect(await store.undo()).to.equal(null);
    await expectStoreEqualsBackend(b);
  });

  it('undo refuses leads changed since the batch and reports them', async () => {
    const b = await board();
    const { store } = b;
    const ids = unassignedIn(store).slice(0, 3).map((l) => l.id);
    await store.distribute(ids, [b.alice.id, b.bob.id], 'even');
    const touched = ids[1]!;
    const current = await b.other.getLead(touched);
    await b.other.updateLead(touched, { value: 5 }, current.version);
    await settle();
    const outcome = (await store.undo())!;
    expect(outcome.conflict).to.deep.equal([touched]);
    expect(outcome.ok.sort()).to.deep.equal([ids[0], ids[2]].sort());
    expect(store.lead(touched)!.assigneeId).to.equal(current.assigneeId);
    for (const id of [ids[0]!, ids[2]!]) expect(store.lead(id)!.assigneeId).to.equal(null);
    expect(b.notices.at(-1)).to.deep.include({ kind: 'warning', command: 'undo' });
    await expectStoreEqualsBackend(b);
  });

  it('undo of a change made elsewhere but not yet pushed is refused by the backend', async () => {
    const b = await board({ subscribe: false });
    const { store } = b;
    const id = unassignedIn(store)[0]!.id;
    await store.assign([id], b.alice.id);
    const current = await b.other.getLead(id);
    await b.other.assign([id], b.bob.id);
    const outcome = (await store.undo())!;
    expect(outcome.conflict).to.deep.equal([id]);
    expect(store.lead(id)!.assigneeId).to.equal(b.bob.id);
    expect(current.version).to.be.lessThan(store.lead(id)!.version);
  });
});

describe('LeadStore: change feed reconnects', () => {
  it('reloads quietly after the feed was down, picking up what it missed', async () => {
    const b = await board();
    const { store } = b;
    const lead = store.cardsIn('new')[0]!;
    b.fault.disconnectFeed();
    await b.other.assign([lead.id], b.bob.id, { expectedVersions: { [lead.id]: lead.version } });
    await settle();
    expect(store.lead(lead.id)!.assigneeId, 'missed while down').to.equal(lead.assigneeId);
    const statuses: string[] = [];
    const off = store.subscribe((c) => c.status && statuses.push(store.status));
    b.fault.reconnectFeed();
    await settle(5);
    off();
    expect(statuses, 'the board never went back to loading').not.to.include('loading');
    expect(store.lead(lead.id)!.assigneeId).to.equal(b.bob.id);
    await expectStoreEqualsBackend(b);
  });
});
