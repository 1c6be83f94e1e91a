/**
 * End-to-end support: the REAL `npm start` stack (vite with the project's vite.config.ts, whose plugin mounts
 * the reference server under /api) on a free port over a temporary SQLite file, a headless Chromium driven by
 * playwright-core, and a Node-side view of the same backend (RestAdapter and the SQLite file itself) to check
 * what the browser did against what the server holds.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer as createNetServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { after, before } from 'node:test';
import Database from 'better-sqlite3';
import type { Browser, BrowserContext, BrowserContextOptions, Locator, Page } from 'playwright-core';
import { build, createServer, preview, type InlineConfig } from 'vite';
import type { Lead, Member } from '../../sdk/index.js';
import { RestAdapter } from '../../sdk/index.js';
import { launchBrowser } from '../support/chromium.js';

const PROJECT = resolve(import.meta.dirname, '../..');
const CONFIG_FILE = join(PROJECT, 'vite.config.ts');

export interface DemoStack {
  /** The demo page, e.g. http://localhost:41234/ */
  url: string;
  /** The API root the page uses (same origin). */
  api: string;
  databasePath: string;
  close(): Promise<void>;
}

/** A port nobody listens on right now (vite's config insists on `strictPort`, so we choose it). */
function freePort(): Promise<number> {
  return new Promise((done, fail) => {
    const probe = createNetServer();
    probe.once('error', fail);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() => (typeof address === 'object' && address ? done(address.port) : fail(new Error('no port'))));
    });
  });
}

/**
 * The plugin reads DATABASE_PATH (and LOG) from the environment when the server starts, exactly as under
 * `npm start`; each test file runs in its own process, so setting them here touches nobody else.
 */
function useTempDatabase(): { dir: string; databasePath: string } {
  const dir = mkdtempSync(join(tmpdir(), 'lead-kanban-e2e-'));
  const databasePath = join(dir, 'leads.db');
  process.env.DATABASE_PATH = databasePath;
  process.env.LOG = '0';
  return { dir, databasePath };
}

const quiet: InlineConfig = { configFile: CONFIG_FILE, logLevel: 'error', clearScreen: false };

/** `npm start`: the vite dev server with the API plugin. */
export async function startDevStack(): Promise<DemoStack> {
  const { dir, databasePath } = useTempDatabase();
  const port = await freePort();
  const server = await createServer({
    ...quiet,
    // No file watching: other people editing the tree must not restart the server under a running test.
    server: { port, watch: null, hmr: false },
  });
  await server.listen();
  return running(server, port, dir, databasePath);
}

/** `vite build` then `vite preview`: the built demo page, the API mounted by the same plugin. */
export async function startBuiltStack(): Promise<DemoStack> {
  const { dir, databasePath } = useTempDatabase();
  const outDir = join(dir, 'demo');
  await build({ ...quiet, build: { outDir, emptyOutDir: true } });
  const port = await freePort();
  const server = await preview({ ...quiet, build: { outDir }, preview: { port } });
  return running(server, port, dir, databasePath);
}

