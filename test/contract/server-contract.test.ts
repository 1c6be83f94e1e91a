/**
 * The reference server's REAL answers against openapi.json: every route of the route table is called for its
 * success and for each error it documents (bad input, no token, not found, conflict, forbidden, too large,
 * not JSON, an idempotency key reused, too many requests, demo mode off), and every answer's status, media
 * type and body must be what the document says. Only the 500 answer is not provoked (the server has no fault
 * switch). Event-stream messages are checked one by one.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { ROUTES, routeKey, type Route } from '../../scripts/openapi/routes.js';
import type { Lead } from '../../sdk/schema.js';
import {
  call, callOnOwnConnection, openEvents, people, startTestServer, type CallResult, type TestServer,
} from '../server/support.js';
import { ContractValidator } from './validator.js';

const contract = new ContractValidator();
let server: TestServer;
let demoOff: TestServer;
/** Every rate limit at one request an hour: the second request of a kind is 429. */
let limited: TestServer;
const HOST_TOKEN = 'contract-host-token-of-the-manager';
let adminToken: string;
let aliceToken: string;
let managerToken: string;
/** A lead only admins and its assignee see (assigned to bob), and one everybody sees (unassigned). */
let bobsLead: Lead;
let openLead: Lead;

before(async () => {
  const once = { count: 1, perMs: 3600_000 };
  [server, demoOff, limited] = await Promise.all([startTestServer(),
    startTestServer({ demo: false, apiTokens: { [HOST_TOKEN]: people.manager.id } }),
    startTestServer({ limits: { sessionRate: once, authFailureRate: once, writeRate: once } })]);
  [adminToken, aliceToken, managerToken] = await Promise.all([server.login(people.admin), server.login(people.alice),
    server.login(people.manager)]);
  const { body } = await call(server.api, 'GET', '/leads', { token: adminToken });
  const leads = body.leads as Lead[];
  bobsLead = leads.find((l) => l.assigneeId === people.bob.id)!;
  openLead = leads.find((l) => l.assigneeId === null)!;
  assert.ok(bobsLead && openLead, 'the seed has a lead of bob and an unassigned one');
});

after(async () => {
  await Promise.all([server?.dispose(), demoOff?.dispose(), limited?.dispose()]);
});

interface Case {
  route: string;
  status: number;
  what: string;
  run(): Promise<CallResult>;
}

/** `/api/leads/{id}` with a real id, as the client sees it below the API root. */
const concrete = (route: Route, id = openLead.id) => route.path.replace('/api', '').replace('{id}', id);
const find = (key: string): Route => ROUTES.find((r) => routeKey(r) === key)!;
const as = (token: string) => ({ token });

