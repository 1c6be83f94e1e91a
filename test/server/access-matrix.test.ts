/**
 * The access matrix: for each role — admin, manager, member, deactivated member — every route of the route
 * table (scripts/openapi/routes.ts, so a new route joins by itself) is tried with another member's lead, with
 * the role's own token and with every wrong credential: none, expired, forged, a deactivated member's, and a
 * valid one in the wrong place (query on a route other than the event stream, a cookie, another scheme). Only
 * the allowed answers come back, and the data of a lead the caller may not see never appears: not in an
 * answer, an error, a 409's `current`, the member list, nor an event of the caller's stream. The event
 * stream's `?token=` never reaches the request log.
 */
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { after, before, describe, test } from 'node:test';
import type { RequestLogLine } from '../../demo/server/app.js';
import { ROUTES, routeKey, type Route } from '../../scripts/openapi/routes.js';
import type { Lead, Member } from '../../sdk/schema.js';
import { call, ENGINE, openEvents, people, startTestServer, type CallResult, type EventReader, type TestServer } from './support.js';

/** Unique to this run: text that may only ever reach those allowed to see the secret lead. */
const MARK = `zq${Date.now().toString(36)}secret`;
const hash = (token: string) => createHash('sha256').update(token).digest('hex');

type Role = 'admin' | 'manager' | 'member' | 'deactivated';
type Credential = 'own' | 'none' | 'expired' | 'forged' | 'deactivated' | 'query' | 'cookie' | 'basic' | 'scheme';
const CREDENTIALS: readonly Credential[] = ['own', 'none', 'expired', 'forged', 'deactivated', 'query', 'cookie', 'basic', 'scheme'];

let server: TestServer;
const logLines: RequestLogLine[] = [];
/** Everything the server wrote to the console while the matrix ran (errors of failed requests). */
const consoleOutput: string[] = [];
let secret: Lead;
const tokens = {} as Record<Role, string> & { expired: string };
const who: Record<Role, Member> = { admin: people.admin, manager: people.manager, member: people.alice,
  deactivated: people.all.find((m) => m.role === 'member' && m.active && ![people.alice.id, people.bob.id].includes(m.id))! };
let memberStream: EventReader;
let adminStream: EventReader;
const tried = { requests: 0, routes: new Set<string>() };

const setActive = (id: string, active: boolean) =>
  server.db.query(`UPDATE members SET active = ${ENGINE === 'postgres' ? String(active) : active ? '1' : '0'} WHERE id = ?`, [id]);

before(async () => {
  server = await startTestServer({ log: (line) => logLines.push(line), heartbeatMs: 100 });
  for (const role of ['admin', 'manager', 'member', 'deactivated'] as const) tokens[role] = await server.login(who[role]);
  await setActive(who.deactivated.id, false);
  tokens.expired = `expired-${MARK}`;
  await server.db.query('INSERT INTO sessions (token_hash, member_id, expires_at) VALUES (?, ?, ?)',
    [hash(tokens.expired), people.admin.id, Date.now() - 1000]);
  // The secret: a lead of Bob's, with text of its own everywhere a lead carries text.
  const bobs = ((await call(server.api, 'GET', '/leads', { token: tokens.admin })).body.leads as Lead[])
    .find((l) => l.assigneeId === people.bob.id)!;
  secret = (await call(server.api, 'PATCH', `/leads/${bobs.id}`, { token: tokens.admin, body: { expectedVersion: bobs.version,
    name: `Lead ${MARK}`, company: `Company ${MARK}`, email: `${MARK}@example.com`, phone: `+1 ${MARK.length}` } })).body;
  await call(server.api, 'POST', `/leads/${secret.id}/notes`, { token: tokens.admin, body: { text: `Note ${MARK}` } });
  memberStream = await openEvents(`${server.api}/events?token=${encodeURIComponent(tokens.member)}`);
  adminStream = await openEvents(`${server.api}/events?token=${encodeURIComponent(tokens.admin)}`);
  for (const method of ['error', 'warn', 'log'] as const) {
    const original = console[method];
    console[method] = (...args: unknown[]) => void consoleOutput.push(args.map(String).join(' '));
    after(() => void (console[method] = original));
  }
});
after(async () => {
  memberStream?.close();
  adminStream?.close();
  await setActive(who.deactivated.id, true);
  await server?.dispose();
});