/** The stack a started dev or preview server gives; closing it also deletes its temporary database. */
function running(
  server: { resolvedUrls: { local: string[] } | null; close(): Promise<void> },
  port: number,
  dir: string,
  databasePath: string,
): DemoStack {
  const url = server.resolvedUrls?.local[0] ?? `http://localhost:${port}/`;
  return {
    url,
    api: new URL('/api', url).href,
    databasePath,
    async close() {
      await server.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Fails the test on any uncaught page error (a broken registration, a rejected promise nobody handled). */
export function watchPageErrors(page: Page): Error[] {
  const errors: Error[] = [];
  page.on('pageerror', (error) => errors.push(error));
  return errors;
}

/** The stack and the browser of one test file, started before its tests and closed after them. */
export interface E2eSetup {
  readonly stack: DemoStack;
  readonly browser: Browser;
  /** Resolves once both are started (a file's own `before` hooks await it: hook order is not theirs to rely on). */
  readonly ready: Promise<void>;
  /**
   * A fresh browser context (own sessionStorage) with a page on the demo at `query` (e.g. `?as=m2`), the board
   * loaded, uncaught page errors collected in `errors`; `options` for the context (a phone: viewport, touch).
   * Close the context when done.
   */
  openDemo(query?: string, options?: BrowserContextOptions): Promise<{ context: BrowserContext; page: Page; errors: Error[] }>;
}

/**
 * Registers the file's `before`/`after`: the demo stack (`dev`: `npm start`; `built`: the built demo) and a
 * browser, started together and closed after the last test.
 */
export function useDemo(kind: 'dev' | 'built'): E2eSetup {
  let stack: DemoStack | undefined;
  let browser: Browser | undefined;
  let started!: () => void;
  const ready = new Promise<void>((resolve) => (started = resolve));
  before(async () => {
    [stack, browser] = await Promise.all([kind === 'dev' ? startDevStack() : startBuiltStack(), launchBrowser()]);
    started();
  });
  after(async () => {
    await browser?.close();
    await stack?.close();
  });
  return {
    get stack() {
      return stack!;
    },
    get browser() {
      return browser!;
    },
    ready,
    async openDemo(query = '', options: BrowserContextOptions = {}) {
      const context = await browser!.newContext({ viewport: { width: 1440, height: 900 }, ...options });
      const page = await context.newPage();
      page.setDefaultTimeout(10_000);
      const errors = watchPageErrors(page);
      await page.goto(new URL(query, stack!.url).href);
      await waitForBoard(page);
      return { context, page, errors };
    },
  };
}

// ---- the backend, seen from Node --------------------------------------------------------------------------------

/** The API as a given person: the same RestAdapter the page uses, without the event stream. */
export function apiAs(stack: DemoStack, email: string): Promise<RestAdapter> {
  return RestAdapter.login(stack.api, email, { events: 'off' });
}

export function demoUsers(stack: DemoStack): Promise<Member[]> {
  return RestAdapter.listDemoUsers(stack.api);
}

export interface StoredLead {
  id: string;
  assignee_id: string | null;
  version: number;
}

export interface StoredActivity {
  lead_id: string;
  type: string;
  actor_id: string;
  from_value: string | null;
  to_value: string | null;
  source: string | null;
  batch_id: string | null;
}

/** Reads the SQLite file directly (read-only, beside the running server: WAL allows it). */
export function readDatabase<T>(stack: DemoStack, read: (db: Database.Database) => T): T {
  const db = new Database(stack.databasePath, { readonly: true, fileMustExist: true });
  try {
    return read(db);
  } finally {
    db.close();
  }
}

export function storedLead(stack: DemoStack, id: string): StoredLead | undefined {
  return readDatabase(stack, (db) =>
    db.prepare('SELECT id, assignee_id, version FROM leads WHERE id = ?').get(id) as StoredLead | undefined);
}

export function storedActivity(stack: DemoStack, leadId: string): StoredActivity[] {
  return readDatabase(stack, (db) =>
    db.prepare('SELECT lead_id, type, actor_id, from_value, to_value, source, batch_id FROM activity WHERE lead_id = ? ORDER BY seq')
      .all(leadId) as StoredActivity[]);
}

/** Leads of one column in board order (the order the page renders them). */
export function inColumn(leads: readonly Lead[], status: string): Lead[] {
  return leads.filter((l) => l.status === status).sort((a, b) => a.position - b.position);
}

// ---- the page, through accessible roles and names (docs/architecture.md, "Accessible names") --------------------------------------------------

export const column = (scope: Page | Locator, label: string): Locator =>
  scope.getByRole('region', { name: label, exact: true });

/** A card: the list item holding the button named by the lead. */
export const card = (scope: Page | Locator, leadName: string): Locator =>
  scope.getByRole('listitem').filter({ has: pageOf(scope).getByRole('button', { name: leadName, exact: true }) });

/** `filter({ has })` takes a locator relative to the item, i.e. one started from the page. */
const pageOf = (scope: Page | Locator): Page => ('page' in scope ? scope.page() : scope);

/** The number a column header shows ("191", or "12 of 191" under a filter). */
export async function columnCount(scope: Page | Locator, label: string): Promise<string> {
  return ((await column(scope, label).locator('.column-count').textContent()) ?? '').trim();
}

/** Waits until a board (the page's, or the one `scope` holds) has its columns and has finished loading. */
export async function waitForBoard(scope: Page | Locator): Promise<void> {
  await column(scope, 'New').waitFor();
  // The row of columns is aria-busy until the board has its data (no store yet, or its store loading).
  await scope.locator('[aria-busy="false"]', { has: pageOf(scope).getByRole('region', { name: 'New', exact: true }) }).waitFor();
}

/** Picks a person in an Assignee combobox (the drawer's or the bulk dialog's) as a user does. */
export async function chooseAssignee(scope: Locator, name: string): Promise<void> {
  const combobox = scope.getByRole('combobox', { name: 'Assignee', exact: true });
  await combobox.click();
  // Options read "Name 12 open": match the start, so "Ana Li" cannot pick "Ana Lima".
  await scope.getByRole('option', { name: new RegExp(`^${escapeRegExp(name)}(?:\\s|$)`) }).click();
}

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Per column key, how many of `leads` it holds: what each column header should show. */
export function countsByColumn(leads: readonly Lead[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const lead of leads) counts[lead.status] = (counts[lead.status] ?? 0) + 1;
  return counts;
}

/** The demo's session line ("Signed in as … on REST API · /api"). */
export const sessionLine = (page: Page): Locator => page.locator('#session');