/** The answers particular to each route; the ones every route shares are made from the table below. */
function specificCases(): Case[] {
  const api = server.api;
  return [
    { route: 'POST /api/session', status: 200, what: 'a seeded email', run: () => call(api, 'POST', '/session', { body: { email: people.admin.email } }) },
    { route: 'POST /api/session', status: 400, what: 'not an email', run: () => call(api, 'POST', '/session', { body: { email: 'nobody' } }) },
    { route: 'POST /api/session', status: 401, what: 'an inactive member', run: () => call(api, 'POST', '/session', { body: { email: people.inactive.email } }) },
    { route: 'GET /api/demo-users', status: 200, what: 'the seeded people', run: () => call(api, 'GET', '/demo-users') },
    { route: 'GET /api/me', status: 200, what: 'the caller', run: () => call(api, 'GET', '/me', as(aliceToken)) },
    { route: 'GET /api/members', status: 200, what: 'members with loads', run: () => call(api, 'GET', '/members', as(adminToken)) },
    { route: 'GET /api/leads', status: 200, what: 'a filtered list', run: () => call(api, 'GET', '/leads?status=new,contacted&assignee=unassigned&q=a', as(aliceToken)) },
    { route: 'GET /api/leads', status: 400, what: 'a malformed status key', run: () => call(api, 'GET', '/leads?status=new,no%20spaces', as(adminToken)) },
    { route: 'GET /api/leads/{id}', status: 200, what: 'a visible lead', run: () => call(api, 'GET', `/leads/${openLead.id}`, as(aliceToken)) },
    { route: 'GET /api/leads/{id}', status: 404, what: "another member's lead", run: () => call(api, 'GET', `/leads/${bobsLead.id}`, as(aliceToken)) },
    {
      route: 'PATCH /api/leads/{id}', status: 200, what: 'a move with its source',
      run: async () => {
        const { body: lead } = await call(api, 'GET', `/leads/${openLead.id}`, as(adminToken));
        return call(api, 'PATCH', `/leads/${lead.id}?source=keyboard`, { ...as(adminToken), body: { expectedVersion: lead.version, status: 'qualified', company: null } });
      },
    },
    { route: 'PATCH /api/leads/{id}', status: 400, what: 'assigneeId in the body', run: () => call(api, 'PATCH', `/leads/${openLead.id}`, { ...as(adminToken), body: { expectedVersion: 1, assigneeId: people.bob.id } }) },
    { route: 'PATCH /api/leads/{id}', status: 404, what: "another member's lead", run: () => call(api, 'PATCH', `/leads/${bobsLead.id}`, { ...as(aliceToken), body: { expectedVersion: bobsLead.version, name: 'Mine now' } }) },
    { route: 'PATCH /api/leads/{id}', status: 409, what: 'a stale version', run: () => call(api, 'PATCH', `/leads/${bobsLead.id}`, { ...as(adminToken), body: { expectedVersion: bobsLead.version + 50, name: 'Late' } }) },
    {
      route: 'POST /api/assignments', status: 200, what: 'ok, conflict and not_found in one batch',
      run: async () => {
        const { body: lead } = await call(api, 'GET', `/leads/${openLead.id}`, as(adminToken));
        return call(api, 'POST', '/assignments', {
          ...as(adminToken),
          body: { leadIds: [lead.id, bobsLead.id, 'no-such-lead'], assigneeId: people.alice.id, source: 'bulk',
            expectedVersions: { [lead.id]: lead.version, [bobsLead.id]: bobsLead.version + 50 } },
        });
      },
    },
    { route: 'POST /api/assignments', status: 400, what: 'an empty id list', run: () => call(api, 'POST', '/assignments', { ...as(adminToken), body: { leadIds: [], assigneeId: null } }) },
    { route: 'POST /api/assignments', status: 400, what: 'an inactive assignee', run: () => call(api, 'POST', '/assignments', { ...as(adminToken), body: { leadIds: [openLead.id], assigneeId: people.inactive.id } }) },
    {
      route: 'GET /api/batches/{id}', status: 200, what: 'a bulk assignment\'s entries',
      run: async () => {
        const { body: lead } = await call(api, 'GET', `/leads/${openLead.id}`, as(adminToken));
        const { body: done } = await call(api, 'POST', '/assignments', { ...as(adminToken), body: { leadIds: [lead.id], assigneeId: people.alice.id, source: 'bulk' } });
        return call(api, 'GET', `/batches/${done.batchId}`, as(aliceToken));
      },
    },
    { route: 'PUT /api/presence', status: 200, what: 'a visible lead open', run: () => call(api, 'PUT', '/presence', { ...as(aliceToken), body: { clientId: 'contract-tab', leadId: openLead.id } }) },
    { route: 'PUT /api/presence', status: 400, what: 'no client id', run: () => call(api, 'PUT', '/presence', { ...as(aliceToken), body: { leadId: null } }) },
    { route: 'PUT /api/presence', status: 404, what: "another member's lead", run: () => call(api, 'PUT', '/presence', { ...as(aliceToken), body: { clientId: 'contract-tab', leadId: bobsLead.id } }) },
    { route: 'GET /api/events', status: 400, what: 'a client id past 200 characters', run: () => call(api, 'GET', `/events?client=${'x'.repeat(201)}`, as(aliceToken)) },
    { route: 'GET /api/leads/{id}/activity', status: 200, what: 'the history', run: () => call(api, 'GET', `/leads/${openLead.id}/activity`, as(adminToken)) },
    { route: 'GET /api/leads/{id}/activity', status: 404, what: "another member's lead", run: () => call(api, 'GET', `/leads/${bobsLead.id}/activity`, as(aliceToken)) },
    { route: 'POST /api/leads/{id}/notes', status: 201, what: 'a note', run: () => call(api, 'POST', `/leads/${openLead.id}/notes`, { ...as(aliceToken), body: { text: 'Called, call back Friday' } }) },
    { route: 'POST /api/leads/{id}/notes', status: 400, what: 'a blank note', run: () => call(api, 'POST', `/leads/${openLead.id}/notes`, { ...as(aliceToken), body: { text: '   ' } }) },
    { route: 'POST /api/leads/{id}/notes', status: 404, what: "another member's lead", run: () => call(api, 'POST', `/leads/${bobsLead.id}/notes`, { ...as(aliceToken), body: { text: 'hi' } }) },
    ...intakeCases(),
    { route: 'DELETE /api/session', status: 204, what: 'a session', run: async () => call(api, 'DELETE', '/session', as(await server.login(people.bob))) },
    { route: 'DELETE /api/session', status: 403, what: 'a host token', run: () => call(demoOff.api, 'DELETE', '/session', as(HOST_TOKEN)) },
    ...reusedKeys(),
  ];
}

