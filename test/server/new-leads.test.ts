/** POST /api/leads: one lead arriving, on the database engine under test — placement, history, errors, live events. */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { Intake } from '../../demo/server/intake.js';
import type { Activity, ChangeEvent, Lead } from '../../sdk/schema.js';
import { DEFAULT_COLUMNS, LeadSchema } from '../../sdk/schema.js';
import { call, people, startTestServer, type TestServer } from './support.js';

let server: TestServer;
const tokens = { admin: '', manager: '', alice: '', bob: '' };

before(async () => {
  server = await startTestServer();
  for (const who of ['admin', 'manager', 'alice', 'bob'] as const) tokens[who] = await server.login(people[who]);
});
after(() => server.dispose());

const create = (token: string, body: unknown, query = '') => call(server.api, 'POST', `/leads${query}`, { token, body });
const historyOf = async (lead: Lead) =>
  ((await call(server.api, 'GET', `/leads/${lead.id}/activity`, { token: tokens.admin })).body as Activity[])
    .map((a) => ({ type: a.type, source: a.source, from: a.from, to: a.to, actorId: a.actorId }));
const topOf = async (status: string) => Math.min(...((await call(server.api, 'GET', `/leads?status=${status}`,
  { token: tokens.admin })).body.leads as Lead[]).map((l) => l.position));

const about = (id: string) => (e: ChangeEvent) => (e.type === 'lead' && e.lead.id === id) ||
  (e.type === 'activity' && e.activity.leadId === id) || (e.type === 'lead_removed' && e.leadId === id);

