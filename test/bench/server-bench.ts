/**
 * The reference server's figures, on SQLite and on PostgreSQL. Each server runs as its own process
 * (demo/server/main.ts, the way a host runs it, request log on) over a database seeded with 10,000 leads, so
 * the clients in this process do not share its event loop. PostgreSQL is the run's throwaway cluster with
 * fsync on, as in production (or `TEST_DATABASE_URL` / `DATABASE_URL`). Measured over loopback:
 * - batch assign: one `POST /api/assignments` of 1,000 leads (one transaction), client round trip and the
 *   server's own time from its request log; the first batch after start is reported apart (cold), and the
 *   same again with one event stream open (`.watched`: the fan-out of a board that is watching);
 * - throughput: concurrent clients (2 per instance) sending single-lead assignments with expectedVersions to a
 *   small shared pool of leads for a fixed time, so they conflict — one instance, and on PostgreSQL also two
 *   instances on the same database; afterwards the database must hold exactly one history row and one
 *   version step per successful assignment (no lost update).
 * Figures of SQLite keep their names (`server.*`); PostgreSQL's are `server.pg.*`.
 */
import { openRepository } from '../../demo/server/db/open.js';
import type { AssignResponse, Lead } from '../../sdk/schema.js';
import { seed } from '../../sdk/seed.js';
import { createDatabase, type Engine, type TestDatabase } from '../server/databases.js';
import { spawnServer, type ServerProcess } from '../server/processes.js';
import { eq, le, type Report } from './report.js';

const LEADS = 10_000;
const BATCH = 1_000;
const POOL = 40;
const SEED = { leads: LEADS, members: 12 };

export interface ServerBenchOptions {
  runs: number;
  seconds: number;
  log(message: string): void;
}

interface Instance extends ServerProcess {
  /** Server-side ms of the request log lines for POST /api/assignments, in arrival order. */
  assignmentMs: number[];
}

async function startInstance(db: TestDatabase): Promise<Instance> {
  const assignmentMs: number[] = [];
  const server = await spawnServer({ ...db.env, DEMO: '1', LOG: '1' }, (line) => {
    if (!line.startsWith('{')) return;
    try {
      const entry = JSON.parse(line) as { method?: string; path?: string; ms?: number };
      if (entry.method === 'POST' && entry.path === '/api/assignments' && typeof entry.ms === 'number') {
        assignmentMs.push(entry.ms);
      }
    } catch {
      // not a log line
    }
  });
  return Object.assign(server, { assignmentMs });
}

