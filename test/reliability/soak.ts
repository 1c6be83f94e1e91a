/**
 * The fault soak: two LeadStores (an admin and a member, each on its own RestAdapter) drive random actions
 * through a fault-injecting proxy (fault-proxy.ts) into the real server. After the run the faults stop and
 * the stores settle; then what the user saw is held against what the server holds:
 * - each store shows exactly the leads the server has for its member, and the admin's board the same member
 *   counts, the member's board too (counts come from the server's member_loads events, which include the
 *   leads she may not see);
 * - every acknowledged note exists exactly once, and no note exists twice;
 * - every acknowledged edit or move left exactly one history row; no batch wrote a lead's row twice; and per
 *   lead, the history rows written equal its version steps, less its reorders (place only: not history) —
 *   no write lost, none applied twice;
 * - every action that failed (wholly or in part) was reported to the user by a notice.
 * Used by the fast test (test/server/fault-proxy.test.ts) and `npm run soak` (soak-main.ts).
 */
import { LeadStore, RestAdapter, type Lead, type MemberWithLoad, type StoreNotice } from '../../sdk/index.js';
import { call, people, type TestServer } from '../server/support.js';
import { FaultProxy, seededRandom, type FaultKind } from './fault-proxy.js';
import { OPERATION_KINDS, runOperation, type Operation, type OperationKind } from './soak-ops.js';

export interface SoakOptions {
  server: TestServer;
  /** Stop after this many operations (both stores together)… */
  operations: number;
  /** …or after this long, whichever comes first. */
  durationMs?: number;
  rate: number;
  seed: number;
  kinds?: readonly FaultKind[];
  /** The actions drawn from (default: all). */
  only?: readonly OperationKind[];
  /** Forward requests without their Idempotency-Key (the control run: what keys prevent). */
  stripKeys?: boolean;
  /** Each attempt's timeout in the adapters (a `timeout` fault costs this much). */
  attemptTimeoutMs?: number;
  /** Drop the event streams this often while the faults run (the boards must reconnect and reload). */
  streamCutEveryMs?: number;
  /**
   * Drop them also after every this many actions: a run that ends before the first timed cut (a fast machine)
   * still cuts, so a test can count on it.
   */
  streamCutEveryOps?: number;
}

export interface SoakReport {
  operations: number;
  byKind: Record<OperationKind, number>;
  requests: number;
  faults: Record<FaultKind, number>;
  streamCuts: number;
  /** Boards whose reload failed (reported) and were reloaded by "Retry" before the comparison. */
  retriedLoads: number;
  conflicts: number;
  failed: number;
  reported: number;
  duplicates: number;
  /** Everything that does not hold, in words; empty on a good run. */
  problems: string[];
  seed: number;
}

interface Player {
  name: string;
  /** Loads that failed and were retried in the settle phase, as a person presses Retry. */
  retriedLoads: number;
  memberId: string;
  token: string;
  store: LeadStore;
  notices: StoreNotice[];
  ops: Operation[];
}

