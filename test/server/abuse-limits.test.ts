/**
 * What keeps one client from hurting everyone: per-client rate limits (429 with Retry-After), body size and
 * read-time limits, JSON-only bodies (no form-post CSRF), the Host allow-list (DNS rebinding), demo mode off
 * next to host tokens, and the headers and error bodies every answer carries. Limits are tight here only, per
 * server instance; the other suites run without rate limits.
 */
import assert from 'node:assert/strict';
import { connect } from 'node:net';
import { after, before, describe, test } from 'node:test';
import { createApp } from '../../demo/server/app.js';
import { parseRate, readConfig } from '../../demo/server/config.js';
import { hostAllowed } from '../../demo/server/guards.js';
import { DEFAULT_LIMITS } from '../../demo/server/limits.js';
import { call, callOnOwnConnection, people, startTestServer, type TestServer } from './support.js';

const perMinute = (count: number) => ({ count, perMs: 60_000 });

/** Sends raw bytes on a fresh connection and collects what comes back until the server closes it. */
function rawExchange(port: number, chunks: { data: string; afterMs?: number }[]): Promise<{ text: string; closedAfterMs: number }> {
  return new Promise((resolve, reject) => {
    const started = Date.now();
    const socket = connect(port, '127.0.0.1');
    let text = '';
    socket.setEncoding('utf8');
    socket.on('data', (chunk: string) => (text += chunk));
    socket.on('error', () => {}); // a reset after the server gave up is the expected end
    socket.on('close', () => resolve({ text, closedAfterMs: Date.now() - started }));
    const timers: ReturnType<typeof setTimeout>[] = [];
    socket.on('close', () => timers.forEach(clearTimeout));
    socket.once('connect', () => {
      for (const chunk of chunks) {
        timers.push(setTimeout(() => socket.writable && socket.write(chunk.data), chunk.afterMs ?? 0));
      }
    });
    setTimeout(() => {
      socket.destroy();
      reject(new Error(`the server did not close the connection; got ${JSON.stringify(text.slice(0, 200))}`));
    }, 10_000).unref();
  });
}

/** A GET with a Host header of our choosing (fetch always sends the URL's own), on its own connection. */
const getWithHost = (url: string, host: string, token?: string) =>
  callOnOwnConnection(url, { headers: { Host: host, ...(token ? { Authorization: `Bearer ${token}` } : {}) } });

describe('rate limits per client', () => {
  let server: TestServer;
  before(async () => {
    server = await startTestServer({
      limits: { sessionRate: perMinute(3), authFailureRate: perMinute(4), writeRate: perMinute(5) },
    });
  });
  after(() => server.dispose());

  test('session creation: the 4th sign-in in a minute from one address is 429 with Retry-After', async () => {
    for (let i = 0; i < 3; i++) {
      assert.equal((await call(server.api, 'POST', '/session', { body: { email: people.alice.email } })).status, 200);
    }
    const refused = await call(server.api, 'POST', '/session', { body: { email: people.alice.email } });
    assert.equal(refused.status, 429);
    assert.equal(refused.body.error.code, 'rate_limited');
    const wait = Number(refused.headers.get('retry-after'));
    assert.ok(wait >= 1 && wait <= 20, `Retry-After: ${wait}`);
    // Wrong emails count too: guessing who exists is signing in.
    assert.equal((await call(server.api, 'POST', '/session', { body: { email: 'nobody@example.com' } })).status, 429);
  });

  test('token guessing: after 4 failures the address is refused, even a valid token, without a lookup', async () => {
    const admin = await server.login(people.admin).catch(() => undefined);
    // Sign-ins are used up by the test above; take a token from the database side instead.
    const token = admin ?? await insertSession(server, people.admin.id);
    for (let i = 0; i < 4; i++) assert.equal((await call(server.api, 'GET', '/me', { token: `guess-${i}` })).status, 401);
    const refused = await call(server.api, 'GET', '/me', { token });
    assert.equal(refused.status, 429);
    assert.ok(Number(refused.headers.get('retry-after')) >= 1);
    // A request without any token is not a guess: still a plain 401.
    assert.equal((await call(server.api, 'GET', '/me')).status, 401);
  });

  test('writes: 5 a minute per token, the 6th is 429; reads go on; another token has its own budget', async () => {
    const other = await startTestServer({ limits: { writeRate: perMinute(5) } });
    try {
      const [admin, manager] = [await other.login(people.admin), await other.login(people.manager)];
      const lead = (await call(other.api, 'GET', '/leads', { token: admin })).body.leads[0];
      for (let i = 0; i < 5; i++) {
        assert.equal((await call(other.api, 'POST', `/leads/${lead.id}/notes`, { token: admin, body: { text: `n${i}` } })).status, 201);
      }
      const refused = await call(other.api, 'POST', `/leads/${lead.id}/notes`, { token: admin, body: { text: 'one more' } });
      assert.equal(refused.status, 429);
      assert.match(refused.body.error.message, /Too many writes/);
      assert.ok(Number(refused.headers.get('retry-after')) >= 1);
      assert.equal((await call(other.api, 'GET', `/leads/${lead.id}`, { token: admin })).status, 200);
      assert.equal((await call(other.api, 'POST', `/leads/${lead.id}/notes`, { token: manager, body: { text: 'mine' } })).status, 201);
      const notes = await other.db.count("SELECT COUNT(*) FROM activity WHERE type = 'note' AND text = ?", ['one more']);
      assert.equal(notes, 0, 'the refused write wrote nothing');
    } finally {
      await other.dispose();
    }
  });
});

