import { expect } from 'chai';
import { MAX_IMPORT_ROWS } from '../../sdk/index.js';
import type { Activity, AssignmentRules, ChangeEvent, Lead } from '../../sdk/index.js';
import { MemoryAdapter, MemoryDatabase, seed } from '../../sdk/memory.js';
import type { KeyValueStorage } from '../../sdk/memory.js';
import { memoryStorage, rejection, settle } from './helpers.js';

/** m1 admin, m2 manager, m3..m5 active members (capacity 30, 40, 40), m6 inactive. */
function setup(leads = 30, storage?: KeyValueStorage) {
  const database = new MemoryDatabase(seed({ leads, members: 6, seed: 3 }), storage ? { storageKey: 'intake', storage } : {});
  const admin = new MemoryAdapter({ database, as: 'm1' });
  return { database, admin, manager: admin.session('m2'), alice: admin.session('m3'), bob: admin.session('m4'), retired: admin.session('m6') };
}

const roundRobin: AssignmentRules = { enabled: true, strategy: 'round_robin', memberIds: ['m3', 'm4', 'm5'] };
const count = (ids: readonly (string | null)[]) =>
  ids.reduce<Record<string, number>>((acc, id) => ({ ...acc, [String(id)]: (acc[String(id)] ?? 0) + 1 }), {});
const historyOf = async (adapter: MemoryAdapter, lead: Lead) =>
  (await adapter.listActivity(lead.id)).map((a: Activity) => [a.type, a.source, a.from, a.to, a.actorId]);