const WRITE_TYPES = "('assigned', 'unassigned', 'status_changed', 'updated')";
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export async function runSoak(options: SoakOptions): Promise<SoakReport> {
  const { server } = options;
  const proxy = await new FaultProxy({ target: server.url, rate: options.rate, seed: options.seed, kinds: options.kinds,
    stripKeys: options.stripKeys }).listen();
  const players: Player[] = [];
  try {
    proxy.enabled = false; // a clean start: both boards loaded
    for (const [name, member] of [['admin', people.admin], ['member', people.alice]] as const) {
      const token = await server.login(member);
      const adapter = new RestAdapter({ baseUrl: `${proxy.url}/api`, token, timeout: options.attemptTimeoutMs ?? 800 });
      const store = new LeadStore(adapter);
      const notices: StoreNotice[] = [];
      store.onNotice((n) => notices.push(n));
      // Faults are off, but a machine busy enough to pass the attempt timeout three times is not: try again.
      for (let attempt = 0; attempt < 3 && store.status !== 'ready'; attempt++) await store.load();
      if (store.status !== 'ready') throw new Error(`${name}'s board did not load: ${store.error?.message}`);
      players.push({ name, retriedLoads: 0, memberId: member.id, token, store, notices, ops: [] });
    }
    const before = await snapshot(server);
    proxy.enabled = true;

    const until = options.durationMs ? Date.now() + options.durationMs : Infinity;
    const kinds = options.only ?? OPERATION_KINDS;
    // Actions that found nothing to do (an undo with nothing to undo) do not count; a bound on the tries
    // keeps a board with nothing left to act on from spinning.
    let taken = 0; // actions begun and not skipped: each takes its place before it starts
    let tag = 0;
    const play = async (player: Player, random: () => number) => {
      for (let tries = 0; taken < options.operations && tries < options.operations * 3 && Date.now() < until; tries++) {
        const kind = kinds[Math.floor(random() * kinds.length)]!;
        taken++;
        const op = await runOperation({ store: player.store, random, notices: player.notices,
          tag: `${options.seed}-${++tag}` }, kind);
        if (op.result === 'skipped') taken--;
        else if (options.streamCutEveryOps && taken % options.streamCutEveryOps === 0) proxy.cutStreams();
        player.ops.push(op);
      }
    };
    const cutter = options.streamCutEveryMs ? setInterval(() => proxy.cutStreams(), options.streamCutEveryMs) : undefined;
    try {
      await Promise.all(players.map((p, i) => play(p, seededRandom(options.seed * 31 + i))));
    } finally {
      clearInterval(cutter);
    }

    proxy.enabled = false;
    const settle = await settled(server, players);
    const problems = [...settle.problems, ...await checkHistory(server, players, before, proxy.reorders)];
    const ops = players.flatMap((p) => p.ops).filter((o) => o.result !== 'skipped');
    for (const op of ops) {
      if ((op.result === 'failed' || op.result === 'partial') && !op.reported) {
        problems.push(`a ${op.kind} of ${op.leadIds.join(', ')} ended ${op.result} without telling the user`);
      }
    }
    const byKind = Object.fromEntries(OPERATION_KINDS.map((k) => [k, ops.filter((o) => o.kind === k).length])) as
      SoakReport['byKind'];
    const { requests, ...faults } = proxy.counts;
    const failing = ops.filter((o) => o.result !== 'ok');
    return {
      operations: ops.length, byKind, requests, faults, streamCuts: proxy.streamCuts,
      retriedLoads: players.reduce((n, p) => n + p.retriedLoads, 0), conflicts: ops.reduce((n, o) => n + o.conflicts, 0),
      failed: failing.length, reported: failing.filter((o) => o.reported).length,
      duplicates: problems.filter((p) => p.startsWith('duplicate')).length, problems, seed: options.seed,
    };
  } finally {
    for (const player of players) player.store.dispose();
    await proxy.close();
  }
}

/** One line of figures, the soak's closing summary. */
export function summaryLine(report: SoakReport, engine: string): string {
  const list = (record: Record<string, number>) => Object.entries(record).map(([k, v]) => `${k} ${v}`).join(', ');
  const faults = Object.values(report.faults).reduce((a, b) => a + b, 0);
  return `soak (${engine}, seed ${report.seed}): operations run ${report.operations} (${list(report.byKind)}); ` +
    `requests ${report.requests}, faults injected ${faults} (${list(report.faults)}), event streams cut ${report.streamCuts} ` +
    `(failed reloads retried ${report.retriedLoads}); ` +
    `conflicts seen ${report.conflicts}; ` +
    `actions failed ${report.failed}, reported ${report.reported}; duplicates found ${report.duplicates}; ` +
    `problems ${report.problems.length}`;
}

interface Snapshot {
  seq: number;
  versions: Map<string, number>;
}

async function snapshot(server: TestServer): Promise<Snapshot> {
  const seq = (await server.db.query<{ seq: number }>('SELECT COALESCE(MAX(seq), 0) AS seq FROM activity'))[0]!.seq;
  const rows = await server.db.query<{ id: string; version: number }>('SELECT id, version FROM leads');
  return { seq: Number(seq), versions: new Map(rows.map((r) => [r.id, Number(r.version)])) };
}

const byId = (a: { id: string }, b: { id: string }) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
const loads = (members: readonly MemberWithLoad[]) => members.map((m) => `${m.id}:${m.openLeads}`).sort().join(' ');

/**
 * Waits (faults off) until no write is in flight and each store shows what the server has for its member;
 * answers what still differs after the wait.
 */
