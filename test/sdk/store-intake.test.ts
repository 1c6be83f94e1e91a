import { expect } from 'chai';
import { LeadStore, MAX_IMPORT_ROWS } from '../../sdk/index.js';
import type { ImportProgress, LeadAdapter } from '../../sdk/index.js';
import { MemoryAdapter, MemoryDatabase, seed } from '../../sdk/memory.js';
import { rejection, settle } from './helpers.js';

/** m1 admin, m2 manager, m3..m5 active members, m6 inactive; each store loaded on its own session. */
async function team(leads = 40) {
  const database = new MemoryDatabase(seed({ leads, members: 6, seed: 3 }));
  const session = (id: string) => new MemoryAdapter({ database, as: id });
  const open = async (adapter: LeadAdapter) => {
    const store = new LeadStore(adapter);
    await store.load();
    return store;
  };
  return { database, session, open, admin: await open(session('m1')), alice: await open(session('m3')) };
}

/**
 * The same session with only some of its methods: a backend that cannot create or import (a host that only
 * triages leads), or one that pushes no changes. Calls go to the real MemoryAdapter.
 */
function only(adapter: MemoryAdapter, keep: { intake: boolean; subscribe: boolean }): LeadAdapter {
  const core: LeadAdapter = {
    me: () => adapter.me(),
    listMembers: () => adapter.listMembers(),
    listLeads: (q) => adapter.listLeads(q),
    getLead: (id) => adapter.getLead(id),
    updateLead: (id, patch, version, options) => adapter.updateLead(id, patch, version, options),
    assign: (ids, to, options) => adapter.assign(ids, to, options),
    listActivity: (id) => adapter.listActivity(id),
    addNote: (id, text) => adapter.addNote(id, text),
  };
  if (keep.subscribe) core.subscribe = (onChange) => adapter.subscribe(onChange);
  if (keep.intake) {
    core.createLead = (lead, options) => adapter.createLead(lead, options);
    core.importLeads = (input, options) => adapter.importLeads(input, options);
    core.getAssignmentRules = () => adapter.getAssignmentRules();
    core.setAssignmentRules = (rules) => adapter.setAssignmentRules(rules);
  }
  return core;
}

