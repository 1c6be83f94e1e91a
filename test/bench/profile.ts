/**
 * CPU profile of one bench step, for finding where the time goes (not part of `npm run bench`):
 *   node --import tsx test/bench/profile.ts <cold|mount|filter|search|select|selectAll|move|bulk> [N] [--total] [--warm]
 * `--warm`: a warm step first runs the steps `npm run bench` takes before it on its page (as warm code, as much idle work done).
 * `cold`: the cold start of cold-bench.ts (a fresh page: new LeadStore, load, board connected, first frame);
 * `--script` counts only the measured script: cold, the first render's (store loaded → no more script queued);
 * filter, select, move, bulk: t0 → no more script queued; search: its debounced filter's. `cold N --load`: the
 * store's load only (t0 → loaded).
 * Builds the bundle unminified (readable names), runs the step once in a fresh page with the V8 sampling
 * profiler on, prints the top self times (with --total also inclusive times) and writes dist/bench/profiles/<step>.cpuprofile (open it in
 * Chromium's DevTools, Performance panel). Timings under the profiler are inflated; use them to rank, not to judge.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { launchBrowser } from '../support/chromium.js';
import { Run } from './browser-bench.js';
import { benchRoutes, buildBench } from './build.js';
import { serveFiles } from './static-server.js';

const which = process.argv[2] ?? 'filter';
const n = Number(process.argv[3]?.startsWith('--') ? 10_000 : (process.argv[3] ?? 10_000));
const outDir = fileURLToPath(new URL('../../dist/bench/profiles/', import.meta.url));
mkdirSync(outDir, { recursive: true });

interface ProfileNode { id: number; callFrame: { functionName: string; url: string; lineNumber: number }; children?: number[] }

const built = await buildBench({ minify: false, outDir: fileURLToPath(new URL('../../dist/bench/plain/', import.meta.url)) });
const server = await serveFiles(benchRoutes(built));
const browser = await launchBrowser();
const run = await Run.open(browser, server.url);
const call = (name: string, ...args: unknown[]) =>
  run.page.evaluate(([step, a]) => (window.bench as unknown as Record<string, (...x: unknown[]) => unknown>)[step]!(...a), [name, args] as const);

/**
 * With `--script`: only the samples of the measured script. Cold: the first render's script, from the store
 * loaded to no more script queued; a warm step: from its t0 to no more script queued. The page's clock and the
 * profile's are not the same, so the window is anchored at the first sample inside `anchor` (the step's
 * function, or the handler its t0 starts; within the sampling interval) and placed by the step's own figures.
 */
function sampleWindow(
  p: { samples?: number[]; timeDeltas?: number[] },
  nodes: Map<number, ProfileNode>,
  result: unknown,
  anchor: string,
): (i: number) => boolean {
  const times: number[] = [];
  let t = 0;
  for (const d of p.timeDeltas ?? []) times.push((t += d / 1000));
  // A search step measures its debounced filter on its own (its `filter` part): that is the window.
  const measured = result as { load?: number; script?: number; filter?: { script: number } } | undefined;
  const step: { load?: number; script?: number } | undefined = measured?.filter ?? measured;
  const loadOnly = process.argv.includes('--load') && step?.load !== undefined;
  if (!loadOnly && (!process.argv.includes('--script') || step?.script === undefined)) return () => true;
  const parent = new Map<number, number>();
  for (const node of nodes.values()) for (const child of node.children ?? []) parent.set(child, node.id);
  const inAnchor = (id: number): boolean => {
    for (let at: number | undefined = id; at !== undefined; at = parent.get(at)) if (nodes.get(at)!.callFrame.functionName === anchor) return true;
    return false;
  };
  const first = (p.samples ?? []).findIndex((id) => inAnchor(id));
  const from = (times[first] ?? 0) + (loadOnly ? 0 : (step!.load ?? 0));
  const to = loadOnly ? from + step!.load! : from + step!.script!;
  return (i) => times[i]! >= from && times[i]! <= to;
}