/** Leads arriving and the assignment rules. */
function intakeCases(): Case[] {
  const api = server.api;
  const csv = (token: string, text: string, query = '', type = 'text/csv') =>
    call(api, 'POST', `/leads/import${query}`, { ...as(token), raw: text, headers: { 'Content-Type': type } });
  const rules = { enabled: true, strategy: 'round_robin', memberIds: [people.alice.id, people.bob.id] };
  return [
    { route: 'POST /api/leads', status: 201, what: 'a new lead', run: () => call(api, 'POST', '/leads?source=manual', { ...as(aliceToken), body: { name: 'Contract Lead', email: 'contract@client.io', value: 5, status: 'contacted' } }) },
    { route: 'POST /api/leads', status: 400, what: 'an unknown column', run: () => call(api, 'POST', '/leads', { ...as(adminToken), body: { name: 'X', status: 'archived' } }) },
    { route: 'POST /api/leads', status: 400, what: 'a source only the backend records', run: () => call(api, 'POST', '/leads?source=rule', { ...as(adminToken), body: { name: 'X' } }) },
    { route: 'POST /api/leads/import', status: 200, what: 'a CSV preview with a bad row and a duplicate', run: () => csv(managerToken, 'name,email,value\nA,a@client.io,1\n,b@client.io,\nB,A@client.io,x\n', '?dryRun=1') },
    { route: 'POST /api/leads/import', status: 200, what: 'JSON rows', run: () => call(api, 'POST', '/leads/import', { ...as(adminToken), body: { rows: [{ name: 'Json Row', value: 3 }] } }) },
    { route: 'POST /api/leads/import', status: 400, what: 'rows that are not rows', run: () => call(api, 'POST', '/leads/import', { ...as(adminToken), body: { rows: 'name\nA' } }) },
    { route: 'POST /api/leads/import', status: 403, what: 'a member', run: () => csv(aliceToken, 'name\nA\n') },
    { route: 'POST /api/leads/import', status: 413, what: '10,001 rows', run: () => csv(adminToken, ['name', ...Array.from({ length: 10_001 }, (_, i) => `R${i}`)].join('\n')) },
    { route: 'POST /api/leads/import', status: 415, what: 'text/plain', run: () => csv(adminToken, 'name\nA\n', '', 'text/plain') },
    { route: 'GET /api/assignment-rules', status: 200, what: 'the defaults', run: () => call(api, 'GET', '/assignment-rules', as(aliceToken)) },
    { route: 'PUT /api/assignment-rules', status: 200, what: 'round robin', run: () => call(api, 'PUT', '/assignment-rules', { ...as(managerToken), body: rules }) },
    { route: 'PUT /api/assignment-rules', status: 400, what: 'an inactive member', run: () => call(api, 'PUT', '/assignment-rules', { ...as(adminToken), body: { ...rules, memberIds: [people.inactive.id] } }) },
    { route: 'PUT /api/assignment-rules', status: 403, what: 'a member', run: () => call(api, 'PUT', '/assignment-rules', { ...as(aliceToken), body: rules }) },
    { route: 'GET /api/assignment-rules', status: 200, what: 'the rules saved', run: () => call(api, 'GET', '/assignment-rules', as(aliceToken)) },
    { route: 'POST /api/leads', status: 201, what: 'a lead the rules assign', run: () => call(api, 'POST', '/leads', { ...as(adminToken), body: { name: 'Routed' } }) },
  ];
}