describe('POST /api/leads', () => {
  test('201 with the lead at the top of its column, stored as answered, history `created` (source api by default)', async () => {
    const top = await topOf('contacted');
    const { status, body } = await create(tokens.manager, { name: 'Top Card', status: 'contacted', company: 'Acme',
      email: 'top@client.io', phone: '+1 555 0100', value: 1200 });
    assert.equal(status, 201);
    const lead = LeadSchema.parse(body);
    assert.deepEqual({ ...lead, id: 'x', createdAt: 'x', updatedAt: 'x' }, { id: 'x', name: 'Top Card', company: 'Acme',
      email: 'top@client.io', phone: '+1 555 0100', value: 1200, status: 'contacted', position: top - 1000,
      assigneeId: null, createdAt: 'x', updatedAt: 'x', version: 1 });
    assert.equal(lead.createdAt, lead.updatedAt);
    assert.deepEqual((await call(server.api, 'GET', `/leads/${lead.id}`, { token: tokens.admin })).body, lead);
    assert.deepEqual(await historyOf(lead), [
      { type: 'created', source: 'api', from: undefined, to: undefined, actorId: people.manager.id }]);
    // Findable by text at once, like every other lead.
    const found = await call(server.api, 'GET', '/leads?q=top%20card', { token: tokens.admin });
    assert.deepEqual(found.body.leads.map((l: Lead) => l.id), [lead.id]);
  });

  test('without a status it goes to the first column; ?source=manual is recorded', async () => {
    const { status, body } = await create(tokens.alice, { name: 'From the board' }, '?source=manual');
    assert.equal(status, 201);
    assert.equal(body.status, DEFAULT_COLUMNS[0]!.key);
    assert.deepEqual(await historyOf(body), [
      { type: 'created', source: 'manual', from: undefined, to: undefined, actorId: people.alice.id }]);
  });

  test('any active member may create for someone else: `assigned` with the creator\'s source, and it leaves their view', async () => {
    const { body } = await create(tokens.alice, { name: 'For Bob', assigneeId: people.bob.id }, '?source=manual');
    assert.equal(body.assigneeId, people.bob.id);
    assert.deepEqual(await historyOf(body), [
      { type: 'created', source: 'manual', from: undefined, to: undefined, actorId: people.alice.id },
      { type: 'assigned', source: 'manual', from: null, to: people.bob.id, actorId: people.alice.id },
    ]);
    assert.equal((await call(server.api, 'GET', `/leads/${body.id}`, { token: tokens.alice })).status, 404);
    const members = (await call(server.api, 'GET', '/members', { token: tokens.alice })).body;
    const bobsOpen = ((await call(server.api, 'GET', `/leads?assignee=${people.bob.id}`, { token: tokens.admin })).body
      .leads as Lead[]).filter((l) => l.status !== 'won' && l.status !== 'lost').length;
    assert.equal(members.find((m: { id: string }) => m.id === people.bob.id).openLeads, bobsOpen);
  });

  test('bad input is 400 naming each field, and nothing is written', async () => {
    const before = await server.db.count('SELECT COUNT(*) FROM leads');
    const cases: [unknown, string, string][] = [
      [{ name: '   ' }, '', 'name'],
      [{ name: 'X', email: 'not-an-email' }, '', 'email'],
      [{ name: 'X', value: -1 }, '', 'value'],
      [{ name: 'X', status: 'archived' }, '', 'status'],
      [{ name: 'X', assigneeId: people.inactive.id }, '', 'assigneeId'],
      [{ name: 'X', assigneeId: 'nobody' }, '', 'assigneeId'],
      // What the backend gives is not the creator's to set: the strict shape names the key.
      [{ name: 'X', id: 'l1' }, '', 'id'],
      [{ name: 'X', version: 3 }, '', 'version'],
      // Only the backend records `rule` and `import`.
      [{ name: 'X' }, '?source=rule', 'source'],
      [{ name: 'X' }, '?source=import', 'source'],
      [{ name: 'X' }, '?origin=web', 'origin'],
    ];
    for (const [body, query, field] of cases) {
      const answer = await create(tokens.admin, body, query);
      assert.equal(answer.status, 400, `${field}: ${JSON.stringify(answer.body)}`);
      assert.equal(answer.body.error.code, 'invalid');
      assert.deepEqual(answer.body.error.issues.map((i: { path: string }) => i.path), [field]);
      assert.match(answer.body.error.message, new RegExp(field));
    }
    const malformed = await call(server.api, 'POST', '/leads', { token: tokens.admin, raw: '{"name": ',
      headers: { 'Content-Type': 'application/json' } });
    assert.equal(malformed.status, 400);
    assert.equal(await server.db.count('SELECT COUNT(*) FROM leads'), before);
  });

  test('no token is 401; a member whom the database now holds inactive is 403', async () => {
    assert.equal((await create('', { name: 'X' })).status, 401);
    // Signing in already refuses inactive members; the command checks the member as its transaction reads
    // them too, so one deactivated while the request was on its way is refused rather than trusted.
    const intake = new Intake(server.repo, DEFAULT_COLUMNS);
    const before = await server.db.count('SELECT COUNT(*) FROM leads');
    await assert.rejects(intake.createLead({ ...people.inactive, active: true }, { name: 'Ghost' }, 'api'),
      (error: { status?: number; code?: string }) => error.status === 403 && error.code === 'forbidden');
    await assert.rejects(intake.createLead(people.inactive, { name: 'Ghost' }, 'api'),
      (error: { status?: number }) => error.status === 403);
    assert.equal(await server.db.count('SELECT COUNT(*) FROM leads'), before);
  });

  test('a new lead reaches every stream that may see it, at once; a member never hears of another member\'s', async () => {
    const [managerStream, aliceStream] = await Promise.all([server.stream(tokens.manager), server.stream(tokens.alice)]);
    const forBob = (await create(tokens.admin, { name: 'Private to Bob', assigneeId: people.bob.id })).body as Lead;
    const open = (await create(tokens.admin, { name: 'Anyone may take it' })).body as Lead;
    const forAlice = (await create(tokens.admin, { name: 'Alice gets this', assigneeId: people.alice.id })).body as Lead;

    for (const lead of [forBob, open, forAlice]) {
      assert.deepEqual(await managerStream.waitFor((e) => e.type === 'lead' && e.lead.id === lead.id), { type: 'lead', lead });
    }
    // Events keep commit order: once the last one reached Alice, the earlier ones would have.
    await aliceStream.waitFor((e) => e.type === 'activity' && e.activity.leadId === forAlice.id && e.activity.type === 'assigned');
    assert.deepEqual(aliceStream.events.filter(about(forBob.id)), [], 'nothing of a lead she may not see');
    assert.ok(!JSON.stringify(aliceStream.events).includes('Private to Bob'));
    assert.deepEqual(aliceStream.events.filter(about(open.id)).map((e) => e.type), ['lead', 'activity']);
    assert.deepEqual(aliceStream.events.filter(about(forAlice.id)).map((e) => (e.type === 'activity' ? e.activity.type : e.type)),
      ['lead', 'created', 'assigned']);
    const created = managerStream.events.find((e) => e.type === 'activity' && e.activity.leadId === open.id);
    assert.equal(created?.type === 'activity' && created.activity.type, 'created');
  });
});