async function call<T>(api: string, token: string | null, method: string, path: string, body?: unknown): Promise<{ status: number; body: T }> {
  const response = await fetch(`${api}${path}`, {
    method,
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  return { status: response.status, body: (await response.json()) as T };
}

const data = seed(SEED);
const active = data.members.filter((m) => m.active).map((m) => m.id);

export async function benchServer(report: Report, options: ServerBenchOptions): Promise<void> {
  for (const engine of ['sqlite', 'postgres'] as const) await benchEngine(report, options, engine);
}

async function benchEngine(report: Report, options: ServerBenchOptions, engine: Engine): Promise<void> {
  const name = engine === 'sqlite' ? 'SQLite' : 'PostgreSQL';
  const prefix = engine === 'sqlite' ? 'server.' : 'server.pg.';
  options.log(`server on ${name}: seeding ${LEADS} leads`);
  const db = await createDatabase(engine, { durable: true });
  await (await openRepository({ ...db.options, seed: SEED })).close();
  const instances: Instance[] = [await startInstance(db)];
  try {
    const [a] = instances as [Instance];
    const session = await call<{ token: string }>(a.api, null, 'POST', '/session', { email: data.members[0]!.email });
    if (session.status !== 200) throw new Error(`login failed: ${session.status}`);
    const token = session.body.token;
    const leads = (await call<{ leads: Lead[] }>(a.api, token, 'GET', '/leads')).body.leads;
    if (leads.length !== LEADS) throw new Error(`expected ${LEADS} leads, got ${leads.length}`);

    // ---- batch assign: each run writes 1,000 leads not yet held by its assignee; the leads it wrote go to the
    // back of the list (with their new versions), so later runs take others first
    const pool = leads.slice(0, POOL);
    let rest = leads.slice(POOL);
    let notOk = 0;
    let run = 0;
    const batchAssign = async (label: string): Promise<{ client: number; server: number }> => {
      options.log(`${name} batch assign ${label}`);
      const to = active[2 + (run++ % (active.length - 2))]!;
      const batch = rest.filter((l) => l.assigneeId !== to).slice(0, BATCH);
      const taken = new Set(batch.map((l) => l.id));
      rest = rest.filter((l) => !taken.has(l.id));
      const logged = a.assignmentMs.length;
      const t0 = performance.now();
      const res = await call<AssignResponse>(a.api, token, 'POST', '/assignments', {
        leadIds: batch.map((l) => l.id), assigneeId: to, source: 'bulk',
        expectedVersions: Object.fromEntries(batch.map((l) => [l.id, l.version])),
      });
      const ms = performance.now() - t0;
      if (res.status !== 200) throw new Error(`batch assign answered ${res.status}`);
      notOk += res.body.results.filter((x) => x.status !== 'ok').length;
      for (const result of res.body.results) if (result.lead) rest.push(result.lead);
      for (let wait = 0; a.assignmentMs.length === logged && wait < 100; wait++) await new Promise((r2) => setTimeout(r2, 10));
      return { client: ms, server: a.assignmentMs[logged] ?? Number.NaN };
    };
    // The first batch the freshly started server sees (its code not yet optimized, its statements not yet
    // prepared) is reported on its own as `.cold`; the runs after it measure a running server.
    const cold = (await batchAssign('first (cold) batch')).client;
    const client: number[] = [];
    const serverSide: number[] = [];
    for (let r = 1; r <= options.runs; r++) {
      const t = await batchAssign(`run ${r}/${options.runs}`);
      client.push(t.client);
      serverSide.push(t.server);
    }
    // The same with a board watching: one event stream open, read as it arrives, so each batch is also fanned
    // out as 2,000 events and followed by the members' counts (member_loads).
    const watching = await watchEvents(a.api, token);
    const watchedClient: number[] = [];
    const watchedServer: number[] = [];
    try {
      for (let r = 1; r <= options.runs; r++) {
        const t = await batchAssign(`with an event stream open, run ${r}/${options.runs}`);
        watchedClient.push(t.client);
        watchedServer.push(t.server);
      }
    } finally {
      watching.close();
    }
    // The 50 ms target is SQLite's (embedded, no network hop); PostgreSQL's figures stand beside it.
    const target = engine === 'sqlite' ? le(50) : undefined;
    report.add(`${prefix}batch-assign-1000`, BATCH, 'ms', client, target,
      `${name}: POST /api/assignments of ${BATCH} leads (one transaction) over loopback, client round trip, on a running server (after its first batch); ${notOk} results not ok`);
    report.add(`${prefix}batch-assign-1000.cold`, BATCH, 'ms', [cold], undefined, `${name}: the first batch after the server started, same request`);
    report.add(`${prefix}batch-assign-1000.server-side`, BATCH, 'ms', serverSide, target, `${name}: same requests, time inside the server (its request log)`);
    report.add(`${prefix}batch-assign-1000.watched`, BATCH, 'ms', watchedClient, undefined,
      `${name}: the same with one event stream open (a board watching: ${watching.bytes()} bytes of events received), client round trip`);
    report.add(`${prefix}batch-assign-1000.watched.server-side`, BATCH, 'ms', watchedServer, undefined,
      `${name}: same requests, time inside the server`);

    // ---- throughput: one instance; on PostgreSQL also two instances on the same database
    const initialVersions = new Map(pool.map((l) => [l.id, l.version]));
    const tag = `bench-tp-${Date.now().toString(36)}`;
    let successTotal = 0;
    let others = 0;
    const setups: { metric: string; note: string; apis: () => string[] }[] = [
      { metric: `${prefix}assign-rps`, note: '1 instance, 2 concurrent clients', apis: () => [a.api, a.api] },
    ];
    if (engine === 'postgres') {
      setups.push(
        { metric: `${prefix}assign-rps.4-clients`, note: '1 instance, 4 concurrent clients',
          apis: () => [a.api, a.api, a.api, a.api] },
        { metric: `${prefix}assign-rps.2-instances`, note: '2 instances on one database, 2 concurrent clients each',
          apis: () => [a.api, a.api, instances[1]!.api, instances[1]!.api] },
      );
    }
    for (const setup of setups) {
      if (setup.metric.endsWith('2-instances')) instances.push(await startInstance(db));
      const rps: number[] = [];
      let last = '';
      for (let r = 0; r < options.runs; r++) {
        options.log(`${name} throughput run ${r + 1}/${options.runs} (${options.seconds} s, ${setup.note})`);
        const counts = await throughput(setup.apis(), token, pool, options.seconds, `${tag}-${setup.metric}-${r}`);
        rps.push(counts.requests / counts.seconds);
        successTotal += counts.ok;
        others += counts.other;
        last = `last run: ${counts.requests} requests, ${counts.ok} ok, ${counts.conflict} conflict, ${counts.other} other`;
      }
      report.add(setup.metric, null, 'req/s', rps, undefined,
        `${name}: ${setup.note}, single-lead POST /api/assignments with expectedVersions on ${POOL} shared leads, ${options.seconds} s per run; ${last}`);
    }

    // ---- no lost update: read the database itself
    const rows = await db.count('SELECT COUNT(*) FROM activity WHERE batch_id LIKE ?', [`${tag}-%`]);
    let versionSteps = 0;
    for (const lead of pool) {
      const [row] = await db.query<{ version: number }>('SELECT version FROM leads WHERE id = ?', [lead.id]);
      versionSteps += row!.version - initialVersions.get(lead.id)!;
    }
    const holds = others === 0 && rows === successTotal && versionSteps === successTotal;
    report.add(`${prefix}no-lost-update`, null, 'check', [holds ? 1 : 0], eq(1),
      `${name}, all throughput runs: ${successTotal} successful assignments, ${rows} activity rows, ${versionSteps} version steps, ${others} answers neither ok nor conflict (1 = holds)`);
  } finally {
    await Promise.all(instances.map((i) => i.stop()));
    await db.drop();
  }
}

/** Opens `GET /api/events` and reads it as it arrives (as a board does) until closed. */
async function watchEvents(api: string, token: string): Promise<{ close(): void; bytes(): number }> {
  const abort = new AbortController();
  const response = await fetch(`${api}/events?token=${encodeURIComponent(token)}`, { signal: abort.signal });
  if (response.status !== 200 || !response.body) throw new Error(`event stream answered ${response.status}`);
  let bytes = 0;
  const reader = response.body.getReader();
  void (async () => {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) return;
      bytes += value.byteLength;
    }
  })().catch(() => undefined); // ended by close()
  return { close: () => abort.abort(), bytes: () => bytes };
}

