/**
 * A real board for the <lead-kanban> tests: a seeded MemoryDatabase, a MemoryAdapter session on it wrapped by
 * the FaultAdapter test tool (forwards everything; fails or forces conflicts only where a test asks), and the
 * board making its own LeadStore from that adapter. Plus small queries over the board's shadow root and the
 * shadow roots of its parts (menu, dialogs, drawer), so tests name what a user sees in one place.
 */
import { fixture, html, waitUntil } from '@open-wc/testing';
import { sendKeys, sendMouse } from '@web/test-runner-commands';
import type { Lead, LeadStore, Member } from '../../../sdk/index.js';
import { MemoryAdapter, MemoryDatabase, seed, type SeedData } from '../../../sdk/memory.js';
import type { AssignPicker } from '../../../src/assign-picker/assign-picker.js';
import '../../../src/lead-kanban/lead-kanban.js';
import type { LeadKanban } from '../../../src/lead-kanban/lead-kanban.js';
import type { LeadKanbanColumn } from '../../../src/lead-kanban/board-column.js';
import type { LeadDrawer } from '../../../src/lead-drawer/lead-drawer.js';
import { FaultAdapter } from '../../sdk/fault-adapter.js';
import { AdapterError } from '../../../sdk/index.js';
import { chord, flushTasks, nextFrame } from './common.js';

export interface BoardSetup {
  el: LeadKanban;
  store: LeadStore;
  database: MemoryDatabase;
  /** The session the board talks to (through `fault`). */
  backend: MemoryAdapter;
  fault: FaultAdapter;
  members: Member[];
}

export interface BoardOptions {
  leads?: number;
  /** Member id the board acts as (default m1, the admin). m3–m5 are plain members, m6 is inactive. */
  as?: string;
  /** Height of the board in px (columns scroll inside it). */
  height?: number;
  /** Adjusts the seeded data before the database is built. */
  prepare?: (data: SeedData) => void;
  /** Milliseconds the in-memory backend takes to answer (default 0). */
  latency?: number;
  /** An existing database (e.g. to "reload" the page on the same data). */
  database?: MemoryDatabase;
  /** false: the board hears nothing pushed, so its copy goes stale (as a page whose event stream is held back). */
  subscribe?: boolean;
  /** Width of the board in px (default 1400). */
  width?: number;
  /** Members seeded (default 6: m1 admin, m2 manager, m3–m5 members, m6 inactive). */
  members?: number;
}

export async function mountBoard(options: BoardOptions = {}): Promise<BoardSetup> {
  let database = options.database;
  if (!database) {
    const data = seed({ leads: options.leads ?? 40, members: options.members ?? 6, seed: 11 });
    options.prepare?.(data);
    database = new MemoryDatabase(data);
  }
  const backend = new MemoryAdapter({ database, as: options.as ?? 'm1', latency: options.latency ?? 0 });
  const fault = new FaultAdapter(backend, { subscribe: options.subscribe });
  const el = await fixture<LeadKanban>(
    html`<lead-kanban style="height:${options.height ?? 580}px; width:${options.width ?? 1400}px" .adapter=${fault}></lead-kanban>`,
  );
  await waitUntil(() => el.store?.status === 'ready', 'store loaded');
  await rendered(el);
  return { el, store: el.store!, database, backend, fault, members: database.snapshot().members };
}

/** Waits until the board and its columns (which render their cards) have rendered the store's current state. */
export async function rendered(el: LeadKanban): Promise<void> {
  for (let round = 0; round < 3; round++) {
    await el.updateComplete;
    for (const column of columns(el)) {
      await column.updateComplete;
    }
    await nextFrame();
  }
}

/** Lets queued promises and zero-delay timers run (the memory backend answers that way), then the board render. */
export async function settle(el: LeadKanban, rounds = 4): Promise<void> {
  await flushTasks(rounds);
  await rendered(el);
}

/** Presses a key, then waits for the board to render what it did. */
export async function press(setup: BoardSetup, key: string): Promise<void> {
  await sendKeys({ press: key });
  await rendered(setup.el);
}

