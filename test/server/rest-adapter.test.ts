/** RestAdapter against the real reference server (no mock), plus answers corrupted on the wire. */
import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, describe, test } from 'node:test';
import { AdapterError } from '../../sdk/adapter.js';
import { RestAdapter, type FetchLike } from '../../sdk/adapters/rest.js';
import type { ChangeEvent, Lead } from '../../sdk/schema.js';
import { eventually, people, startTestServer, type TestServer } from './support.js';

let server: TestServer;
let admin: RestAdapter;
let alice: RestAdapter;
let all: Lead[];
const cleanups: (() => void)[] = [];

before(async () => {
  server = await startTestServer({ heartbeatMs: 200 });
  admin = await RestAdapter.login(server.api, people.admin.email);
  alice = await RestAdapter.login(server.api, people.alice.email);
  all = await admin.listLeads();
});
after(async () => {
  for (const cleanup of cleanups) cleanup();
  await server.dispose();
});

/** Rejects with an AdapterError of `code`; answers it for further checks. */
async function failsWith(promise: Promise<unknown>, code: AdapterError['code']): Promise<AdapterError> {
  try {
    await promise;
  } catch (error) {
    assert.ok(AdapterError.is(error), `expected AdapterError, got ${String(error)}`);
    assert.equal(error.code, code, error.message);
    return error;
  }
  assert.fail(`expected ${code}, but it succeeded`);
}

/** A fetch that forwards to the real server and rewrites JSON answers of matching URLs. */
function tamperingFetch(match: RegExp, rewrite: (body: any) => unknown): FetchLike { // eslint-disable-line @typescript-eslint/no-explicit-any
  return async (input, init) => {
    const response = await fetch(input, init);
    const url = input instanceof Request ? input.url : String(input);
    if (!match.test(url)) return response;
    const body = rewrite(await response.json());
    return new Response(typeof body === 'string' ? body : JSON.stringify(body),
      { status: response.status, headers: { 'Content-Type': 'application/json' } });
  };
}

describe('RestAdapter reads and writes', () => {
  test('login, demo users, me, members, leads with a query, one lead', async () => {
    const users = await RestAdapter.listDemoUsers(server.api);
    assert.ok(users.some((u) => u.id === people.alice.id));
    assert.ok(admin.token && admin.token.length >= 32);
    assert.deepEqual(await alice.me(), people.alice);
    const members = await alice.listMembers();
    assert.equal(members.length, people.all.length);
    assert.ok(members.every((m) => Number.isInteger(m.openLeads)));
    const visible = await alice.listLeads();
    assert.ok(visible.every((l) => l.assigneeId === null || l.assigneeId === people.alice.id));
    const newOrWon = await admin.listLeads({ status: ['new', 'won'], assignee: 'unassigned' });
    assert.ok(newOrWon.length > 0);
    assert.ok(newOrWon.every((l) => (l.status === 'new' || l.status === 'won') && l.assigneeId === null));
    assert.deepEqual(await admin.getLead(all[0]!.id), all[0]);
  });

  test('a token function is read before every request', async () => {
    let token: string | undefined = admin.token;
    const adapter = new RestAdapter({ baseUrl: `${server.api}/`, token: () => token });
    assert.equal((await adapter.me()).id, people.admin.id);
    token = undefined;
    await failsWith(adapter.me(), 'unauthorized');
  });

  test('updateLead, assign, addNote and listActivity round-trip through the server', async () => {
    const lead = all.find((l) => l.status === 'new' && l.assigneeId === null)!;
    const moved = await admin.updateLead(lead.id, { status: 'contacted', position: 5 }, lead.version, { source: 'keyboard' });
    assert.equal(moved.status, 'contacted');
    assert.equal(moved.version, lead.version + 1);
    const result = await admin.assign([lead.id], people.alice.id, { expectedVersions: { [lead.id]: moved.version },
      source: 'bulk', batchId: 'rest-batch-1' });
    assert.equal(result.batchId, 'rest-batch-1');
    assert.equal(result.results[0]!.status, 'ok');
    assert.equal(result.results[0]!.lead!.assigneeId, people.alice.id);
    const note = await alice.addNote(lead.id, 'Spoke to them');
    const history = await alice.listActivity(lead.id);
    assert.deepEqual(history.slice(-3).map((a) => [a.type, a.source]),
      [['status_changed', 'keyboard'], ['assigned', 'bulk'], ['note', 'manual']]);
    assert.deepEqual(history.at(-1), note);
  });
});

