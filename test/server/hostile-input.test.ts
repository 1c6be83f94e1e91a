/**
 * Input an attacker (or a broken client) sends: text the database cannot keep as given (lone UTF-16
 * surrogates, NUL), bodies built to draw huge error answers, and `?status=` lists built to make the server
 * compile statement after statement. Each is refused with a 400 naming the field, nothing is stored, and what
 * is stored is exactly what was answered — on both engines.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { MAX_REPORTED_ISSUES } from '../../demo/server/http.js';
import { ActivityListSchema, LeadSchema, LeadsResponseSchema, type Lead } from '../../sdk/schema.js';
import { call, people, startTestServer, type TestServer } from './support.js';

let server: TestServer;
let admin: string;
let alice: string;
let leads: Lead[];

before(async () => {
  server = await startTestServer();
  admin = await server.login(people.admin);
  alice = await server.login(people.alice);
  leads = (await call(server.api, 'GET', '/leads', { token: admin })).body.leads;
});
after(() => server.dispose());

const LONE_HIGH = '\ud800';
const LONE_LOW = '\udfff';
const NUL = '\u0000';
/** Each one is refused wherever text goes in. */
const UNSTORABLE = [LONE_HIGH.repeat(200), `Acme ${LONE_LOW}`, `Null${NUL}byte`, `${LONE_HIGH}x${LONE_HIGH}`];

const current = async (id: string): Promise<Lead> => (await call(server.api, 'GET', `/leads/${id}`, { token: admin })).body;
const historyLength = async (id: string) => (await call(server.api, 'GET', `/leads/${id}/activity`, { token: admin })).body.length;

/** A 400 whose issues name `field` and whose message says why. */
function refusedNaming(answer: { status: number; body: any }, field: string, what: string) { // eslint-disable-line @typescript-eslint/no-explicit-any
  assert.equal(answer.status, 400, `${what}: ${JSON.stringify(answer.body)}`);
  assert.equal(answer.body.error.code, 'invalid');
  const issue = answer.body.error.issues.find((i: { path: string }) => i.path === field);
  assert.ok(issue, `${what}: ${field} named in ${JSON.stringify(answer.body.error.issues)}`);
  assert.match(issue.message, /lone UTF-16 surrogate or a NUL/);
}

describe('text the database cannot keep as given', () => {
  test('PATCH refuses it in every text field, naming the field; the lead is untouched', async () => {
    const lead = leads.find((l) => l.assigneeId !== null)!;
    const before = await historyLength(lead.id);
    for (const bad of UNSTORABLE) {
      for (const field of ['name', 'company', 'phone']) {
        const answer = await call(server.api, 'PATCH', `/leads/${lead.id}`, {
          token: admin, body: { expectedVersion: lead.version, [field]: bad } });
        refusedNaming(answer, field, `${field} = ${JSON.stringify(bad)}`);
      }
    }
    assert.deepEqual(await current(lead.id), lead);
    assert.equal(await historyLength(lead.id), before);
  });

  test('notes and assignments refuse it too, naming the field', async () => {
    const lead = leads.find((l) => l.assigneeId === null)!;
    const notesBefore = await historyLength(lead.id);
    for (const bad of UNSTORABLE) {
      refusedNaming(await call(server.api, 'POST', `/leads/${lead.id}/notes`, { token: alice, body: { text: bad } }),
        'text', 'note');
      refusedNaming(await call(server.api, 'POST', '/assignments', {
        token: admin, body: { leadIds: [lead.id], assigneeId: people.bob.id, batchId: bad } }), 'batchId', 'batch id');
      refusedNaming(await call(server.api, 'POST', '/assignments', {
        token: admin, body: { leadIds: [lead.id, bad], assigneeId: null } }), 'leadIds.1', 'lead id');
      refusedNaming(await call(server.api, 'POST', '/assignments', {
        token: admin, body: { leadIds: [lead.id], assigneeId: bad } }), 'assigneeId', 'assignee');
    }
    assert.deepEqual(await current(lead.id), lead);
    assert.equal(await historyLength(lead.id), notesBefore, 'no note, no assignment written');
  });

  test('a query string carrying a lone surrogate or NUL is 400 naming the parameter', async () => {
    // A URL carries text as UTF-8, where a lone surrogate cannot be written (%ED%A0%80 decodes to U+FFFD), so
    // NUL is what reaches the server this way.
    const nul = await call(server.api, 'GET', '/leads?q=a%00b', { token: admin });
    refusedNaming(nul, 'q', 'NUL in q');
    const assignee = await call(server.api, 'GET', '/leads?assignee=m3%00', { token: admin });
    refusedNaming(assignee, 'assignee', 'NUL in assignee');
  });

  test('after all that, every board still loads and passes the SDK schema', async () => {
    for (const token of [admin, alice]) {
      const { status, body } = await call(server.api, 'GET', '/leads', { token });
      assert.equal(status, 200);
      LeadsResponseSchema.parse(body);
    }
  });

  test('text that can be stored (emoji, RTL, zero-width, combining marks) reads back exactly as answered', async () => {
    const lead = leads.find((l) => l.status === 'new')!;
    const name = 'Zoë 😀 \u202eevil\u202c \u200bzero\u200dwidth e\u0301';
    const company = '\u05e9\u05dc\u05d5\u05dd — שלום 👩‍👩‍👧';
    const { status, body } = await call(server.api, 'PATCH', `/leads/${lead.id}`, {
      token: admin, body: { expectedVersion: lead.version, name, company } });
    assert.equal(status, 200);
    assert.equal(body.name, name);
    assert.equal(body.company, company);
    assert.deepEqual(await current(lead.id), body, 'stored = answered');
    const note = await call(server.api, 'POST', `/leads/${lead.id}/notes`, { token: admin, body: { text: name } });
    assert.equal(note.status, 201);
    const history = ActivityListSchema.parse((await call(server.api, 'GET', `/leads/${lead.id}/activity`, { token: admin })).body);
    assert.deepEqual(history.at(-1), note.body);
    LeadSchema.parse(await current(lead.id));
  });
});