async function insertSession(server: TestServer, memberId: string): Promise<string> {
  const { createHash } = await import('node:crypto');
  const token = `direct-session-${memberId}-${Date.now()}`;
  await server.db.query('INSERT INTO sessions (token_hash, member_id, expires_at) VALUES (?, ?, ?)',
    [createHash('sha256').update(token).digest('hex'), memberId, Date.now() + 3600_000]);
  return token;
}

describe('bodies', () => {
  let server: TestServer;
  let admin: string;
  let leadId: string;
  before(async () => {
    server = await startTestServer({ limits: { bodyBytes: 4096, readTimeoutMs: 400 } });
    admin = await server.login(people.admin);
    leadId = (await call(server.api, 'GET', '/leads', { token: admin })).body.leads[0].id;
  });
  after(() => server.dispose());

  test('a JSON route refuses anything but application/json with 415, and writes nothing', async () => {
    const before = await server.db.count('SELECT COUNT(*) FROM activity');
    for (const type of ['text/plain', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x', undefined]) {
      const answer = await call(server.api, 'POST', `/leads/${leadId}/notes`, {
        token: admin, raw: JSON.stringify({ text: 'form post' }), headers: type ? { 'Content-Type': type } : {} });
      assert.equal(answer.status, 415, String(type));
      assert.equal(answer.body.error.code, 'invalid');
      assert.equal(answer.body.error.issues[0].path, 'Content-Type');
    }
    assert.equal(await server.db.count('SELECT COUNT(*) FROM activity'), before);
    const json = await call(server.api, 'POST', `/leads/${leadId}/notes`, {
      token: admin, raw: JSON.stringify({ text: 'fine' }), headers: { 'Content-Type': 'application/json; charset=utf-8' } });
    assert.equal(json.status, 201);
  });

  test('an oversized body is 413 and the connection is not reused', async () => {
    const { text } = await rawExchange(server.port, [{ data: [
      `POST /api/leads/${leadId}/notes HTTP/1.1`, `Host: 127.0.0.1:${server.port}`, `Authorization: Bearer ${admin}`,
      'Content-Type: application/json', 'Content-Length: 100000', '', '{"text":"'].join('\r\n') }]);
    assert.match(text, /^HTTP\/1\.1 413 /);
    assert.match(text, /connection: close/i);
  });

  test('a body that trickles in slower than the read timeout is cut off (408) and not processed', async () => {
    const before = await server.db.count('SELECT COUNT(*) FROM activity');
    const body = JSON.stringify({ text: 'slowly' });
    const { text, closedAfterMs } = await rawExchange(server.port, [
      { data: [`POST /api/leads/${leadId}/notes HTTP/1.1`, `Host: 127.0.0.1:${server.port}`, `Authorization: Bearer ${admin}`,
        'Content-Type: application/json', `Content-Length: ${body.length}`, '', body.slice(0, 3)].join('\r\n') },
      ...Array.from({ length: 20 }, (_, i) => ({ data: body[3 + i] ?? ' ', afterMs: 200 * (i + 1) })),
    ]);
    assert.ok(closedAfterMs < 2500, `closed after ${closedAfterMs} ms`);
    assert.match(text, /^HTTP\/1\.1 408 /);
    assert.equal(await server.db.count('SELECT COUNT(*) FROM activity'), before);
  });

  test('headers that never finish are cut off too (slowloris)', async () => {
    const { closedAfterMs } = await rawExchange(server.port, [
      { data: `GET /api/me HTTP/1.1\r\nHost: 127.0.0.1\r\n` },
      ...Array.from({ length: 20 }, (_, i) => ({ data: `X-Slow-${i}: 1\r\n`, afterMs: 150 * (i + 1) })),
    ]);
    assert.ok(closedAfterMs < 2500, `closed after ${closedAfterMs} ms`);
  });
});

describe('every answer', () => {
  let server: TestServer;
  let admin: string;
  before(async () => {
    server = await startTestServer({ limits: { bodyBytes: 2048 } });
    admin = await server.login(people.admin);
  });
  after(() => server.dispose());

  test('carries nosniff, no-referrer, a CSP that runs nothing, and no-store — errors and streams included', async () => {
    const lead = (await call(server.api, 'GET', '/leads', { token: admin })).body.leads[0];
    const answers = [
      await call(server.api, 'GET', '/leads', { token: admin }),
      await call(server.api, 'GET', '/me'),
      await call(server.api, 'GET', '/nowhere', { token: admin }),
      await call(server.api, 'PATCH', `/leads/${lead.id}`, { token: admin, body: { expectedVersion: 0 } }),
      await call(server.api, 'PATCH', `/leads/${lead.id}`, { token: admin, body: { expectedVersion: lead.version + 9, name: 'x' } }),
      await call(server.api, 'POST', `/leads/${lead.id}/notes`, { token: admin, raw: 'x'.repeat(4000), headers: { 'Content-Type': 'application/json' } }),
      await call(server.api, 'POST', `/leads/${lead.id}/notes`, { token: admin, raw: '{}', headers: { 'Content-Type': 'text/plain' } }),
      await getWithHost(`${server.api}/me`, 'evil.example', admin),
    ];
    assert.deepEqual(answers.map((a) => a.status), [200, 401, 404, 400, 409, 413, 415, 403]);
    const stream = await fetch(`${server.api}/events`, { headers: { Authorization: `Bearer ${admin}` } });
    const headers = [...answers.map((a) => a.headers), stream.headers];
    await stream.body?.cancel();
    for (const h of headers) {
      assert.equal(h.get('x-content-type-options'), 'nosniff');
      assert.equal(h.get('referrer-policy'), 'no-referrer');
      assert.equal(h.get('content-security-policy'), "default-src 'none'; frame-ancestors 'none'");
      assert.ok(h.get('cache-control') === 'no-store' || h.get('content-type')?.startsWith('text/event-stream'),
        String(h.get('cache-control')));
    }
  });

  test('a failure inside the database answers a bare 500: no stack, no SQL, no driver message', async () => {
    const lead = (await call(server.api, 'GET', '/leads', { token: admin })).body.leads[1];
    const removeFault = await server.db.faultOnUpdate(lead.id, 'abort');
    const errors = console.error;
    console.error = () => {};
    try {
      const { status, body } = await call(server.api, 'PATCH', `/leads/${lead.id}`, {
        token: admin, body: { expectedVersion: lead.version, name: 'Boom' } });
      assert.equal(status, 500);
      assert.deepEqual(body, { error: { code: 'internal', message: 'Internal server error' } });
    } finally {
      console.error = errors;
      await removeFault();
    }
  });
});

describe('Host allow-list (DNS rebinding)', () => {
  test('IP addresses, localhost names and ALLOWED_HOSTS entries pass; other names are 403', async () => {
    const allowed = ['leads.example.com', '.corp.example'];
    for (const host of ['127.0.0.1:8787', '[::1]:8787', 'localhost', 'LOCALHOST:5173', 'app.localhost', '10.0.0.7',
      'leads.example.com', 'leads.example.com.', 'corp.example', 'a.b.corp.example:443']) {
      assert.equal(hostAllowed(host, allowed), true, host);
    }
    for (const host of ['evil.example', 'leads.example.com.evil.example', 'localhost.evil.example', 'xcorp.example',
      'example.com', '', undefined]) {
      assert.equal(hostAllowed(host, allowed), false, String(host));
    }
    const server = await startTestServer({ allowedHosts: ['leads.example.com'] });
    try {
      const rebound = await getWithHost(`${server.api}/demo-users`, 'attacker.example');
      assert.equal(rebound.status, 403);
      assert.equal(rebound.body.error.code, 'forbidden');
      assert.equal((await getWithHost(`${server.api}/demo-users`, 'leads.example.com:8787')).status, 200);
      assert.equal((await call(server.api, 'GET', '/demo-users')).status, 200, 'the IP address fetch sends');
    } finally {
      await server.dispose();
    }
  });
});

describe('demo mode and host tokens', () => {
  test('API_TOKENS turns demo mode off; asking for both stops the start', async () => {
    assert.equal(readConfig({ API_TOKENS: 'secret-token:m1' }).demo, false);
    assert.equal(readConfig({}).demo, true);
    assert.throws(() => readConfig({ API_TOKENS: 'secret-token:m1', DEMO: '1' }), /DEMO/);
    const server = await startTestServer({ apiTokens: { 'host-token-for-test': people.manager.id }, demo: undefined });
    try {
      assert.equal((await call(server.api, 'POST', '/session', { body: { email: people.admin.email } })).status, 404);
      assert.equal((await call(server.api, 'GET', '/demo-users')).status, 404);
      assert.equal((await call(server.api, 'GET', '/me', { token: 'host-token-for-test' })).status, 200);
      // A demo session left in the database from before does not authenticate without demo mode.
      const leftover = await insertSession(server, people.admin.id);
      assert.equal((await call(server.api, 'GET', '/me', { token: leftover })).status, 401);
    } finally {
      await server.dispose();
    }
    assert.throws(() => createApp({ repo: server.repo, demo: true, apiTokens: { t: 'm1' } }), /API_TOKENS/);
  });
});

describe('limits from the environment', () => {
  test('each variable sets its limit; malformed values stop the start; RATE_LIMITS=0 lifts the rates', () => {
    assert.deepEqual(readConfig({}).limits, {});
    assert.deepEqual(readConfig({
      RATE_LIMIT_SESSIONS: '5/min', RATE_LIMIT_AUTH_FAILURES: '100/h', RATE_LIMIT_WRITES: '50/s', STREAMS_PER_TOKEN: '3',
      EVENT_QUEUE_BYTES: '65536', BODY_LIMIT_BYTES: '2048', READ_TIMEOUT_SECONDS: '5', SESSION_TTL_SECONDS: '600',
      SESSIONS_PER_MEMBER: '4', IDEMPOTENCY_TTL_SECONDS: '3600',
    }).limits, {
      sessionRate: { count: 5, perMs: 60_000 }, authFailureRate: { count: 100, perMs: 3_600_000 },
      writeRate: { count: 50, perMs: 1000 }, streamsPerToken: 3, eventQueueBytes: 65536, bodyBytes: 2048,
      readTimeoutMs: 5000, sessionTtlMs: 600_000, sessionsPerMember: 4, idempotencyTtlMs: 3_600_000,
    });
    assert.deepEqual(readConfig({ RATE_LIMITS: '0' }).limits,
      { sessionRate: false, authFailureRate: false, writeRate: false });
    assert.deepEqual(readConfig({ RATE_LIMITS: '0', RATE_LIMIT_WRITES: '9/min' }).limits.writeRate, { count: 9, perMs: 60_000 });
    assert.equal(parseRate('X', 'off'), false);
    for (const [name, value] of [['RATE_LIMIT_WRITES', 'fast'], ['RATE_LIMIT_WRITES', '0/min'], ['STREAMS_PER_TOKEN', '0'],
      ['BODY_LIMIT_BYTES', '1.5'], ['READ_TIMEOUT_SECONDS', '-1']] as const) {
      assert.throws(() => readConfig({ [name]: value }), new RegExp(name), `${name}=${value}`);
    }
    // The defaults a host gets without setting anything.
    assert.deepEqual(DEFAULT_LIMITS.writeRate, { count: 600, perMs: 60_000 });
    assert.equal(DEFAULT_LIMITS.bodyBytes, 1024 * 1024);
  });
});