describe('RestAdapter: leads arriving, against the server', () => {
  test('a created and an imported lead reach another adapter\'s subscription, parsed, with their history', async () => {
    const received: ChangeEvent[] = [];
    const manager = await RestAdapter.login(server.api, people.manager.email, { events: 'fetch' });
    const stop = manager.subscribe((event) => received.push(event));
    cleanups.push(stop);
    await eventually(() => server.app.events.size >= 1, 'the stream to open');
    const created = await admin.createLead({ name: 'Via Adapter', company: 'Rest Co' }, { source: 'manual' });
    const result = await admin.importLeads('Name;Email\r\nSemicolon Import;semi@client.io\r\n');
    assert.deepEqual([result.created, result.errors], [1, []]);
    await eventually(() => received.some((e) => e.type === 'lead' && e.lead.name === 'Semicolon Import'), 'the imported lead');
    assert.ok(received.some((e) => e.type === 'lead' && e.lead.id === created.id));
    const history = received.filter((e) => e.type === 'activity').map((e) => (e.type === 'activity' ? e.activity.source : ''));
    assert.deepEqual(history.filter((source) => source === 'manual' || source === 'import'), ['manual', 'import']);
    stop();
  });

  test('the server\'s refusals arrive as AdapterErrors: 403 forbidden, 400 invalid with issues', async () => {
    await failsWith(alice.importLeads([{ name: 'Mine' }]), 'forbidden');
    await failsWith(alice.setAssignmentRules({ enabled: false, strategy: 'balanced', memberIds: [] }), 'forbidden');
    const unknown = await failsWith(admin.setAssignmentRules({ enabled: true, strategy: 'balanced', memberIds: ['nobody'] }), 'invalid');
    assert.equal(unknown.status, 400);
    assert.deepEqual(unknown.issues?.map((i) => i.path), ['memberIds.0']);
    const badColumn = await failsWith(admin.createLead({ name: 'X', status: 'archived' }), 'invalid');
    assert.deepEqual(badColumn.issues?.map((i) => i.path), ['status']);
  });
});

