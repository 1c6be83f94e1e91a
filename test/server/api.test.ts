/** Every endpoint of the REST contract against a real server, on the database engine under test. */
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { ActivityListSchema, ErrorBodySchema, LeadSchema, LeadsResponseSchema, MembersResponseSchema } from
  '../../sdk/schema.js';
import { call, people, startTestServer, type TestServer } from './support.js';

let server: TestServer;
let admin: string;
let alice: string;

before(async () => {
  server = await startTestServer();
  admin = await server.login(people.admin);
  alice = await server.login(people.alice);
});
after(() => server.dispose());

/** An open lead from the admin's full list, optionally matching a condition. */
async function someLead(where: (lead: { assigneeId: string | null; status: string; company?: string }) => boolean) {
  const { body } = await call(server.api, 'GET', '/leads', { token: admin });
  const lead = body.leads.find(where);
  assert.ok(lead, 'the seed holds such a lead');
  return lead;
}

describe('demo session', () => {
  test('GET /api/demo-users lists the active seeded people to log in as', async () => {
    const { status, body } = await call(server.api, 'GET', '/demo-users');
    assert.equal(status, 200);
    assert.deepEqual(body.map((m: { id: string }) => m.id).sort(),
      people.all.filter((m) => m.active).map((m) => m.id).sort());
  });

  test('POST /api/session answers a random token and the member; only its hash is stored', async () => {
    const { status, body } = await call(server.api, 'POST', '/session', { body: { email: people.manager.email } });
    assert.equal(status, 200);
    assert.deepEqual(body.member, people.manager);
    assert.ok(body.token.length >= 32);
    const again = await call(server.api, 'POST', '/session', { body: { email: people.manager.email } });
    assert.notEqual(again.body.token, body.token);
    const rows = await server.db.query<{ token_hash: string }>('SELECT token_hash FROM sessions');
    const hashes = rows.map((r) => r.token_hash);
    assert.ok(hashes.includes(createHash('sha256').update(body.token).digest('hex')));
    assert.ok(!hashes.includes(body.token));
  });

  test('unknown and inactive people get 401; a malformed email or JSON gets 400 naming the problem', async () => {
    const unknown = await call(server.api, 'POST', '/session', { body: { email: 'nobody@example.com' } });
    assert.equal(unknown.status, 401);
    assert.equal(unknown.body.error.code, 'unauthorized');
    const inactive = await call(server.api, 'POST', '/session', { body: { email: people.inactive.email } });
    assert.equal(inactive.status, 401);
    const bad = await call(server.api, 'POST', '/session', { body: { email: 'not an email' } });
    assert.equal(bad.status, 400);
    assert.equal(bad.body.error.code, 'invalid');
    assert.deepEqual(bad.body.error.issues.map((i: { path: string }) => i.path), ['email']);
    const malformed = await call(server.api, 'POST', '/session', { raw: '{"email": ', headers: { 'Content-Type': 'application/json' } });
    assert.equal(malformed.status, 400);
    assert.ok(ErrorBodySchema.safeParse(malformed.body).success);
  });

  test('missing, unknown and expired tokens get 401 with the error shape', async () => {
    const none = await call(server.api, 'GET', '/me');
    assert.equal(none.status, 401);
    assert.equal(none.headers.get('www-authenticate'), 'Bearer');
    assert.ok(ErrorBodySchema.safeParse(none.body).success);
    assert.equal((await call(server.api, 'GET', '/me', { token: 'made-up-token' })).status, 401);
    const expired = 'an-expired-token-for-the-test';
    await server.db.query('INSERT INTO sessions (token_hash, member_id, expires_at) VALUES (?, ?, ?)',
      [createHash('sha256').update(expired).digest('hex'), people.admin.id, Date.now() - 1000]);
    assert.equal((await call(server.api, 'GET', '/me', { token: expired })).status, 401);
  });
});

describe('members', () => {
  test('GET /api/me answers the caller', async () => {
    const { status, body } = await call(server.api, 'GET', '/me', { token: alice });
    assert.equal(status, 200);
    assert.deepEqual(body, people.alice);
  });

  test('GET /api/members lists everyone with their open (not won/lost) lead count', async () => {
    const { status, body } = await call(server.api, 'GET', '/members', { token: alice });
    assert.equal(status, 200);
    const members = MembersResponseSchema.parse(body);
    assert.equal(members.length, people.all.length);
    const { body: all } = await call(server.api, 'GET', '/leads', { token: admin });
    for (const member of members) {
      const open = all.leads.filter((l: { assigneeId: string; status: string }) =>
        l.assigneeId === member.id && l.status !== 'won' && l.status !== 'lost').length;
      assert.equal(member.openLeads, open, member.name);
    }
    assert.ok(members.some((m) => m.openLeads > 0));
  });
});