/** What a request carries for a credential of a role. */
function authFor(role: Role, credential: Credential): { headers: Record<string, string>; query: string } {
  const own = tokens[role];
  switch (credential) {
    case 'own': return { headers: { Authorization: `Bearer ${own}` }, query: '' };
    case 'none': return { headers: {}, query: '' };
    case 'expired': return { headers: { Authorization: `Bearer ${tokens.expired}` }, query: '' };
    case 'forged': return { headers: { Authorization: `Bearer ${hash(own).slice(0, 43)}` }, query: '' };
    case 'deactivated': return { headers: { Authorization: `Bearer ${tokens.deactivated}` }, query: '' };
    case 'query': return { headers: {}, query: `?token=${encodeURIComponent(own)}` };
    case 'cookie': return { headers: { Cookie: `token=${own}; session=${own}` }, query: '' };
    case 'basic': return { headers: { Authorization: `Basic ${Buffer.from(`${who[role].email}:${own}`).toString('base64')}` }, query: '' };
    case 'scheme': return { headers: { Authorization: `Token ${own}` }, query: '' };
  }
}

/** The request(s) each route gets: always about the secret lead where a route takes a lead. */
async function requestFor(route: Route, role: Role, credential: Credential): Promise<CallResult[]> {
  const { headers, query } = authFor(role, credential);
  const path = route.path.replace('/api', '').replace('{id}', secret.id);
  const current = async () => (await call(server.api, 'GET', `/leads/${secret.id}`, { token: tokens.admin })).body as Lead;
  const send = (method: string, body?: unknown, url = path) =>
    call(server.api, method, `${url}${query}`, { headers, ...(body === undefined ? {} : { body }) });
  switch (routeKey(route)) {
    case 'POST /api/session': return [await send('POST', { email: who[role].email })];
    case 'DELETE /api/session':
      // Logging out with the role's own token would end it for the rest of the matrix: a session of its own.
      if (credential !== 'own' || role === 'deactivated') return [await send('DELETE')];
      return [await call(server.api, 'DELETE', '/session', { token: await server.login(who[role]) })];
    case 'PATCH /api/leads/{id}':
      // A stale version and the right one: a member must get 404 for both (never a 409 carrying `current`).
      const { version } = await current();
      return [await send('PATCH', { expectedVersion: version + 7, value: 9 }),
        await send('PATCH', { expectedVersion: version, value: 1 + (tried.requests % 50) })];
    case 'POST /api/assignments':
      // To the lead's own holder: allowed roles change nothing, so the lead stays secret.
      return [await send('POST', { leadIds: [secret.id, 'no-such-lead'], assigneeId: people.bob.id,
        expectedVersions: { [secret.id]: (await current()).version } })];
    case 'POST /api/leads/{id}/notes': return [await send('POST', { text: 'From the matrix' })];
    case 'POST /api/leads': return [await send('POST', { name: 'From the matrix' })];
    case 'POST /api/leads/import': return [await send('POST', { rows: [{ name: 'Imported by the matrix' }] })];
    // Rules off (as they are): allowed roles save what is already there.
    case 'PUT /api/assignment-rules': return [await send('PUT', { enabled: false, strategy: 'round_robin', memberIds: [] })];
    // Presence on the secret lead: who views it is only for those who may see it.
    case 'PUT /api/presence': return [await send('PUT', { clientId: `matrix-${role}-${credential}`, leadId: secret.id })];
    case 'GET /api/events': {
      const stream = await fetch(`${server.api}${path}${query}`, { headers });
      const status = stream.status;
      await stream.body?.cancel();
      return [{ status, body: undefined, headers: stream.headers }];
    }
    default: return [await send(route.method.toUpperCase())];
  }
}

const SEES_ALL = new Set<Role>(['admin', 'manager']);

/** The statuses a role may get on a route with a credential, and whether the secret may be in the answer. */
function allowed(route: Route, role: Role, credential: Credential): { statuses: number[]; mayShowSecret: boolean } {
  const key = routeKey(route);
  if (route.access === 'public') {
    if (key === 'POST /api/session') return { statuses: role === 'deactivated' ? [401] : [200], mayShowSecret: false };
    return { statuses: [200], mayShowSecret: false };
  }
  // EventSource cannot send headers: the event stream (only) takes the token from the query too.
  const authenticated = (credential === 'own' || (credential === 'query' && route.access === 'bearer-or-query-token')) &&
    role !== 'deactivated';
  if (!authenticated) return { statuses: [401], mayShowSecret: false };
  const all = SEES_ALL.has(role);
  switch (key) {
    case 'GET /api/leads/{id}': case 'GET /api/leads/{id}/activity':
      return { statuses: all ? [200] : [404], mayShowSecret: all };
    case 'PATCH /api/leads/{id}': return { statuses: all ? [200, 409] : [404], mayShowSecret: all };
    case 'POST /api/leads/{id}/notes': return { statuses: all ? [201] : [404], mayShowSecret: false };
    case 'POST /api/assignments': return { statuses: [200], mayShowSecret: all };
    case 'DELETE /api/session': return { statuses: [204], mayShowSecret: false };
    case 'POST /api/leads': return { statuses: [201], mayShowSecret: false };
    case 'PUT /api/presence': return { statuses: all ? [200] : [404], mayShowSecret: false };
    case 'POST /api/leads/import': case 'PUT /api/assignment-rules': return { statuses: all ? [200] : [403], mayShowSecret: false };
    case 'GET /api/leads': return { statuses: [200], mayShowSecret: all };
    default: return { statuses: [200], mayShowSecret: false };
  }
}

