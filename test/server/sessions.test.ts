/**
 * Sessions end, and take their event streams with them: logout (`DELETE /api/session`), expiry, deactivation,
 * or a logout through another instance. The table stays bounded (a member's oldest sessions end beyond the
 * limit; expired rows are swept) and every purge finds its rows by index — on both engines.
 */
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { after, before, describe, test } from 'node:test';
import { call, ENGINE, openEvents, people, startTestServer, type EventReader, type TestServer } from './support.js';

const hash = (token: string) => createHash('sha256').update(token).digest('hex');
/** Rejects if `promise` has not settled within `ms`: the stream did not end when it should have. */
const within = <T>(promise: Promise<T>, ms: number, what: string) => Promise.race([promise,
  new Promise<never>((_, reject) => setTimeout(() => reject(new Error(`${what} within ${ms} ms`)), ms).unref())]);

describe('logout and the end of a session', () => {
  let server: TestServer;
  const streams: EventReader[] = [];
  const stream = async (token: string) => {
    const reader = await openEvents(`${server.api}/events?token=${encodeURIComponent(token)}`);
    assert.equal(reader.status, 200);
    streams.push(reader);
    return reader;
  };
  before(async () => {
    server = await startTestServer({ heartbeatMs: 100, limits: { sessionTtlMs: 60_000 } });
  });
  after(async () => {
    for (const s of streams) s.close();
    await server.dispose();
  });

  test('DELETE /api/session ends the session and its streams at once; the member\'s other sessions stay', async () => {
    const [token, other] = [await server.login(people.alice), await server.login(people.alice)];
    const [mine, theirs] = [await stream(token), await stream(other)];
    const answer = await call(server.api, 'DELETE', '/session', { token });
    assert.equal(answer.status, 204);
    assert.equal(answer.body, undefined);
    await within(mine.ended, 1000, 'the logged-out stream to end');
    assert.equal((await call(server.api, 'GET', '/me', { token })).status, 401);
    assert.equal((await call(server.api, 'DELETE', '/session', { token })).status, 401, 'logging out twice');
    assert.equal((await call(server.api, 'GET', '/me', { token: other })).status, 200);
    assert.equal(await server.db.count('SELECT COUNT(*) FROM sessions WHERE token_hash = ?', [hash(token)]), 0);
    const stillOpen = await Promise.race([theirs.ended.then(() => 'ended'), new Promise((r) => setTimeout(() => r('open'), 300))]);
    assert.equal(stillOpen, 'open');
  });

  test('a session ended elsewhere (another instance, an admin) ends its streams within a heartbeat', async () => {
    const token = await server.login(people.bob);
    const reader = await stream(token);
    await server.db.query('DELETE FROM sessions WHERE token_hash = ?', [hash(token)]);
    await within(reader.ended, 1000, 'the stream to end');
  });

  test('deactivating a member ends their streams within a heartbeat', async () => {
    const member = people.all.find((m) => m.role === 'member' && m.active && m.id !== people.alice.id && m.id !== people.bob.id)!;
    const token = await server.login(member);
    const reader = await stream(token);
    await server.db.query(`UPDATE members SET active = ${ENGINE === 'postgres' ? 'false' : '0'} WHERE id = ?`, [member.id]);
    try {
      await within(reader.ended, 1000, 'the stream to end');
      assert.equal((await call(server.api, 'GET', '/me', { token })).status, 401);
    } finally {
      await server.db.query(`UPDATE members SET active = ${ENGINE === 'postgres' ? 'true' : '1'} WHERE id = ?`, [member.id]);
    }
  });
});

describe('expiry', () => {
  test('an event stream ends when its session expires, and the token stops working', async () => {
    const server = await startTestServer({ limits: { sessionTtlMs: 700 } });
    try {
      const token = await server.login(people.alice);
      const expiresAt = (await server.db.query<{ expires_at: number }>(
        'SELECT expires_at FROM sessions WHERE token_hash = ?', [hash(token)]))[0]!.expires_at;
      const reader = await openEvents(`${server.api}/events`, { headers: { Authorization: `Bearer ${token}` } });
      assert.equal(reader.status, 200);
      await within(reader.ended, 3000, 'the stream to end at expiry');
      const late = Date.now() - Number(expiresAt);
      assert.ok(late >= -50 && late < 1500, `ended ${late} ms after the expiry`);
      assert.equal((await call(server.api, 'GET', '/me', { token })).status, 401);
      assert.equal(server.app.events.size, 0);
    } finally {
      await server.dispose();
    }
  });

  test('host tokens are not sessions: logout is 403 and the token keeps working', async () => {
    const server = await startTestServer({ demo: false, apiTokens: { 'host-token-abc': people.manager.id } });
    try {
      const answer = await call(server.api, 'DELETE', '/session', { token: 'host-token-abc' });
      assert.equal(answer.status, 403);
      assert.equal(answer.body.error.code, 'forbidden');
      assert.equal((await call(server.api, 'GET', '/me', { token: 'host-token-abc' })).status, 200);
    } finally {
      await server.dispose();
    }
  });
});