describe('reading leads', () => {
  test('GET /api/leads answers { leads } in the contract shape, narrowed by status, assignee and q', async () => {
    const { status, body } = await call(server.api, 'GET', '/leads', { token: admin });
    assert.equal(status, 200);
    const { leads } = LeadsResponseSchema.parse(body);
    assert.equal(leads.length, 120);

    const won = await call(server.api, 'GET', '/leads?status=won,lost', { token: admin });
    assert.ok(won.body.leads.length > 0);
    assert.ok(won.body.leads.every((l: { status: string }) => l.status === 'won' || l.status === 'lost'));

    const unassigned = await call(server.api, 'GET', '/leads?assignee=unassigned', { token: admin });
    assert.equal(unassigned.body.leads.length, leads.filter((l) => l.assigneeId === null).length);

    const bobs = await call(server.api, 'GET', `/leads?assignee=${people.bob.id}`, { token: admin });
    assert.equal(bobs.body.leads.length, leads.filter((l) => l.assigneeId === people.bob.id).length);

    const mine = await call(server.api, 'GET', '/leads?assignee=me', { token: alice });
    assert.ok(mine.body.leads.length > 0);
    assert.ok(mine.body.leads.every((l: { assigneeId: string }) => l.assigneeId === people.alice.id));

    const target = leads.find((l) => l.company)!;
    const word = target.company!.split(' ')[0]!;
    const found = await call(server.api, 'GET', `/leads?q=${encodeURIComponent(word.toUpperCase())}`, { token: admin });
    assert.ok(found.body.leads.some((l: { id: string }) => l.id === target.id));
    assert.ok(found.body.leads.length < leads.length);
  });

  test('search ignores accents and treats % and _ literally', async () => {
    const { body } = await call(server.api, 'GET', '/leads', { token: admin });
    const accented = body.leads.find((l: { name: string }) => /[üéí]/.test(l.name));
    if (accented) {
      const plain = accented.name.normalize('NFD').replace(/[\u0300-\u036f]/g, '');
      const found = await call(server.api, 'GET', `/leads?q=${encodeURIComponent(plain)}`, { token: admin });
      assert.ok(found.body.leads.some((l: { id: string }) => l.id === accented.id));
    }
    const wildcard = await call(server.api, 'GET', '/leads?q=%25', { token: admin });
    assert.equal(wildcard.body.leads.length, 0);
  });

  test('a bad query is 400 naming the field', async () => {
    const { status, body } = await call(server.api, 'GET', '/leads?status=new,Not%20a%20key', { token: admin });
    assert.equal(status, 400);
    assert.deepEqual(body.error.issues.map((i: { path: string }) => i.path), ['1']);
    assert.match(body.error.message, /query\.status/);
    const long = await call(server.api, 'GET', `/leads?q=${'x'.repeat(201)}`, { token: admin });
    assert.equal(long.status, 400);
    assert.equal(long.body.error.issues[0].path, 'q');
  });

  test('GET /api/leads/:id answers the lead; an unknown id is 404', async () => {
    const lead = await someLead(() => true);
    const { status, body } = await call(server.api, 'GET', `/leads/${lead.id}`, { token: admin });
    assert.equal(status, 200);
    assert.deepEqual(LeadSchema.parse(body), lead);
    const missing = await call(server.api, 'GET', '/leads/no-such-lead', { token: admin });
    assert.equal(missing.status, 404);
    assert.equal(missing.body.error.code, 'not_found');
  });
});

