/**
 * The undo history of the store: assignments and moves in one list, each undoable by itself or the newest
 * first, every undo a real write (source "undo") that refuses leads changed since; distributions applied
 * exactly as previewed, with ties rotating between runs; "keep mine" after a conflict.
 */
import { expect } from 'chai';
import { LeadStore, type KeyValueStorage, type Lead } from '../../sdk/index.js';
import { MemoryAdapter, MemoryDatabase, seed } from '../../sdk/memory.js';
import { settle } from './helpers.js';
import { board, expectStoreEqualsBackend } from './store-setup.js';

const unassigned = (store: LeadStore, status = 'new'): Lead[] => store.cardsIn(status).filter((l) => l.assigneeId === null);

describe('LeadStore undo history: moves and assignments in one list', () => {
  it('undoes a move: the card goes back to its column and place, logged with source undo', async () => {
    const b = await board();
    const { store } = b;
    const lead = store.cardsIn('new')[1]!;
    const before = { status: lead.status, position: lead.position, index: store.indexIn('new', lead.id) };
    await store.move(lead.id, 'qualified', { index: 0, source: 'drag' });
    const moved = b.notices.at(-1)!;
    expect(moved).to.deep.include({ kind: 'success', code: 'settled', command: 'move', leadIds: [lead.id] });
    expect(store.undoActions[0]).to.deep.include({ id: moved.undoId, kind: 'move', command: 'move', leadIds: [lead.id] });

    const outcome = (await store.undo())!;
    expect(outcome).to.deep.include({ ok: [lead.id], conflict: [], undone: 'move' });
    expect(store.lead(lead.id)).to.deep.include({ status: before.status, position: before.position });
    expect(store.indexIn('new', lead.id)).to.equal(before.index);
    const last = (await b.backend.listActivity(lead.id)).at(-1)!;
    expect(last).to.deep.include({ type: 'status_changed', from: 'qualified', to: 'new', source: 'undo' });
    expect(store.canUndo).to.equal(false);
    await expectStoreEqualsBackend(b);
  });

  it('refuses to undo a move when someone else changed the lead since, and says which lead', async () => {
    const b = await board();
    const { store } = b;
    const lead = store.cardsIn('contacted')[0]!;
    await store.move(lead.id, 'won');
    const now = await b.other.getLead(lead.id);
    await b.other.updateLead(lead.id, { value: 1234 }, now.version);
    await settle();
    const outcome = (await store.undo())!;
    expect(outcome).to.deep.include({ ok: [], conflict: [lead.id], undone: 'move' });
    expect(store.lead(lead.id)).to.deep.include({ status: 'won', value: 1234 });
    expect(b.notices.at(-1)).to.deep.include({ kind: 'error', code: 'settled', command: 'undo', leadIds: [lead.id] });
    await expectStoreEqualsBackend(b);
  });

  it('undoes the newest first, and walks back through several actions on the same lead', async () => {
    const b = await board();
    const { store } = b;
    const lead = unassigned(store)[0]!;
    await store.assign([lead.id], b.alice.id);
    await store.move(lead.id, 'proposal');
    await store.assign([lead.id], b.bob.id);
    expect(store.undoActions.map((a) => a.kind)).to.deep.equal(['assign', 'move', 'assign']);

    expect((await store.undo())!.ok).to.deep.equal([lead.id]);
    expect(store.lead(lead.id)).to.deep.include({ assigneeId: b.alice.id, status: 'proposal' });
    expect((await store.undo())!.ok).to.deep.equal([lead.id]);
    expect(store.lead(lead.id)).to.deep.include({ assigneeId: b.alice.id, status: 'new' });
    expect((await store.undo())!.ok).to.deep.equal([lead.id]);
    expect(store.lead(lead.id)).to.deep.include({ assigneeId: null, status: 'new' });
    expect(await store.undo()).to.equal(null);
    const sources = (await b.backend.listActivity(lead.id)).slice(-3).map((a) => a.source);
    expect(sources).to.deep.equal(['undo', 'undo', 'undo']);
    await expectStoreEqualsBackend(b);
  });

  it('undoes one action by its id, leaving the others undoable; Undos asked at once run one after another', async () => {
    const b = await board();
    const { store } = b;
    const [first, second] = unassigned(store);
    const a = await store.assign([first!.id], b.alice.id);
    const m = await store.move(second!.id, 'lost');
    const moveId = store.undoActions[0]!.id;
    expect(m.status).to.equal('lost');
    const [undoneAssign, undoneMove] = await Promise.all([store.undo(a.batchId!), store.undo(moveId)]);
    expect(undoneAssign!.ok).to.deep.equal([first!.id]);
    expect(undoneMove!.ok).to.deep.equal([second!.id]);
    expect(store.lead(first!.id)!.assigneeId).to.equal(null);
    expect(store.lead(second!.id)!.status).to.equal('new');
    expect(await store.undo('no-such-action')).to.equal(null);
    await expectStoreEqualsBackend(b);
  });

  it('a bulk undo leaves the leads changed since untouched and lists them', async () => {
    const b = await board();
    const { store } = b;
    const ids = unassigned(store).slice(0, 4).map((l) => l.id);
    const batch = await store.assign(ids, b.bob.id, { source: 'bulk' });
    expect(b.notices.at(-1)!.undoId).to.equal(batch.batchId);
    const touched = ids[2]!;
    await b.other.assign([touched], b.alice.id);
    await settle();
    const outcome = (await store.undo(batch.batchId!))!;
    expect(outcome.conflict).to.deep.equal([touched]);
    expect(outcome.ok.sort()).to.deep.equal(ids.filter((id) => id !== touched).sort());
    expect(store.lead(touched)!.assigneeId).to.equal(b.alice.id);
    await expectStoreEqualsBackend(b);
  });

  it('keeps at most 20 actions', async () => {
    const b = await board();
    const { store } = b;
    const lead = store.cardsIn('new')[0]!;
    for (let i = 0; i < 22; i++) await store.move(lead.id, i % 2 === 0 ? 'contacted' : 'new');
    expect(store.undoActions).to.have.length(20);
  });
});

