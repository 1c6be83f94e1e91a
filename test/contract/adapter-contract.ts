/**
 * The LeadAdapter contract as one suite that any adapter runs (test/contract/adapters.test.ts runs it for the
 * MemoryAdapter, the RestAdapter on the reference server and the JsonDocumentAdapter example): what the store
 * and the elements rely on, checked through the adapter's public methods only. Each backend starts from the
 * same deterministic seed, so the suite knows who sees what.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { AdapterError, CLOSED_STATUSES, LeadStore, MAX_IMPORT_ROWS, canSee } from '../../sdk/index.js';
import type { ChangeEvent, Lead, LeadAdapter, Member } from '../../sdk/index.js';
import { seed, type SeedOptions } from '../../sdk/seed.js';

export interface ContractBackend {
  name: string;
  /** A fresh backend holding `seed(options)`; `as` gives an adapter acting as a member. */
  start(options: SeedOptions): Promise<{ as(member: Member): Promise<LeadAdapter>; close(): Promise<void> }>;
}

export const CONTRACT_SEED: SeedOptions = { leads: 120, members: 12, seed: 7 };

async function rejection(promise: Promise<unknown>): Promise<AdapterError> {
  try {
    await promise;
  } catch (error) {
    assert.ok(AdapterError.is(error), `an AdapterError, got ${String(error)}`);
    return error;
  }
  assert.fail('expected a rejection');
}

