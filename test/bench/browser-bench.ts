/**
 * The browser half: headless Chromium (playwright-core, the system browser) opens a fresh context and page
 * per run, and calls the steps the bench page exposes (page/bench-page.ts), forcing a full GC through CDP
 * before every measured step so a collection left over from setup does not land inside a timing.
 */
import type { Browser, CDPSession, Page } from 'playwright-core';
import type { Timing } from './page/bench-page.js';
import { eq, le, type Report } from './report.js';

export const VIEWPORT = { width: 1280, height: 800 };

type BenchApi = Window['bench'];

/** One fresh page with the bench page loaded, and a CDP session for GC and heap figures. */
export class Run {
  private constructor(readonly page: Page, readonly cdp: CDPSession) {}

  static async open(browser: Browser, url: string): Promise<Run> {
    const context = await browser.newContext({ viewport: VIEWPORT });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(url);
    await page.waitForFunction(() => 'bench' in window).catch(() => {
      throw new Error(`bench page did not start: ${errors.join('; ') || 'no error reported'}`);
    });
    return new Run(page, await context.newCDPSession(page));
  }

  /** Calls one step of window.bench in the page (after a full GC). */
  async step<K extends keyof BenchApi>(name: K, ...args: Parameters<BenchApi[K]>): Promise<Awaited<ReturnType<BenchApi[K]>>> {
    await this.gc();
    return this.page.evaluate(
      ([n, a]) => (window.bench[n] as (...x: unknown[]) => unknown)(...a),
      [name, args] as const,
    ) as Promise<Awaited<ReturnType<BenchApi[K]>>>;
  }

  async gc(): Promise<void> {
    await this.cdp.send('HeapProfiler.collectGarbage');
    await this.cdp.send('HeapProfiler.collectGarbage');
  }

  /** JS heap in use after a full GC, MB. */
  async heapMB(): Promise<number> {
    await this.gc();
    const { usedSize } = await this.cdp.send('Runtime.getHeapUsage');
    return usedSize / 1024 / 1024;
  }

  async close(): Promise<void> {
    await this.page.context().close();
  }
}

/** Collects one sample list per metric over the runs of one N. */
class Samples {
  readonly values = new Map<string, number[]>();
  push(metric: string, value: number): void {
    const list = this.values.get(metric);
    if (list) list.push(value);
    else this.values.set(metric, [value]);
  }
  timing(metric: string, t: Timing): void {
    this.push(metric, t.frame);
    this.push(`${metric}.script`, t.script);
  }
  get(metric: string): number[] {
    return this.values.get(metric) ?? [];
  }
}

const FRAME = le(40);
const SCRIPT = le(8);

export interface BoardBenchOptions {
  sizes: readonly number[];
  runs: number;
  /** Leads for the move workload: chosen so the New column holds about 2,000 cards. */
  moveLeads: number;
  log(message: string): void;
}