describe('PATCH /api/leads/:id', () => {
  test('changes fields, bumps the version and logs one `updated` per field with old → new', async () => {
    const lead = await someLead((l) => l.status === 'new' && l.company !== undefined);
    const { status, body } = await call(server.api, 'PATCH', `/leads/${lead.id}`, {
      token: admin, body: { expectedVersion: lead.version, company: null, value: 1234, name: '  Renamed Lead  ' },
    });
    assert.equal(status, 200);
    assert.equal(body.version, lead.version + 1);
    assert.equal(body.name, 'Renamed Lead');
    assert.equal(body.value, 1234);
    assert.equal('company' in body, false, 'null clears an optional field');
    assert.ok(body.updatedAt > lead.updatedAt);
    const { body: history } = await call(server.api, 'GET', `/leads/${lead.id}/activity`, { token: admin });
    const entries = history.slice(-3).map((a: Record<string, unknown>) =>
      ({ type: a.type, text: a.text, from: a.from, to: a.to, actorId: a.actorId, source: a.source }));
    const by = { actorId: people.admin.id, source: 'manual' };
    assert.deepEqual(entries, [
      { type: 'updated', text: 'name', from: lead.name, to: 'Renamed Lead', ...by },
      { type: 'updated', text: 'company', from: lead.company, to: null, ...by },
      { type: 'updated', text: 'value', from: lead.value === undefined ? null : String(lead.value), to: '1234', ...by },
    ]);
    assert.ok(ActivityListSchema.safeParse(history).success);
    const stored = await call(server.api, 'GET', `/leads/${lead.id}`, { token: admin });
    assert.deepEqual(stored.body, body);
  });

  test('a reorder within a column (position alone) bumps the version and is not history', async () => {
    const lead = await someLead((l) => l.status === 'qualified');
    const before = await call(server.api, 'GET', `/leads/${lead.id}/activity`, { token: admin });
    const { status, body } = await call(server.api, 'PATCH', `/leads/${lead.id}?source=drag`, {
      token: admin, body: { expectedVersion: lead.version, position: 0.125 } });
    assert.equal(status, 200);
    assert.equal(body.version, lead.version + 1);
    const after = await call(server.api, 'GET', `/leads/${lead.id}/activity`, { token: admin });
    assert.equal(after.body.length, before.body.length);
  });

  test('a status change logs status_changed with from/to and the source from the query', async () => {
    const lead = await someLead((l) => l.status === 'contacted');
    const { status, body } = await call(server.api, 'PATCH', `/leads/${lead.id}?source=drag`, {
      token: admin, body: { expectedVersion: lead.version, status: 'qualified', position: 12.5 },
    });
    assert.equal(status, 200);
    assert.equal(body.status, 'qualified');
    assert.equal(body.position, 12.5);
    const { body: history } = await call(server.api, 'GET', `/leads/${lead.id}/activity`, { token: admin });
    const entry = history.at(-1);
    assert.deepEqual({ type: entry.type, from: entry.from, to: entry.to, source: entry.source },
      { type: 'status_changed', from: 'contacted', to: 'qualified', source: 'drag' });
    assert.equal(history.filter((a: { type: string }) => a.type === 'updated').length, 0,
      'the position of a move is part of the move');
  });

  test('a stale expectedVersion is 409 with the current lead, and nothing changes', async () => {
    const lead = await someLead((l) => l.status === 'new');
    const { status, body } = await call(server.api, 'PATCH', `/leads/${lead.id}`, {
      token: admin, body: { expectedVersion: lead.version - 1 || lead.version + 5, name: 'Stale write' },
    });
    assert.equal(status, 409);
    assert.equal(body.error.code, 'conflict');
    assert.deepEqual(body.current, lead);
    assert.ok(ErrorBodySchema.safeParse(body).success);
    const after = await call(server.api, 'GET', `/leads/${lead.id}`, { token: admin });
    assert.deepEqual(after.body, lead);
  });

  test('malformed bodies are 400 naming the field with a code a UI words; assigneeId is not patchable', async () => {
    const lead = await someLead(() => true);
    const cases: [unknown, string, string][] = [
      [{ expectedVersion: lead.version, assigneeId: people.bob.id }, 'assigneeId', 'unknown_key'],
      [{ expectedVersion: lead.version, email: 'nope' }, 'email', 'invalid_email'],
      [{ name: 'No version' }, 'expectedVersion', 'required'],
      [{ expectedVersion: lead.version, value: -5 }, 'value', 'negative'],
      [{ expectedVersion: lead.version, status: 'archived' }, 'status', 'invalid_option'],
      [{ expectedVersion: lead.version, name: '' }, 'name', 'required'],
      [{ expectedVersion: lead.version, company: 'x'.repeat(201) }, 'company', 'too_long'],
    ];
    for (const [body, field, code] of cases) {
      const answer = await call(server.api, 'PATCH', `/leads/${lead.id}`, { token: admin, body });
      assert.equal(answer.status, 400, JSON.stringify(body));
      const issue = answer.body.error.issues.find((i: { path: string }) => i.path === field);
      assert.ok(issue, `${field} named`);
      assert.equal(issue.code, code, `${field}: code`);
      assert.match(answer.body.error.message, new RegExp(field));
    }
    const notJson = await call(server.api, 'PATCH', `/leads/${lead.id}`, { token: admin, raw: 'not json',
      headers: { 'Content-Type': 'application/json' } });
    assert.equal(notJson.status, 400);
    const bogusSource = await call(server.api, 'PATCH', `/leads/${lead.id}?source=telepathy`, {
      token: admin, body: { expectedVersion: lead.version, name: 'X' } });
    assert.equal(bogusSource.status, 400);
    assert.equal(bogusSource.body.error.issues[0].path, 'source');
    const after = await call(server.api, 'GET', `/leads/${lead.id}`, { token: admin });
    assert.deepEqual(after.body, lead);
  });

  test('a patch that changes nothing writes nothing', async () => {
    const lead = await someLead(() => true);
    const before = await call(server.api, 'GET', `/leads/${lead.id}/activity`, { token: admin });
    const { status, body } = await call(server.api, 'PATCH', `/leads/${lead.id}`, {
      token: admin, body: { expectedVersion: lead.version, name: lead.name, status: lead.status } });
    assert.equal(status, 200);
    assert.deepEqual(body, lead);
    const after = await call(server.api, 'GET', `/leads/${lead.id}/activity`, { token: admin });
    assert.equal(after.body.length, before.body.length);
  });
});

