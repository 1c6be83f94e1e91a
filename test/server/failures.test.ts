/**
 * When the database is not there: an unreachable DATABASE_URL stops the start with a clear message (and
 * nothing falls back to SQLite); a connection lost while running makes requests answer 503 and heals by
 * itself once the database is back, event streams ending so clients reconnect and reload.
 */
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer, connect, type Server, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { createServer as createViteServer } from 'vite';
import { leadApiPlugin } from '../../demo/server/vite-plugin.js';
import { startServer, type RunningServer } from '../../demo/server/start.js';
import { LeadStore, RestAdapter } from '../../sdk/index.js';
import type { Lead } from '../../sdk/schema.js';
import { ENGINE } from './databases.js';
import { spawnServer } from './processes.js';
import { call, eventually, people, SEED, startTestServer, type TestServer } from './support.js';

/** A port on loopback where nothing listens. */
async function closedPort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const { port } = probe.address() as { port: number };
  await new Promise((resolve) => probe.close(resolve));
  return port;
}

describe('an unreachable DATABASE_URL', () => {
  test('stops main.ts with a clear message naming the URL (password hidden); no SQLite file appears', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'lead-kanban-unreachable-'));
    const url = `postgres://lead:s3cret@127.0.0.1:${await closedPort()}/leads`;
    try {
      await assert.rejects(spawnServer({ DATABASE_URL: url, DATABASE_PATH: join(dir, 'leads.db') }), (error: Error) => {
        assert.match(error.message, /exited \(1\)/);
        assert.match(error.message, /lead-kanban API not started: Cannot use PostgreSQL at postgres:\/\/lead:\*\*\*@127\.0\.0\.1:\d+\/leads: .*ECONNREFUSED/);
        assert.doesNotMatch(error.message, /s3cret/);
        return true;
      });
      assert.equal(existsSync(join(dir, 'leads.db')), false, 'no fallback to SQLite');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  test('stops `npm start` (the vite plugin) with the same message', async () => {
    const url = `postgres://postgres@127.0.0.1:${await closedPort()}/leads`;
    await assert.rejects(createViteServer({ configFile: false, logLevel: 'silent', server: { middlewareMode: true, watch: null, hmr: false, ws: false },
      plugins: [leadApiPlugin({ databaseUrl: url, log: false })] }), /Cannot use PostgreSQL at postgres:\/\/postgres@127\.0\.0\.1/);
  });
});

/** A TCP relay in front of PostgreSQL that can cut every connection and refuse new ones, then come back. */
class Relay {
  private readonly sockets = new Set<Socket>();
  private server: Server | undefined;
  down = false;
  constructor(private readonly target: { host: string; port: number }) {}

  async start(): Promise<number> {
    this.server = createServer((client) => {
      if (this.down) return void client.destroy();
      const upstream = connect(this.target.port, this.target.host);
      for (const [from, to] of [[client, upstream], [upstream, client]] as const) {
        this.sockets.add(from);
        from.on('error', () => to.destroy());
        from.on('close', () => {
          this.sockets.delete(from);
          to.destroy();
        });
        from.pipe(to);
      }
    });
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    return (this.server.address() as { port: number }).port;
  }

  cut(): void {
    this.down = true;
    for (const socket of this.sockets) socket.destroy();
  }

  restore(): void {
    this.down = false;
  }

  async close(): Promise<void> {
    this.cut();
    await new Promise((resolve) => this.server?.close(resolve));
  }
}

