/**
 * The in-page half of `npm run bench`: loads the standalone build as a host does (the elements entry and the
 * SDK entry, `lead-kanban.js` and `sdk.js`, with the chunks they share), builds the workload
 * and exposes one async function per measured step on `window.bench`. Node (run.ts) calls them one by one
 * with playwright, forcing a GC between steps, and takes the medians.
 *
 * Timing definitions: timing.ts.
 */
import type * as Sdk from '../../../sdk/index.js';
import type * as SdkMemory from '../../../sdk/memory.js';
import type { Lead, LeadStore } from '../../../sdk/index.js';
import type { MemoryAdapter } from '../../../sdk/memory.js';
import { coldSteps } from './cold.js';
import { allElements, measure, nextFrame, now, quiesce, round, walks, type Timing } from './timing.js';

export type { Timing };

/** The standalone entries, served next to this page. Variables keep TypeScript from resolving them. */
const ELEMENTS_URL = './lead-kanban.js';
const SDK_URL = './sdk.js';
/** The in-memory backend the bench runs on (its own entry: a host on a REST backend does not load it). */
const MEMORY_URL = './sdk-memory.js';

type Board = HTMLElement & { store: LeadStore | undefined; updateComplete: Promise<unknown> };

let lib: typeof Sdk;
let store: LeadStore;
let adapter: MemoryAdapter;
let board: Board | undefined;
/** Adapter `assign` calls since the last reset (the adapter method is wrapped with a counter). */
let assignCalls = 0;

function shadow(): ShadowRoot {
  if (!board?.shadowRoot) throw new Error('board not mounted');
  return board.shadowRoot;
}

/** An element of the board found by its accessible name (aria-label or text), as tests do. */
function byName<T extends HTMLElement>(selector: string, name: string, root: ParentNode = shadow()): T {
  const found = [...root.querySelectorAll<T>(selector)].find(
    (el) => el.getAttribute('aria-label') === name || el.textContent?.trim() === name,
  );
  if (!found) throw new Error(`no ${selector} named "${name}"`);
  return found;
}

/** The open `Assign leads` dialog (inside its element's shadow root), or null. */
function openAssignDialog(): HTMLDialogElement | null {
  return shadow().querySelector('lead-kanban-assign-dialog')?.shadowRoot?.querySelector<HTMLDialogElement>('dialog[open]') ?? null;
}

function column(label: string): HTMLElement {
  return byName<HTMLElement>('[role="region"]', label);
}

function renderedCards(): number {
  return allElements(shadow()).filter((el) => el.part.contains('card')).length;
}