describe('RestAdapter errors', () => {
  test('a stale version is `conflict` carrying the current lead', async () => {
    const manager = await RestAdapter.login(server.api, people.manager.email);
    const lead = all.find((l) => l.status === 'qualified')!;
    const fresh = await admin.updateLead(lead.id, { name: 'First writer' }, lead.version);
    const error = await failsWith(manager.updateLead(lead.id, { name: 'Second writer' }, lead.version), 'conflict');
    assert.equal(error.status, 409);
    assert.deepEqual(error.current, fresh);
    assert.deepEqual(await manager.getLead(lead.id), fresh, 'the stale write changed nothing');
  });

  test('400 carries the issues naming the field; 404 and 401 map to their codes', async () => {
    const lead = all.find((l) => l.assigneeId === null)!;
    const invalid = await failsWith(admin.assign([lead.id], people.inactive.id), 'invalid');
    assert.equal(invalid.status, 400);
    assert.deepEqual(invalid.issues?.map((i) => i.path), ['assigneeId']);
    const hidden = all.find((l) => l.assigneeId === people.bob.id)!;
    await failsWith(alice.getLead(hidden.id), 'not_found');
    await failsWith(alice.addNote(hidden.id, 'x'), 'not_found');
    await failsWith(new RestAdapter({ baseUrl: server.api, token: 'wrong' }).listLeads(), 'unauthorized');
    await failsWith(RestAdapter.login(server.api, 'nobody@example.com'), 'unauthorized');
  });

  test('a bad patch is refused before any request, naming the field', async () => {
    let requests = 0;
    const counting = new RestAdapter({ baseUrl: server.api, token: admin.token, fetch: (i, init) => (requests++, fetch(i, init)) });
    const error = await failsWith(counting.updateLead('l1', { assigneeId: 'm3' } as never, 1), 'invalid');
    assert.match(error.message, /assigneeId/);
    await failsWith(counting.addNote('l1', '   '), 'invalid');
    assert.equal(requests, 0);
  });

  test('a malformed answer is `invalid` naming the field, and nothing of it is returned', async () => {
    const lead = all[3]!;
    const corrupt = new RestAdapter({ baseUrl: server.api, token: admin.token,
      fetch: tamperingFetch(/\/leads\/[^/]+$/, (body) => ({ ...body, email: 'not-an-email', version: 0 })) });
    const error = await failsWith(corrupt.getLead(lead.id), 'invalid');
    assert.deepEqual(error.issues?.map((i) => i.path).sort(), ['email', 'version']);
    assert.match(error.message, /email/);

    const listCorrupt = new RestAdapter({ baseUrl: server.api, token: admin.token,
      fetch: tamperingFetch(/\/leads(\?|$)/, (body) => ({ leads: [body.leads[0], { ...body.leads[1], status: 42 }] })) });
    const listError = await failsWith(listCorrupt.listLeads(), 'invalid');
    assert.deepEqual(listError.issues?.map((i) => i.path), ['leads.1.status']);

    const notJson = new RestAdapter({ baseUrl: server.api, token: admin.token,
      fetch: tamperingFetch(/\/me$/, () => '<html>oops</html>') });
    await failsWith(notJson.me(), 'invalid');

    // A conflict whose `current` is malformed must not be handed over as the "current" lead.
    const badConflict = new RestAdapter({ baseUrl: server.api, token: admin.token,
      fetch: tamperingFetch(/\/leads\/[^/]+(\?|$)/, (body) => (body.current ? { ...body, current: { id: 'x' } } : body)) });
    const conflict = await failsWith(badConflict.updateLead(lead.id, { name: 'x' }, lead.version + 50), 'invalid');
    assert.match(conflict.message, /current/);
    assert.deepEqual(await admin.getLead(lead.id), lead);
  });

  test('no server is `network`; GETs are retried; writes are retried under one idempotency key', async () => {
    const closed = createServer();
    await new Promise<void>((r) => closed.listen(0, '127.0.0.1', r));
    const port = (closed.address() as AddressInfo).port;
    await new Promise<void>((r) => closed.close(() => r()));
    await failsWith(new RestAdapter({ baseUrl: `http://127.0.0.1:${port}/api`, retries: 0 }).me(), 'network');

    const calls: { method: string; key: string | null }[] = [];
    let failures = 1;
    const flaky: FetchLike = async (input, init) => {
      const request = input instanceof Request ? input : new Request(input, init);
      calls.push({ method: request.method, key: request.headers.get('idempotency-key') });
      if (failures-- > 0) return new Response('busy', { status: 503 });
      return fetch(request);
    };
    const adapter = new RestAdapter({ baseUrl: server.api, token: admin.token, fetch: flaky });
    assert.equal((await adapter.me()).id, people.admin.id);
    assert.deepEqual(calls.map((c) => c.method + String(c.key)), ['GETnull', 'GETnull']);

    calls.length = 0;
    failures = 1;
    const note = await adapter.addNote(all[5]!.id, 'once, after a 503');
    assert.equal(calls.length, 2);
    assert.ok(calls[0]!.key && calls[0]!.key.length >= 20, 'a write carries a key');
    assert.deepEqual(calls[1], calls[0], 'the retry resends the same key');
    assert.equal(note.text, 'once, after a 503');
    await adapter.addNote(all[5]!.id, 'a second call');
    assert.notEqual(calls[2]!.key, calls[0]!.key, 'each call has its own key');
  });

  test('an answer lost after the commit: the retry is answered from the server, the note exists once', async () => {
    let dropped = 0;
    const dropsAfterCommit: FetchLike = async (input, init) => {
      const request = input instanceof Request ? input : new Request(input, init);
      const response = await fetch(request.clone());
      if (request.method === 'POST' && dropped++ === 0) {
        await response.arrayBuffer(); // the server answered: the note is written
        throw new TypeError('fetch failed'); // …and the answer never arrives
      }
      return response;
    };
    const adapter = new RestAdapter({ baseUrl: server.api, token: admin.token, fetch: dropsAfterCommit });
    const lead = all[6]!;
    const note = await adapter.addNote(lead.id, 'written once despite the lost answer');
    const history = await admin.listActivity(lead.id);
    assert.deepEqual(history.filter((a) => a.text === note.text), [note]);
  });

  test('signing in is never retried (it has no key)', async () => {
    const methods: string[] = [];
    const busy: FetchLike = async (input, init) => {
      methods.push((input instanceof Request ? input : new Request(input, init)).method);
      return new Response('busy', { status: 503 });
    };
    await failsWith(RestAdapter.login(server.api, people.alice.email, { fetch: busy }), 'network');
    assert.deepEqual(methods, ['POST']);
  });

  test('requests are abortable: the abort reason comes through, not an AdapterError', async () => {
    const controller = new AbortController();
    controller.abort();
    await assert.rejects(admin.listLeads({}, { signal: controller.signal }), (error: Error) => error.name === 'AbortError');
    const late = new AbortController();
    const slow: FetchLike = (input, init) => new Promise((resolve, reject) => {
      const request = input instanceof Request ? input : new Request(input, init);
      request.signal.addEventListener('abort', () => reject(request.signal.reason));
      setTimeout(() => late.abort(), 10);
    });
    const adapter = new RestAdapter({ baseUrl: server.api, token: admin.token, fetch: slow });
    await assert.rejects(adapter.getLead('l1', { signal: late.signal }), (error: Error) => error.name === 'AbortError');
  });
});

