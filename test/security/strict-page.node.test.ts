/**
 * The BUILT elements on a page served with a strict Content-Security-Policy (STRICT_CSP: no 'unsafe-inline',
 * no 'unsafe-eval', Trusted Types required for script sinks, only Lit's policy allowed), on the real REST
 * server through a same-origin proxy, with hostile text (payloads.ts) in lead names, companies, notes and
 * member names. Board, drawer, picker, drag, the card menu, every dialog, toasts and undo are driven as a user
 * does; the page records zero policy violations, no payload runs and nothing is injected (page-guard.js).
 */
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer, request, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import type { Lead } from '../../sdk/schema.js';
import { STRICT_CSP } from '../../demo/page-headers.js';
import { buildBench, type BuiltBench } from '../bench/build.js';
import { call, people, startTestServer, type TestServer } from '../server/support.js';
import { launchBrowser } from '../support/chromium.js';
import { PAYLOADS } from './payloads.js';

const GUARD = readFileSync(new URL('./page-guard.js', import.meta.url), 'utf8');
const PAGE = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>strict page</title>
<link rel="stylesheet" href="/page.css"><script src="/page-guard.js"></script>
<script type="module" src="/page.js"></script></head><body></body></html>`;
/** The host's own script: the board on the REST API, the token from the address (no inline script anywhere). */
const PAGE_SCRIPT = `import './lead-kanban.js';
const board = document.createElement('lead-kanban');
board.setAttribute('api', '/api');
board.setAttribute('token', decodeURIComponent(location.hash.slice(1)));
document.body.append(board);`;

let server: TestServer;
let built: BuiltBench;
let host: Server;
let url: string;
let browser: Browser;
let outDir: string;
let admin: string;

/** Static files with the strict policy, and /api passed through to the reference server (SSE streamed). */
function startHost(api: URL): Promise<string> {
  const js = 'text/javascript; charset=utf-8';
  const files: Record<string, [string, string]> = {
    '/': [PAGE, 'text/html; charset=utf-8'],
    '/page.js': [PAGE_SCRIPT, js],
    '/page-guard.js': [GUARD, js],
    '/page.css': ['body{margin:0;font-family:sans-serif}lead-kanban{display:block;height:900px}', 'text/css'],
    ...Object.fromEntries(built.files.map((f) => [`/${f.file}`, [f.text, js] as [string, string]])),
  };
  host = createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://localhost').pathname;
    if (path.startsWith('/api/')) {
      const upstream = request({ host: api.hostname, port: api.port, path: req.url, method: req.method,
        headers: { ...req.headers, host: api.host } }, (answer) => {
        res.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(res);
      });
      upstream.on('error', () => res.destroy());
      req.pipe(upstream);
      return;
    }
    const file = files[path];
    if (!file) return void res.writeHead(404).end();
    res.writeHead(200, { 'content-type': file[1], 'content-security-policy': STRICT_CSP, 'x-content-type-options': 'nosniff' }).end(file[0]);
  });
  return new Promise((resolve) => host.listen(0, '127.0.0.1', () => resolve(`http://127.0.0.1:${(host.address() as AddressInfo).port}/`)));
}

before(async () => {
  outDir = mkdtempSync(join(tmpdir(), 'lead-kanban-strict-'));
  [server, built, browser] = await Promise.all([startTestServer(), buildBench({ outDir: `${outDir}/` }), launchBrowser()]);
  admin = await server.login(people.admin);
  // Hostile text where the backend keeps it: lead names and companies, notes, member names.
  const leads: Lead[] = (await call(server.api, 'GET', '/leads', { token: admin })).body.leads;
  const open = leads.filter((l) => l.status === 'new' || l.status === 'contacted').slice(0, PAYLOADS.length);
  await Promise.all(open.map(async (lead, i) => {
    const answer = await call(server.api, 'PATCH', `/leads/${lead.id}`, { token: admin,
      body: { expectedVersion: lead.version, name: PAYLOADS[i], company: PAYLOADS[(i + 11) % PAYLOADS.length] } });
    assert.equal(answer.status, 200, `PATCH ${PAYLOADS[i]}`);
    await call(server.api, 'POST', `/leads/${lead.id}/notes`, { token: admin, body: { text: PAYLOADS[(i + 23) % PAYLOADS.length] } });
  }));
  for (const [i, member] of people.all.entries()) {
    if (member.id === people.admin.id) continue;
    await server.db.query('UPDATE members SET name = ? WHERE id = ?', [PAYLOADS[(i * 7) % PAYLOADS.length], member.id]);
  }
  url = await startHost(new URL(server.api));
});
after(async () => {
  await browser?.close();
  await new Promise((resolve) => (host ? host.close(resolve) : resolve(undefined)));
  await server?.dispose();
  if (outDir) rmSync(outDir, { recursive: true, force: true });
});