export function adapterContract(backend: ContractBackend): void {
  describe(`LeadAdapter contract: ${backend.name}`, () => {
    const { members } = seed(CONTRACT_SEED);
    const admin = members.find((m) => m.role === 'admin')!;
    const [alice, bob, carol] = members.filter((m) => m.role === 'member' && m.active) as [Member, Member, Member];
    const inactive = members.find((m) => !m.active)!;
    let running: Awaited<ReturnType<ContractBackend['start']>>;
    let asAdmin: LeadAdapter;
    let asAlice: LeadAdapter;
    /** Every lead as the admin sees it now. */
    const all = () => asAdmin.listLeads();
    const someLead = async (match: (l: Lead) => boolean) => (await all()).find(match)!;

    before(async () => {
      running = await backend.start(CONTRACT_SEED);
      [asAdmin, asAlice] = await Promise.all([running.as(admin), running.as(alice)]);
    });
    after(() => running?.close());

    test('me() is the member; listMembers() has everyone with their open-lead counts', async () => {
      assert.deepEqual(await asAlice.me(), alice);
      const [listed, leads] = await Promise.all([asAlice.listMembers(), all()]);
      assert.deepEqual(listed.map((m) => m.id).sort(), members.map((m) => m.id).sort());
      for (const m of listed) {
        const open = leads.filter((l) => l.assigneeId === m.id && !CLOSED_STATUSES.includes(l.status)).length;
        assert.equal(m.openLeads, open, `${m.name}'s open leads`);
      }
    });

    test("a member lists their own and unassigned leads; another member's lead does not exist for them", async () => {
      const leads = await all();
      const visible = await asAlice.listLeads();
      assert.deepEqual(visible.map((l) => l.id).sort(), leads.filter((l) => canSee(alice, l)).map((l) => l.id).sort());
      const bobs = leads.find((l) => l.assigneeId === bob.id)!;
      // One call at a time: started together, a rejection could come before the loop awaits it (unhandled).
      for (const call of [() => asAlice.getLead(bobs.id), () => asAlice.listActivity(bobs.id),
        () => asAlice.addNote(bobs.id, 'hi'), () => asAlice.updateLead(bobs.id, { name: 'Mine' }, bobs.version)]) {
        const error = await rejection(call());
        assert.equal(error.code, 'not_found');
        assert.equal(error.current, undefined, 'no data of the hidden lead');
      }
      const answer = await asAlice.assign([bobs.id], alice.id);
      assert.deepEqual(answer.results, [{ leadId: bobs.id, status: 'not_found' }]);
      assert.equal((await asAdmin.getLead(bobs.id)).version, bobs.version, 'nothing was written');
    });

    test('listLeads narrows by status, assignee (unassigned, me, a member) and text', async () => {
      const leads = await all();
      const ids = (list: Lead[]) => list.map((l) => l.id).sort();
      const expect = (match: (l: Lead) => boolean) => ids(leads.filter(match));
      assert.deepEqual(ids(await asAdmin.listLeads({ status: ['new', 'won'] })), expect((l) => ['new', 'won'].includes(l.status)));
      assert.deepEqual(ids(await asAdmin.listLeads({ assignee: 'unassigned' })), expect((l) => l.assigneeId === null));
      assert.deepEqual(ids(await asAlice.listLeads({ assignee: 'me' })), expect((l) => l.assigneeId === alice.id));
      assert.deepEqual(ids(await asAdmin.listLeads({ assignee: bob.id })), expect((l) => l.assigneeId === bob.id));
      const word = leads[0]!.name.split(' ')[0]!.toLowerCase();
      const found = await asAdmin.listLeads({ q: word });
      assert.ok(found.some((l) => l.id === leads[0]!.id), `"${word}" finds ${leads[0]!.name}`);
      assert.ok(found.every((l) => `${l.name} ${l.company ?? ''} ${l.email ?? ''}`.toLowerCase().includes(word)));
    });

    test('updateLead bumps the version, logs status changes and fields, clears with null, refuses stale versions', async () => {
      const lead = await someLead((l) => l.status === 'new' && l.company !== undefined);
      const moved = await asAdmin.updateLead(lead.id, { status: 'contacted', company: null }, lead.version, { source: 'keyboard' });
      assert.equal(moved.version, lead.version + 1);
      assert.equal(moved.status, 'contacted');
      assert.equal(moved.company, undefined);
      assert.deepEqual(await asAdmin.getLead(lead.id), moved);
      const history = await asAdmin.listActivity(lead.id);
      const change = history.find((a) => a.type === 'status_changed' && a.to === 'contacted')!;
      assert.deepEqual([change.from, change.actorId, change.source], ['new', admin.id, 'keyboard']);
      assert.ok(history.some((a) => a.type === 'updated' && a.text?.includes('company')));

      const stale = await rejection(asAdmin.updateLead(lead.id, { name: 'Late edit' }, lead.version));
      assert.equal(stale.code, 'conflict');
      assert.deepEqual(stale.current, moved, 'the conflict carries the lead as it now is');
    });

    test('one assign call is one batch: a result per lead, history with actor, from, to, source and batch id', async () => {
      const [free, taken] = [await someLead((l) => l.assigneeId === null), await someLead((l) => l.assigneeId === bob.id)];
      const before = await asAdmin.listActivity(free.id);
      const answer = await asAdmin.assign([free.id, taken.id, 'no-such-lead'], alice.id, {
        source: 'bulk', expectedVersions: { [free.id]: free.version, [taken.id]: taken.version + 7 } });
      const byId = new Map(answer.results.map((r) => [r.leadId, r]));
      assert.equal(byId.get(free.id)?.status, 'ok');
      assert.equal(byId.get(free.id)?.lead?.assigneeId, alice.id);
      assert.equal(byId.get(free.id)?.lead?.version, free.version + 1);
      assert.equal(byId.get(taken.id)?.status, 'conflict');
      assert.deepEqual(byId.get(taken.id)?.lead, taken, 'a conflict carries the current lead');
      assert.equal(byId.get('no-such-lead')?.status, 'not_found');

      const history = await asAdmin.listActivity(free.id);
      assert.deepEqual(history.slice(0, before.length), before, 'earlier entries stay as they were');
      const [entry, ...more] = history.slice(before.length);
      assert.equal(more.length, 0);
      assert.deepEqual([entry!.type, entry!.from, entry!.to, entry!.actorId, entry!.source, entry!.batchId],
        ['assigned', null, alice.id, admin.id, 'bulk', answer.batchId]);

      const again = await asAdmin.assign([free.id], alice.id);
      assert.equal(again.results[0]!.status, 'ok', 'assigning to the current assignee is ok');
      assert.equal((await asAdmin.listActivity(free.id)).length, history.length, '… and writes no history');

      const unassigned = await asAdmin.assign([free.id], null);
      assert.equal(unassigned.results[0]!.lead?.assigneeId, null);
      assert.equal((await asAdmin.listActivity(free.id)).at(-1)!.type, 'unassigned');
    });

    test('an inactive assignee and malformed input are refused as invalid, naming the field', async () => {
      const lead = await someLead((l) => l.assigneeId === null);
      const error = await rejection(asAdmin.assign([lead.id], inactive.id));
      assert.equal(error.code, 'invalid');
      assert.match(error.message, /assigneeId/);
      const note = await rejection(asAdmin.addNote(lead.id, '   '));
      assert.equal(note.code, 'invalid');
      assert.match(note.message, /text/);
      const patch = await rejection(asAdmin.updateLead(lead.id, { value: -5 }, lead.version));
      assert.equal(patch.code, 'invalid');
      assert.match(patch.message, /value/);
      assert.equal((await asAdmin.getLead(lead.id)).version, lead.version, 'nothing was written');
    });

    test('addNote appends a note; history is oldest first', async () => {
      const lead = await someLead((l) => l.assigneeId === alice.id);
      const note = await asAlice.addNote(lead.id, 'Called, call back Friday');
      assert.deepEqual([note.type, note.text, note.actorId, note.leadId], ['note', 'Called, call back Friday', alice.id, lead.id]);
      const history = await asAlice.listActivity(lead.id);
      assert.deepEqual(history.at(-1), note);
      const times = history.map((a) => a.at);
      assert.deepEqual(times, [...times].sort(), 'oldest first');
    });

    test('a LeadStore over it: loads, assigns with one command, and the backend holds the result', async () => {
      const store = new LeadStore(await running.as(admin));
      try {
        await store.load();
        const lead = await someLead((l) => l.assigneeId === null && !CLOSED_STATUSES.includes(l.status));
        assert.ok(store.lead(lead.id), 'the store has the lead');
        const outcome = await store.assign([lead.id], bob.id, { source: 'manual' });
        assert.deepEqual(outcome.ok, [lead.id]);
        assert.equal((await asAdmin.getLead(lead.id)).assigneeId, bob.id);
        assert.equal(store.lead(lead.id)?.assigneeId, bob.id);
      } finally {
        store.dispose();
      }
    });

    test('subscribe, when offered, pushes changes to the sessions that may see them', async (t) => {
      if (!asAlice.subscribe) return t.skip('this adapter has no live updates');
      const events: ChangeEvent[] = [];
      const stop = asAlice.subscribe((event) => events.push(event));
      try {
        const lead = await someLead((l) => l.assigneeId === null);
        await new Promise((r) => setTimeout(r, 100)); // a stream may need a moment to open
        await asAdmin.assign([lead.id], alice.id);
        const until = Date.now() + 5000;
        while (!events.some((e) => e.type === 'lead' && e.lead.id === lead.id && e.lead.assigneeId === alice.id)) {
          assert.ok(Date.now() < until, `an event for ${lead.id}; got ${JSON.stringify(events.map((e) => e.type))}`);
          await new Promise((r) => setTimeout(r, 20));
        }
      } finally {
        stop();
      }
    });

    // Leads arriving: optional capabilities (a UI offers only what its adapter can do), the same on every
    // backend that offers them. Last in the suite: they add leads and switch the rules on, then off again.

    test('createLead, when offered: at the top of its column, `created` history, bad input invalid by field', async (t) => {
      if (!asAdmin.createLead) return t.skip('this adapter does not create leads');
      const column = (await all()).filter((l) => l.status === 'contacted');
      const lead = await asAdmin.createLead({ name: 'Contract Arrival', status: 'contacted', value: 10 }, { source: 'manual' });
      assert.deepEqual([lead.name, lead.status, lead.value, lead.assigneeId, lead.version], ['Contract Arrival', 'contacted', 10, null, 1]);
      assert.ok(column.every((l) => l.position > lead.position), 'above every card of its column');
      assert.deepEqual(await asAdmin.getLead(lead.id), lead);
      assert.deepEqual((await asAdmin.listActivity(lead.id)).map((a) => [a.type, a.source, a.actorId]), [['created', 'manual', admin.id]]);
      const handedOff = await asAlice.createLead!({ name: 'For Bob', assigneeId: bob.id });
      assert.equal((await rejection(asAlice.getLead(handedOff.id))).code, 'not_found', 'created for another: out of her view');
      for (const [input, field] of [[{ name: ' ' }, 'name'], [{ name: 'X', status: 'archived' }, 'status'],
        [{ name: 'X', assigneeId: inactive.id }, 'assigneeId']] as const) {
        const error = await rejection(asAdmin.createLead(input));
        assert.equal(error.code, 'invalid', field);
        assert.ok(error.issues?.some((i) => i.path === field), `${field}: ${JSON.stringify(error.issues)}`);
      }
    });

    test('assignment rules, when offered: members read but may not change them; round robin spreads 3/3/3 with `rule` history', async (t) => {
      if (!asAdmin.setAssignmentRules || !asAdmin.getAssignmentRules || !asAdmin.createLead) {
        return t.skip('this adapter has no assignment rules');
      }
      const rotation = [alice.id, bob.id, carol.id];
      const rules = { enabled: true, strategy: 'round_robin' as const, memberIds: rotation };
      assert.deepEqual(await asAlice.getAssignmentRules!(), { enabled: false, strategy: 'round_robin', memberIds: [] });
      assert.equal((await rejection(asAlice.setAssignmentRules!(rules))).code, 'forbidden');
      const refused = await rejection(asAdmin.setAssignmentRules({ ...rules, memberIds: [alice.id, inactive.id] }));
      assert.equal(refused.code, 'invalid');
      assert.deepEqual(refused.issues?.map((i) => i.path), ['memberIds.1']);
      assert.deepEqual(await asAdmin.setAssignmentRules(rules), rules);
      assert.deepEqual(await asAlice.getAssignmentRules!(), rules);
      try {
        const leads: Lead[] = [];
        for (let i = 0; i < 9; i++) leads.push(await asAdmin.createLead({ name: `Rotation ${i}` }));
        assert.deepEqual(leads.map((l) => l.assigneeId), [...rotation, ...rotation, ...rotation]);
        for (const lead of leads) {
          assert.deepEqual((await asAdmin.listActivity(lead.id)).map((a) => [a.type, a.source, a.to]),
            [['created', 'api', undefined], ['assigned', 'rule', lead.assigneeId]]);
        }
      } finally {
        await asAdmin.setAssignmentRules({ ...rules, enabled: false });
      }
    });

    test('importLeads, when offered: admins only, a preview writes nothing, bad rows listed by row and field, too many rows 413', async (t) => {
      if (!asAdmin.importLeads) return t.skip('this adapter does not import');
      const csv = 'name,email,status\nContract Import,ci@client.io,Qualified\n,nobody@client.io,\nSecond,CI@client.io,nope\nThird,,\n';
      assert.equal((await rejection(asAlice.importLeads!(csv))).code, 'forbidden');
      const before = (await all()).length;
      const preview = await asAdmin.importLeads(csv, { dryRun: true });
      assert.deepEqual({ ...preview, errors: preview.errors.map((e) => [e.row, e.field]) }, { dryRun: true, rowCount: 4,
        created: 2, errors: [[3, 'name'], [4, 'status']], duplicates: [], ignoredColumns: [] });
      assert.equal((await all()).length, before, 'the preview wrote nothing');
      const result = await asAdmin.importLeads(csv);
      assert.deepEqual(result, { ...preview, dryRun: false });
      const imported = (await all()).filter((l) => l.name === 'Contract Import' || l.name === 'Third');
      assert.deepEqual(imported.map((l) => l.status).sort(), ['new', 'qualified']);
      const history = await Promise.all(imported.map((l) => asAdmin.listActivity(l.id)));
      assert.ok(history.flat().every((a) => a.type === 'created' && a.source === 'import'));
      assert.equal(new Set(history.flat().map((a) => a.batchId)).size, 1, 'one batch');
      const tooMany = ['name', ...Array.from({ length: MAX_IMPORT_ROWS + 1 }, (_, i) => `Row ${i}`)].join('\n');
      const refused = await rejection(asAdmin.importLeads(tooMany));
      assert.deepEqual([refused.code, refused.status, refused.message],
        ['invalid', 413, 'An import holds at most 10,000 rows; this one has 10,001']);
    });
  });
}