describe('notes and activity', () => {
  test('POST /api/leads/:id/notes appends a note; GET activity answers the history oldest first', async () => {
    const lead = await someLead((l) => l.assigneeId !== null);
    const { status, body } = await call(server.api, 'POST', `/leads/${lead.id}/notes`, {
      token: admin, body: { text: '  Called, wants a demo  ' } });
    assert.equal(status, 201);
    assert.equal(body.type, 'note');
    assert.equal(body.text, 'Called, wants a demo');
    assert.equal(body.leadId, lead.id);
    assert.equal(body.actorId, people.admin.id);
    const history = await call(server.api, 'GET', `/leads/${lead.id}/activity`, { token: admin });
    const entries = ActivityListSchema.parse(history.body);
    assert.deepEqual(entries.map((a) => a.type).slice(0, 2), ['created', 'assigned']);
    assert.deepEqual(entries.at(-1), body);
    const sorted = [...entries].sort((a, b) => a.at.localeCompare(b.at));
    assert.deepEqual(entries.map((a) => a.id), sorted.map((a) => a.id));
  });

  test('an empty note is 400 naming text; a note on an unknown lead is 404', async () => {
    const lead = await someLead(() => true);
    const empty = await call(server.api, 'POST', `/leads/${lead.id}/notes`, { token: admin, body: { text: '   ' } });
    assert.equal(empty.status, 400);
    assert.equal(empty.body.error.issues[0].path, 'text');
    const missing = await call(server.api, 'POST', '/leads/nope/notes', { token: admin, body: { text: 'hi' } });
    assert.equal(missing.status, 404);
    assert.equal((await call(server.api, 'GET', '/leads/nope/activity', { token: admin })).status, 404);
  });

  test('activity is append-only: the database refuses UPDATE and DELETE', async () => {
    const count = () => server.db.count('SELECT COUNT(*) AS n FROM activity');
    const before = await count();
    await assert.rejects(server.db.query("UPDATE activity SET text = 'rewritten'"), /append-only/);
    await assert.rejects(server.db.query('DELETE FROM activity'), /append-only/);
    if (server.db.engine === 'postgres') await assert.rejects(server.db.query('TRUNCATE activity'), /append-only/);
    assert.equal(await count(), before);
  });

  test('no server source writes UPDATE or DELETE on activity', () => {
    const dir = join(import.meta.dirname, '../../demo/server');
    const files = (d: string): string[] => readdirSync(d).flatMap((f) =>
      statSync(join(d, f)).isDirectory() ? files(join(d, f)) : [join(d, f)]);
    for (const file of files(dir).filter((f) => f.endsWith('.ts'))) {
      const source = readFileSync(file, 'utf8');
      assert.doesNotMatch(source, /UPDATE\s+activity\s+SET|DELETE\s+FROM\s+activity/i, file);
    }
  });
});

describe('protocol', () => {
  test('an unknown route is 404 in the error shape', async () => {
    const { status, body } = await call(server.api, 'GET', '/nothing-here', { token: admin });
    assert.equal(status, 404);
    assert.equal(body.error.code, 'not_found');
  });

  test('a body over the limit is 413', async () => {
    const { status, body } = await call(server.api, 'POST', '/leads/l1/notes', {
      token: admin, raw: JSON.stringify({ text: 'x'.repeat(1100 * 1024) }), headers: { 'Content-Type': 'application/json' } });
    assert.equal(status, 413);
    assert.equal(body.error.code, 'invalid');
  });
});