/** 422: each idempotent route's key used again for another request (the first use must succeed to store it). */
function reusedKeys(): Case[] {
  const api = server.api;
  const twice = (path: string, method: string, first: () => Promise<unknown>, second: unknown) => async () => {
    const key = `contract-${method}-${path}-${Date.now()}`;
    const headers = { 'Idempotency-Key': key };
    const answer = await call(api, method, path, { ...as(adminToken), body: await first(), headers });
    assert.ok(answer.status < 300, `the first use of the key succeeds: ${answer.status}`);
    return call(api, method, path, { ...as(adminToken), body: second, headers });
  };
  const current = async () => (await call(api, 'GET', `/leads/${openLead.id}`, as(adminToken))).body as Lead;
  return [
    { route: 'PATCH /api/leads/{id}', status: 422, what: 'a reused idempotency key',
      run: twice(`/leads/${openLead.id}`, 'PATCH', async () => ({ expectedVersion: (await current()).version, value: 5 }), { expectedVersion: 1, value: 6 }) },
    { route: 'POST /api/assignments', status: 422, what: 'a reused idempotency key',
      run: twice('/assignments', 'POST', async () => ({ leadIds: [openLead.id], assigneeId: people.alice.id }), { leadIds: [openLead.id], assigneeId: people.bob.id }) },
    { route: 'POST /api/leads/{id}/notes', status: 422, what: 'a reused idempotency key',
      run: twice(`/leads/${openLead.id}/notes`, 'POST', async () => ({ text: 'first' }), { text: 'second' }) },
    { route: 'POST /api/leads', status: 422, what: 'a reused idempotency key',
      run: twice('/leads', 'POST', async () => ({ name: 'Keyed Lead' }), { name: 'Another Lead' }) },
    { route: 'POST /api/leads/import', status: 422, what: 'a reused idempotency key',
      run: twice('/leads/import', 'POST', async () => ({ rows: [{ name: 'Keyed Row' }] }), { rows: [{ name: 'Another Row' }] }) },
  ];
}

/**
 * What every route of a kind answers: 401 without a token, 413 for a huge body, 415 for a body that is not
 * JSON, 404 in demo mode off, 429 once its client is over a rate limit.
 */
function sharedCases(): Case[] {
  const cases: Case[] = [];
  for (const route of ROUTES) {
    const key = routeKey(route);
    const method = route.method.toUpperCase();
    if (route.access !== 'public') {
      cases.push({ route: key, status: 401, what: 'no token', run: () => call(server.api, method, concrete(route)) });
      cases.push({ route: key, status: 401, what: 'an unknown token', run: () => call(server.api, method, concrete(route), as('not-a-session-token-at-all')) });
    }
    if (route.body) {
      const limit = route.bodyLimit ?? 1024 * 1024;
      const huge = JSON.stringify({ text: 'x'.repeat(limit + 10) });
      cases.push({ route: key, status: 413, what: `a body over ${limit} bytes`, run: () => callOnOwnConnection(server.api + concrete(route),
        { method, headers: { Authorization: `Bearer ${adminToken}`, 'Content-Type': 'application/json' }, body: huge }) });
      cases.push({ route: key, status: 415, what: 'a form post', run: () => call(server.api, method, concrete(route),
        { ...as(adminToken), raw: 'text=hello', headers: { 'Content-Type': 'application/x-www-form-urlencoded' } }) });
    }
    if (route.access !== 'public' || route.rateLimited) {
      // Past one failed token (or one sign-in) an hour, this client is refused at once.
      cases.push({ route: key, status: 429, what: 'a client over its limit', run: async () => {
        await call(limited.api, 'GET', '/me', as('a-wrong-token-to-use-up-the-budget'));
        if (route.rateLimited) await call(limited.api, method, concrete(route), { body: { email: people.admin.email } });
        return call(limited.api, method, concrete(route), route.rateLimited ? { body: { email: people.admin.email } } : as(adminToken));
      } });
    }
    if (route.demoOnly) {
      cases.push({ route: key, status: 404, what: 'demo mode off', run: () => call(demoOff.api, method, concrete(route), { body: route.body ? { email: people.admin.email } : undefined }) });
    }
  }
  return cases;
}

