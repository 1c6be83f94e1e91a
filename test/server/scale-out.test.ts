/**
 * Several instances, one live board: two server processes (main.ts) on one database. They start at the same
 * moment on an empty database (migrations and demo data exactly once) and share sessions — on both engines.
 * On PostgreSQL they also see each other's writes on their event streams within a second, filtered per
 * member, and keep version checks across instances: no lost update, every stale write a conflict. SQLite
 * serves one process per file (no cross-process feed), so those tests run on PostgreSQL only. New leads
 * created through both at once share one round-robin rotation, on both engines: no slot is handed out twice.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { MIGRATIONS } from '../../demo/server/db/migrations.js';
import type { ChangeEvent, Lead } from '../../sdk/schema.js';
import { seed } from '../../sdk/seed.js';
import { createTestDatabase, ENGINE, type TestDatabase } from './databases.js';
import { assertNoLostUpdate, assertStreamInOrder, writeConcurrently } from './conflicting-writers.js';
import { spawnServers, type ServerProcess } from './processes.js';
import { call, openEvents, type EventReader } from './support.js';

/** main.ts seeds the default demo data: 500 leads, 12 members. */
const demo = seed({ leads: 500 });
const byRole = (role: string) => demo.members.find((m) => m.role === role)!;
const [admin, manager] = [byRole('admin'), byRole('manager')];
const [alice, bob, carol] = demo.members.filter((m) => m.role === 'member' && m.active);

const feedOnly = { skip: ENGINE !== 'postgres' && 'SQLite: one process per file, no cross-process feed' };