interface Guard { ran: string[]; violations: string[]; errors: string[] }
const problems = (page: Page) => page.evaluate(() => {
  const w = window as unknown as { __guard: Guard; __injected(): string[] };
  return { ran: w.__guard.ran, violations: w.__guard.violations, errors: w.__guard.errors, injected: w.__injected() };
});
async function clean(page: Page, step: string): Promise<void> {
  assert.deepEqual(await problems(page), { ran: [], violations: [], errors: [], injected: [] }, step);
}
/** Ids from the board's own store (what to act on); everything else goes through what a user sees. */
const storeIds = (page: Page, status: string) => page.evaluate((s) =>
  (document.querySelector('lead-kanban') as unknown as { store: { cardsIn(s: string): { id: string; name: string }[] } })
    .store.cardsIn(s).map((l) => ({ id: l.id, name: l.name })), status);

describe('the built elements on a strict page, over REST, with hostile text', () => {
  test('board, drawer, picker, drag, menu, every dialog, toasts and undo: zero violations, nothing ran or injected', async () => {
    const context = await browser.newContext({ viewport: { width: 1440, height: 1000 } });
    const page = await context.newPage();
    const pageErrors: string[] = [];
    page.on('pageerror', (e) => pageErrors.push(e.message));
    try {
      await page.goto(`${url}#${encodeURIComponent(admin)}`);
      const board = page.locator('lead-kanban');
      await board.getByRole('region', { name: 'New', exact: true }).waitFor();
      await page.locator('[aria-busy="false"]', { has: page.getByRole('region', { name: 'New', exact: true }) }).waitFor();
      await page.waitForFunction(() => document.querySelector('lead-kanban')?.shadowRoot?.querySelector('[part~="card"]'));
      await clean(page, 'board');

      // The drawer on a hostile lead: its fields, notes and history; the picker's list of hostile names.
      const [first] = await storeIds(page, 'new');
      await board.getByRole('button', { name: first!.name, exact: true }).first().click();
      const drawer = page.getByRole('dialog', { name: first!.name, exact: true });
      await drawer.getByRole('list', { name: 'Activity' }).getByRole('listitem').first().waitFor();
      await drawer.getByRole('combobox', { name: 'Assignee', exact: true }).click();
      const option = drawer.getByRole('listbox').getByRole('option').nth(2);
      await option.waitFor();
      await clean(page, 'drawer and picker');
      await option.click();
      await page.waitForFunction((id) => {
        const store = (document.querySelector('lead-kanban') as unknown as { store: { isPending(id: string): boolean } }).store;
        return !store.isPending(id);
      }, first!.id);
      await drawer.getByRole('button', { name: 'Close' }).click();
      await clean(page, 'assignment toast');

      // A drag (SortableJS) from New to Qualified.
      const [dragged] = await storeIds(page, 'new');
      // SortableJS arrives in a chunk of its own after the first render: a card's list has it once it is draggable.
      await page.waitForFunction(() => [...document.querySelector('lead-kanban')!.shadowRoot!.querySelectorAll('lead-kanban-column')]
        .some((c) => Object.keys(c.querySelector('.column-list') ?? {}).some((k) => k.startsWith('Sortable'))));
      const [target] = await storeIds(page, 'qualified');
      const from = await board.getByRole('listitem').filter({ has: page.getByRole('button', { name: dragged!.name, exact: true }) }).first().boundingBox();
      const to = await board.getByRole('listitem').filter({ has: page.getByRole('button', { name: target!.name, exact: true }) }).first().boundingBox();
      await page.mouse.move(from!.x + from!.width / 2, from!.y + from!.height / 2);
      await page.mouse.down();
      await page.mouse.move(to!.x + to!.width / 2, to!.y + to!.height * 0.8, { steps: 24 });
      await page.mouse.up();
      await page.waitForFunction((id) => {
        const store = (document.querySelector('lead-kanban') as unknown as { store: { lead(id: string): { status: string } | undefined; isPending(id: string): boolean } }).store;
        return store.lead(id)?.status === 'qualified' && !store.isPending(id);
      }, dragged!.id);
      await clean(page, 'drag');

      // The toast's Undo puts it back.
      await board.locator('.toast', { hasText: 'moved to Qualified' }).getByRole('button', { name: 'Undo' }).click();
      await page.waitForFunction((id) => {
        const store = (document.querySelector('lead-kanban') as unknown as { store: { lead(id: string): { status: string } | undefined; isPending(id: string): boolean } }).store;
        return store.lead(id)?.status === 'new' && !store.isPending(id);
      }, dragged!.id);
      await clean(page, 'undo');

      // The card menu: a move.
      const [moved] = await storeIds(page, 'contacted');
      await board.getByRole('button', { name: `Actions for ${moved!.name}`, exact: true }).click();
      await page.getByRole('menuitem', { name: 'Move to Proposal' }).click();
      await page.waitForFunction((id) => {
        const store = (document.querySelector('lead-kanban') as unknown as { store: { lead(id: string): { status: string } | undefined } }).store;
        return store.lead(id)?.status === 'proposal';
      }, moved!.id);
      await clean(page, 'menu');

      // Bulk: select three, the Assign dialog, then Distribute.
      const three = (await storeIds(page, 'new')).slice(0, 3);
      for (const lead of three) await board.getByRole('checkbox', { name: `Select ${lead.name}`, exact: true }).check();
      await board.getByRole('button', { name: 'Assign', exact: true }).click();
      const assign = page.getByRole('dialog', { name: 'Assign leads' });
      await assign.getByRole('combobox', { name: 'Assignee', exact: true }).click();
      await assign.getByRole('listbox').getByRole('option').nth(1).click();
      await clean(page, 'assign dialog');
      await assign.getByRole('button', { name: /^Assign \d+ leads?$/ }).click();
      await assign.waitFor({ state: 'hidden' });
      for (const lead of three) await board.getByRole('checkbox', { name: `Select ${lead.name}`, exact: true }).check();
      await board.getByRole('button', { name: 'Distribute…', exact: true }).click();
      const distribute = page.getByRole('dialog', { name: 'Distribute leads' });
      await distribute.getByRole('button', { name: /^Distribute \d+ leads?$/ }).waitFor();
      await clean(page, 'distribute dialog');
      await distribute.getByRole('button', { name: /^Distribute \d+ leads?$/ }).click();
      await distribute.waitFor({ state: 'hidden' });
      await clean(page, 'bulk toasts');

      // Add lead with a hostile name, an import preview of hostile cells, the rules dialog.
      await board.getByRole('button', { name: 'Add lead', exact: true }).click();
      const add = page.getByRole('dialog', { name: 'Add lead' });
      await add.getByLabel('Name', { exact: true }).fill(PAYLOADS[8]!);
      await add.getByRole('button', { name: 'Create lead' }).click();
      await add.waitFor({ state: 'hidden' });
      await clean(page, 'add lead');
      await board.getByRole('button', { name: 'Import leads', exact: true }).click();
      const importing = page.getByRole('dialog', { name: 'Import leads' });
      const csv = ['name,company,email,status', ...PAYLOADS.slice(0, 20).map((p, i) =>
        [p, p, i % 2 ? p : `p${i}@x.example`, 'new'].map((v) => `"${v.replace(/"/g, '""')}"`).join(','))].join('\n');
      await importing.getByLabel('CSV file').setInputFiles({ name: 'hostile.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
      await importing.getByText(/rows read/).waitFor();
      await clean(page, 'import preview');
      await importing.getByRole('button', { name: /^Import \d+ leads?$/ }).click();
      await importing.waitFor({ state: 'hidden' });
      await board.getByRole('button', { name: 'Assignment rules', exact: true }).click();
      const rules = page.getByRole('dialog', { name: 'Assignment rules' });
      await rules.getByRole('switch').waitFor();
      await clean(page, 'rules dialog');
      await rules.getByRole('button', { name: 'Cancel' }).click();
      assert.deepEqual(pageErrors, []);
    } finally {
      await context.close();
    }
  });
});