describe('MemoryAdapter: leads arriving', () => {
  it('createLead puts the lead at the top of its column (first column without a status) and logs created', async () => {
    const { admin } = setup();
    const topBefore = Math.min(...(await admin.listLeads({ status: ['contacted'] })).map((l) => l.position));
    const lead = await admin.createLead({ name: 'Top Card', status: 'contacted', email: 'top@client.io' });
    expect(lead).to.deep.include({ name: 'Top Card', status: 'contacted', assigneeId: null, version: 1 });
    expect(lead.position).to.be.below(topBefore);
    expect(await historyOf(admin, lead)).to.deep.equal([['created', 'api', undefined, undefined, 'm1']]);
    const plain = await admin.createLead({ name: 'No Status' }, { source: 'manual' });
    expect(plain.status).to.equal('new');
    expect(await historyOf(admin, plain)).to.deep.equal([['created', 'manual', undefined, undefined, 'm1']]);
  });

  it('any active member may create, also for someone else (a hand-off: it leaves their view); inactive ones may not', async () => {
    const { admin, alice, retired } = setup();
    const own = await alice.createLead({ name: 'Mine', assigneeId: 'm3' }, { source: 'manual' });
    expect(await historyOf(admin, own)).to.deep.equal([
      ['created', 'manual', undefined, undefined, 'm3'],
      ['assigned', 'manual', null, 'm3', 'm3'],
    ]);
    const handedOff = await alice.createLead({ name: 'For Bob', assigneeId: 'm4' });
    expect(handedOff.assigneeId).to.equal('m4');
    expect((await rejection(alice.getLead(handedOff.id))).code).to.equal('not_found');
    expect((await rejection(retired.createLead({ name: 'Ghost' }))).code).to.equal('forbidden');
  });

  it('createLead refuses bad input naming the field, and writes nothing', async () => {
    const { admin, database } = setup();
    const before = database.snapshot().leads.length;
    const cases: [Parameters<MemoryAdapter['createLead']>[0], string][] = [
      [{ name: '  ' }, 'name'],
      [{ name: 'X', status: 'archived' }, 'status'],
      [{ name: 'X', assigneeId: 'm6' }, 'assigneeId'],
      [{ name: 'X', assigneeId: 'nobody' }, 'assigneeId'],
      [{ name: 'X', email: 'nope' }, 'email'],
    ];
    for (const [input, field] of cases) {
      const error = await rejection(admin.createLead(input));
      expect(error.code, field).to.equal('invalid');
      expect(error.issues?.map((i) => i.path), field).to.include(field);
    }
    // What the backend gives (id, version…) is not the creator's to set: the strict shape names the key.
    expect((await rejection(admin.createLead({ name: 'X', id: 'l1' } as never))).message).to.contain('"id"');
    expect((await rejection(admin.createLead({ name: 'X' }, { source: 'rule' as never }))).message).to.contain('source');
    expect(database.snapshot().leads).to.have.length(before);
  });

  it('assignment rules: every member reads them, only admins and managers change them; bad ones are refused by field', async () => {
    const { admin, manager, alice } = setup();
    expect(await alice.getAssignmentRules()).to.deep.equal({ enabled: false, strategy: 'round_robin', memberIds: [] });
    expect((await rejection(alice.setAssignmentRules(roundRobin))).code).to.equal('forbidden');
    const inactive = await rejection(admin.setAssignmentRules({ ...roundRobin, memberIds: ['m3', 'm6'] }));
    expect(inactive.code).to.equal('invalid');
    expect(inactive.message).to.contain('memberIds');
    expect(inactive.issues).to.deep.equal([{ path: 'memberIds.1', code: 'inactive_member', message: 'Chloe Dubois is not an active member' }]);
    expect((await rejection(admin.setAssignmentRules({ ...roundRobin, memberIds: ['zz'] }))).issues![0]!.path).to.equal('memberIds.0');
    expect((await rejection(admin.setAssignmentRules({ ...roundRobin, statuses: ['nope'] }))).issues![0]!.path).to.equal('statuses.0');
    expect((await rejection(admin.setAssignmentRules({ ...roundRobin, strategy: 'random' as never }))).message).to.contain('strategy');
    expect(await admin.getAssignmentRules(), 'nothing saved by the refusals').to.deep.include({ enabled: false });
    const saved = await manager.setAssignmentRules({ ...roundRobin, statuses: ['new'] });
    expect(saved).to.deep.equal({ ...roundRobin, statuses: ['new'] });
    expect(await alice.getAssignmentRules()).to.deep.equal(saved);
  });

  it('with rules on, nine leads created one by one spread 3/3/3, each with an assigned entry of source rule', async () => {
    const { admin } = setup();
    await admin.setAssignmentRules(roundRobin);
    const created: Lead[] = [];
    for (let i = 0; i < 9; i++) created.push(await admin.createLead({ name: `Arrival ${i}` }));
    expect(created.map((l) => l.assigneeId)).to.deep.equal(['m3', 'm4', 'm5', 'm3', 'm4', 'm5', 'm3', 'm4', 'm5']);
    for (const lead of created) {
      expect(await historyOf(admin, lead)).to.deep.equal([
        ['created', 'api', undefined, undefined, 'm1'],
        ['assigned', 'rule', null, lead.assigneeId, 'm1'],
      ]);
    }
    // A lead that comes with an assignee is the creator's choice; a column the rules do not cover is left alone.
    expect((await admin.createLead({ name: 'Chosen', assigneeId: 'm5' })).assigneeId).to.equal('m5');
    await admin.setAssignmentRules({ ...roundRobin, statuses: ['new'] });
    expect((await admin.createLead({ name: 'Late stage', status: 'proposal' })).assigneeId).to.equal(null);
    expect((await admin.createLead({ name: 'Next' })).assigneeId, 'the rotation went on where it was').to.equal('m3');
  });

  it('a client cannot claim the sources only the backend records (rule, import) for its own writes', async () => {
    const { admin } = setup();
    const lead = (await admin.listLeads())[0]!;
    for (const source of ['rule', 'import'] as const) {
      expect((await rejection(admin.assign([lead.id], 'm3', { source }))).message, source).to.contain('source');
      expect((await rejection(admin.updateLead(lead.id, { name: 'X' }, lead.version, { source }))).message, source).to.contain('source');
    }
    expect((await admin.getLead(lead.id)).version).to.equal(lead.version);
  });

  it('keeps the rotation position with the data: a database started from the saved copy goes on fairly', async () => {
    const storage = memoryStorage();
    const first = setup(30, storage);
    await first.admin.setAssignmentRules(roundRobin);
    await first.admin.createLead({ name: 'One' });
    await first.admin.createLead({ name: 'Two' });
    await settle();
    const restarted = setup(30, storage);
    expect(await restarted.admin.getAssignmentRules()).to.deep.equal(roundRobin);
    expect((await restarted.admin.createLead({ name: 'Three' })).assigneeId).to.equal('m5');
    expect(restarted.database.snapshot().ruleCursor).to.equal('m5');
  });

  it('capacity: nobody above their capacity; leads nobody has room for stay unassigned', async () => {
    const data = seed({ leads: 0, members: 6, seed: 3 });
    data.members[2]!.capacity = 1;
    data.members[3]!.capacity = 2;
    const admin = new MemoryAdapter({ database: new MemoryDatabase(data), as: 'm1' });
    await admin.setAssignmentRules({ enabled: true, strategy: 'capacity', memberIds: ['m3', 'm4'] });
    const result = await admin.importLeads(['name', 'A', 'B', 'C', 'D', 'E'].join('\n'));
    expect(result.created).to.equal(5);
    const leads = await admin.listLeads();
    expect(count(leads.map((l) => l.assigneeId))).to.deep.equal({ m3: 1, m4: 2, null: 2 });
    const members = await admin.listMembers();
    expect(members.find((m) => m.id === 'm3')!.openLeads).to.equal(1);
    expect(members.find((m) => m.id === 'm4')!.openLeads).to.equal(2);
  });

  it('import: a preview writes nothing; the import creates the valid rows at the top, lists the invalid ones', async () => {
    const { admin, database } = setup();
    const csv = [
      'name,email,value,status,assignee',
      'Ada,ada@client.io,"1,200",Qualified,mei.martin@example.com',
      'Bad,bad@client.io,lots,,',
      'Bo,,,,',
      'Retired owner,,,,chloe.dubois@example.com',
      'Cy,ada@client.io,,Qualified,',
    ].join('\r\n');
    const events: ChangeEvent[] = [];
    admin.subscribe((e) => events.push(e));
    const before = database.snapshot();
    const preview = await admin.importLeads(csv, { dryRun: true });
    expect(preview).to.deep.equal({
      dryRun: true,
      rowCount: 5,
      created: 3,
      errors: [
        { row: 3, field: 'value', code: 'not_a_number', message: 'Enter a number, like 1200 or 1,200.50' },
        { row: 5, field: 'assignee', code: 'inactive_assignee', message: 'Chloe Dubois is not an active member' },
      ],
      duplicates: [{ row: 6, email: 'ada@client.io', firstRow: 2 }],
      ignoredColumns: [],
    });
    await settle();
    expect(database.snapshot()).to.deep.equal(before);
    expect(events).to.deep.equal([]);

    const result = await admin.importLeads(csv);
    expect(result).to.deep.equal({ ...preview, dryRun: false });
    const added = (await admin.listLeads()).filter((l) => !before.leads.some((b) => b.id === l.id));
    expect(added.map((l) => [l.name, l.status, l.assigneeId, l.value])).to.have.deep.members([
      ['Ada', 'qualified', 'm3', 1200], ['Bo', 'new', null, undefined], ['Cy', 'qualified', null, undefined],
    ]);
    // At the top of their columns, in file order.
    const qualified = (await admin.listLeads({ status: ['qualified'] })).sort((a, b) => a.position - b.position);
    expect(qualified.slice(0, 2).map((l) => l.name)).to.deep.equal(['Ada', 'Cy']);
    const activity = added.map((l) => database.activitiesOf(l.id));
    expect(activity.map((list) => list.map((a) => [a.type, a.source]))).to.have.deep.members([
      [['created', 'import'], ['assigned', 'import']], [['created', 'import']], [['created', 'import']],
    ]);
    const batchIds = new Set(activity.flat().map((a) => a.batchId));
    expect(batchIds.size, 'one import, one batch').to.equal(1);
    expect([...batchIds][0]).to.be.a('string');
    // The duplicate check sees the leads just imported.
    const again = await admin.importLeads('name,email\nDi,ada@client.io\n', { dryRun: true });
    expect(again.duplicates).to.have.length(1);
    expect(again.duplicates[0]!.existingLeadId).to.be.oneOf(added.map((l) => l.id));
  });

  it('import: admins and managers only; nothing half-imported when refused; over the limit is refused whole (413)', async () => {
    const { admin, manager, alice, database } = setup();
    const before = database.snapshot().leads.length;
    const member = await rejection(alice.importLeads('name\nA\n'));
    expect(member.code).to.equal('forbidden');
    expect((await manager.importLeads('name\nA\n')).created).to.equal(1);
    const tooMany = Array.from({ length: MAX_IMPORT_ROWS + 1 }, (_, i) => ({ name: `L${i}` }));
    const refused = await rejection(admin.importLeads(tooMany));
    expect(refused).to.deep.include({ code: 'invalid', status: 413 });
    expect(refused.message).to.equal('An import holds at most 10,000 rows; this one has 10,001');
    const csvTooMany = ['name', ...tooMany.map((r) => r.name)].join('\n');
    expect((await rejection(admin.importLeads(csvTooMany))).status).to.equal(413);
    const malformed = await rejection(admin.importLeads([{ name: { nested: true } }] as never));
    expect(malformed.code).to.equal('invalid');
    expect(malformed.message).to.contain('rows: 0.name');
    expect(database.snapshot().leads).to.have.length(before + 1);
  });

  it('pushes new leads to the sessions that may see them: a member sees unassigned and own ones only', async () => {
    const { admin, alice } = setup();
    const seen: ChangeEvent[] = [];
    alice.subscribe((e) => seen.push(e));
    await admin.importLeads('name,assignee\nFor nobody,\nFor Alice,mei.martin@example.com\nFor Bob,sofia.weber@example.com\n');
    await admin.createLead({ name: 'Also for Bob', assigneeId: 'm4' });
    await settle();
    const names = seen.flatMap((e) => (e.type === 'lead' ? [e.lead.name] : []));
    expect(names).to.deep.equal(['For nobody', 'For Alice']);
    expect(seen.filter((e) => e.type === 'activity').map((e) => e.type === 'activity' && e.activity.type)).to.deep.equal(['created', 'created', 'assigned']);
  });

  it('imports 10,000 rows in one go, rules applied evenly, every lead with its history', async () => {
    const { admin, database } = setup(0);
    await admin.setAssignmentRules({ enabled: true, strategy: 'balanced', memberIds: ['m3', 'm4', 'm5'] });
    const rows = Array.from({ length: MAX_IMPORT_ROWS }, (_, i) => `Lead ${i},lead${i}@client.io,${i % 500},${i % 3 === 0 ? 'Contacted' : ''}`);
    const result = await admin.importLeads(['name,email,value,status', ...rows].join('\n'));
    expect(result).to.deep.include({ created: 10_000, rowCount: 10_000, errors: [], duplicates: [] });
    const leads = database.snapshot().leads;
    expect(leads).to.have.length(10_000);
    expect(count(leads.map((l) => l.assigneeId))).to.deep.equal({ m3: 3334, m4: 3333, m5: 3333 });
    expect(leads.filter((l) => l.status === 'contacted')).to.have.length(3334);
    expect(database.snapshot().activities.filter((a) => a.source === 'rule')).to.have.length(10_000);
    const byName = new Map(leads.map((l) => [l.name, l]));
    expect(byName.get('Lead 9998')).to.deep.include({ email: 'lead9998@client.io', value: 498, status: 'new' });
    expect(byName.get('Lead 9999')).to.deep.include({ email: 'lead9999@client.io', value: 499, status: 'contacted' });
    // File order within each column, top down.
    const contacted = leads.filter((l) => l.status === 'contacted').sort((a, b) => a.position - b.position);
    expect(contacted[0]!.name).to.equal('Lead 0');
    expect(contacted.at(-1)!.name).to.equal('Lead 9999');
  });
});