describe('RestAdapter.subscribe (fetch stream in Node)', () => {
  test('delivers changes made by another client, parsed; unsubscribing stops delivery', async () => {
    const received: ChangeEvent[] = [];
    const stop = alice.subscribe((event) => received.push(event));
    cleanups.push(stop);
    await eventually(() => server.app.events.size >= 1, 'the stream to open');
    const lead = all.filter((l) => l.assigneeId === null)[4]!;
    const note = await admin.addNote(lead.id, 'Heads up');
    await eventually(() => received.some((e) => e.type === 'activity' && e.activity.id === note.id), 'the note event');
    stop();
    await eventually(() => server.app.events.size === 0, 'the stream to close');
    const count = received.length;
    await admin.addNote(lead.id, 'After unsubscribe');
    assert.equal(received.length, count);
  });

  test('reconnects after the server drops the stream and says so', async () => {
    const received: ChangeEvent[] = [];
    let reconnects = 0;
    const adapter = new RestAdapter({ baseUrl: server.api, token: admin.token, onReconnect: () => reconnects++ });
    const stop = adapter.subscribe((event) => received.push(event));
    cleanups.push(stop);
    await eventually(() => server.app.events.size === 1, 'the stream to open');
    server.app.events.closeAll();
    await eventually(() => reconnects === 1 && server.app.events.size === 1, 'the stream to come back');
    const lead = all[7]!;
    const note = await admin.addNote(lead.id, 'After the drop');
    await eventually(() => received.some((e) => e.type === 'activity' && e.activity.id === note.id), 'the event');
    stop();
  });

  test('a malformed event is dropped and reported, the next good one still arrives', async () => {
    const good: ChangeEvent = { type: 'lead_removed', leadId: 'l1' };
    const sse: Server = createServer((_req, res) => {
      res.writeHead(200, { 'Content-Type': 'text/event-stream' });
      res.write(': hello\n\ndata: {"type":"lead","lead":{"id":"l1"}}\n\ndata: not json\n\n');
      res.write(`data: ${JSON.stringify(good)}\r\n\r\n`);
    });
    await new Promise<void>((r) => sse.listen(0, '127.0.0.1', r));
    const errors: AdapterError[] = [];
    const received: ChangeEvent[] = [];
    const adapter = new RestAdapter({ baseUrl: `http://127.0.0.1:${(sse.address() as AddressInfo).port}/api`,
      onEventError: (error) => errors.push(error) });
    const stop = adapter.subscribe((event) => received.push(event));
    try {
      await eventually(() => received.length === 1, 'the good event');
      assert.deepEqual(received, [good]);
      assert.equal(errors.length, 2);
      assert.ok(errors.every((e) => e.code === 'invalid'));
      assert.match(errors[0]!.message, /lead\.name/);
    } finally {
      stop();
      sse.closeAllConnections();
      await new Promise<void>((r) => sse.close(() => r()));
    }
  });

  test("events: 'off' makes subscribe a no-op", () => {
    const adapter = new RestAdapter({ baseUrl: server.api, token: admin.token, events: 'off' });
    const before = server.app.events.size;
    const stop = adapter.subscribe(() => {});
    assert.equal(server.app.events.size, before);
    stop();
  });
});