describe('the access matrix', () => {
  test('every route × role × credential: only the allowed answers, and no secret where it may not be', async (t) => {
    const failures: string[] = [];
    for (const role of ['admin', 'manager', 'member', 'deactivated'] as const) {
      for (const route of ROUTES) {
        for (const credential of CREDENTIALS) {
          const rule = allowed(route, role, credential);
          const what = `${routeKey(route)} as ${role} with ${credential}`;
          tried.routes.add(`${routeKey(route)} ${role}`);
          for (const answer of await requestFor(route, role, credential)) {
            tried.requests++;
            if (!rule.statuses.includes(answer.status)) failures.push(`${what}: ${answer.status}, allowed ${rule.statuses}`);
            const text = JSON.stringify(answer.body ?? '');
            if (!rule.mayShowSecret && text.includes(MARK)) failures.push(`${what}: the secret lead's data in ${text.slice(0, 200)}`);
            if (answer.status === 401 && route.access !== 'public' && answer.headers.get('www-authenticate') !== 'Bearer') failures.push(`${what}: 401 without WWW-Authenticate`);
          }
        }
      }
    }
    t.diagnostic(`${ROUTES.length} routes × 4 roles × ${CREDENTIALS.length} credentials: ${tried.requests} requests`);
    assert.deepEqual(failures, []);
  });

  test("a member's list, member counts and history never carry the secret; the admin's do (the check can fail)", async () => {
    const mine = await call(server.api, 'GET', '/leads', { token: tokens.member });
    assert.ok(!mine.body.leads.some((l: Lead) => l.id === secret.id));
    const members = await call(server.api, 'GET', '/members', { token: tokens.member });
    assert.ok(!JSON.stringify(members.body).includes(MARK) && !JSON.stringify(members.body).includes(secret.id));
    assert.ok(members.body.every((m: Record<string, unknown>) => Object.keys(m).every((k) =>
      ['id', 'name', 'email', 'role', 'avatarUrl', 'active', 'capacity', 'openLeads'].includes(k))), 'counts, never leads');
    const admins = await call(server.api, 'GET', '/leads', { token: tokens.admin });
    assert.ok(JSON.stringify(admins.body).includes(MARK));
  });

  test("the member's event stream carried none of it, while the admin's did", async () => {
    // A last write on the secret lead and one the member may see; events keep commit order.
    const current = (await call(server.api, 'GET', `/leads/${secret.id}`, { token: tokens.admin })).body as Lead;
    await call(server.api, 'PATCH', `/leads/${secret.id}`, { token: tokens.manager, body: { expectedVersion: current.version, company: `Moved ${MARK}` } });
    const open = ((await call(server.api, 'GET', '/leads', { token: tokens.member })).body.leads as Lead[])[0]!;
    const note = await call(server.api, 'POST', `/leads/${open.id}/notes`, { token: tokens.manager, body: { text: 'for everyone' } });
    await memberStream.waitFor((e) => e.type === 'activity' && e.activity.id === note.body.id);
    await adminStream.waitFor((e) => e.type === 'lead' && e.lead.company === `Moved ${MARK}`);
    const heard = JSON.stringify(memberStream.events);
    assert.ok(!heard.includes(MARK) && !heard.includes(secret.id), 'nothing of the secret lead on the member stream');
    assert.ok(JSON.stringify(adminStream.events).includes(MARK));
  });

  test('no token — not even the ?token= of an event stream — reaches the request log or the console', () => {
    assert.ok(logLines.some((l) => l.path === '/api/events'), 'event streams were logged');
    const logged = JSON.stringify(logLines) + consoleOutput.join('\n');
    for (const [name, token] of Object.entries(tokens)) assert.ok(!logged.includes(token), `the ${name} token is not logged`);
    assert.ok(logLines.every((l) => !l.path.includes('?')), 'paths only, never a query');
  });
});