/** Checks one answer against the document: a documented status, its media type, a conforming body. */
function conforms(route: Route, result: CallResult): void {
  const documented = contract.answer(route.method, route.path, result.status);
  assert.ok(documented, `${routeKey(route)} answered ${result.status}, which openapi.json does not document: ${JSON.stringify(result.body)}`);
  if (!documented.content) {
    assert.equal(result.body, undefined, `${routeKey(route)} ${result.status} has no body`);
    return;
  }
  const [mediaType, media] = Object.entries(documented.content as Record<string, { schema: { $ref: string } }>)[0]!;
  assert.ok(result.headers.get('content-type')?.startsWith(mediaType), `content type ${result.headers.get('content-type')}, documented ${mediaType}`);
  assert.deepEqual(contract.check(media.schema, result.body), [], `${routeKey(route)} ${result.status} body conforms`);
}

describe('the reference server answers as openapi.json documents', () => {
  const seen = new Map<string, Set<number>>();

  test('every route, success and error answers', async () => {
    for (const c of [...specificCases(), ...sharedCases()]) {
      const route = find(c.route);
      assert.ok(route, `${c.route} is in the route table`);
      const result = await c.run().catch((error: unknown) => {
        throw new Error(`${c.route} with ${c.what}: the call failed`, { cause: error });
      });
      assert.equal(result.status, c.status, `${c.route} with ${c.what}: ${JSON.stringify(result.body)}`);
      conforms(route, result);
      if (result.status >= 400) assert.ok(result.body.error.message.length > 0, 'an error says what went wrong');
      if (result.status === 429) assert.ok(Number(result.headers.get('retry-after')) >= 1, 'Retry-After is sent');
      (seen.get(c.route) ?? seen.set(c.route, new Set()).get(c.route)!).add(result.status);
    }
  });

  test('the event stream: status, media type, and each message a documented ChangeEvent', async () => {
    const route = find('GET /api/events');
    const stream = await openEvents(`${server.api}/events?token=${encodeURIComponent(adminToken)}`);
    try {
      assert.equal(stream.status, 200);
      const documented = contract.answer('get', '/api/events', 200)!.content['text/event-stream'];
      const { body: lead } = await call(server.api, 'GET', `/leads/${openLead.id}`, as(adminToken));
      await call(server.api, 'POST', '/assignments', { ...as(adminToken), body: { leadIds: [lead.id], assigneeId: people.bob.id } });
      await stream.waitFor((e) => e.type === 'activity');
      await stream.waitFor((e) => e.type === 'lead');
      for (const event of stream.events) assert.deepEqual(contract.check(documented['x-event-data'], event), []);
      (seen.get(routeKey(route)) ?? seen.set(routeKey(route), new Set()).get(routeKey(route))!).add(200);
    } finally {
      stream.close();
    }
  });

  test('a member whose lead is handed away gets lead_removed, also documented', async () => {
    const stream = await openEvents(`${server.api}/events?token=${encodeURIComponent(aliceToken)}`);
    try {
      const { body: lead } = await call(server.api, 'GET', `/leads/${openLead.id}`, as(adminToken));
      await call(server.api, 'POST', '/assignments', { ...as(adminToken), body: { leadIds: [lead.id], assigneeId: people.alice.id } });
      await call(server.api, 'POST', '/assignments', { ...as(adminToken), body: { leadIds: [lead.id], assigneeId: people.bob.id } });
      const removed = await stream.waitFor((e) => e.type === 'lead_removed');
      assert.deepEqual(contract.check({ $ref: '#/components/schemas/ChangeEvent' }, removed), []);
    } finally {
      stream.close();
    }
  });

  test('every route was called for a success and for every error it documents but 500', () => {
    for (const route of ROUTES) {
      const key = routeKey(route);
      const documented = Object.keys(contract.doc.paths[route.path][route.method].responses).map(Number)
        .filter((s) => s !== 500);
      assert.deepEqual([...(seen.get(key) ?? [])].sort(), documented.sort(), `${key}: statuses called`);
    }
  });
});