describe('answers an attacker could make huge', () => {
  test(`a body of tens of thousands of unknown keys draws at most ${MAX_REPORTED_ISSUES} issues and a small answer`, async () => {
    const lead = leads[0]!;
    const keys = Object.fromEntries(Array.from({ length: 25_000 }, (_, i) => [`unknown_key_${i}_${'x'.repeat(4)}`, i]));
    const raw = JSON.stringify({ expectedVersion: lead.version, ...keys });
    assert.ok(raw.length > 700_000, `${raw.length} bytes sent`);
    const { status, body, headers } = await call(server.api, 'PATCH', `/leads/${lead.id}`, {
      token: admin, raw, headers: { 'Content-Type': 'application/json' } });
    assert.equal(status, 400);
    assert.equal(body.error.issues.length, MAX_REPORTED_ISSUES);
    assert.equal(body.error.issues[0].path, 'unknown_key_0_xxxx');
    assert.match(body.error.message, /\(and 24980 more\)$/);
    assert.ok(JSON.stringify(body).length < 8_000, `${JSON.stringify(body).length} bytes answered`);
    assert.ok(Number(headers.get('content-length') ?? 0) < 8_000);
  });

  test('one enormous key name is cut in the answer', async () => {
    const lead = leads[0]!;
    const key = 'k'.repeat(100_000);
    const { status, body } = await call(server.api, 'PATCH', `/leads/${lead.id}`, {
      token: admin, body: { expectedVersion: lead.version, [key]: 1 } });
    assert.equal(status, 400);
    assert.ok(body.error.issues[0].path.length <= 200);
    assert.ok(JSON.stringify(body).length < 2_000);
  });
});

describe('?status= lists', () => {
  test('duplicates are folded: 3,001 entries of known columns are one filter of at most every column', async () => {
    const list = Array.from({ length: 3_001 }, (_, i) => ['new', 'won', 'lost'][i % 3]).join(',');
    const before = server.repo.preparedStatements;
    const { status, body } = await call(server.api, 'GET', `/leads?status=${list}`, { token: admin });
    assert.equal(status, 200);
    const expected = leads.filter((l) => ['new', 'won', 'lost'].includes(l.status)).map((l) => l.id).sort();
    assert.deepEqual(body.leads.map((l: Lead) => l.id).sort(), expected);
    // Lists of every length share one statement: however many statuses, no new SQL text is compiled.
    for (const statuses of ['new', 'new,contacted', 'new,contacted,qualified', 'new,contacted,qualified,proposal,won,lost']) {
      assert.equal((await call(server.api, 'GET', `/leads?status=${statuses}`, { token: admin })).status, 200);
    }
    assert.ok(server.repo.preparedStatements - before <= 1,
      `${server.repo.preparedStatements - before} new statements for status lists of six lengths`);
  });

  test('keys that are not columns are 400 naming each (at most the cap), and nothing is queried', async () => {
    const before = server.repo.preparedStatements;
    const list = Array.from({ length: 7_001 }, (_, i) => `col${i}`).join(',');
    const { status, body } = await call(server.api, 'GET', `/leads?status=new,${list.slice(0, 12_000)}`, { token: admin });
    assert.equal(status, 400);
    assert.equal(body.error.issues.length, MAX_REPORTED_ISSUES);
    assert.deepEqual(body.error.issues[0], { path: '1', message: 'Unknown column "col0"' });
    assert.match(body.error.message, /^query\.status: /);
    assert.equal(server.repo.preparedStatements, before);
  });
});
