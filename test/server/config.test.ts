/** Host configuration: demo mode off, host tokens, CORS, the request log, and graceful shutdown of main.ts. */
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import Database from 'better-sqlite3';
import type { RequestLogLine } from '../../demo/server/app.js';
import { readConfig } from '../../demo/server/config.js';
import { createTestDatabase } from './databases.js';
import { call, people, startTestServer } from './support.js';

describe('configuration', () => {
  test('readConfig: defaults, DEMO=0, CORS_ORIGINS, API_TOKENS; a malformed token entry stops the start', () => {
    assert.deepEqual(readConfig({}), { databasePath: './data/leads.db', demo: true, corsOrigins: [], apiTokens: {},
      quiet: false, allowedHosts: [], trustProxy: false, limits: {} });
    const config = readConfig({ DEMO: '0', DATABASE_PATH: '/tmp/x.db', CORS_ORIGINS: 'https://a.example, https://b.example',
      API_TOKENS: 'tok-1:m1, tok-2:m3', LOG: '0', ALLOWED_HOSTS: 'leads.example.com, .internal.example' });
    assert.deepEqual(config, { databasePath: '/tmp/x.db', demo: false, corsOrigins: ['https://a.example', 'https://b.example'],
      apiTokens: { 'tok-1': 'm1', 'tok-2': 'm3' }, quiet: true, allowedHosts: ['leads.example.com', '.internal.example'],
      trustProxy: false, limits: {} });
    assert.throws(() => readConfig({ API_TOKENS: 'no-member-here' }), /API_TOKENS/);
  });

  test('DATABASE_URL selects PostgreSQL; anything but a postgres:// URL stops the start', () => {
    const url = 'postgres://lead:secret@db.internal:5432/leads';
    assert.equal(readConfig({ DATABASE_URL: ` ${url} ` }).databaseUrl, url);
    assert.equal(readConfig({ DATABASE_URL: 'postgresql://db/leads' }).databaseUrl, 'postgresql://db/leads');
    assert.equal(readConfig({ DATABASE_URL: '' }).databaseUrl, undefined);
    assert.throws(() => readConfig({ DATABASE_URL: 'mysql://db/leads' }), /DATABASE_URL: expected postgres:\/\//);
    assert.throws(() => readConfig({ DATABASE_URL: './data/leads.db' }), /DATABASE_URL/);
    assert.equal(readConfig({ DATABASE_POOL_SIZE: '25' }).databasePoolSize, 25);
    for (const bad of ['0', '-3', 'ten', '2.5']) {
      assert.throws(() => readConfig({ DATABASE_POOL_SIZE: bad }), /DATABASE_POOL_SIZE/, bad);
    }
  });

  test('with demo mode off, /api/session and /api/demo-users are 404 and host tokens authenticate', async () => {
    const server = await startTestServer({ demo: false, apiTokens: { 'host-secret-token': people.manager.id } });
    try {
      const session = await call(server.api, 'POST', '/session', { body: { email: people.admin.email } });
      assert.equal(session.status, 404);
      assert.equal(session.body.error.code, 'not_found');
      assert.equal((await call(server.api, 'GET', '/demo-users')).status, 404);
      const me = await call(server.api, 'GET', '/me', { token: 'host-secret-token' });
      assert.equal(me.status, 200);
      assert.equal(me.body.id, people.manager.id);
      assert.equal((await call(server.api, 'GET', '/me', { token: 'host-secret-tokeN' })).status, 401);
    } finally {
      await server.dispose();
    }
  });

  test('CORS is closed by default', async () => {
    const server = await startTestServer();
    try {
      const answer = await call(server.api, 'GET', '/demo-users', { headers: { Origin: 'https://host.example' } });
      assert.equal(answer.status, 200);
      assert.equal(answer.headers.get('access-control-allow-origin'), null);
      const preflight = await fetch(`${server.api}/leads`, { method: 'OPTIONS', headers: {
        Origin: 'https://host.example', 'Access-Control-Request-Method': 'GET' } });
      assert.equal(preflight.headers.get('access-control-allow-origin'), null);
    } finally {
      await server.dispose();
    }
  });

  test('CORS_ORIGINS opens the API to exactly those origins', async () => {
    const server = await startTestServer({ corsOrigins: ['https://host.example'] });
    try {
      const allowed = await call(server.api, 'GET', '/demo-users', { headers: { Origin: 'https://host.example' } });
      assert.equal(allowed.headers.get('access-control-allow-origin'), 'https://host.example');
      const preflight = await fetch(`${server.api}/assignments`, { method: 'OPTIONS', headers: {
        Origin: 'https://host.example', 'Access-Control-Request-Method': 'POST',
        'Access-Control-Request-Headers': 'authorization, content-type' } });
      assert.ok(preflight.status < 300);
      assert.equal(preflight.headers.get('access-control-allow-origin'), 'https://host.example');
      assert.match(preflight.headers.get('access-control-allow-headers') ?? '', /authorization/i);
      const other = await call(server.api, 'GET', '/demo-users', { headers: { Origin: 'https://evil.example' } });
      assert.equal(other.headers.get('access-control-allow-origin'), null);
    } finally {
      await server.dispose();
    }
  });

  test('each request logs one structured line: method, path (never the query), status, ms', async () => {
    const lines: RequestLogLine[] = [];
    const server = await startTestServer({ log: (line) => lines.push(line) });
    try {
      const token = await server.login(people.admin);
      await call(server.api, 'GET', '/leads/nope', { token });
      const events = await fetch(`${server.api}/events?token=${token}`);
      await events.body?.cancel();
      assert.deepEqual(lines.map(({ method, path, status }) => ({ method, path, status })), [
        { method: 'POST', path: '/api/session', status: 200 },
        { method: 'GET', path: '/api/leads/nope', status: 404 },
        { method: 'GET', path: '/api/events', status: 200 },
      ]);
      for (const line of lines) {
        assert.equal(typeof line.ms, 'number');
        assert.ok(!Number.isNaN(Date.parse(line.time)));
      }
    } finally {
      await server.dispose();
    }
  });
});

describe('main.ts', () => {
  test('creates and seeds the database on first start, serves, and shuts down cleanly on SIGTERM', async () => {
    const db = await createTestDatabase();
    const dir = mkdtempSync(join(tmpdir(), 'lead-kanban-main-'));
    // SQLite: a file in a folder that does not exist yet; PostgreSQL: an empty database.
    const env = db.engine === 'sqlite' ? { DATABASE_PATH: join(dir, 'nested', 'leads.db') } : db.env;
    const child = spawn(process.execPath, ['--import', 'tsx', 'demo/server/main.ts'], {
      env: { ...process.env, DATABASE_URL: '', DATABASE_PATH: '', PORT: '0', LOG: '0', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    try {
      let output = '';
      child.stderr.on('data', (chunk) => (output += chunk));
      const url = await new Promise<string>((resolve, reject) => {
        child.stdout.on('data', (chunk) => {
          output += chunk;
          const match = /on (http:\/\/\S+\/api)/.exec(output);
          if (match) resolve(match[1]!);
        });
        child.once('exit', (code) => reject(new Error(`exited ${code}: ${output}`)));
      });
      assert.match(output, db.engine === 'sqlite' ? /database SQLite / : /database PostgreSQL postgres:\/\//);
      const users = await call(url, 'GET', '/demo-users');
      assert.equal(users.status, 200);
      assert.equal(users.body.length, 11, '1 admin, 1 manager and 9 active members seeded');
      const token = (await call(url, 'POST', '/session', { body: { email: users.body[0].email } })).body.token;
      const leads = await call(url, 'GET', '/leads', { token });
      assert.ok(leads.body.leads.length > 0);
      const stream = await fetch(`${url}/events`, { headers: { Authorization: `Bearer ${token}` } });
      assert.equal(stream.status, 200);

      const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      assert.equal(await exited, 0, output);
      if (db.engine === 'sqlite') {
        const databasePath = env.DATABASE_PATH!;
        assert.ok(existsSync(databasePath));
        assert.equal(existsSync(`${databasePath}-wal`), false, 'the database was closed (WAL checkpointed)');
        const file = new Database(databasePath, { readonly: true });
        assert.equal((file.prepare('SELECT COUNT(*) AS n FROM leads').get() as { n: number }).n, 500, 'the default demo data');
        file.close();
      } else {
        assert.equal(await db.count("SELECT COUNT(*) FROM pg_stat_activity WHERE application_name = 'lead-kanban'"), 0,
          'every connection was closed');
        assert.equal(await db.count('SELECT COUNT(*) FROM leads'), 500, 'the default demo data');
      }
    } finally {
      if (child.exitCode === null) child.kill('SIGKILL');
      rmSync(dir, { recursive: true, force: true });
      await db.drop();
    }
  });
});
