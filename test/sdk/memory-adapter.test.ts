import { expect } from 'chai';
import { AdapterError } from '../../sdk/index.js';
import { MemoryAdapter, MemoryDatabase, seed } from '../../sdk/memory.js';
import type { ChangeEvent, Lead, Member } from '../../sdk/index.js';
import type { KeyValueStorage } from '../../sdk/memory.js';
import { memoryStorage, rejection, settle } from './helpers.js';

/**
 * Runs `body` with `globalThis.localStorage` replaced: by a storage, by nothing (as in Node), or by a getter
 * that throws (as some sandboxed frames do); the real one (a browser's) is put back afterwards.
 */
async function withGlobalLocalStorage(replacement: KeyValueStorage | undefined | 'throws', body: () => Promise<void>): Promise<void> {
  const own = Object.getOwnPropertyDescriptor(globalThis, 'localStorage');
  Object.defineProperty(globalThis, 'localStorage', {
    configurable: true,
    get: () => {
      if (replacement === 'throws') throw new Error('SecurityError: access to localStorage is denied');
      return replacement;
    },
  });
  try {
    await body();
  } finally {
    if (own) Object.defineProperty(globalThis, 'localStorage', own);
    else delete (globalThis as { localStorage?: unknown }).localStorage;
  }
}

/** A small deterministic team: m1 admin, m2 manager, m3..m5 members, m6 inactive. */
function setup(leads = 30) {
  const admin = MemoryAdapter.seeded({ leads, members: 6, seed: 3 });
  const db = admin.database;
  const members = db.snapshot().members;
  const byRole = (role: Member['role']) => members.filter((m) => m.role === role && m.active);
  const [alice, bob] = byRole('member') as [Member, Member];
  const inactive = members.find((m) => !m.active)!;
  return { admin, db, alice: admin.session(alice.id), bob: admin.session(bob.id), aliceId: alice.id, bobId: bob.id, inactive };
}

