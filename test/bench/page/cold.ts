/**
 * Cold start, as a page meets the board for the first time: a fresh page per run, the library loaded, nothing
 * rendered. t0 is just before `new LeadStore(adapter)`; then `load()`; then a `<lead-kanban>` is created,
 * given the store and connected; t1 is the end of the first frame that shows cards (timing.ts: a task posted
 * from that frame's rAF callback, which runs once the frame's style, layout and paint are done — a
 * PerformanceObserver paint entry would only report the first paint of the page, not the frame with cards).
 * The floor (floor.ts) is timed the same way, from its adapter calls to its first frame with cards, and so is
 * the Lit floor (floor-lit.ts: the floor rendered by one LitElement).
 * User-timing marks (`cold:t0`, `cold:data`, `cold:script`, `cold:rendered`) put the same moments in a
 * Chromium trace, where their thread timestamps give CPU time (unlike the clock, not inflated by other load).
 */
import type * as Sdk from '../../../sdk/index.js';
import type * as SdkMemory from '../../../sdk/memory.js';
import type { LeadStore } from '../../../sdk/index.js';
import type { MemoryAdapter } from '../../../sdk/memory.js';
import { renderFloor, type FloorTimes } from './floor.js';
import { allElements, frameTimes, now, quiesce, round } from './timing.js';

/** The parts of one cold start, ms. */
export interface ColdStart {
  /** t0 → data ready: the store loaded (board) / the adapter's lists grouped and sorted (floor). */
  load: number;
  /** Data ready → no more of our JavaScript queued: the first render's script. */
  script: number;
  /** Script done → the frame's rAF callback: waiting for the frame (up to a vsync interval). */
  wait: number;
  /** rAF callback → the frame rendered: style, layout and paint (and what ResizeObserver re-rendered). */
  paint: number;
  /** t0 → t1, the first frame showing cards. */
  total: number;
  /** Frames until cards showed (1: the first one did). */
  frames: number;
  /** Every element of the page (document and shadow roots) in that frame, counted after t1. */
  elements: number;
}

let adapter: MemoryAdapter;
let sdk: typeof Sdk;
type RenderFloor = (adapter: MemoryAdapter, host: HTMLElement, now: () => number) => Promise<FloorTimes>;
let renderLitFloor: RenderFloor | undefined;

/** The Lit floor, built on its own with lit bundled in (build.ts); a variable keeps TypeScript from resolving it. */
const LIT_FLOOR_URL = './floor-lit.js';

/** The standalone entries, as in bench-page.ts (variables keep TypeScript from resolving them). */
const ENTRIES = ['./sdk.js', './sdk-memory.js', './lead-kanban.js'];

/** The rendered cards under the measured page: the board's card elements, or the floor's. */
function cards(): Element[] {
  return allElements(document).filter((el) => el.part.contains('card') || el.classList.contains('floor-card'));
}

async function untilCards(t0: number, dataAt: number, scriptDone: number): Promise<ColdStart> {
  let frames = 0;
  for (;;) {
    frames++;
    const { raf, rendered } = await frameTimes();
    if (cards().length > 0 || frames > 20) {
      performance.mark('cold:rendered');
      return {
        load: round(dataAt - t0),
        script: round(scriptDone - dataAt),
        wait: round(raf - scriptDone),
        paint: round(rendered - raf),
        total: round(rendered - t0),
        frames,
        elements: allElements(document).length,
      };
    }
  }
}

/** A floor's cold start: t0, its load and render into a host connected to the page, then as the board's. */
async function coldFloorWith(render: RenderFloor): Promise<ColdStart> {
  performance.mark('cold:t0');
  const t0 = now();
  const host = document.createElement('div');
  const { loaded } = await render(adapter, host, now);
  document.body.append(host);
  const scriptDone = await quiesce();
  performance.mark('cold:script');
  return untilCards(t0, loaded, scriptDone);
}