describe('two instances on one database', () => {
  let db: TestDatabase;
  let a: ServerProcess;
  let b: ServerProcess;
  const streams: EventReader[] = [];
  const tokens = { admin: '', manager: '', alice: '' };

  const login = async (server: ServerProcess, email: string) => {
    const { status, body } = await call(server.api, 'POST', '/session', { body: { email } });
    assert.equal(status, 200);
    return body.token as string;
  };
  const subscribe = async (server: ServerProcess, token: string) => {
    const reader = await openEvents(`${server.api}/events`, { headers: { Authorization: `Bearer ${token}` } });
    assert.equal(reader.status, 200);
    streams.push(reader);
    return reader;
  };

  before(async () => {
    db = await createTestDatabase();
    // At the same moment, on an empty database: both migrate and seed under one advisory lock.
    [a, b] = await spawnServers([db.env, db.env]);
    tokens.admin = await login(a, admin.email);
    tokens.manager = await login(a, manager.email);
    tokens.alice = await login(a, alice!.email);
  });
  after(async () => {
    for (const stream of streams) stream.close();
    await Promise.all([a?.stop(), b?.stop()]);
    await db?.drop();
  });

  test('starting together, they apply each migration once and seed the demo data once', async () => {
    const versions = await db.query<{ version: number }>('SELECT version FROM schema_migrations ORDER BY version');
    assert.deepEqual(versions.map((r) => r.version), MIGRATIONS.map((m) => m.version));
    assert.equal(await db.count('SELECT COUNT(*) FROM members'), demo.members.length);
    assert.equal(await db.count('SELECT COUNT(*) FROM leads'), demo.leads.length);
    assert.equal(await db.count('SELECT COUNT(*) FROM activity'), demo.activities.length);
  });

  test('a session made on one instance works on the other', async () => {
    const me = await call(b.api, 'GET', '/me', { token: tokens.alice });
    assert.equal(me.status, 200);
    assert.equal(me.body.id, alice!.id);
  });

  test("a write through A reaches B's event stream within a second", feedOnly, async () => {
    const watcher = await subscribe(b, tokens.manager);
    const lead = demo.leads.find((l) => l.status === 'new')!;
    const started = Date.now();
    const { status, body } = await call(a.api, 'PATCH', `/leads/${lead.id}`, {
      token: tokens.admin, body: { expectedVersion: lead.version, status: 'contacted' } });
    assert.equal(status, 200);
    const heard = await watcher.waitFor((e) => e.type === 'lead' && e.lead.id === lead.id, 1000);
    assert.deepEqual(heard, { type: 'lead', lead: body });
    await watcher.waitFor((e) => e.type === 'activity' && e.activity.leadId === lead.id &&
      e.activity.type === 'status_changed', 1000);
    assert.ok(Date.now() - started < 1000, `${Date.now() - started} ms`);

    // A batch far beyond NOTIFY's 8,000-byte payload arrives whole, in order.
    const batch = demo.leads.filter((l) => l.assigneeId !== null && l.assigneeId !== manager.id).slice(0, 300);
    const answer = await call(a.api, 'POST', '/assignments', {
      token: tokens.admin, body: { leadIds: batch.map((l) => l.id), assigneeId: manager.id } });
    assert.equal(answer.status, 200);
    await watcher.waitFor((e) => e.type === 'activity' && e.activity.leadId === batch.at(-1)!.id, 3000);
    const leadEvents = watcher.events.filter((e) => e.type === 'activity' && e.activity.batchId === answer.body.batchId)
      .map((e) => (e.type === 'activity' ? e.activity.leadId : ''));
    assert.deepEqual(leadEvents, batch.map((l) => l.id));
  });

  test("a member's stream on B never carries a lead she may not see, written through A", feedOnly, async () => {
    const hers = await subscribe(b, tokens.alice);
    const bobs = demo.leads.filter((l) => l.assigneeId === bob!.id).slice(0, 3);
    const free = demo.leads.filter((l) => l.assigneeId === null && l.status !== 'new').slice(0, 2);
    // Invisible to her: Bob's leads edited and reassigned among others.
    for (const lead of bobs) {
      const current = (await call(a.api, 'GET', `/leads/${lead.id}`, { token: tokens.admin })).body as Lead;
      await call(a.api, 'PATCH', `/leads/${lead.id}`, { token: tokens.manager,
        body: { expectedVersion: current.version, name: `${current.name} (edited)` } });
      await call(a.api, 'POST', `/leads/${lead.id}/notes`, { token: tokens.manager, body: { text: 'private note' } });
    }
    await call(a.api, 'POST', '/assignments', { token: tokens.manager,
      body: { leadIds: bobs.map((l) => l.id), assigneeId: manager.id } });
    // Leaving her view: an unassigned lead handed to Bob; entering it: one handed to her.
    await call(a.api, 'POST', '/assignments', { token: tokens.manager, body: { leadIds: [free[0]!.id], assigneeId: bob!.id } });
    await call(a.api, 'POST', '/assignments', { token: tokens.manager, body: { leadIds: [free[1]!.id], assigneeId: alice!.id } });
    // Events keep commit order: once the last one arrives, every earlier one would have.
    await hers.waitFor((e) => e.type === 'activity' && e.activity.leadId === free[1]!.id, 3000);
    const about = (id: string) => (e: ChangeEvent) => (e.type === 'lead' && e.lead.id === id) ||
      (e.type === 'activity' && e.activity.leadId === id) || (e.type === 'lead_removed' && e.leadId === id);
    for (const lead of bobs) assert.equal(hers.events.some(about(lead.id)), false, `nothing of ${lead.id}`);
    assert.deepEqual(hers.events.filter(about(free[0]!.id)), [{ type: 'lead_removed', leadId: free[0]!.id }]);
    assert.ok(hers.events.some((e) => e.type === 'lead' && e.lead.id === free[1]!.id && e.lead.assigneeId === alice!.id));
    assert.ok(!JSON.stringify(hers.events).includes('private note'));
  });

  test('leads created through both instances at once share one rotation: no round-robin slot handed out twice', async () => {
    const rotation = [alice!.id, bob!.id, carol!.id];
    const rules = await call(b.api, 'PUT', '/assignment-rules', { token: tokens.manager,
      body: { enabled: true, strategy: 'round_robin', memberIds: rotation } });
    assert.equal(rules.status, 200);
    const arrivals = 60;
    // All at once, alternating instances: each instance's requests run side by side on its own connections.
    const answers = await Promise.all(Array.from({ length: arrivals }, (_, i) =>
      call([a, b][i % 2]!.api, 'POST', '/leads', { token: tokens.admin, body: { name: `Rush ${i}` } })));
    assert.deepEqual(answers.map((r) => r.status), Array(arrivals).fill(201));
    // In commit order (the rules row is locked first, so history rows are written in that order too), the
    // receivers follow the rotation exactly: a slot given twice would repeat a member and skip another.
    const given = await db.query<{ to_value: string }>(`SELECT a.to_value FROM activity a JOIN leads l ON l.id = a.lead_id
      WHERE a.source = 'rule' AND l.name LIKE 'Rush %' ORDER BY a.seq`);
    assert.deepEqual(given.map((r) => r.to_value), Array.from({ length: arrivals }, (_, i) => rotation[i % 3]));
    const cursor = await db.query<{ c: string }>('SELECT cursor_member_id AS c FROM assignment_rules');
    assert.equal(cursor[0]!.c, rotation[(arrivals - 1) % 3]);
    // And each got a place of its own at the top of the column.
    const positions = answers.map((r) => r.body.position as number);
    assert.equal(new Set(positions).size, arrivals);
  });

  test("a lead created through A reaches B's streams of the members who may see it", feedOnly, async () => {
    const [watcher, hers] = [await subscribe(b, tokens.manager), await subscribe(b, tokens.alice)];
    const created: Lead[] = [];
    for (const assigneeId of [bob!.id, null, alice!.id]) {
      const { status, body } = await call(a.api, 'POST', '/leads', { token: tokens.admin,
        body: { name: `Across ${assigneeId ?? 'nobody'}`, assigneeId } });
      assert.equal(status, 201);
      created.push(body as Lead);
    }
    for (const lead of created) await watcher.waitFor((e) => e.type === 'lead' && e.lead.id === lead.id, 1000);
    await hers.waitFor((e) => e.type === 'lead' && e.lead.id === created[2]!.id, 1000);
    const heard = hers.events.flatMap((e) => (e.type === 'lead' ? [e.lead.id] : []));
    assert.deepEqual(heard.filter((id) => created.some((l) => l.id === id)), [created[1]!.id, created[2]!.id],
      "the unassigned one and hers, never Bob's");
  });

  test('2 instances × 2 clients × 300 conflicting reassignments: no lost update, every stale write a conflict', feedOnly, async () => {
    const pool: Lead[] = [];
    for (const lead of demo.leads.filter((l) => l.status === 'qualified').slice(0, 8)) {
      pool.push((await call(a.api, 'GET', `/leads/${lead.id}`, { token: tokens.admin })).body);
    }
    const watchers = [await subscribe(a, tokens.admin), await subscribe(b, tokens.admin)];
    const tag = `scale-${Date.now().toString(36)}`;
    const outcome = await writeConcurrently({ clients: [a.api, a.api, b.api, b.api], token: tokens.admin, leads: pool,
      rounds: 300, assignees: demo.members.filter((m) => m.active).map((m) => m.id), tag });
    assert.equal(outcome.ok + outcome.conflict, 1200);
    assert.ok(outcome.conflict > 0, 'the clients did conflict');
    await assertNoLostUpdate(db, outcome, tag);
    // Both instances' streams carry every version of every lead, strictly increasing (commit order).
    for (const watcher of watchers) await assertStreamInOrder(watcher, outcome);
  });
});
