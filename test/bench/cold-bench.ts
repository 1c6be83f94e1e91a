/**
 * Cold start of the board against the floor (page/cold.ts, page/floor.ts): per N and run, one fresh page
 * for the board, one for the floor and one for the Lit floor (page/floor-lit.ts: the floor rendered by one
 * LitElement, what the framework costs by itself), one after the other so load on the machine falls on all
 * alike, the order rotated from run to run. Every cold figure is also reported as a ratio to the floor's
 * median of the same run — absolute ms move 20–50 % between runs on a shared machine, the ratios hold. Also: the import of the library (before t0), the
 * in-memory backend's construction, the JS heap after the first frame (the same method for both pages: CDP
 * full GC, then Runtime.getHeapUsage), and the DOM elements per card. The same parts are also given as
 * main-thread CPU time (withMarks), which other processes on a shared machine inflate far less than the
 * clock: compare changes by those when the machine is busy.
 */
import type { Browser } from 'playwright-core';
import { Run } from './browser-bench.js';
import type { ColdStart } from './page/cold.js';
import { le, median, type Report, type Target } from './report.js';

export interface ColdBenchOptions {
  sizes: readonly number[];
  runs: number;
  log(message: string): void;
}

const PARTS = ['load', 'script', 'wait', 'paint', 'total'] as const;
const PART_NOTES: Record<(typeof PARTS)[number], string> = {
  load: 't0 (before new LeadStore) -> store loaded; floor: its adapter lists grouped and sorted',
  script: 'store loaded -> no more script queued (the board created, given the store, connected, rendered)',
  wait: 'script done -> the rAF callback of the next frame',
  paint: 'rAF callback -> frame rendered: style, layout, paint',
  total: 't0 -> end of the first frame showing cards (a task posted from its rAF callback)',
};

/** The first-frame ratio targets: at most 2x the floor at 1,000 leads, 1.5x from 10,000 up. */
const frameRatioTarget = (n: number): Target => le(n < 10_000 ? 2 : 1.5);

/** Main-thread CPU time between the cold start's marks (cold.ts), ms: what other load on the machine does not inflate. */
export interface ColdCpu {
  load: number;
  script: number;
  /** Script done → the first frame with cards rendered (style, layout, paint; the wait for the frame is idle). */
  paint: number;
  total: number;
}

interface TraceEvent { name: string; tts?: number }

/** Runs `step` with a trace of the page's user-timing marks; answers the step's result and each mark's thread time (µs). */
async function withMarks<T>(run: Run, step: () => Promise<T>): Promise<{ result: T; at: (mark: string) => number }> {
  const events: TraceEvent[] = [];
  const collect = (e: { value: object[] }) => void events.push(...(e.value as TraceEvent[]));
  run.cdp.on('Tracing.dataCollected', collect);
  const complete = new Promise((resolve) => run.cdp.once('Tracing.tracingComplete', resolve));
  await run.cdp.send('Tracing.start', { traceConfig: { includedCategories: ['blink.user_timing'] }, transferMode: 'ReportEvents' });
  const result = await step();
  await run.cdp.send('Tracing.end');
  await complete;
  run.cdp.off('Tracing.dataCollected', collect);
  return { result, at: (name) => events.find((e) => e.name === name && e.tts !== undefined)?.tts ?? NaN };
}

/** Main-thread CPU time between two thread timestamps, ms. */
const cpuMs = (from: number, to: number) => Math.round((to - from) / 10) / 100;

type Page = 'board' | 'floor' | 'lit-floor';
const STEP = { board: 'coldBoard', floor: 'coldFloor', 'lit-floor': 'coldLitFloor' } as const;
/** The order of the pages in each run, rotated: a page opened right after another in the same browser runs faster. */
const ORDERS: readonly (readonly Page[])[] = [
  ['board', 'floor', 'lit-floor'],
  ['floor', 'lit-floor', 'board'],
  ['lit-floor', 'board', 'floor'],
];