describe('LeadStore: leads arriving', () => {
  it('create: the card appears at the top of its column, here and on every other open board, with a created entry', async () => {
    const { admin, alice, session, open } = await team();
    const manager = await open(session('m2'));
    const lead = await admin.create({ name: 'Walk-in', status: 'contacted', value: 900 });
    expect(admin.cardsIn('contacted')[0]!.id, 'at once, from the answer').to.equal(lead.id);
    await settle();
    for (const store of [manager, alice]) expect(store.cardsIn('contacted')[0]!.id).to.equal(lead.id);
    const history = await admin.loadActivity(lead.id);
    expect(history.map((a) => [a.type, a.source, a.actorId])).to.deep.equal([['created', 'manual', 'm1']]);
  });

  it('create for someone else: the member\'s board does not show it, and the receiver\'s count goes up', async () => {
    const { alice, admin } = await team();
    const bobBefore = alice.member('m4')!.openLeads;
    const lead = await alice.create({ name: 'For Bob', assigneeId: 'm4' });
    expect(lead.assigneeId).to.equal('m4');
    expect(alice.lead(lead.id)).to.equal(undefined);
    await settle(5);
    expect(alice.member('m4')!.openLeads).to.equal(bobBefore + 1);
    expect(admin.lead(lead.id)).to.deep.include({ assigneeId: 'm4' });
    expect(admin.member('m4')!.openLeads).to.equal(bobBefore + 1);
  });

  it('create refuses bad input with issues naming the field; the board is unchanged', async () => {
    const { admin } = await team();
    const count = admin.leadCount;
    const error = await rejection(admin.create({ name: '', email: 'nope' }));
    expect(error.code).to.equal('invalid');
    expect(error.issues!.map((i) => i.path).sort()).to.deep.equal(['email', 'name']);
    const inactive = await rejection(admin.create({ name: 'X', assigneeId: 'm6' }));
    expect(inactive.issues).to.deep.equal([{ path: 'assigneeId', code: 'inactive_assignee', message: 'The assignee is not an active member' }]);
    expect(admin.leadCount).to.equal(count);
  });

  it('rules: nine imported leads spread 3/3/3 over three members on every open board; members may not change rules', async () => {
    const { admin, alice, session, open } = await team(0);
    const manager = await open(session('m2'));
    expect((await rejection(alice.setAssignmentRules({ enabled: true, strategy: 'round_robin', memberIds: ['m3'] }))).code).to.equal('forbidden');
    const rules = await admin.setAssignmentRules({ enabled: true, strategy: 'round_robin', memberIds: ['m3', 'm4', 'm5'] });
    expect(await alice.getAssignmentRules()).to.deep.equal(rules);

    const csv = ['name,email', ...Array.from({ length: 9 }, (_, i) => `Lead ${i + 1},lead${i + 1}@client.io`)].join('\n');
    const preview = await admin.importLeads(csv, { dryRun: true });
    expect(preview).to.deep.include({ dryRun: true, created: 9, errors: [] });
    await settle();
    expect(manager.leadCount, 'a preview creates nothing').to.equal(0);

    const phases: ImportProgress['phase'][] = [];
    const result = await admin.importLeads(csv, { onProgress: (p) => phases.push(p.phase) });
    expect(result.created).to.equal(9);
    expect(phases).to.deep.equal(['checking', 'sending', 'done']);
    await settle(5);
    const held = (store: LeadStore) => ['m3', 'm4', 'm5'].map((id) => store.leadIdsAssignedTo(id).length);
    expect(held(manager)).to.deep.equal([3, 3, 3]);
    expect(held(admin)).to.deep.equal([3, 3, 3]);
    expect(['m3', 'm4', 'm5'].map((id) => manager.member(id)!.openLeads)).to.deep.equal([3, 3, 3]);
    // Alice sees her three only.
    expect(alice.leadCount).to.equal(3);
    for (const id of alice.leadIdsAssignedTo('m3')) {
      const entries = await alice.loadActivity(id);
      expect(entries.map((a) => [a.type, a.source, a.to])).to.deep.equal([['created', 'import', undefined], ['assigned', 'rule', 'm3']]);
    }
    // The cards are at the top of the first column, in file order.
    expect(manager.cardsIn('new').map((l) => l.name)).to.deep.equal(Array.from({ length: 9 }, (_, i) => `Lead ${i + 1}`));
  });

  it('import on a backend that pushes nothing: the store loads the board again, so the leads are there', async () => {
    const { session } = await team(0);
    const store = new LeadStore(only(session('m1'), { intake: true, subscribe: false }));
    await store.load();
    const phases: ImportProgress['phase'][] = [];
    const result = await store.importLeads([{ name: 'Ada' }, { name: 'Bo', status: 'Won' }, { name: '' }], {
      onProgress: (p) => phases.push(p.phase),
    });
    expect(result.created).to.equal(2);
    expect(result.errors).to.deep.equal([{ row: 4, field: 'name', code: 'required', message: 'Enter a name' }]);
    expect(phases).to.deep.equal(['checking', 'sending', 'loading', 'done']);
    expect(store.cardsIn('new').map((l) => l.name)).to.deep.equal(['Ada']);
    expect(store.cardsIn('won').map((l) => l.name)).to.deep.equal(['Bo']);
  });

  it('an import over the limit is refused before anything is sent', async () => {
    const { session } = await team(0);
    const backend = session('m1');
    let sent = 0;
    const counting: LeadAdapter = { ...only(backend, { intake: true, subscribe: true }), importLeads: (input, options) => {
      sent++;
      return backend.importLeads(input, options);
    } };
    const store = new LeadStore(counting);
    await store.load();
    const error = await rejection(store.importLeads(Array.from({ length: MAX_IMPORT_ROWS + 1 }, () => ({ name: 'x' }))));
    expect(error).to.deep.include({ code: 'invalid', status: 413 });
    expect(sent).to.equal(0);
  });

  it('says what the current member can do, as the adapter and the policy allow', async () => {
    const { admin, alice, session } = await team(5);
    expect(admin.intake).to.deep.equal({ createLead: true, importLeads: true, readAssignmentRules: true, changeAssignmentRules: true });
    expect(alice.intake).to.deep.equal({ createLead: true, importLeads: false, readAssignmentRules: true, changeAssignmentRules: false });
    const triage = new LeadStore(only(session('m1'), { intake: false, subscribe: true }));
    expect(triage.intake, 'before load: nobody known yet').to.deep.equal({
      createLead: false, importLeads: false, readAssignmentRules: false, changeAssignmentRules: false,
    });
    await triage.load();
    expect(triage.intake).to.deep.equal({ createLead: false, importLeads: false, readAssignmentRules: false, changeAssignmentRules: false });
    expect((await rejection(triage.create({ name: 'X' }))).message).to.contain('does not offer');
    expect((await rejection(triage.importLeads('name\nX\n'))).message).to.contain('does not offer');
  });

  it('10,000 imported leads reach an open board, every one in its column', async () => {
    const { admin, session, open } = await team(0);
    const manager = await open(session('m2'));
    const rows = Array.from({ length: MAX_IMPORT_ROWS }, (_, i) => ({ name: `Lead ${i}`, status: i % 2 ? 'Qualified' : 'New', value: i }));
    const result = await admin.importLeads(rows);
    expect(result.created).to.equal(10_000);
    await settle(5);
    for (const store of [admin, manager]) {
      expect(store.leadCount).to.equal(10_000);
      expect(store.countIn('new')).to.equal(5_000);
      expect(store.countIn('qualified')).to.equal(5_000);
      expect(store.cardsIn('qualified')[0]!.name).to.equal('Lead 1');
      expect(store.cardsIn('qualified').at(-1)!.name).to.equal('Lead 9999');
    }
  });
});