export const root = (el: LeadKanban) => el.shadowRoot!;

export const columns = (el: LeadKanban) => [...root(el).querySelectorAll<LeadKanbanColumn>('lead-kanban-column')];

/** The column region named `label`. */
export function region(el: LeadKanban, label: string): LeadKanbanColumn {
  const found = root(el).querySelector<LeadKanbanColumn>(`[role="region"][aria-label="${label}"]`);
  if (!found) throw new Error(`no region named ${label}`);
  return found;
}

export const cardElements = (scope: ParentNode) => [...scope.querySelectorAll<HTMLElement>('[part~="card"]')];

/**
 * From now on, the cards whose DOM changes (attributes, text, nodes), by lead id with the number of changes:
 * what a user could see change. Read `changed()` after the change (it also takes the records not yet delivered).
 */
export function watchCardChanges(el: LeadKanban): { changed(): Map<string, number> } {
  const touched = new Map<string, number>();
  const note = (records: MutationRecord[]) => {
    for (const record of records) {
      const node = record.target instanceof Element ? record.target : record.target.parentElement;
      const id = node?.closest<HTMLElement>('[part~="card"]')?.dataset.leadId;
      if (id) touched.set(id, (touched.get(id) ?? 0) + 1);
    }
  };
  const observer = new MutationObserver(note);
  for (const column of columns(el)) observer.observe(column, { subtree: true, attributes: true, characterData: true, childList: true });
  return {
    changed() {
      note(observer.takeRecords());
      return touched;
    },
  };
}

/** Names of the rendered cards of a column, top to bottom. */
export const cardNames = (column: ParentNode) =>
  cardElements(column).map((c) => c.querySelector('.card-name')!.textContent!.trim());

export function card(el: LeadKanban, leadId: string): HTMLElement {
  const found = root(el).querySelector<HTMLElement>(`[part~="card"][data-lead-id="${leadId}"]`);
  if (!found) throw new Error(`card ${leadId} is not rendered`);
  return found;
}

export const cardButton = (el: LeadKanban, leadId: string) => card(el, leadId).querySelector<HTMLButtonElement>('.card-open')!;
export const cardCheckbox = (el: LeadKanban, leadId: string) => card(el, leadId).querySelector<HTMLInputElement>('.card-check')!;

/** Header count text of a column ("12" or "5 of 12"). */
export const headerCount = (column: LeadKanbanColumn) => column.querySelector('.column-count')!.textContent!.trim();

/**
 * The shadow root of one of the board's parts (the status filter; the card menu and the dialogs, which are
 * rendered from their first use on: null before).
 */
const partRoot = (el: LeadKanban, tag: string) => root(el).querySelector(tag)?.shadowRoot ?? null;

/** The open card menu (null while it is closed). */
export const menu = (el: LeadKanban) => partRoot(el, 'lead-kanban-menu')?.querySelector<HTMLElement>('[role="menu"]') ?? null;

/** The open card menu's items (empty while it is closed). */
export const menuItems = (el: LeadKanban) => [...(partRoot(el, 'lead-kanban-menu')?.querySelectorAll<HTMLElement>('[role="menuitem"]') ?? [])];

/** The `<dialog>` of the bulk "Assign leads" dialog (null before its first use). */
export const assignDialog = (el: LeadKanban) => partRoot(el, 'lead-kanban-assign-dialog')?.querySelector<HTMLDialogElement>('dialog') ?? null;
export const confirmButton = (el: LeadKanban) => assignDialog(el)!.querySelector<HTMLButtonElement>('.confirm-button')!;
export const dialogPicker = (el: LeadKanban) => assignDialog(el)!.querySelector<AssignPicker>('assign-picker')!;

/** The `<dialog>` of the "Keyboard shortcuts" dialog (null before its first use). */
export const helpDialog = (el: LeadKanban) => partRoot(el, 'lead-kanban-help-dialog')?.querySelector<HTMLDialogElement>('dialog') ?? null;