async function coldRun(browser: Browser, url: string, n: number, which: Page) {
  const run = await Run.open(browser, url);
  try {
    const prepared = await withMarks(run, () => run.step('coldPrepare', n));
    const { importMs, databaseMs } = prepared.result;
    const importCpu = cpuMs(prepared.at('cold:import'), prepared.at('cold:imported'));
    if (which === 'lit-floor') await run.step('coldImportLitFloor');
    const { result: start, at } = await withMarks(run, (): Promise<ColdStart> => run.step(STEP[which]));
    const [t0, data, script, rendered] = ['cold:t0', 'cold:data', 'cold:script', 'cold:rendered'].map(at) as [number, number, number, number];
    const cpu: ColdCpu = { load: cpuMs(t0, data), script: cpuMs(data, script), paint: cpuMs(script, rendered), total: cpuMs(t0, rendered) };
    const heap = await run.heapMB();
    const dom = await run.step('cardDom');
    const shift = await run.step('coldShift');
    const fonts = await run.step('fontFaces');
    return { importMs, importCpu, databaseMs, start, cpu, heap, dom, shift, fonts };
  } finally {
    await run.close();
  }
}

export async function benchCold(browser: Browser, url: string, report: Report, options: ColdBenchOptions): Promise<void> {
  // Unmeasured first: the browser's first pages pay one-off process start-up a host's page would not.
  options.log('cold start warm-up (not measured)');
  for (const which of ORDERS[0]!) await coldRun(browser, url, 1_000, which);
  for (const n of options.sizes) {
    const runs: Record<Page, Awaited<ReturnType<typeof coldRun>>[]> = { board: [], floor: [], 'lit-floor': [] };
    for (let r = 0; r < options.runs; r++) {
      // Each in turn first: a page opened right after another in the same browser runs faster (a null A/B,
      // the same build against itself, gave the second page ~15 % less script), so a fixed order favoured one.
      const order = ORDERS[r % ORDERS.length]!;
      options.log(`cold start n=${n} run ${r + 1}/${options.runs} (${order.join(', ')})`);
      for (const which of order) runs[which].push(await coldRun(browser, url, n, which));
    }
    const { board, floor } = runs;
    const lit = runs['lit-floor'];
    const slow = board.find((b) => b.start.frames > 1);
    if (slow) options.log(`note: a board showed its cards only in frame ${slow.start.frames}`);
    for (const part of PARTS) {
      const b = board.map((x) => x.start[part]);
      const f = floor.map((x) => x.start[part]);
      const target = part === 'script' ? le(25) : undefined;
      report.add(`cold.${part}`, n, 'ms', b, target, PART_NOTES[part]);
      report.add(`cold.${part}.floor`, n, 'ms', f);
      const ratioTarget = part === 'total' ? frameRatioTarget(n) : undefined;
      report.add(`cold.${part}.ratio`, n, 'x floor', [median(b) / median(f)], ratioTarget, 'board median / floor median, same run');
    }
    for (const part of ['load', 'script', 'paint', 'total'] as const) {
      const b = board.map((x) => x.cpu[part]);
      const f = floor.map((x) => x.cpu[part]);
      report.add(`cold.cpu.${part}`, n, 'ms', b, part === 'script' ? le(25) : undefined,
        `main-thread CPU time (trace thread timestamps of the same moments as cold.${part}; not inflated by other load); floor: ${median(f)}`);
      report.add(`cold.cpu.${part}.ratio`, n, 'x floor', [median(b) / median(f)], part === 'total' ? frameRatioTarget(n) : undefined);
    }
    // The Lit floor: how much of the board's distance to the floor a LitElement rendering the floor's cards
    // already has (its script and frame), and the board's distance to it.
    for (const part of ['script', 'paint', 'total'] as const) {
      report.add(`cold.lit-floor.${part}`, n, 'ms', lit.map((x) => x.start[part]), undefined,
        `${PART_NOTES[part]}; the Lit floor (the floor's cards rendered by one LitElement); main-thread CPU ${median(lit.map((x) => x.cpu[part]))} ms`);
    }
    report.add('cold.lit-floor.ratio', n, 'x floor', [median(lit.map((x) => x.start.total)) / median(floor.map((x) => x.start.total))], undefined,
      'Lit floor first frame / floor first frame, same run: what Lit and a shadow root cost by themselves');
    report.add('cold.cpu.lit-floor.ratio', n, 'x floor', [median(lit.map((x) => x.cpu.total)) / median(floor.map((x) => x.cpu.total))], undefined,
      'the same in main-thread CPU time');
    report.add('cold.total.lit-ratio', n, 'x lit floor', [median(board.map((x) => x.start.total)) / median(lit.map((x) => x.start.total))], undefined,
      'board first frame / Lit floor first frame, same run: the board\'s own distance');
    report.add('cold.cpu.total.lit-ratio', n, 'x lit floor', [median(board.map((x) => x.cpu.total)) / median(lit.map((x) => x.cpu.total))], undefined,
      'the same in main-thread CPU time');
    report.add('cold.import', n, 'ms', board.concat(floor).map((x) => x.importMs), undefined,
      `before t0: the entries imported (fetched from loopback, compiled, run); main-thread CPU time ${median(board.concat(floor).map((x) => x.importCpu))} ms — the compile hints (scripts/compile-hints.mjs) have Chromium compile the page's files on a background thread while they stream, so on loopback, with no download to overlap, the import waits for that thread`);
    report.add('memory-database', n, 'ms', board.concat(floor).map((x) => x.databaseMs), n === 50_000 ? le(60) : undefined,
      'new MemoryDatabase(seed({ leads: n })) (seed output is not validated again)');
    const heapBoard = board.map((x) => x.heap);
    const heapFloor = floor.map((x) => x.heap);
    report.add('cold.heap', n, 'MB', heapBoard, undefined, 'JS heap in use after the first frame (CDP full GC, Runtime.getHeapUsage); data, store and board');
    report.add('cold.heap.floor', n, 'MB', heapFloor, undefined, 'the same for the floor page (same data and adapter)');
    report.add('cold.heap.ratio', n, 'x floor', [median(heapBoard) / median(heapFloor)], le(1.5));
    report.add('dom.per-card', n, 'elements', board.map((x) => x.dom.perCard), le(10),
      `elements in one rendered card, shadow DOM included (median card; largest ${Math.max(...board.map((x) => x.dom.maxPerCard))}); floor: ${median(floor.map((x) => x.dom.perCard))}`);
    report.add('dom.visible-cards', n, 'cards', board.map((x) => x.dom.visible), undefined,
      `cards in their column's viewport; rendered ${median(board.map((x) => x.dom.rendered))}; floor visible ${median(floor.map((x) => x.dom.visible))}, rendered ${median(floor.map((x) => x.dom.rendered))}`);
    report.add('cold.layout-shifts', n, 'shifts', board.map((x) => x.shift.shifts), le(0),
      `layout shifts after t0 once the frames after the first had their turn (what was shown moved); floor: ${median(floor.map((x) => x.shift.shifts))}`);
    report.add('cold.font-faces', n, 'faces', board.map((x) => x.fonts.faces), undefined,
      `distinct family/size/weight/style of the visible text once the frames after the first have come (each one a font the page sets up before laying out that text): ${board[0]?.fonts.list.join('; ')}; floor: ${median(floor.map((x) => x.fonts.faces))}`);
    const perVisible = (x: (typeof board)[number]) => x.start.elements / Math.max(1, x.dom.visible);
    report.add('dom.per-visible-card', n, 'elements', board.map(perVisible), undefined,
      `every element of the page (document + shadow roots) in the first frame / visible cards; floor: ${median(floor.map(perVisible)).toFixed(1)}`);
  }
}
