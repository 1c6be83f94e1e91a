/**
 * GET/PUT /api/assignment-rules and the rules at work on arriving leads, on the database engine under test:
 * who may read and change them, what is refused (by field), round robin kept in the database across a
 * restart, balanced and capacity on the loads the database holds, inactive members skipped.
 */
import assert from 'node:assert/strict';
import { after, describe, test } from 'node:test';
import type { Activity, AssignmentRules, Lead } from '../../sdk/schema.js';
import { seed, type SeedOptions } from '../../sdk/seed.js';
import { ENGINE } from './databases.js';
import { call, people, SEED, startTestServer, type TestServer } from './support.js';

const servers: TestServer[] = [];
after(() => Promise.all(servers.map((s) => s.dispose())));

/** A server on `seed` (default SEED: m1 admin, m2 manager, m3… members) with tokens of m1, m2 and m3. */
async function boot(seedOptions: SeedOptions = SEED) {
  const server = await startTestServer({ seed: seedOptions });
  servers.push(server);
  const { members } = seed(seedOptions);
  const [admin, manager, alice] = await Promise.all(['m1', 'm2', 'm3'].map((id) => server.login(members.find((m) => m.id === id)!)));
  return { server, admin: admin!, manager: manager!, alice: alice! };
}

const roundRobin = (memberIds: string[], extra: Partial<AssignmentRules> = {}): AssignmentRules =>
  ({ enabled: true, strategy: 'round_robin', memberIds, ...extra });
const three = [people.alice.id, people.bob.id, 'm5'];

const tally = (ids: (string | null)[]) => ids.reduce<Record<string, number>>(
  (acc, id) => ({ ...acc, [String(id)]: (acc[String(id)] ?? 0) + 1 }), {});

async function createMany(server: TestServer, token: string, names: string[], extra: Record<string, unknown> = {}) {
  const leads: Lead[] = [];
  for (const name of names) {
    const { status, body } = await call(server.api, 'POST', '/leads', { token, body: { name, ...extra } });
    assert.equal(status, 201, JSON.stringify(body));
    leads.push(body);
  }
  return leads;
}

const SQL_FALSE = ENGINE === 'postgres' ? 'false' : '0';

describe('GET and PUT /api/assignment-rules', () => {
  test('every member reads them (off until saved); admins and managers change them; members get 403', async () => {
    const { server, admin, manager, alice } = await boot();
    const initial = await call(server.api, 'GET', '/assignment-rules', { token: alice });
    assert.equal(initial.status, 200);
    assert.deepEqual(initial.body, { enabled: false, strategy: 'round_robin', memberIds: [] });

    const refused = await call(server.api, 'PUT', '/assignment-rules', { token: alice, body: roundRobin(three) });
    assert.equal(refused.status, 403);
    assert.equal(refused.body.error.code, 'forbidden');
    // Refused before the body is looked at: a malformed one is 403 too, not 400.
    assert.equal((await call(server.api, 'PUT', '/assignment-rules', { token: alice, body: { enabled: 'yes' } })).status, 403);

    const saved = await call(server.api, 'PUT', '/assignment-rules', { token: manager,
      body: roundRobin(three, { statuses: ['new', 'contacted'] }) });
    assert.equal(saved.status, 200);
    assert.deepEqual(saved.body, roundRobin(three, { statuses: ['new', 'contacted'] }));
    assert.deepEqual((await call(server.api, 'GET', '/assignment-rules', { token: alice })).body, saved.body);
    const replaced = await call(server.api, 'PUT', '/assignment-rules', { token: admin,
      body: { enabled: false, strategy: 'capacity', memberIds: [people.bob.id] } });
    assert.deepEqual(replaced.body, { enabled: false, strategy: 'capacity', memberIds: [people.bob.id] });
    assert.deepEqual((await call(server.api, 'GET', '/assignment-rules', { token: admin })).body, replaced.body,
      '`statuses` left out means every column again');
    assert.equal((await call(server.api, 'GET', '/assignment-rules')).status, 401);
  });

  test('rules naming an unknown, inactive or repeated member, or an unknown column, are 400 by path; nothing is saved', async () => {
    const { server, admin } = await boot();
    const cases: [unknown, string[]][] = [
      [roundRobin([people.alice.id, people.inactive.id]), ['memberIds.1']],
      [roundRobin(['nobody', people.alice.id, people.alice.id]), ['memberIds.0', 'memberIds.2']],
      [roundRobin([]), ['memberIds']],
      [roundRobin(three, { statuses: ['new', 'archived'] }), ['statuses.1']],
      [roundRobin(three, { statuses: [] }), ['statuses']],
      [{ ...roundRobin(three), strategy: 'random' }, ['strategy']],
      [{ ...roundRobin(three), weights: [1, 2] }, ['weights']],
      [{ strategy: 'balanced', memberIds: three }, ['enabled']],
    ];
    for (const [body, paths] of cases) {
      const answer = await call(server.api, 'PUT', '/assignment-rules', { token: admin, body });
      assert.equal(answer.status, 400, JSON.stringify(body));
      assert.equal(answer.body.error.code, 'invalid');
      assert.deepEqual(answer.body.error.issues.map((i: { path: string }) => i.path), paths, JSON.stringify(body));
    }
    const inactive = await call(server.api, 'PUT', '/assignment-rules', { token: admin,
      body: roundRobin([people.inactive.id]) });
    assert.deepEqual(inactive.body.error.issues, [{ path: 'memberIds.0', code: 'inactive_member', message: `${people.inactive.name} is not an active member` }]);
    assert.deepEqual((await call(server.api, 'GET', '/assignment-rules', { token: admin })).body,
      { enabled: false, strategy: 'round_robin', memberIds: [] });
  });
});

