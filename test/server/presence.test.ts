/**
 * Presence (`PUT /api/presence`, `presence` events on `GET /api/events`) and batches (`GET /api/batches/:id`)
 * through the real API, on both engines: who has a lead open reaches the others who may see it — never a
 * member who may not — and ends when the stream closes or is not renewed; a new stream hears the current
 * state; on PostgreSQL, across two instances. A batch lists its entries on the leads the caller may see.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { LeadStore, RestAdapter } from '../../sdk/index.js';
import type { ChangeEvent, Lead } from '../../sdk/schema.js';
import { seed } from '../../sdk/seed.js';
import { createTestDatabase, ENGINE, type TestDatabase } from './databases.js';
import { spawnServers, type ServerProcess } from './processes.js';
import { call, eventually, openEvents, people, startTestServer, type EventReader, type TestServer } from './support.js';

const presenceOf = (leadId: string) => (e: ChangeEvent): e is Extract<ChangeEvent, { type: 'presence' }> =>
  e.type === 'presence' && e.leadId === leadId;

describe('presence and batches on one instance', () => {
  let server: TestServer;
  const tokens = { admin: '', manager: '', alice: '', bob: '' };
  let all: Lead[];
  const streams: EventReader[] = [];
  const stream = async (token: string, client?: string) => {
    const query = client ? `?client=${client}` : '';
    const reader = await openEvents(`${server.api}/events${query}`, { headers: { Authorization: `Bearer ${token}` } });
    assert.equal(reader.status, 200);
    streams.push(reader);
    return reader;
  };
  const viewing = (token: string, clientId: string, leadId: string | null) =>
    call(server.api, 'PUT', '/presence', { token, body: { clientId, leadId } });

  before(async () => {
    server = await startTestServer({ presenceTtlMs: 600 });
    for (const who of ['admin', 'manager', 'alice', 'bob'] as const) tokens[who] = await server.login(people[who]);
    all = (await call(server.api, 'GET', '/leads', { token: tokens.admin })).body.leads;
  });
  after(async () => {
    for (const s of streams) s.close();
    await server.dispose();
  });

  test('who opens a lead reaches the others who may see it, and a member never hears of a lead they may not see', async () => {
    const shared = all.find((l) => l.assigneeId === null)!;
    const bobs = all.find((l) => l.assigneeId === people.bob.id)!;
    const alice = await stream(tokens.alice, 'alice-tab');
    const bob = await stream(tokens.bob, 'bob-tab');
    const managerTab = await stream(tokens.manager, 'manager-tab');

    const answer = await viewing(tokens.manager, 'manager-tab', shared.id);
    assert.equal(answer.status, 200);
    assert.deepEqual(answer.body, { leadId: shared.id, viewerIds: [people.manager.id] });
    const told = await alice.waitFor(presenceOf(shared.id));
    assert.deepEqual(told, { type: 'presence', leadId: shared.id, viewerIds: [people.manager.id] });

    // The manager opens Bob's lead: Bob hears it, Alice must not (it does not exist for her).
    await viewing(tokens.manager, 'manager-tab', bobs.id);
    await bob.waitFor(presenceOf(bobs.id));
    await alice.waitFor((e) => presenceOf(shared.id)(e) && e.viewerIds.length === 0); // the manager left the shared one
    assert.equal(alice.events.some(presenceOf(bobs.id)), false, 'nothing about a lead Alice may not see');

    // Alice may not say she views Bob's lead: 404, as for every path to it.
    const refused = await viewing(tokens.alice, 'alice-tab', bobs.id);
    assert.equal(refused.status, 404);
    assert.equal(refused.body.error.code, 'not_found');
    managerTab.close();
  });

  test('presence ends when the stream closes', async () => {
    const lead = all.filter((l) => l.assigneeId === null)[1]!;
    const watcher = await stream(tokens.admin, 'admin-watch');
    const aliceTab = await stream(tokens.alice, 'alice-2');
    await viewing(tokens.alice, 'alice-2', lead.id);
    await watcher.waitFor((e) => presenceOf(lead.id)(e) && e.viewerIds.includes(people.alice.id));
    aliceTab.close();
    await watcher.waitFor((e) => presenceOf(lead.id)(e) && e.viewerIds.length === 0);
  });

  test('presence not renewed times out, and a new stream hears who views what now', async () => {
    const lead = all.filter((l) => l.assigneeId === null)[2]!;
    const other = all.filter((l) => l.assigneeId === null)[3]!;
    await viewing(tokens.bob, 'bob-gone', lead.id); // a tab whose stream never opened
    await viewing(tokens.manager, 'manager-2', other.id);
    const late = await stream(tokens.alice);
    await late.waitFor((e) => presenceOf(lead.id)(e) && e.viewerIds.includes(people.bob.id));
    await late.waitFor((e) => presenceOf(other.id)(e) && e.viewerIds.includes(people.manager.id));
    // Nobody renews them within the (test) minute of 600 ms: they end, and the streams are told.
    await late.waitFor((e) => presenceOf(lead.id)(e) && e.viewerIds.length === 0, 4000);
    assert.equal(server.app.presence.viewersOf(lead.id).length, 0);
  });

  test('two stores on the RestAdapter: one views a lead, the other shows who; disposing the first ends it', async () => {
    const lead = all.filter((l) => l.assigneeId === null)[8]!;
    const managerStore = new LeadStore(new RestAdapter({ baseUrl: server.api, token: tokens.manager }));
    const aliceStore = new LeadStore(new RestAdapter({ baseUrl: server.api, token: tokens.alice }));
    await Promise.all([managerStore.load(), aliceStore.load()]);
    try {
      assert.equal(aliceStore.presenceSupported, true);
      managerStore.viewing(lead.id);
      await eventually(() => aliceStore.viewersOf(lead.id).length === 1, 'Alice sees the manager viewing');
      assert.equal(aliceStore.viewersOf(lead.id)[0]!.name, people.manager.name);
      assert.deepEqual(managerStore.viewersOf(lead.id), [], 'nobody else: the viewer is not told about themselves');
      managerStore.dispose();
      await eventually(() => aliceStore.viewersOf(lead.id).length === 0, 'presence ended with the stream');
    } finally {
      managerStore.dispose();
      aliceStore.dispose();
    }
  });

  test('a batch lists its entries on the leads the caller may see now', async () => {
    const mine = all.filter((l) => l.assigneeId === null).slice(4, 7);
    const done = await call(server.api, 'POST', '/assignments', {
      token: tokens.admin, body: { leadIds: mine.map((l) => l.id), assigneeId: people.alice.id, source: 'bulk' } });
    assert.equal(done.status, 200);
    // One of them goes on to Bob: Alice no longer sees it, nor its entry of the batch.
    await call(server.api, 'POST', '/assignments', { token: tokens.admin, body: { leadIds: [mine[0]!.id], assigneeId: people.bob.id } });
    const asAdmin = await call(server.api, 'GET', `/batches/${done.body.batchId}`, { token: tokens.admin });
    assert.equal(asAdmin.status, 200);
    assert.deepEqual(asAdmin.body.map((a: { leadId: string }) => a.leadId), mine.map((l) => l.id));
    assert.ok(asAdmin.body.every((a: { source: string; batchId: string }) => a.source === 'bulk' && a.batchId === done.body.batchId));
    const asAlice = await call(server.api, 'GET', `/batches/${done.body.batchId}`, { token: tokens.alice });
    assert.deepEqual(asAlice.body.map((a: { leadId: string }) => a.leadId), mine.slice(1).map((l) => l.id));
    assert.deepEqual((await call(server.api, 'GET', '/batches/no-such-batch', { token: tokens.alice })).body, []);
  });
});

describe('presence across two instances', { skip: ENGINE !== 'postgres' && 'SQLite: one process per file, no cross-process feed' }, () => {
  let db: TestDatabase;
  let a: ServerProcess;
  let b: ServerProcess;
  const streams: EventReader[] = [];
  const demo = seed({ leads: 500 });
  const [admin, manager] = ['admin', 'manager'].map((role) => demo.members.find((m) => m.role === role)!);
  const [alice, bob] = demo.members.filter((m) => m.role === 'member' && m.active);
  const login = async (server: ServerProcess, email: string) => (await call(server.api, 'POST', '/session', { body: { email } })).body.token as string;

  before(async () => {
    db = await createTestDatabase();
    [a, b] = await spawnServers([db.env, db.env]);
  });
  after(async () => {
    for (const s of streams) s.close();
    await Promise.all([a?.stop(), b?.stop()]);
    await db?.drop();
  });

  test('presence said on B reaches streams on A, filtered per member, and ends with the stream on B', async () => {
    const [adminToken, managerToken, aliceToken, bobToken] = await Promise.all([
      login(a, admin!.email), login(b, manager!.email), login(a, alice!.email), login(a, bob!.email)]);
    const leads: Lead[] = (await call(a.api, 'GET', '/leads', { token: adminToken })).body.leads;
    const shared = leads.find((l) => l.assigneeId === null)!;
    const bobs = leads.find((l) => l.assigneeId === bob!.id)!;
    const open = async (server: ServerProcess, token: string, client: string) => {
      const reader = await openEvents(`${server.api}/events?client=${client}`, { headers: { Authorization: `Bearer ${token}` } });
      streams.push(reader);
      return reader;
    };
    const aliceOnA = await open(a, aliceToken, 'alice-a');
    const bobOnA = await open(a, bobToken, 'bob-a');
    const managerOnB = await open(b, managerToken, 'manager-b');

    assert.equal((await call(b.api, 'PUT', '/presence', { token: managerToken, body: { clientId: 'manager-b', leadId: shared.id } })).status, 200);
    await aliceOnA.waitFor((e) => presenceOf(shared.id)(e) && e.viewerIds.includes(manager!.id));
    await call(b.api, 'PUT', '/presence', { token: managerToken, body: { clientId: 'manager-b', leadId: bobs.id } });
    await bobOnA.waitFor((e) => presenceOf(bobs.id)(e) && e.viewerIds.includes(manager!.id));
    assert.equal(aliceOnA.events.some(presenceOf(bobs.id)), false, 'Alice never hears of Bob\'s lead');

    managerOnB.close();
    await bobOnA.waitFor((e) => presenceOf(bobs.id)(e) && e.viewerIds.length === 0);
    await eventually(() => !aliceOnA.events.some(presenceOf(bobs.id)), 'still nothing for Alice');
  });
});