/** Clients (one per api entry) assigning pool leads as fast as they are answered, for `seconds`. */
async function throughput(apis: readonly string[], token: string, pool: readonly Lead[], seconds: number, tag: string) {
  const deadline = performance.now() + seconds * 1000;
  const counts = { requests: 0, ok: 0, conflict: 0, other: 0, seconds: 0 };
  const clientLoop = async (api: string, clientNo: number) => {
    // Each client keeps what it last heard of each lead, as a UI would.
    const known = new Map(pool.map((l) => [l.id, { ...l }]));
    let i = 0;
    while (performance.now() < deadline) {
      const lead = pool[(i * 7 + clientNo * 13) % pool.length]!;
      const seen = known.get(lead.id)!;
      const candidates = active.filter((id) => id !== seen.assigneeId);
      const to = candidates[(i + clientNo) % candidates.length]!;
      const res = await call<AssignResponse>(api, token, 'POST', '/assignments', {
        leadIds: [lead.id], assigneeId: to, expectedVersions: { [lead.id]: seen.version }, source: 'api',
        batchId: `${tag}-${clientNo}-${i++}`,
      });
      counts.requests++;
      const result = res.status === 200 ? res.body.results[0] : undefined;
      if (result?.status === 'ok') counts.ok++;
      else if (result?.status === 'conflict') counts.conflict++;
      else counts.other++;
      if (result?.lead) known.set(lead.id, result.lead);
    }
  };
  const t0 = performance.now();
  await Promise.all(apis.map((api, n) => clientLoop(api, n)));
  counts.seconds = (performance.now() - t0) / 1000;
  return counts;
}
