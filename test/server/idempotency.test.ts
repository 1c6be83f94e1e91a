/**
 * Idempotency-Key on the writes that can be retried (POST /api/assignments, POST /api/leads/:id/notes,
 * PATCH /api/leads/:id, POST /api/leads, POST /api/leads/import): a repeat answers the stored answer and writes nothing; the same key with another
 * request is 422; copies arriving at once write once; failed writes leave no record; keys are per member.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Lead } from '../../sdk/schema.js';
import { call, people, startTestServer, type CallResult, type TestServer } from './support.js';

let server: TestServer;
let admin: string;
let manager: string;
let leads: Lead[];
let keyCounter = 0;
const newKey = () => `test-key-${Date.now().toString(36)}-${++keyCounter}`;

before(async () => {
  server = await startTestServer();
  admin = await server.login(people.admin);
  manager = await server.login(people.manager);
  leads = (await call(server.api, 'GET', '/leads', { token: admin })).body.leads;
});
after(() => server.dispose());

const keyed = (token: string, key: string, body: unknown) => ({ token, body, headers: { 'Idempotency-Key': key } });
const notesWith = (text: string) => server.db.count("SELECT COUNT(*) FROM activity WHERE type = 'note' AND text = ?", [text]);
const replayed = (answer: CallResult) => answer.headers.get('idempotency-replayed') === 'true';
let cursor = 0;
const nextLead = () => leads[cursor++]!;

describe('a repeated request with the same key', () => {
  test('a note: the second answer is the first one, replayed, and there is one note', async () => {
    const lead = nextLead();
    const key = newKey();
    const first = await call(server.api, 'POST', `/leads/${lead.id}/notes`, keyed(admin, key, { text: 'Called once' }));
    const second = await call(server.api, 'POST', `/leads/${lead.id}/notes`, keyed(admin, key, { text: 'Called once' }));
    assert.equal(first.status, 201);
    assert.equal(second.status, 201);
    assert.deepEqual(second.body, first.body);
    assert.equal(replayed(first), false);
    assert.equal(replayed(second), true);
    assert.equal(await notesWith('Called once'), 1);
    const [row] = await server.db.query<{ member_id: string; status: number; body: string }>(
      'SELECT member_id, status, body FROM idempotency_keys WHERE key = ?', [key]);
    assert.deepEqual({ ...row, status: Number(row!.status), body: JSON.parse(row!.body) },
      { member_id: people.admin.id, status: 201, body: first.body });
  });

  test('a PATCH: the replay is the answer of the write, even after the lead moved on; one version step', async () => {
    const lead = nextLead();
    const key = newKey();
    const body = { expectedVersion: lead.version, name: 'Renamed once' };
    const first = await call(server.api, 'PATCH', `/leads/${lead.id}`, keyed(admin, key, body));
    assert.equal(first.status, 200);
    const later = await call(server.api, 'PATCH', `/leads/${lead.id}`, { token: admin,
      body: { expectedVersion: first.body.version, value: 77 } });
    const again = await call(server.api, 'PATCH', `/leads/${lead.id}`, keyed(admin, key, body));
    assert.equal(again.status, 200);
    assert.deepEqual(again.body, first.body);
    assert.ok(replayed(again));
    const stored = (await call(server.api, 'GET', `/leads/${lead.id}`, { token: admin })).body;
    assert.deepEqual(stored, later.body, 'the replay wrote nothing');
    assert.equal(stored.version, lead.version + 2);
  });

  test('an assignment batch: the same batch id and results, its history rows once', async () => {
    const batch = [nextLead(), nextLead(), nextLead()].filter((l) => l.assigneeId !== people.bob.id);
    const key = newKey();
    const body = { leadIds: batch.map((l) => l.id), assigneeId: people.bob.id,
      expectedVersions: Object.fromEntries(batch.map((l) => [l.id, l.version])) };
    const first = await call(server.api, 'POST', '/assignments', keyed(admin, key, body));
    const again = await call(server.api, 'POST', '/assignments', keyed(admin, key, body));
    assert.equal(again.status, 200);
    assert.deepEqual(again.body, first.body);
    assert.ok(again.body.results.every((r: { status: string }) => r.status === 'ok'), 'not answered as conflicts');
    assert.equal(await server.db.count('SELECT COUNT(*) FROM activity WHERE batch_id = ?', [first.body.batchId]), batch.length);
  });

  test('a new lead: the replay is the lead first created, and there is one such lead', async () => {
    const key = newKey();
    const body = { name: 'Created once', email: 'created-once@client.io' };
    const first = await call(server.api, 'POST', '/leads', keyed(manager, key, body));
    const again = await call(server.api, 'POST', '/leads', keyed(manager, key, body));
    assert.equal(first.status, 201);
    assert.equal(again.status, 201);
    assert.deepEqual(again.body, first.body);
    assert.ok(replayed(again));
    assert.equal(await server.db.count("SELECT COUNT(*) FROM leads WHERE email = 'created-once@client.io'"), 1);
  });

  test('an import: the replay answers the first import, its rows created once; a dry run needs no key', async () => {
    const key = newKey();
    const body = { rows: [{ name: 'Imported once', email: 'imported-once@client.io' }] };
    const preview = await call(server.api, 'POST', '/leads/import?dryRun=1', keyed(admin, newKey(), body));
    assert.equal(preview.status, 200);
    assert.equal(replayed(preview), false);
    const first = await call(server.api, 'POST', '/leads/import', keyed(admin, key, body));
    const again = await call(server.api, 'POST', '/leads/import', keyed(admin, key, body));
    assert.equal(first.status, 200);
    assert.deepEqual(again.body, first.body);
    assert.ok(replayed(again));
    assert.equal(await server.db.count("SELECT COUNT(*) FROM leads WHERE email = 'imported-once@client.io'"), 1);
  });

  test('without a key, the same note sent twice is two notes: the key is what makes a retry safe', async () => {
    const lead = nextLead();
    await call(server.api, 'POST', `/leads/${lead.id}/notes`, { token: admin, body: { text: 'Unkeyed' } });
    await call(server.api, 'POST', `/leads/${lead.id}/notes`, { token: admin, body: { text: 'Unkeyed' } });
    assert.equal(await notesWith('Unkeyed'), 2);
  });
});

describe('misuse', () => {
  test('the same key with another body, path or method is 422 naming Idempotency-Key, and writes nothing', async () => {
    const lead = nextLead();
    const key = newKey();
    await call(server.api, 'POST', `/leads/${lead.id}/notes`, keyed(admin, key, { text: 'Original' }));
    const other = nextLead();
    for (const [method, path, body] of [
      ['POST', `/leads/${lead.id}/notes`, { text: 'Changed' }],
      ['POST', `/leads/${other.id}/notes`, { text: 'Original' }],
      ['PATCH', `/leads/${lead.id}`, { expectedVersion: lead.version, name: 'Original' }],
      ['POST', '/assignments', { leadIds: [lead.id], assigneeId: null }],
    ] as const) {
      const answer = await call(server.api, method, path, keyed(admin, key, body));
      assert.equal(answer.status, 422, `${method} ${path}`);
      assert.equal(answer.body.error.code, 'invalid');
      assert.deepEqual(answer.body.error.issues.map((i: { path: string }) => i.path), ['Idempotency-Key']);
    }
    assert.equal(await notesWith('Changed'), 0);
    assert.equal(await notesWith('Original'), 1);
    assert.deepEqual((await call(server.api, 'GET', `/leads/${lead.id}`, { token: admin })).body.name, lead.name);
  });

  test('a malformed key is 400 naming the header', async () => {
    const lead = nextLead();
    for (const key of ['', 'with space', 'x'.repeat(201), 'naïve']) {
      const answer = await call(server.api, 'POST', `/leads/${lead.id}/notes`, keyed(admin, key, { text: 'Bad key' }));
      assert.equal(answer.status, 400, JSON.stringify(key));
      assert.equal(answer.body.error.issues[0].path, 'Idempotency-Key');
    }
    assert.equal(await notesWith('Bad key'), 0);
  });

  test("keys are per member: another member's request with the same key is their own", async () => {
    const lead = leads.find((l) => l.assigneeId === null)!;
    const key = newKey();
    const mine = await call(server.api, 'POST', `/leads/${lead.id}/notes`, keyed(admin, key, { text: 'Same key, two people' }));
    const theirs = await call(server.api, 'POST', `/leads/${lead.id}/notes`, keyed(manager, key, { text: 'Same key, two people' }));
    assert.equal(theirs.status, 201);
    assert.equal(replayed(theirs), false);
    assert.notEqual(theirs.body.id, mine.body.id);
    assert.equal(theirs.body.actorId, people.manager.id);
  });
});

describe('concurrency and failures', () => {
  test('ten copies at once: one note, ten identical answers', async () => {
    const lead = nextLead();
    const key = newKey();
    const answers = await Promise.all(Array.from({ length: 10 }, () =>
      call(server.api, 'POST', `/leads/${lead.id}/notes`, keyed(admin, key, { text: 'Sent ten times at once' }))));
    assert.deepEqual(answers.map((a) => a.status), Array(10).fill(201));
    for (const answer of answers) assert.deepEqual(answer.body, answers[0]!.body);
    assert.equal(answers.filter((a) => !replayed(a)).length, 1, 'one wrote, nine replayed');
    assert.equal(await notesWith('Sent ten times at once'), 1);
  });

  test('copies of one batch at once write it once; none is answered as a conflict', async () => {
    const batch = leads.filter((l) => l.assigneeId !== people.alice.id).slice(-5);
    const key = newKey();
    const body = { leadIds: batch.map((l) => l.id), assigneeId: people.alice.id,
      expectedVersions: Object.fromEntries(batch.map((l) => [l.id, l.version])) };
    const answers = await Promise.all(Array.from({ length: 6 }, () => call(server.api, 'POST', '/assignments', keyed(admin, key, body))));
    for (const answer of answers) assert.deepEqual(answer.body, answers[0]!.body);
    assert.ok(answers[0]!.body.results.every((r: { status: string }) => r.status === 'ok'));
    assert.equal(await server.db.count('SELECT COUNT(*) FROM activity WHERE batch_id = ?', [answers[0]!.body.batchId]), 5);
  });

  test('a write that failed keeps no record: retrying the same key after the failure writes once', async () => {
    const lead = nextLead();
    const key = newKey();
    const body = { expectedVersion: lead.version, name: 'After the failure' };
    const removeFault = await server.db.faultOnUpdate(lead.id, 'abort');
    const errors = console.error;
    console.error = () => {};
    try {
      assert.equal((await call(server.api, 'PATCH', `/leads/${lead.id}`, keyed(admin, key, body))).status, 500);
    } finally {
      console.error = errors;
      await removeFault();
    }
    assert.equal(await server.db.count('SELECT COUNT(*) FROM idempotency_keys WHERE key = ?', [key]), 0);
    const retry = await call(server.api, 'PATCH', `/leads/${lead.id}`, keyed(admin, key, body));
    assert.equal(retry.status, 200);
    assert.equal(retry.body.version, lead.version + 1);
    // Refused answers are not stored either: a stale write stays a 409 however often it is repeated.
    const stale = { expectedVersion: lead.version, name: 'Stale' };
    const staleKey = newKey();
    for (let i = 0; i < 2; i++) {
      const answer = await call(server.api, 'PATCH', `/leads/${lead.id}`, keyed(admin, staleKey, stale));
      assert.equal(answer.status, 409);
      assert.deepEqual(answer.body.current, retry.body);
    }
  });
});
