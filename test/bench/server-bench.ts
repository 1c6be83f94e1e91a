/**
 * The reference server's figures. The server runs as its own process (demo/server/main.ts, the way a host
 * runs it, request log on) over a temporary SQLite file seeded with 10,000 leads, so the clients in this
 * process do not share its event loop. Measured over loopback:
 * - batch assign: one `POST /api/assignments` of 1,000 leads (one transaction), client round trip and the
 *   server's own time from its request log; the first batch after start is reported apart (cold);
 * - throughput: 2 concurrent clients sending single-lead assignments (with expectedVersions) to a small
 *   shared pool of leads for a fixed time, so they conflict; afterwards the database must hold exactly one
 *   history row and one version step per successful assignment (no lost update).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import { openSqlite } from '../../demo/server/db/sqlite.js';
import type { AssignResponse, Lead } from '../../sdk/schema.js';
import { seed } from '../../sdk/seed.js';
import { eq, le, type Report } from './report.js';

const LEADS = 10_000;
const BATCH = 1_000;
const POOL = 40;
const root = fileURLToPath(new URL('../../', import.meta.url));

interface Server {
  api: string;
  child: ChildProcess;
  /** Server-side ms of the request log lines for POST /api/assignments, in arrival order. */
  assignmentMs: number[];
  stop(): Promise<void>;
}