describe('the rules at work on new leads', () => {
  test('round robin: nine leads spread 3/3/3 with `rule` history; the position survives a restart', async () => {
    let { server, admin } = await boot();
    await call(server.api, 'PUT', '/assignment-rules', { token: admin, body: roundRobin(three) });
    const leads = await createMany(server, admin, Array.from({ length: 9 }, (_, i) => `Arrival ${i}`));
    assert.deepEqual(leads.map((l) => l.assigneeId), [...three, ...three, ...three]);
    for (const lead of leads) {
      const history = (await call(server.api, 'GET', `/leads/${lead.id}/activity`, { token: admin })).body as Activity[];
      assert.deepEqual(history.map((a) => [a.type, a.source, a.from, a.to, a.actorId]), [
        ['created', 'api', undefined, undefined, people.admin.id],
        ['assigned', 'rule', null, lead.assigneeId, people.admin.id],
      ]);
    }
    // A lead that comes with an assignee is the creator's choice, and does not move the rotation.
    const chosen = await createMany(server, admin, ['Chosen'], { assigneeId: 'm5' });
    assert.equal(chosen[0]!.assigneeId, 'm5');
    await createMany(server, admin, ['Tenth']); // → alice; the last lead placed went to her
    const cursor = await server.db.query<{ cursor_member_id: string }>('SELECT cursor_member_id FROM assignment_rules');
    assert.deepEqual(cursor.map((r) => r.cursor_member_id), [people.alice.id]);

    const restarted = await server.restart();
    servers[servers.indexOf(server)] = restarted; // one database, now served by the new server
    server = restarted;
    admin = await server.login(people.admin);
    const after = await createMany(server, admin, ['After restart 1', 'After restart 2']);
    assert.deepEqual(after.map((l) => l.assigneeId), [people.bob.id, 'm5'], 'the rotation goes on where it was');
  });

  test('only the columns the rules name; an inactive member is skipped; rules off leave leads unassigned', async () => {
    const { server, admin } = await boot();
    await call(server.api, 'PUT', '/assignment-rules', { token: admin, body: roundRobin(three, { statuses: ['new'] }) });
    const [late] = await createMany(server, admin, ['Late stage'], { status: 'proposal' });
    assert.equal(late!.assigneeId, null);
    const history = (await call(server.api, 'GET', `/leads/${late!.id}/activity`, { token: admin })).body as Activity[];
    assert.deepEqual(history.map((a) => a.type), ['created']);

    // Bob leaves the team after the rules were saved: he is passed over, the others keep rotating.
    await server.db.query(`UPDATE members SET active = ${SQL_FALSE} WHERE id = ?`, [people.bob.id]);
    const leads = await createMany(server, admin, ['One', 'Two', 'Three', 'Four']);
    assert.deepEqual(leads.map((l) => l.assigneeId), [people.alice.id, 'm5', people.alice.id, 'm5']);

    await call(server.api, 'PUT', '/assignment-rules', { token: admin, body: { ...roundRobin([people.alice.id]), enabled: false } });
    assert.equal((await createMany(server, admin, ['Nobody'])).at(0)!.assigneeId, null);
  });

  test('balanced: fewest open leads first, as the database counts them (won and lost leads do not count)', async () => {
    // m1 admin, m2 manager, m3..m5 members, m6 inactive; no leads yet.
    const { server, admin } = await boot({ leads: 0, members: 6, seed: 3 });
    const [m3, m4, m5] = ['m3', 'm4', 'm5'];
    await createMany(server, admin, ['a', 'b'], { assigneeId: m3 });
    await createMany(server, admin, ['c'], { assigneeId: m5 });
    await createMany(server, admin, ['won 1', 'won 2'], { assigneeId: m4, status: 'won' });
    await call(server.api, 'PUT', '/assignment-rules', { token: admin,
      body: { enabled: true, strategy: 'balanced', memberIds: [m3, m4, m5] } });
    const leads = await createMany(server, admin, ['1', '2', '3', '4', '5', '6']);
    // Loads start at 2/0/1: m4 first, then ties rotate after whoever received the last lead.
    assert.deepEqual(leads.map((l) => l.assigneeId), [m4, m5, m4, m5, m3, m4]);
    const members = (await call(server.api, 'GET', '/members', { token: admin })).body as { id: string; openLeads: number }[];
    assert.deepEqual([m3, m4, m5].map((id) => members.find((m) => m.id === id)!.openLeads), [3, 3, 3]);
  });

  test('capacity: nobody above their capacity; an import nobody has room for stays unassigned', async () => {
    const { server, admin } = await boot({ leads: 0, members: 6, seed: 3 });
    await server.db.query("UPDATE members SET capacity = 1 WHERE id = 'm3'");
    await server.db.query("UPDATE members SET capacity = 2 WHERE id = 'm4'");
    await call(server.api, 'PUT', '/assignment-rules', { token: admin,
      body: { enabled: true, strategy: 'capacity', memberIds: ['m3', 'm4'] } });
    const result = await call(server.api, 'POST', '/leads/import', { token: admin, raw: 'name\nA\nB\nC\nD\nE\n',
      headers: { 'Content-Type': 'text/csv' } });
    assert.equal(result.status, 200, JSON.stringify(result.body));
    assert.equal(result.body.created, 5);
    const leads = (await call(server.api, 'GET', '/leads', { token: admin })).body.leads as Lead[];
    assert.deepEqual(tally(leads.map((l) => l.assigneeId)), { m3: 1, m4: 2, null: 2 });
    const ruled = await server.db.count("SELECT COUNT(*) FROM activity WHERE source = 'rule'");
    assert.equal(ruled, 3, 'an assigned entry for each lead the rules placed, none for the others');
  });
});