describe('a database connection lost while running', { skip: ENGINE !== 'postgres' && 'SQLite is a file in the process' }, () => {
  let direct: TestServer;
  let relayed: RunningServer;
  let relay: Relay;
  let api: string;

  before(async () => {
    // Instance "direct" keeps its connection; instance "relayed" reaches the same database through the relay.
    direct = await startTestServer();
    const url = new URL(direct.db.options.databaseUrl!);
    relay = new Relay({ host: url.hostname, port: Number(url.port) });
    url.port = String(await relay.start());
    relayed = await startServer({ databaseUrl: url.toString(), seed: SEED, port: 0, log: false, heartbeatMs: 200 });
    api = `${relayed.url}/api`;
  });
  after(async () => {
    await relayed?.close();
    await relay?.close();
    await direct?.dispose();
  });

  test('requests answer 503 (unavailable, Retry-After) while it is down, and work again once it is back', async () => {
    const token = await direct.login(people.admin); // sessions live in the database: valid on both instances
    const lead = (await call(api, 'GET', '/leads', { token })).body.leads[0] as Lead;
    const errors = console.error;
    console.error = () => {}; // the server logs each failure; keep the output readable
    try {
      relay.cut();
      for (const [method, path, body] of [['GET', '/leads'], ['GET', `/leads/${lead.id}`],
        ['PATCH', `/leads/${lead.id}`, { expectedVersion: lead.version, name: 'During the outage' }],
        ['POST', '/assignments', { leadIds: [lead.id], assigneeId: null }]] as const) {
        const answer = await call(api, method, path, { token, ...(body ? { body } : {}) });
        assert.equal(answer.status, 503, `${method} ${path}`);
        assert.equal(answer.body.error.code, 'unavailable');
        assert.equal(answer.headers.get('retry-after'), '2');
        assert.doesNotMatch(JSON.stringify(answer.body), /ECONN|terminated|postgres/i, 'no driver detail leaks');
      }
      relay.restore();
      let status = 0;
      for (const until = Date.now() + 10_000; status !== 200 && Date.now() < until;) {
        status = (await call(api, 'GET', '/leads', { token })).status;
        if (status !== 200) await new Promise((r) => setTimeout(r, 100));
      }
      assert.equal(status, 200, 'reads work again');
      const { status: patched } = await call(api, 'PATCH', `/leads/${lead.id}`, {
        token, body: { expectedVersion: lead.version, name: 'After the outage' } });
      assert.equal(patched, 200, 'and writes, with nothing of the failed PATCH applied');
    } finally {
      console.error = errors;
      relay.restore();
    }
  });

  test('event streams end, new ones are refused until the feed is back; the board reconnects and reloads', async () => {
    const adapter = await RestAdapter.login(api, people.manager.email, { events: 'fetch' });
    const store = new LeadStore(adapter);
    let reconnects = 0;
    const reconnected = new RestAdapter({ baseUrl: api, token: adapter.token, events: 'fetch',
      onReconnect: () => reconnects++ });
    // Both streams must be open before the outage: only a stream that was open can report a reconnect.
    await eventually(() => relayed.repo.following, 'the feed to follow (again)', 10_000);
    const streamsBefore = relayed.app.events.size;
    const stopWatching = reconnected.subscribe(() => {});
    await store.load();
    await eventually(() => relayed.app.events.size === streamsBefore + 2, 'both streams to open', 10_000);
    const adminToken = await direct.login(people.admin);
    const target = (await call(direct.api, 'GET', '/leads?assignee=unassigned', { token: adminToken })).body.leads[0] as Lead;
    assert.equal(store.lead(target.id)?.assigneeId, null);
    const errors = console.error;
    console.error = () => {};
    try {
      relay.cut();
      await eventually(() => !relayed.repo.following, 'the feed to notice', 5000);
      const refused = await fetch(`${api}/events`, { headers: { Authorization: `Bearer ${adapter.token}` } });
      assert.equal(refused.status, 503, 'no stream that would miss changes');
      await refused.body?.cancel();
      // Meanwhile the other instance writes: the relayed instance's clients cannot hear of it live.
      const written = await call(direct.api, 'POST', '/assignments', { token: adminToken,
        body: { leadIds: [target.id], assigneeId: people.bob.id } });
      assert.equal(written.body.results[0].status, 'ok');
      await new Promise((r) => setTimeout(r, 500));
      relay.restore();
      // The stream comes back and the store reloads: it now shows the write it never received as an event.
      await eventually(() => store.lead(target.id)?.assigneeId === people.bob.id, 'the board to reload', 20_000);
      await eventually(() => reconnects > 0, 'the adapter to report the reconnect', 20_000);
      // And live updates flow again through the relayed instance.
      const next = await call(direct.api, 'POST', '/assignments', { token: adminToken,
        body: { leadIds: [target.id], assigneeId: people.alice.id } });
      assert.equal(next.body.results[0].status, 'ok');
      await eventually(() => store.lead(target.id)?.assigneeId === people.alice.id, 'a live update', 5000);
    } finally {
      console.error = errors;
      relay.restore();
      stopWatching();
      store.dispose();
    }
  });
});