function startServer(databasePath: string): Promise<Server> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'demo/server/main.ts'], {
    cwd: root,
    env: { ...process.env, DATABASE_PATH: databasePath, PORT: '0', HOST: '127.0.0.1', DEMO: '1', LOG: '1' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const assignmentMs: number[] = [];
  let stderr = '';
  child.stderr!.on('data', (d: Buffer) => (stderr += d.toString()));
  return new Promise((resolve, reject) => {
    let buffer = '';
    let api = '';
    child.once('exit', (code) => reject(new Error(`server exited (${code}) before listening: ${stderr}`)));
    child.stdout!.on('data', (d: Buffer) => {
      buffer += d.toString();
      let nl: number;
      while ((nl = buffer.indexOf('\n')) >= 0) {
        const line = buffer.slice(0, nl);
        buffer = buffer.slice(nl + 1);
        if (!api) {
          const m = /on (http:\/\/\S+\/api)/.exec(line);
          if (m) {
            api = m[1]!;
            child.removeAllListeners('exit');
            resolve({
              api,
              child,
              assignmentMs,
              stop: () =>
                new Promise<void>((done) => {
                  if (child.exitCode !== null) return done();
                  child.once('exit', () => done());
                  child.kill('SIGTERM');
                }),
            });
          }
          continue;
        }
        if (line.startsWith('{')) {
          try {
            const entry = JSON.parse(line) as { method?: string; path?: string; ms?: number };
            if (entry.method === 'POST' && entry.path === '/api/assignments' && typeof entry.ms === 'number') {
              assignmentMs.push(entry.ms);
            }
          } catch {
            // not a log line
          }
        }
      }
    });
  });
}

async function call<T>(api: string, token: string | null, method: string, path: string, body?: unknown): Promise<{ status: number; body: T }> {
  const response = await fetch(`${api}${path}`, {
    method,
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  return { status: response.status, body: (await response.json()) as T };
}

export interface ServerBenchOptions {
  runs: number;
  seconds: number;
  log(message: string): void;
}

export async function benchServer(report: Report, options: ServerBenchOptions): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'lead-kanban-bench-'));
  const databasePath = join(dir, 'leads.db');
  const data = seed({ leads: LEADS, members: 12 });
  await openSqlite(databasePath, { seed: { leads: LEADS, members: 12 } }).close();
  const server = await startServer(databasePath);
  try {
    const admin = data.members[0]!;
    const active = data.members.filter((m) => m.active).map((m) => m.id);
    const session = await call<{ token: string }>(server.api, null, 'POST', '/session', { email: admin.email });
    if (session.status !== 200) throw new Error(`login failed: ${session.status}`);
    const token = session.body.token;
    const listed = await call<{ leads: Lead[] }>(server.api, token, 'GET', '/leads');
    const leads = listed.body.leads;
    if (leads.length !== LEADS) throw new Error(`expected ${LEADS} leads, got ${leads.length}`);

    // ---- batch assign: each run writes 1,000 leads not yet held by its assignee, disjoint from other runs
    const pool = leads.slice(0, POOL);
    let rest = leads.slice(POOL);
    const client: number[] = [];
    const serverSide: number[] = [];
    let notOk = 0;
    // Run 0 is the first batch the freshly started server sees (its code not yet optimized, its statements
    // not yet prepared): reported on its own as `.cold`; the runs after it measure a running server.
    let cold = Number.NaN;
    for (let r = 0; r <= options.runs; r++) {
      options.log(r === 0 ? 'server batch assign, first (cold) batch' : `server batch assign run ${r}/${options.runs}`);
      const to = active[2 + (r % (active.length - 2))]!;
      const batch = rest.filter((l) => l.assigneeId !== to).slice(0, BATCH);
      const taken = new Set(batch.map((l) => l.id));
      rest = rest.filter((l) => !taken.has(l.id));
      const logged = server.assignmentMs.length;
      const t0 = performance.now();
      const res = await call<AssignResponse>(server.api, token, 'POST', '/assignments', {
        leadIds: batch.map((l) => l.id),
        assigneeId: to,
        expectedVersions: Object.fromEntries(batch.map((l) => [l.id, l.version])),
        source: 'bulk',
      });
      const ms = performance.now() - t0;
      if (res.status !== 200) throw new Error(`batch assign answered ${res.status}`);
      notOk += res.body.results.filter((x) => x.status !== 'ok').length;
      for (let wait = 0; server.assignmentMs.length === logged && wait < 100; wait++) await new Promise((r2) => setTimeout(r2, 10));
      if (r === 0) {
        cold = ms;
        continue;
      }
      client.push(ms);
      serverSide.push(server.assignmentMs[logged] ?? Number.NaN);
    }
    report.add('server.batch-assign-1000', BATCH, 'ms', client, le(50),
      `POST /api/assignments of ${BATCH} leads (one transaction) over loopback, client round trip, on a running server (after its first batch); ${notOk} results not ok`);
    report.add('server.batch-assign-1000.cold', BATCH, 'ms', [cold], undefined, 'the first batch after the server started, same request');
    report.add('server.batch-assign-1000.server-side', BATCH, 'ms', serverSide, le(50), 'same requests, time inside the server (its request log)');

    // ---- throughput with two concurrent clients on a shared pool (they conflict on purpose)
    const rps: number[] = [];
    let checks = { ok: true, text: '' };
    const initialVersions = new Map(pool.map((l) => [l.id, l.version]));
    let successTotal = 0;
    const tag = `bench-tp-${Date.now().toString(36)}`;
    for (let r = 0; r < options.runs; r++) {
      options.log(`server throughput run ${r + 1}/${options.runs} (${options.seconds} s, 2 clients)`);
      const deadline = performance.now() + options.seconds * 1000;
      const counts = { requests: 0, ok: 0, conflict: 0, other: 0 };
      const clientLoop = async (clientNo: number) => {
        // Each client keeps what it last heard of each lead, as a UI would.
        const known = new Map(pool.map((l) => [l.id, { ...l }]));
        let i = 0;
        while (performance.now() < deadline) {
          const lead = pool[(i * 7 + clientNo * 13 + r) % POOL]!;
          const seen = known.get(lead.id)!;
          const candidates = active.filter((id) => id !== seen.assigneeId);
          const to = candidates[(i + clientNo) % candidates.length]!;
          const res = await call<AssignResponse>(server.api, token, 'POST', '/assignments', {
            leadIds: [lead.id],
            assigneeId: to,
            expectedVersions: { [lead.id]: seen.version },
            source: 'api',
            batchId: `${tag}-${r}-${clientNo}-${i++}`,
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
      await Promise.all([clientLoop(0), clientLoop(1)]);
      const elapsed = (performance.now() - t0) / 1000;
      rps.push(counts.requests / elapsed);
      successTotal += counts.ok;
      checks.text = `last run: ${counts.requests} requests, ${counts.ok} ok, ${counts.conflict} conflict, ${counts.other} other`;
      if (counts.other > 0) checks.ok = false;
    }

    // ---- no lost update: read the database itself
    const db = new Database(databasePath, { readonly: true, fileMustExist: true });
    try {
      const rows = (db.prepare('SELECT COUNT(*) AS n FROM activity WHERE batch_id LIKE ?').get(`${tag}-%`) as { n: number }).n;
      const versionSteps = pool.reduce((sum, l) => {
        const row = db.prepare('SELECT version FROM leads WHERE id = ?').get(l.id) as { version: number };
        return sum + row.version - initialVersions.get(l.id)!;
      }, 0);
      const consistent = rows === successTotal && versionSteps === successTotal;
      checks = { ok: checks.ok && consistent, text: `${checks.text}; all runs: ${successTotal} successful assignments, ${rows} activity rows, ${versionSteps} version steps` };
    } finally {
      db.close();
    }
    report.add('server.assign-rps', null, 'req/s', rps, undefined,
      `2 concurrent clients, single-lead POST /api/assignments with expectedVersions on ${POOL} shared leads, ${options.seconds} s per run; ${checks.text}`);
    report.add('server.no-lost-update', null, 'check', [checks.ok ? 1 : 0], eq(1), 'activity rows = version steps = successful assignments (1 = holds)');
  } finally {
    await server.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}