const bench = {
  ...coldSteps,

  /** Seeds N leads, makes the database, an admin session (latency 0) and a loaded store: no board yet. */
  async setup(n: number): Promise<{ leads: number; columns: Record<string, number>; ms: number }> {
    const t0 = now();
    // The two entries a host page imports (registering the elements is a side effect), and the in-memory
    // backend the bench runs on.
    const [sdk, memory] = await Promise.all([
      import(SDK_URL) as Promise<typeof Sdk>,
      import(MEMORY_URL) as Promise<typeof SdkMemory>,
      import(ELEMENTS_URL),
    ]);
    lib = sdk;
    const database = new memory.MemoryDatabase(memory.seed({ leads: n, members: 12 }));
    adapter = new memory.MemoryAdapter({ database, as: 'm1', latency: 0 });
    const assign = adapter.assign.bind(adapter);
    adapter.assign = (...args: Parameters<MemoryAdapter['assign']>) => {
      assignCalls++;
      return assign(...args);
    };
    store = new lib.LeadStore(adapter);
    await store.load();
    if (store.status !== 'ready') throw new Error(`store did not load: ${store.error?.message}`);
    const columns: Record<string, number> = {};
    for (const c of store.columns) columns[c.key] = store.countIn(c.key);
    return { leads: store.leadCount, columns, ms: round(now() - t0) };
  },

  /**
   * First frame: an empty board is connected and rendered first (its element definitions and styles are
   * warm), then t0 = setting `.store` to the already loaded store. Also reports `boardScript`: until
   * `await board.updateComplete` alone (the board's own render, without its columns' and cards').
   */
  async mount(): Promise<Timing & { boardScript: number }> {
    board = document.createElement('lead-kanban') as Board;
    document.body.append(board);
    await quiesce();
    await nextFrame();
    await nextFrame();
    const t0 = now();
    board.store = store;
    await board.updateComplete;
    const boardDone = now();
    const done = await quiesce();
    const frame = await nextFrame();
    return { boardScript: round(boardDone - t0), script: round(done - t0), frame: round(frame - t0) };
  },

  domCount(): { elements: number; cards: number; extraWalks: number } {
    return { elements: allElements(document).length, cards: renderedCards(), extraWalks: walks.extra };
  },

  /** store.setFilter({ assignee }) → frame. */
  filter(assignee: string): Promise<Timing> {
    return measure(() => store.setFilter({ assignee }));
  },

  /**
   * One keystroke in `Search leads`: the input event (the board re-renders the box and arms its debounce),
   * then, separately, the debounced `store.setFilter({ q })` it triggers (t0 = when the board calls it).
   */
  async search(char: string): Promise<{ key: Timing; filter: Timing; total: number; matches: number }> {
    const input = byName<HTMLInputElement>('input', 'Search leads');
    const setFilter = store.setFilter;
    let filterStart = 0;
    const called = new Promise<void>((resolve) => {
      // Instance property over the prototype method: observes when the board's debounce fires.
      store.setFilter = (patch) => {
        filterStart = now();
        setFilter.call(store, patch);
        resolve();
      };
    });
    try {
      const typedAt = now();
      const key = await measure(() => {
        input.value += char;
        input.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true, data: char, inputType: 'insertText' }));
      });
      await called;
      const done = await quiesce();
      const frame = await nextFrame();
      const filter = { script: round(done - filterStart), frame: round(frame - filterStart) };
      return { key, filter, total: round(frame - typedAt), matches: store.matchingIds().length };
    } finally {
      delete (store as Partial<LeadStore>).setFilter; // back to the prototype's
    }
  },

  /** Clears the search box the same way (not measured). */
  async clearSearch(): Promise<void> {
    const input = byName<HTMLInputElement>('input', 'Search leads');
    input.value = '';
    input.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true, inputType: 'deleteContentBackward' }));
    while (store.filter.q !== '') await new Promise((r) => setTimeout(r, 20));
    await quiesce();
    await nextFrame();
  },

  /** Clicking one rendered card's `Select <name>` checkbox → frame. */
  selectOne(): Promise<Timing> {
    const card = shadow().querySelector<HTMLElement>('[part~="card"]')!;
    const name = store.lead(card.dataset.leadId!)!.name;
    const box = byName<HTMLInputElement>('input[type="checkbox"]', `Select ${name}`, card);
    return measure(() => box.click());
  },

  /** Clicking `Select all matching` → frame; returns how many got selected. */
  async selectAllMatching(): Promise<Timing & { selected: number }> {
    const button = byName<HTMLButtonElement>('button', 'Select all matching');
    const timing = await measure(() => button.click());
    return { ...timing, selected: store.selectedCount };
  },

  async clearSelection(): Promise<void> {
    store.clearSelection();
    await quiesce();
    await nextFrame();
  },

  /** Not measured: narrows the board (e.g. Unassigned + New, the user's own tip for bulk work). */
  async setFilter(patch: { assignee?: string; status?: string[] }): Promise<number> {
    store.setFilter(patch);
    await quiesce();
    await nextFrame();
    return store.matchingIds().length;
  },

  /** Not measured: keeps the first `count` of the selection (in board order) so the batch is exactly that size. */
  async trimSelection(count: number): Promise<number> {
    const selected = store.matchingIds().filter((id) => store.isSelected(id));
    store.deselect(selected.slice(count));
    await quiesce();
    await nextFrame();
    return store.selectedCount;
  },

  /**
   * Bulk assign through the UI, step 1 (not measured): `Assign` opens the `Assign leads` dialog and the
   * assignee is picked (the picker's value plus its `change` event, as a user's choice ends).
   */
  async openBulkAssign(assigneeId: string): Promise<number> {
    byName<HTMLButtonElement>('button', 'Assign').click();
    // The dialog is a chunk of its own: right after the first frame (profile.ts) it may still be on its way.
    for (let waited = 0; !openAssignDialog() && waited < 5000; waited += 20) await new Promise((r) => setTimeout(r, 20));
    await quiesce();
    await nextFrame();
    const dialog = openAssignDialog();
    if (!dialog) throw new Error('Assign leads dialog did not open');
    const picker = dialog.querySelector<HTMLElement & { value: string | null }>('assign-picker')!;
    picker.value = assigneeId;
    picker.dispatchEvent(new Event('change', { bubbles: true }));
    await quiesce();
    await nextFrame();
    return store.selectedCount;
  },

  /**
   * Step 2: t0 = clicking `Assign N leads`. Settled = the dialog has closed and no JavaScript is queued.
   * Counts the adapter `assign` calls made from t0.
   */
  async confirmBulkAssign(assigneeId: string): Promise<Timing & { calls: number; ok: number; selectedAfter: number }> {
    const dialog = openAssignDialog();
    if (!dialog) throw new Error('Assign leads dialog is not open');
    const confirm = byName<HTMLButtonElement>('button', `Assign ${store.selectedCount} leads`, dialog);
    const before = new Set(store.leadIdsAssignedTo(assigneeId));
    assignCalls = 0;
    const t0 = now();
    confirm.click();
    let done = await quiesce();
    while (dialog.open) {
      await new Promise((r) => setTimeout(r, 0));
      done = await quiesce();
    }
    const frame = await nextFrame();
    const ok = store.leadIdsAssignedTo(assigneeId).filter((id) => !before.has(id)).length;
    return { script: round(done - t0), frame: round(frame - t0), calls: assignCalls, ok, selectedAfter: store.selectedCount };
  },

  /**
   * Drag-equivalent move: `store.move(id, to, { index, source: 'drag' })` of the card at `fromIndex` of
   * column `from` (a rendered one) → frame. Script includes the adapter's answer and its pushed events.
   */
  async move(from: string, fromIndex: number, to: string, index: number): Promise<Timing & { columnSize: number; landed: number }> {
    const lead: Lead | undefined = store.cardsIn(from)[fromIndex];
    if (!lead) throw new Error(`no card ${fromIndex} in ${from}`);
    const columnSize = store.countIn(to);
    const timing = await measure(() => store.move(lead.id, to, { index, source: 'drag' }));
    column(store.columns.find((c) => c.key === to)!.label); // the target column is on the page
    return { ...timing, columnSize, landed: store.cardsIn(to).findIndex((l) => l.id === lead.id) };
  },
};

declare global {
  interface Window {
    bench: typeof bench;
  }
}
window.bench = bench;
