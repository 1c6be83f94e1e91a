/**
 * `npm run soak`: the long fault soak against the real server, on SQLite and on PostgreSQL (a throwaway
 * cluster, as the tests use), loopback only. Per engine: SOAK_OPS random actions (default 1,000) of two
 * boards through 20 % faults, then a third of that with the event streams cut every 2 s too, then the control
 * run without idempotency keys. Each phase also stops at SOAK_SECONDS (default 300). Ends with one summary
 * line of figures per phase and exits 1 when anything did not hold.
 *
 * SOAK_ENGINES=sqlite (or postgres) runs one engine; SOAK_SEED replays a run; SOAK_RATE sets the fault share.
 */
import type { Engine } from '../server/databases.js';
import { startTestServer } from '../server/support.js';
import { runSoak, summaryLine, type SoakOptions, type SoakReport } from './soak.js';

const operations = Number(process.env.SOAK_OPS ?? 1000);
const durationMs = Number(process.env.SOAK_SECONDS ?? 300) * 1000;
const rate = Number(process.env.SOAK_RATE ?? 0.2);
const seed = Number(process.env.SOAK_SEED ?? Date.now() % 100_000);
const engines = (process.env.SOAK_ENGINES ?? 'sqlite,postgres').split(',').map((e) => e.trim()) as Engine[];

const lines: string[] = [];
let failed = false;

async function phase(engine: Engine, name: string, options: Omit<SoakOptions, 'server'>,
  holds: (report: SoakReport) => boolean): Promise<void> {
  const server = await startTestServer({}, engine);
  try {
    const report = await runSoak({ ...options, server });
    const line = `${summaryLine(report, `${engine}, ${name}`)}`;
    console.log(line);
    const held = holds(report);
    if (!held) for (const problem of report.problems.slice(0, 20)) console.log(`  - ${problem}`);
    lines.push(line);
    if (!held) failed = true;
  } finally {
    await server.dispose();
  }
}

for (const engine of engines) {
  await phase(engine, 'faults', { operations, durationMs, rate, seed }, (r) => r.problems.length === 0);
  await phase(engine, 'faults + stream cuts', { operations: Math.ceil(operations / 3), durationMs, rate, seed: seed + 1,
    streamCutEveryMs: 2000 }, (r) => r.problems.length === 0);
  await phase(engine, 'control without keys', { operations: 50, durationMs, rate: 0.6, seed: seed + 2, only: ['note'],
    kinds: ['drop_after_commit', 'duplicate'], stripKeys: true }, (r) => r.duplicates > 0);
}
console.log('\nsoak summary');
for (const line of lines) console.log(line);
console.log(failed ? 'soak: FAILED' : 'soak: every check held (the control run found the duplicates keys prevent)');
process.exit(failed ? 1 : 0);