/** Per N: first frame, DOM, heap, filter, search, selection, move; bulk assign at 10,000. */
export async function benchBoard(browser: Browser, url: string, report: Report, options: BoardBenchOptions): Promise<void> {
  // One unmeasured run first: the browser's first page pays one-off process and code-cache warm-up that a
  // host's page would not pay on every board render.
  options.log('warm-up run (not measured)');
  const warm = await Run.open(browser, url);
  try {
    await warm.step('setup', 1_000);
    await warm.step('mount');
  } finally {
    await warm.close();
  }
  for (const n of options.sizes) {
    const s = new Samples();
    let columns: Record<string, number> = {};
    let searchMatches = 0;
    let bulkNote = '';
    for (let r = 0; r < options.runs; r++) {
      options.log(`board n=${n} run ${r + 1}/${options.runs}`);
      const run = await Run.open(browser, url);
      try {
        const setup = await run.step('setup', n);
        columns = setup.columns;
        s.push('setup', setup.ms);
        const heapData = await run.heapMB();

        const first = await run.step('mount');
        s.timing('first-frame', first);
        s.push('first-frame.board-script', first.boardScript);
        const heapBoard = await run.heapMB();
        s.push('heap.board', heapBoard - heapData);
        s.push('heap.total', heapBoard);
        const dom = await run.step('domCount');
        s.push('dom-elements', dom.elements);
        s.push('rendered-cards', dom.cards);

        s.timing('filter.unassigned', await run.step('filter', 'unassigned'));
        s.timing('filter.anyone', await run.step('filter', 'any'));

        const search = await run.step('search', 'k');
        s.timing('search.keystroke', search.key);
        s.timing('search.filter', search.filter);
        s.push('search.total', search.total);
        searchMatches = search.matches;
        // A second keystroke ("ki"): the search text of every lead is folded and cached by now.
        const next = await run.step('search', 'i');
        s.timing('search.next-filter', next.filter);
        await run.step('clearSearch');

        s.timing('select.one', await run.step('selectOne'));
        await run.step('clearSelection');
        const all = await run.step('selectAllMatching');
        s.timing('select.all-matching', all);
        await run.step('clearSelection');

        const within = await run.step('move', 'new', 3, 'new', 0);
        s.timing('move.within-new', within);

        const dom2 = await run.step('domCount');
        s.push('dom-elements.after-interaction', dom2.elements);
        if (dom2.extraWalks > 0) options.log(`note: ${dom2.extraWalks} quiesce walk(s) found pending Lit updates (their cost is inside a timing)`);

        if (n === 10_000) {
          const matching = await run.step('setFilter', { assignee: 'unassigned', status: ['new'] });
          await run.step('selectAllMatching');
          const selected = await run.step('trimSelection', 1000);
          await run.step('openBulkAssign', 'm3');
          const bulk = await run.step('confirmBulkAssign', 'm3');
          s.timing('bulk-assign.1000', bulk);
          s.push('bulk-assign.adapter-calls', bulk.calls);
          s.push('bulk-assign.assigned', bulk.ok);
          bulkNote = `Unassigned + New matched ${matching}; first ${selected} selected; ${bulk.ok} assigned; selection after: ${bulk.selectedAfter}`;
        }
      } finally {
        await run.close();
      }
    }
    const colNote = `columns ${JSON.stringify(columns)}`;
    report.add('first-frame', n, 'ms', s.get('first-frame'), n === 10_000 ? le(90) : n === 50_000 ? le(130) : undefined,
      'setting .store on a connected empty board -> frame rendered after all Lit updates');
    report.add('first-frame.script', n, 'ms', s.get('first-frame.script'), undefined, 'until no Lit update pending (board, columns, cards)');
    report.add('first-frame.board-script', n, 'ms', s.get('first-frame.board-script'), undefined, 'until await board.updateComplete only');
    report.add('dom-elements', n, 'elements', s.get('dom-elements'), le(2500), 'document + every shadow root');
    report.add('dom-elements.after-interaction', n, 'elements', s.get('dom-elements.after-interaction'), le(2500));
    report.add('rendered-cards', n, 'cards', s.get('rendered-cards'), undefined, colNote);
    report.add('heap.board', n, 'MB', s.get('heap.board'), n === 10_000 ? le(5) : undefined,
      'JS heap with board - same loaded store without board (after GC)');
    report.add('heap.total', n, 'MB', s.get('heap.total'), undefined, 'JS heap in use with board and data (after GC)');
    for (const [metric, note] of [
      ['filter.unassigned', 'store.setFilter({assignee:"unassigned"})'],
      ['filter.anyone', 'store.setFilter({assignee:"any"}) back'],
      ['search.keystroke', 'typing "k" in Search leads: the input event itself'],
      ['search.filter', `the debounced store.setFilter({q:"k"}) the first keystroke triggers (${searchMatches} match)`],
      ['search.next-filter', 'the same for a second keystroke ("ki")'],
      ['select.one', 'clicking one card checkbox'],
      ['select.all-matching', 'clicking Select all matching (no filter: every lead)'],
    ] as const) {
      report.add(metric, n, 'ms', s.get(metric), FRAME, `${note}; to next frame`);
      report.add(`${metric}.script`, n, 'ms', s.get(`${metric}.script`), SCRIPT);
    }
    report.add('search.total', n, 'ms', s.get('search.total'), undefined, 'keystroke -> frame after the debounced filter (includes the 150 ms debounce)');
    report.add('move.within-new', n, 'ms', s.get('move.within-new'), undefined, `store.move 4th card of New to index 0 (New holds ${columns.new ?? '?'} cards)`);
    report.add('move.within-new.script', n, 'ms', s.get('move.within-new.script'));
    if (n === 10_000) {
      report.add('bulk-assign.1000', n, 'ms', s.get('bulk-assign.1000'), le(60), `confirm click -> dialog closed, UI settled, frame. ${bulkNote}`);
      report.add('bulk-assign.1000.script', n, 'ms', s.get('bulk-assign.1000.script'));
      report.add('bulk-assign.adapter-calls', n, 'calls', s.get('bulk-assign.adapter-calls'), eq(1));
      report.add('bulk-assign.assigned', n, 'leads', s.get('bulk-assign.assigned'), eq(1000));
    }
  }
  await benchMove(browser, url, report, options);
}

/** Drag-equivalent moves in a ~2,000-card column (the New column of a board seeded for that). */
async function benchMove(browser: Browser, url: string, report: Report, options: BoardBenchOptions): Promise<void> {
  const n = options.moveLeads;
  const s = new Samples();
  let size = 0;
  for (let r = 0; r < options.runs; r++) {
    options.log(`move n=${n} run ${r + 1}/${options.runs}`);
    const run = await Run.open(browser, url);
    try {
      const setup = await run.step('setup', n);
      size = setup.columns.new ?? 0;
      await run.step('mount');
      // Reorder: the 4th card to the top; then across: the (new) 2nd card to the top of Contacted.
      const within = await run.step('move', 'new', 3, 'new', 0);
      if (within.landed !== 0) throw new Error(`move within New landed at ${within.landed}`);
      s.timing('move.within-column', within);
      const across = await run.step('move', 'new', 1, 'contacted', 0);
      if (across.landed !== 0) throw new Error(`move to Contacted landed at ${across.landed}`);
      s.timing('move.to-next-column', across);
    } finally {
      await run.close();
    }
  }
  const note = `board of ${n} leads, New column holds ${size} cards`;
  report.add('move.within-column', n, 'ms', s.get('move.within-column'), le(50), `store.move(4th card of New, "new", {index:0}) -> frame; ${note}`);
  report.add('move.within-column.script', n, 'ms', s.get('move.within-column.script'), le(6));
  report.add('move.to-next-column', n, 'ms', s.get('move.to-next-column'), le(50), `store.move(2nd card of New, "contacted", {index:0}) -> frame; ${note}`);
  report.add('move.to-next-column.script', n, 'ms', s.get('move.to-next-column.script'), le(6));
}