async function settled(server: TestServer, players: readonly Player[]): Promise<{ problems: string[] }> {
  let differences: string[] = [];
  for (const until = Date.now() + 15_000; Date.now() < until; await sleep(100)) {
    differences = [];
    for (const p of players) {
      if (p.store.status === 'error') {
        // A reload after a reconnect failed even after its retries: the board said so (a `load` notice) and
        // offers Retry, which is what a person does.
        p.retriedLoads++;
        await p.store.load();
      }
      const shown = p.store.columns.flatMap((c) => p.store.cardsIn(c.key));
      if (shown.some((l) => p.store.isPending(l.id))) {
        differences.push(`${p.name}: writes still in flight`);
        continue;
      }
      const truth = (await call(server.api, 'GET', '/leads', { token: p.token })).body.leads as Lead[];
      const wrong = diffLeads([...shown].sort(byId), [...truth].sort(byId));
      if (wrong) differences.push(`${p.name}'s board differs from the server: ${wrong}`);
      // Every board's counts, a member's too: the server pushes them after each change that moves them.
      const members = (await call(server.api, 'GET', '/members', { token: p.token })).body as MemberWithLoad[];
      if (loads(p.store.members) !== loads(members)) {
        differences.push(`${p.name}'s member counts differ: shown ${loads(p.store.members)}, server ${loads(members)}`);
      }
    }
    if (differences.length === 0) return { problems: [] };
  }
  return { problems: differences };
}

function diffLeads(shown: readonly Lead[], truth: readonly Lead[]): string | undefined {
  const truthById = new Map(truth.map((l) => [l.id, l]));
  const shownIds = new Set(shown.map((l) => l.id));
  const missing = truth.filter((l) => !shownIds.has(l.id)).map((l) => l.id);
  const extra = shown.filter((l) => !truthById.has(l.id)).map((l) => l.id);
  const changed = shown.filter((l) => truthById.has(l.id) && JSON.stringify(l) !== JSON.stringify(truthById.get(l.id)))
    .map((l) => `${l.id} (shown v${l.version}, server v${truthById.get(l.id)!.version})`);
  const parts = [missing.length && `missing ${missing.join(', ')}`, extra.length && `extra ${extra.join(', ')}`,
    changed.length && `stale ${changed.join(', ')}`].filter(Boolean);
  return parts.length > 0 ? parts.join('; ') : undefined;
}

/** The history against what was acknowledged: nothing lost, nothing twice. */
async function checkHistory(server: TestServer, players: readonly Player[], before: Snapshot,
  reorders: ReadonlyMap<string, number>): Promise<string[]> {
  const problems: string[] = [];
  const { db } = server;
  const ops = players.flatMap((p) => p.ops);
  for (const op of ops) {
    if (op.note) {
      const rows = await db.query<{ id: string }>("SELECT id FROM activity WHERE type = 'note' AND text = ?", [op.note.text]);
      if (rows.length > 1) problems.push(`duplicate note "${op.note.text}" (${rows.length} rows)`);
      if (op.note.id && !rows.some((r) => r.id === op.note!.id)) problems.push(`acknowledged note "${op.note.text}" is missing`);
    }
    if (op.written) {
      const rows = await db.count(`SELECT COUNT(*) FROM activity WHERE lead_id = ? AND at = ? AND type IN ${WRITE_TYPES}`,
        [op.written.id, op.written.updatedAt]);
      if (rows !== 1) problems.push(`${rows === 0 ? 'missing' : 'duplicate'} history row of the acknowledged ${op.kind} of ${op.written.id}`);
    }
  }
  const twice = await db.query<{ batch_id: string; lead_id: string; n: number }>(`SELECT batch_id, lead_id, COUNT(*) AS n
    FROM activity WHERE seq > ? AND batch_id IS NOT NULL GROUP BY batch_id, lead_id HAVING COUNT(*) > 1`, [before.seq]);
  for (const row of twice) problems.push(`duplicate history rows of batch ${row.batch_id} for ${row.lead_id} (${row.n})`);
  const steps = await db.query<{ lead_id: string; n: number }>(`SELECT lead_id, COUNT(*) AS n FROM activity
    WHERE seq > ? AND type IN ${WRITE_TYPES} GROUP BY lead_id`, [before.seq]);
  const rowsByLead = new Map(steps.map((r) => [r.lead_id, Number(r.n)]));
  for (const { id, version } of await db.query<{ id: string; version: number }>('SELECT id, version FROM leads')) {
    // A reorder (place only) is a version step that writes no history.
    const delta = Number(version) - (before.versions.get(id) ?? 0) - (reorders.get(id) ?? 0);
    const rows = rowsByLead.get(id) ?? 0;
    if (rows > delta) problems.push(`duplicate writes of ${id}: ${rows} history rows for ${delta} version steps`);
    else if (rows < delta) problems.push(`lost history of ${id}: ${rows} history rows for ${delta} version steps`);
  }
  return problems;
}