describe('LeadStore distribution: the preview is what is applied; ties rotate', () => {
  it('applies exactly the previewed plan as one batch with source distribute', async () => {
    const b = await board({ leads: 120 });
    const { store } = b;
    const ids = unassigned(store, 'contacted').map((l) => l.id);
    const chosen = [b.alice.id, b.bob.id, store.me!.id];
    const plan = store.planDistribution(ids, chosen, 'even');
    const outcome = await store.applyDistribution(plan);
    for (const { leadId, memberId } of plan.assignments) expect(store.lead(leadId)!.assigneeId).to.equal(memberId);
    expect(new Set(b.fault.assignCalls.map((c) => c.options.batchId))).to.deep.equal(new Set([outcome.batchId]));
    expect(b.fault.assignCalls.every((c) => c.options.source === 'distribute')).to.equal(true);
    expect(store.undoActions[0]).to.deep.include({ id: outcome.batchId, kind: 'assign', command: 'distribute' });
    const counts = Object.values(plan.perMember);
    expect(Math.max(...counts) - Math.min(...counts)).to.be.at.most(1);
    await expectStoreEqualsBackend(b);
  });

  it('repeated runs do not favour the member who comes first: the extra lead goes round', async () => {
    // Three people with no open leads; one lead at a time, then won (closed), so loads stay equal each time.
    const data = seed({ leads: 30, members: 6, seed: 3 });
    const people = data.members.filter((m) => m.active && m.role === 'member').slice(0, 3).map((m) => m.id);
    for (const lead of data.leads) if (lead.assigneeId && people.includes(lead.assigneeId)) lead.assigneeId = null;
    const admin = new MemoryAdapter({ database: new MemoryDatabase(data), as: 'm1' });
    const storage = new Map<string, string>();
    const kv: KeyValueStorage = { getItem: (k) => storage.get(k) ?? null, setItem: (k, v) => void storage.set(k, v) };
    const store = new LeadStore(admin, { rotationStorage: kv });
    await store.load();
    const receivers: string[] = [];
    for (const lead of unassigned(store).slice(0, 6)) {
      const outcome = await store.distribute([lead.id], people, 'even');
      expect(outcome.ok).to.deep.equal([lead.id]);
      receivers.push(store.lead(lead.id)!.assigneeId!);
      await store.move(lead.id, 'won');
    }
    expect(receivers).to.deep.equal([...people, ...people]);

    // A new store on the same storage (a reload) goes on where the last one stopped.
    const again = new LeadStore(admin, { rotationStorage: kv });
    await again.load();
    const next = unassigned(again)[0]!;
    await again.distribute([next.id], people, 'even');
    expect(again.lead(next.id)!.assigneeId).to.equal(people[0]);
    store.dispose();
    again.dispose();
  });
});

describe('LeadStore.keepMine: my choice again, against their version', () => {
  it('assigns the conflicting leads again to what the batch wanted, expecting their current version', async () => {
    const b = await board();
    const { store } = b;
    const ids = unassigned(store).slice(0, 3).map((l) => l.id);
    b.fault.inject('assign', { conflict: [ids[1]!] });
    const outcome = await store.assign(ids, b.alice.id, { source: 'bulk' });
    expect(outcome.conflict).to.deep.equal([ids[1]]);
    expect(outcome.wanted).to.deep.equal({ [ids[1]!]: b.alice.id });
    const theirs = store.lead(ids[1]!)!;
    const retried = await store.keepMine(outcome);
    expect(retried.ok).to.deep.equal([ids[1]]);
    expect(b.fault.assignCalls.at(-1)!.options).to.deep.include({ source: 'bulk', expectedVersions: { [ids[1]!]: theirs.version } });
    expect(store.lead(ids[1]!)!.assigneeId).to.equal(b.alice.id);
    await expectStoreEqualsBackend(b);
  });
});