export const coldSteps = {
  /**
   * Loads the library (the entries a host page imports, the elements registering themselves; timed, and
   * marked `cold:import` / `cold:imported` for its CPU time), seeds N leads and builds the in-memory backend
   * (timed: `new MemoryDatabase(data)`), with an admin session of latency 0.
   */
  async coldPrepare(n: number): Promise<{ importMs: number; databaseMs: number }> {
    performance.mark('cold:import');
    const started = now();
    const [core, memory] = (await Promise.all(ENTRIES.map((url) => import(url)))) as [typeof Sdk, typeof SdkMemory];
    const importMs = now() - started;
    performance.mark('cold:imported');
    sdk = core;
    const data = memory.seed({ leads: n, members: 12 });
    const t = now();
    const database = new memory.MemoryDatabase(data);
    const databaseMs = now() - t;
    adapter = new memory.MemoryAdapter({ database, as: 'm1', latency: 0 });
    return { importMs: round(importMs), databaseMs: round(databaseMs) };
  },

  async coldBoard(): Promise<ColdStart> {
    performance.mark('cold:t0');
    const t0 = now();
    const store: LeadStore = new sdk.LeadStore(adapter);
    await store.load();
    const dataAt = now();
    performance.mark('cold:data');
    const board = document.createElement('lead-kanban') as HTMLElement & { store: LeadStore };
    board.store = store;
    document.body.append(board);
    const scriptDone = await quiesce();
    performance.mark('cold:script');
    return untilCards(t0, dataAt, scriptDone);
  },

  coldFloor(): Promise<ColdStart> {
    return coldFloorWith(renderFloor);
  },

  /** Loads the Lit floor's module (with its own lit): on its page only, after coldPrepare, before t0. */
  async coldImportLitFloor(): Promise<void> {
    ({ renderLitFloor } = (await import(LIT_FLOOR_URL)) as { renderLitFloor: RenderFloor });
  },

  coldLitFloor(): Promise<ColdStart> {
    if (!renderLitFloor) throw new Error('coldImportLitFloor first');
    return coldFloorWith(renderLitFloor);
  },

  /**
   * Whether what the page showed moved after t0 (cold:t0) once the frames after the first one had their turn
   * (member chips and options, overscan rows, idle work): the layout-shift entries the browser reports for
   * Cumulative Layout Shift, counted (their scores come out near 0 here, the count does not).
   */
  async coldShift(): Promise<{ shifts: number }> {
    for (let i = 0; i < 10; i++) await new Promise((resolve) => requestAnimationFrame(resolve));
    await new Promise((resolve) => setTimeout(resolve, 300));
    const t0 = performance.getEntriesByName('cold:t0')[0]?.startTime ?? 0;
    const entries = await new Promise<(PerformanceEntry & { hadRecentInput: boolean })[]>((resolve) => {
      const observer = new PerformanceObserver((list) => {
        observer.disconnect();
        resolve(list.getEntries() as never);
      });
      observer.observe({ type: 'layout-shift', buffered: true });
      setTimeout(() => {
        observer.disconnect();
        resolve([]);
      }, 200);
    });
    return { shifts: entries.filter((e) => e.startTime >= t0 && !e.hadRecentInput).length };
  },

  /**
   * The fonts the first screen shows, read after coldShift (so with what the frames after the first added, the
   * member chips): distinct family × size × weight × style of the elements in the viewport that hold text (or
   * are form controls, which resolve a font for their baseline). Each is a font the page has
   * the system find and set up before it can lay out its text (on Linux a synchronous request to the browser
   * process per face and size), so their number is part of what the first frame waits for.
   */
  fontFaces(): { faces: number; list: string[] } {
    const faces = new Set<string>();
    for (const el of allElements(document)) {
      const holdsText = [...el.childNodes].some((n) => n.nodeType === Node.TEXT_NODE && n.textContent!.trim() !== '');
      if (!holdsText && !(el instanceof HTMLInputElement || el instanceof HTMLButtonElement || el instanceof HTMLSelectElement)) continue;
      const box = el.getBoundingClientRect();
      if (box.width === 0 || box.bottom < 0 || box.top > innerHeight || box.right < 0 || box.left > innerWidth) continue;
      const style = getComputedStyle(el);
      faces.add(`${style.fontFamily.split(',')[0]} ${style.fontSize} ${style.fontWeight} ${style.fontStyle}`);
    }
    return { faces: faces.size, list: [...faces].sort() };
  },

  /**
   * DOM per card: elements in one rendered card (itself, its descendants and any shadow DOM in it), median over
   * the rendered cards, and the largest; the cards visible in their column's viewport.
   */
  cardDom(): { perCard: number; maxPerCard: number; visible: number; rendered: number } {
    const list = cards();
    const sizes = list.map((card) => 1 + allElements(card).length + (card.shadowRoot ? allElements(card.shadowRoot).length : 0));
    sizes.sort((a, b) => a - b);
    const visible = list.filter((card) => {
      const box = card.getBoundingClientRect();
      const scroller = card.parentElement?.closest('.column-scroll, .floor-scroll')?.getBoundingClientRect();
      return scroller !== undefined && box.bottom > scroller.top && box.top < scroller.bottom && box.height > 0;
    }).length;
    return { perCard: sizes[sizes.length >> 1] ?? 0, maxPerCard: sizes[sizes.length - 1] ?? 0, visible, rendered: list.length };
  },
};
