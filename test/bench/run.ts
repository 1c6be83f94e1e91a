/**
 * `npm run bench`: builds the standalone bundle, serves a bench page on loopback, drives headless Chromium
 * over the board workloads, measures the reference server, and prints one JSON object per line (the first
 * line is the machine header) with medians over fresh runs; everything also goes to test/bench/results.json.
 *
 * Parts: the cold start against the hand-written floor (cold-bench.ts), the warm board workloads
 * (browser-bench.ts), the reference server (server-bench.ts), and the bundle figures.
 *
 * `npm run bench -- --quick` (or BENCH_QUICK=1): 3 runs, N = 10,000 only, shorter server loop. BENCH_RUNS=n
 * overrides the runs. While working on one part: BENCH_SIZES=10000,50000 picks the board sizes;
 * BENCH_SKIP=server (or cold, or board, comma-separated) leaves a part out. results.json then holds only what ran.
 * Each metric carries its target (README, "Benchmarks"); a FAIL is reported, never turned into a failing exit code.
 */
import { writeFileSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';
import { launchBrowser } from '../support/chromium.js';
import { benchBoard, VIEWPORT } from './browser-bench.js';
import { benchCold } from './cold-bench.js';
import { benchRoutes, buildBench } from './build.js';
import { reportBundle } from './bundle-report.js';
import { Report } from './report.js';
import { benchServer } from './server-bench.js';
import { serveFiles } from './static-server.js';

const quick = process.env.BENCH_QUICK === '1' || process.argv.includes('--quick');
const runs = Math.max(1, Number(process.env.BENCH_RUNS) || (quick ? 3 : 5));
const sizes = process.env.BENCH_SIZES ? process.env.BENCH_SIZES.split(',').map(Number) : quick ? [10_000] : [1_000, 10_000, 50_000];
const skip = new Set((process.env.BENCH_SKIP ?? '').split(','));
const log = (message: string) => process.stderr.write(`[bench] ${message}\n`);

const started = performance.now();
const report = new Report();

log('building the standalone entries (elements + SDK)');
const built = await buildBench();

const browser = await launchBrowser();
const header = {
  bench: 'lead-kanban',
  date: new Date().toISOString(),
  machine: {
    cpus: cpus().length,
    cpuModel: cpus()[0]?.model ?? 'unknown',
    memoryGB: Math.round(totalmem() / 1024 ** 3),
    loadAverageAtStart: loadavg().map((x) => Math.round(x * 100) / 100),
    node: process.version,
    browser: `Chromium ${browser.version()} headless, --disable-gpu (software rendering)`,
    viewport: VIEWPORT,
  },
  runs,
  quick,
  sizes,
  noise: 'medians of fresh-page runs; other processes on a 2-core machine move these figures by tens of percent',
};
process.stdout.write(`${JSON.stringify(header)}\n`);

reportBundle(report, built);

const server = await serveFiles(benchRoutes(built));
try {
  if (!skip.has('cold')) await benchCold(browser, server.url, report, { sizes, runs, log });
  if (!skip.has('board')) await benchBoard(browser, server.url, report, { sizes, runs, moveLeads: 4_900, log });
} finally {
  await browser.close();
  await server.close();
}

if (!skip.has('server')) await benchServer(report, { runs, seconds: quick ? 2 : 5, log });

const results = { ...header, seconds: Math.round((performance.now() - started) / 1000), results: report.lines };
writeFileSync(new URL('./results.json', import.meta.url), `${JSON.stringify(results, null, 2)}\n`);
log(report.summary());
log(`done in ${results.seconds} s; written to test/bench/results.json`);