describe('the session table stays bounded', () => {
  let server: TestServer;
  before(async () => {
    server = await startTestServer({ limits: { sessionsPerMember: 3, sweepEveryMs: 100, idempotencyTtlMs: 1000 } });
  });
  after(() => server.dispose());

  test('a member holds at most sessionsPerMember sessions: creating more ends the oldest', async () => {
    const tokens: string[] = [];
    for (let i = 0; i < 5; i++) tokens.push(await server.login(people.manager));
    assert.equal(await server.db.count('SELECT COUNT(*) FROM sessions WHERE member_id = ?', [people.manager.id]), 3);
    const statuses = [];
    for (const token of tokens) statuses.push((await call(server.api, 'GET', '/me', { token })).status);
    assert.deepEqual(statuses, [401, 401, 200, 200, 200]);
  });

  test('expired sessions and old idempotency records are swept without any request', async () => {
    const now = Date.now();
    for (let i = 0; i < 50; i++) {
      await server.db.query('INSERT INTO sessions (token_hash, member_id, expires_at) VALUES (?, ?, ?)',
        [hash(`expired-${i}`), people.alice.id, now - 1000]);
    }
    await server.db.query(`INSERT INTO idempotency_keys (member_id, key, fingerprint, status, body, created_at)
      VALUES (?, ?, ?, ?, ?, ?)`, [people.alice.id, 'old-key', 'f', 200, '{}', now - 5000]);
    const live = await server.login(people.alice);
    for (const until = Date.now() + 3000; Date.now() < until;) {
      const left = await server.db.count('SELECT COUNT(*) FROM sessions WHERE expires_at <= ?', [Date.now()]) +
        await server.db.count('SELECT COUNT(*) FROM idempotency_keys');
      if (left === 0) break;
      await new Promise((r) => setTimeout(r, 50));
    }
    assert.equal(await server.db.count('SELECT COUNT(*) FROM sessions WHERE expires_at <= ?', [Date.now()]), 0);
    assert.equal(await server.db.count('SELECT COUNT(*) FROM idempotency_keys'), 0);
    assert.equal((await call(server.api, 'GET', '/me', { token: live })).status, 200);
  });

  test('every purge finds its rows by index, never by scanning the table', async () => {
    const statements: [string, unknown[], string][] = [
      ['DELETE FROM sessions WHERE expires_at <= ?', [Date.now()], 'sessions_by_expiry'],
      [`DELETE FROM sessions WHERE member_id = ? AND token_hash NOT IN (SELECT token_hash FROM sessions
        WHERE member_id = ? ORDER BY expires_at DESC LIMIT 3)`, [people.alice.id, people.alice.id], 'sessions_by_member'],
      ['DELETE FROM idempotency_keys WHERE created_at < ?', [Date.now()], 'idempotency_by_age'],
    ];
    if (ENGINE === 'postgres') await server.db.query('SET enable_seqscan = off'); // a tiny table: ask what it CAN use
    for (const [sql, params, index] of statements) {
      const plan = (await server.db.query(`${ENGINE === 'postgres' ? 'EXPLAIN' : 'EXPLAIN QUERY PLAN'} ${sql}`, params))
        .map((row) => String(Object.values(row).at(-1))).join('\n');
      assert.match(plan, new RegExp(index), `${sql}\n${plan}`);
      assert.doesNotMatch(plan, ENGINE === 'postgres' ? /Seq Scan on sessions|Seq Scan on idempotency/ : /SCAN sessions|SCAN idempotency/,
        `${sql}\n${plan}`);
    }
    if (ENGINE === 'postgres') await server.db.query('RESET enable_seqscan');
  });
});