describe('MemoryAdapter', () => {
  it('acts as its member and lists members with open-lead counts', async () => {
    const { admin, db } = setup();
    expect((await admin.me()).role).to.equal('admin');
    const members = await admin.listMembers();
    const open = db.snapshot().leads.filter((l) => l.assigneeId && !['won', 'lost'].includes(l.status));
    expect(members).to.have.length(6);
    expect(open, 'open assigned leads').not.to.be.empty;
    for (const m of members) expect(m.openLeads).to.equal(open.filter((l) => l.assigneeId === m.id).length);
  });

  it('open-lead counts follow every write: assignments, moves to closed columns and back, new leads, pushed member_loads', async () => {
    const { admin, db, aliceId, bobId } = setup(40);
    const expectCounts = async (when: string) => {
      const open = db.snapshot().leads.filter((l) => l.assigneeId && !['won', 'lost'].includes(l.status));
      for (const m of await admin.listMembers()) {
        expect(m.openLeads, `${m.name} ${when}`).to.equal(open.filter((l) => l.assigneeId === m.id).length);
      }
    };
    const pushed: ChangeEvent[] = [];
    const stop = admin.subscribe((event) => pushed.push(event));
    await expectCounts('at first');
    const leads = await admin.listLeads();
    const openOnes = leads.filter((l) => !['won', 'lost'].includes(l.status));
    await admin.assign(openOnes.slice(0, 6).map((l) => l.id), aliceId);
    await expectCounts('after a bulk assignment');
    const held = (await admin.listLeads()).find((l) => l.assigneeId === aliceId && l.status === 'new')!;
    const won = await admin.updateLead(held.id, { status: 'won' }, held.version);
    await expectCounts('after a move to Won');
    await admin.updateLead(won.id, { status: 'qualified' }, won.version);
    await admin.assign([held.id], bobId);
    await admin.createLead({ name: 'Counted Once', assigneeId: bobId });
    await expectCounts('after a reopen, a reassignment and a new lead');
    await settle();
    stop();
    const last = pushed.filter((e) => e.type === 'member_loads').at(-1);
    const listed = await admin.listMembers();
    expect(last?.type === 'member_loads' && Object.fromEntries(last.loads.map((l) => [l.memberId, l.openLeads])))
      .to.deep.equal(Object.fromEntries(listed.map((m) => [m.id, m.openLeads])));
  });

  it('returns copies, never its internal objects', async () => {
    const { admin } = setup();
    const [lead] = await admin.listLeads();
    lead!.name = 'Tampered';
    expect((await admin.getLead(lead!.id)).name).not.to.equal('Tampered');
  });

  it('a member sees only their own and unassigned leads; another member\'s lead is not_found, with no data', async () => {
    const { admin, alice, aliceId, bobId } = setup();
    const visible = await alice.listLeads();
    expect(visible.length).to.be.greaterThan(0);
    expect(visible.every((l) => l.assigneeId === null || l.assigneeId === aliceId)).to.equal(true);
    const bobsLead = (await admin.listLeads({ assignee: bobId }))[0]!;
    for (const call of [
      alice.getLead(bobsLead.id),
      alice.listActivity(bobsLead.id),
      alice.addNote(bobsLead.id, 'hello'),
      alice.updateLead(bobsLead.id, { name: 'Mine now' }, bobsLead.version),
    ]) {
      const error = await rejection(call);
      expect(error.code).to.equal('not_found');
      expect(error.current).to.equal(undefined);
      expect(error.message).not.to.contain(bobsLead.name);
    }
    const response = await alice.assign([bobsLead.id], aliceId);
    expect(response.results).to.deep.equal([{ leadId: bobsLead.id, status: 'not_found' }]);
    expect((await admin.getLead(bobsLead.id)).assigneeId).to.equal(bobId);
  });

  it('handing a lead off removes it from the member\'s view', async () => {
    const { alice, aliceId, bobId } = setup();
    const mine = (await alice.listLeads({ assignee: aliceId }))[0]!;
    const response = await alice.assign([mine.id], bobId);
    expect(response.results[0]!.status).to.equal('ok');
    expect((await rejection(alice.getLead(mine.id))).code).to.equal('not_found');
  });

  it('assign / unassign / reassign: versions, history with actor, time, from, to, source, batch id; earlier entries kept', async () => {
    const { admin, aliceId, bobId } = setup();
    const lead = (await admin.listLeads({ assignee: 'unassigned' }))[0]!;
    const before = await admin.listActivity(lead.id);
    const r1 = await admin.assign([lead.id], aliceId, { source: 'bulk', batchId: 'batch-1', expectedVersions: { [lead.id]: lead.version } });
    expect(r1.batchId).to.equal('batch-1');
    expect(r1.results[0]!.lead!.version).to.equal(lead.version + 1);
    const r2 = await admin.assign([lead.id], bobId, { source: 'drag' });
    expect(r2.batchId).to.be.a('string').and.not.equal('batch-1');
    const r3 = await admin.assign([lead.id], null);
    expect(r3.results[0]!.lead!.assigneeId).to.equal(null);
    expect(r3.results[0]!.lead!.version).to.equal(lead.version + 3);

    const history = await admin.listActivity(lead.id);
    expect(history.slice(0, before.length)).to.deep.equal(before);
    const added = history.slice(before.length);
    expect(added.map((a) => [a.type, a.from, a.to, a.source, a.actorId])).to.deep.equal([
      ['assigned', null, aliceId, 'bulk', 'm1'],
      ['assigned', aliceId, bobId, 'drag', 'm1'],
      ['unassigned', bobId, null, 'manual', 'm1'],
    ]);
    expect(added.map((a) => a.batchId)).to.deep.equal(['batch-1', r2.batchId, r3.batchId]);
    for (const a of added) expect(Number.isNaN(Date.parse(a.at))).to.equal(false);
  });

  it('assigning to the current assignee is ok without a write or history', async () => {
    const { admin, aliceId } = setup();
    const lead = (await admin.listLeads({ assignee: aliceId }))[0]!;
    const count = (await admin.listActivity(lead.id)).length;
    const response = await admin.assign([lead.id], aliceId);
    expect(response.results[0]).to.deep.include({ status: 'ok' });
    expect(response.results[0]!.lead!.version).to.equal(lead.version);
    expect(await admin.listActivity(lead.id)).to.have.length(count);
  });

  it('stale versions give per-lead conflicts carrying the current lead; the rest of the batch applies', async () => {
    const { admin, aliceId } = setup();
    const [a, b, c] = (await admin.listLeads()).slice(0, 3) as [Lead, Lead, Lead];
    await admin.updateLead(b.id, { name: 'Changed elsewhere' }, b.version);
    const response = await admin.assign([a.id, b.id, c.id], aliceId, {
      expectedVersions: { [a.id]: a.version, [b.id]: b.version, [c.id]: c.version },
    });
    expect(response.results.map((r) => r.status)).to.deep.equal(['ok', 'conflict', 'ok']);
    const conflict = response.results[1]!;
    expect(conflict.lead!.name).to.equal('Changed elsewhere');
    expect(conflict.lead!.version).to.equal(b.version + 1);
    expect((await admin.getLead(b.id)).assigneeId).to.equal(b.assigneeId);
  });

  it('updateLead: stale version throws conflict with current; status and field changes are logged', async () => {
    const { admin } = setup();
    const lead = (await admin.listLeads({ status: ['new'] }))[0]!;
    const moved = await admin.updateLead(lead.id, { status: 'qualified', position: 5 }, lead.version, { source: 'keyboard' });
    expect(moved.version).to.equal(lead.version + 1);
    const error = await rejection(admin.updateLead(lead.id, { name: 'x' }, lead.version));
    expect(error.code).to.equal('conflict');
    expect(error.current).to.deep.equal(moved);
    await admin.updateLead(lead.id, { company: 'Other Co', value: null }, moved.version);
    const history = await admin.listActivity(lead.id);
    const [statusEntry, company, value] = history.slice(-3);
    expect(statusEntry).to.deep.include({ type: 'status_changed', from: 'new', to: 'qualified', source: 'keyboard' });
    // One entry per field, old → new as text (null: empty); the same rule as the reference server's.
    expect(company).to.deep.include({ type: 'updated', text: 'company', from: lead.company ?? null, to: 'Other Co' });
    expect(value).to.deep.include({ type: 'updated', text: 'value', from: String(lead.value), to: null });
    expect('value' in (await admin.getLead(lead.id))).to.equal(false);
    // Card order alone is not history.
    const reordered = await admin.getLead(lead.id);
    await admin.updateLead(lead.id, { position: reordered.position + 0.5 }, reordered.version);
    expect(await admin.listActivity(lead.id)).to.have.length(history.length);
  });

  it('rejects malformed input naming the field, and inactive assignees as invalid', async () => {
    const { admin, inactive } = setup();
    const lead = (await admin.listLeads())[0]!;
    const badEmail = await rejection(admin.updateLead(lead.id, { email: 'nope' }, lead.version));
    expect(badEmail.code).to.equal('invalid');
    expect(badEmail.message).to.contain('email');
    const noAssignee = await rejection(admin.updateLead(lead.id, { assigneeId: 'm2' } as never, lead.version));
    expect(noAssignee.message).to.contain('assigneeId');
    const badVersion = await rejection(admin.updateLead(lead.id, { name: 'x' }, 0));
    expect(badVersion.message).to.contain('expectedVersion');
    const emptyNote = await rejection(admin.addNote(lead.id, '   '));
    expect(emptyNote.message).to.contain('text');
    const toInactive = await rejection(admin.assign([lead.id], inactive.id));
    expect(toInactive.code).to.equal('invalid');
    expect(toInactive.message).to.contain('assigneeId');
    const badSource = await rejection(admin.assign([lead.id], null, { source: 'telepathy' as never }));
    expect(badSource.message).to.contain('source');
    const badQuery = await rejection(admin.listLeads({ status: ['not a key!'] }));
    expect(badQuery.message).to.contain('status');
    expect((await admin.getLead(lead.id)).version).to.equal(lead.version);
  });

  it('addNote logs a note; createLead logs created (and assigned)', async () => {
    const { admin, aliceId } = setup();
    const created = await admin.createLead({ name: ' New Person ', status: 'new', assigneeId: aliceId, value: 100 });
    expect(created).to.deep.include({ name: 'New Person', version: 1, assigneeId: aliceId });
    const note = await admin.addNote(created.id, 'Called, will follow up');
    expect(note).to.deep.include({ type: 'note', text: 'Called, will follow up', actorId: 'm1', leadId: created.id });
    const history = await admin.listActivity(created.id);
    expect(history.map((a) => a.type)).to.deep.equal(['created', 'assigned', 'note']);
  });

  it('pushes changes to every session that may see them, and lead_removed when a lead leaves a view', async () => {
    const { admin, alice, aliceId, bobId } = setup();
    const seenByAlice: ChangeEvent[] = [];
    const seenByBob: ChangeEvent[] = [];
    const offA = alice.subscribe((e) => seenByAlice.push(e));
    const offB = admin.session(bobId).subscribe((e) => seenByBob.push(e));
    const lead = (await admin.listLeads({ assignee: aliceId }))[0]!;
    await admin.assign([lead.id], bobId);
    await settle();
    // Then everyone's counts (the hand-off moved two): numbers only, nothing of the lead.
    expect(seenByAlice.map((e) => e.type)).to.deep.equal(['lead_removed', 'member_loads']);
    expect(seenByAlice[0]).to.deep.equal({ type: 'lead_removed', leadId: lead.id });
    const counts = new Map((await admin.listMembers()).map((m) => [m.id, m.openLeads]));
    const loads = seenByAlice[1]!.type === 'member_loads' ? seenByAlice[1]!.loads : [];
    expect(new Map(loads.map((l) => [l.memberId, l.openLeads]))).to.deep.equal(counts);
    expect(seenByBob.map((e) => e.type)).to.deep.equal(['lead', 'activity', 'member_loads']);
    offA();
    offB();
    await admin.assign([lead.id], aliceId);
    await settle();
    expect(seenByAlice).to.have.length(2);
  });

  it('persists to the storage it is given: a second database on the same key starts from the saved data', async () => {
    const storage = memoryStorage();
    const first = new MemoryDatabase(seed({ leads: 5, members: 4 }), { storageKey: 'kanban', storage });
    const admin = new MemoryAdapter({ database: first, as: 'm1' });
    const lead = (await admin.listLeads())[0]!;
    await admin.updateLead(lead.id, { name: 'Persisted' }, lead.version);
    await settle();
    expect(storage.data.has('kanban')).to.equal(true);
    const second = new MemoryDatabase(seed({ leads: 5, members: 4 }), { storageKey: 'kanban', storage });
    expect(second.snapshot().leads.find((l) => l.id === lead.id)!.name).to.equal('Persisted');
  });

  it('without a storage given, persists to the global localStorage when there is one', async () => {
    const storage = memoryStorage();
    await withGlobalLocalStorage(storage, async () => {
      const database = new MemoryDatabase(seed({ leads: 5, members: 4 }), { storageKey: 'kanban-global' });
      const admin = new MemoryAdapter({ database, as: 'm1' });
      const lead = (await admin.listLeads())[0]!;
      await admin.updateLead(lead.id, { name: 'Saved globally' }, lead.version);
      await settle();
    });
    expect(JSON.parse(storage.data.get('kanban-global')!).leads.some((l: Lead) => l.name === 'Saved globally')).to.equal(true);
  });

  for (const [what, global] of [['absent', undefined], ['throwing on access', 'throws']] as const) {
    it(`with localStorage ${what}, keeps its data in memory and works (nothing saved, nothing thrown)`, async () => {
      const key = `kanban-no-storage-${what}`;
      await withGlobalLocalStorage(global, async () => {
        const database = new MemoryDatabase(seed({ leads: 5, members: 4 }), { storageKey: key, storage: undefined });
        const admin = new MemoryAdapter({ database, as: 'm1' });
        const lead = (await admin.listLeads())[0]!;
        await admin.updateLead(lead.id, { name: 'Kept in memory' }, lead.version);
        await settle();
        database.saveNow();
        expect((await admin.getLead(lead.id)).name).to.equal('Kept in memory');
        const second = new MemoryDatabase(seed({ leads: 5, members: 4 }), { storageKey: key });
        expect(second.snapshot().leads.find((l) => l.id === lead.id)!.name).not.to.equal('Kept in memory');
      });
      // The real localStorage (a browser's; Node has none) was not written behind the test's back.
      const real = (globalThis as { localStorage?: { getItem(key: string): string | null } }).localStorage;
      expect(real?.getItem(key) ?? null).to.equal(null);
    });
  }

  it('rejects malformed data from outside (a copy of seed data, as a file or a server gives it) naming the field', () => {
    // seed()'s own output is trusted as made (not checked again); a copy of it is data like any other.
    const data = structuredClone(seed({ leads: 2, members: 4 }));
    data.leads[1]!.version = 0;
    expect(() => new MemoryDatabase(data)).to.throw(AdapterError, /leads\.1\.version/);
  });
});