/** The "Filter by status" combobox and its options. */
export const statusCombobox = (el: LeadKanban) =>
  partRoot(el, 'lead-kanban-status-filter')!.querySelector<HTMLElement>('[role="combobox"][aria-label="Filter by status"]')!;
export const statusOptions = (el: LeadKanban) =>
  [...partRoot(el, 'lead-kanban-status-filter')!.querySelectorAll<HTMLElement>('[role="option"]')];

/** The board's drawer: rendered from the first opening of a lead on (null before, hence `shownDrawer`). */
export const drawer = (el: LeadKanban) => root(el).querySelector<LeadDrawer>('lead-drawer')!;
export const shownDrawer = (el: LeadKanban): LeadDrawer | null => root(el).querySelector<LeadDrawer>('lead-drawer');

/** Clicks a lead's card and waits for the drawer to be open on it, its content rendered. */
export async function openCard(el: LeadKanban, leadId: string): Promise<LeadDrawer> {
  cardButton(el, leadId).click();
  await waitUntil(() => shownDrawer(el)?.open && shownDrawer(el)?.leadId === leadId, 'drawer open');
  const opened = drawer(el);
  await opened.updateComplete;
  return opened;
}

export const toastTexts = (el: LeadKanban) =>
  [...root(el).querySelectorAll('.toast .toast-text')].map((t) => t.textContent!.trim());

/** Moves the first New card right with Ctrl+ArrowRight against a backend that refuses it; resolves once a toast tells. */
export async function refusedMove(setup: BoardSetup, reason = 'not yours'): Promise<Lead> {
  const lead = setup.store.cardsIn('new')[0]!;
  setup.fault.fail('updateLead', new AdapterError('forbidden', reason));
  cardButton(setup.el, lead.id).focus();
  await chord('Control', 'ArrowRight');
  await waitUntil(() => toastTexts(setup.el).length > 0, 'told');
  return lead;
}

export function button(el: LeadKanban, name: string): HTMLButtonElement {
  const found = [...root(el).querySelectorAll<HTMLButtonElement>('button')].find(
    (b) => (b.getAttribute('aria-label') ?? b.textContent!.replace(/\s+/g, ' ').trim()) === name,
  );
  if (!found) throw new Error(`no button named ${name}`);
  return found;
}

/** Centre of an element in viewport coordinates (for sendMouse), scrolled into view first. */
export function centre(target: Element): [number, number] {
  target.scrollIntoView({ block: 'nearest', inline: 'nearest' });
  const r = target.getBoundingClientRect();
  return [Math.round(r.left + r.width / 2), Math.round(r.top + r.height / 2)];
}

/** Moves the mouse from `from` to `to` in `steps` steps, a frame each (SortableJS's fallback mode follows it). */
export async function moveMouse(from: [number, number], to: [number, number], steps: number): Promise<void> {
  for (let i = 1; i <= steps; i++) {
    const x = Math.round(from[0] + ((to[0] - from[0]) * i) / steps);
    const y = Math.round(from[1] + ((to[1] - from[1]) * i) / steps);
    await sendMouse({ type: 'move', position: [x, y] });
    await nextFrame();
  }
}

/** A real pointer drag: press, travel in steps, release. */
export async function drag(from: [number, number], to: [number, number]): Promise<void> {
  await sendMouse({ type: 'move', position: from });
  await sendMouse({ type: 'down' });
  await moveMouse(from, to, 12);
  await sendMouse({ type: 'up' });
}

/** The backend's copy of every lead the board's member can see. */
export async function backendLeads(setup: BoardSetup): Promise<Lead[]> {
  return setup.backend.listLeads();
}

/** The next event of this name, typed by its entry in GlobalEventHandlersEventMap. */
export function nextEvent<K extends keyof GlobalEventHandlersEventMap>(
  target: EventTarget,
  name: K,
): Promise<GlobalEventHandlersEventMap[K]> {
  return new Promise((resolve) =>
    target.addEventListener(name, (e) => resolve(e as GlobalEventHandlersEventMap[K]), { once: true }),
  );
}