async function profile(name: string, action: () => Promise<unknown>, anchor = name): Promise<void> {
  await run.gc();
  await run.cdp.send('Profiler.enable');
  await run.cdp.send('Profiler.setSamplingInterval', { interval: 100 });
  await run.cdp.send('Profiler.start');
  const result = await action();
  const { profile: p } = await run.cdp.send('Profiler.stop');
  writeFileSync(`${outDir}${name}.cpuprofile`, JSON.stringify(p));
  const nodes = new Map((p.nodes as ProfileNode[]).map((node) => [node.id, node]));
  const inWindow = sampleWindow(p, nodes, result, anchor);
  const self = new Map<string, number>();
  (p.samples ?? []).forEach((id, i) => {
    if (!inWindow(i)) return;
    const f = nodes.get(id)!.callFrame;
    if (f.functionName === '(idle)') return;
    const key = `${f.functionName || '(anonymous)'} ${f.url.split('/').pop()}:${f.lineNumber + 1}`;
    self.set(key, (self.get(key) ?? 0) + (p.timeDeltas?.[i] ?? 0) / 1000);
  });
  console.log(`== ${name} (n=${n}) ${JSON.stringify(result)}`);
  for (const [key, ms] of [...self].sort((a, b) => b[1] - a[1]).slice(0, 25)) console.log(ms.toFixed(2).padStart(8), key);
  if (process.argv.includes('--total')) {
    // Inclusive time per function (a function counted once per stack, however deep it recurses).
    const parent = new Map<number, number>();
    for (const node of nodes.values()) for (const child of node.children ?? []) parent.set(child, node.id);
    const total = new Map<string, number>();
    (p.samples ?? []).forEach((id, i) => {
      if (!inWindow(i)) return;
      const seen = new Set<string>();
      for (let at: number | undefined = id; at !== undefined; at = parent.get(at)) {
        const f = nodes.get(at)!.callFrame;
        if (f.functionName === '(idle)' || f.functionName === '(root)') continue;
        const key = `${f.functionName || '(anonymous)'} ${f.url.split('/').pop()}:${f.lineNumber + 1}`;
        if (seen.has(key)) continue;
        seen.add(key);
        total.set(key, (total.get(key) ?? 0) + (p.timeDeltas?.[i] ?? 0) / 1000);
      }
    });
    console.log('-- inclusive');
    for (const [key, ms] of [...total].sort((a, b) => b[1] - a[1]).slice(0, 50)) console.log(ms.toFixed(2).padStart(8), key);
  }
}

try {
  if (which === 'cold') {
    await call('coldPrepare', n);
    await profile('cold', () => call('coldBoard'), 'coldBoard');
  } else await call('setup', n);
  if (which === 'mount') await profile('mount', () => call('mount'));
  else if (which !== 'cold') await call('mount');
  if (process.argv.includes('--warm')) {
    // The steps npm run bench takes before this one on the same page, so the code profiled is as warm as there
    // (and the idle work after the load as far along).
    const before: Record<string, number> = { filter: 0, search: 2, select: 5, selectAll: 5, move: 9, bulk: 10 };
    const steps = [['filter', 'unassigned'], ['filter', 'any'], ['search', 'k'], ['search', 'i'], ['clearSearch'],
      ['selectOne'], ['clearSelection'], ['selectAllMatching'], ['clearSelection'], ['move', 'new', 3, 'new', 0]] as const;
    for (const [step, ...args] of steps.slice(0, before[which] ?? 0)) await call(step, ...args);
  }
  if (which === 'filter') {
    await profile('filter-unassigned', () => call('filter', 'unassigned'), 'filter');
    await profile('filter-anyone', () => call('filter', 'any'), 'filter');
  }
  if (which === 'search') {
    await profile('search-first', () => call('search', 'k'), 'setFilter');
    await profile('search-next', () => call('search', 'i'), 'setFilter');
  }
  if (which === 'select') {
    await profile('select-one', () => call('selectOne'), 'selectOne');
    await call('clearSelection');
    await profile('select-all-matching', () => call('selectAllMatching'), 'selectAllMatching');
  }
  if (which === 'selectAll') await profile('select-all-matching', () => call('selectAllMatching'), 'selectAllMatching');
  if (which === 'move') await profile('move', () => call('move', 'new', 3, 'new', 0), 'move');
  if (which === 'bulk') {
    await call('setFilter', { assignee: 'unassigned', status: ['new'] });
    await call('selectAllMatching');
    await call('trimSelection', 1000);
    await call('openBulkAssign', 'm3');
    await profile('bulk-assign', () => call('confirmBulkAssign', 'm3'), 'click');
  }
} finally {
  await run.close();
  await browser.close();
  await server.close();
}
