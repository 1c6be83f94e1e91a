/**
 * The three framework examples as a host would run them: React 19 and Vue 3 built by vite from their own
 * configs (demo/react, demo/vue), and the plain-HTML page (demo/html) served as static files with the
 * standalone build beside it — no bundler touches that page. In Chromium each one opens a lead, assigns it
 * through the drawer's Assignee picker, and must show the new assignee on the card, the example's own
 * `lead-assign` handler must have run, and the backend (the page's MemoryAdapter) must hold the assignment.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { after, before, describe, test } from 'node:test';
import type { Browser } from 'playwright-core';
import { build } from 'vite';
import { buildStandalone } from '../../scripts/standalone-build.mjs';
import type { Lead, LeadKanban } from '../../src/index.js';
import { seed } from '../../sdk/seed.js';
import { card, chooseAssignee, column, inColumn, waitForBoard, watchPageErrors } from '../e2e/support.js';
import { launchBrowser } from '../support/chromium.js';
import { serveFolders, type StaticServer } from './static-folders.js';

const PROJECT = fileURLToPath(new URL('../../', import.meta.url));
const demo = (path: string) => join(PROJECT, 'demo', path);

/** The examples seed `MemoryAdapter.seeded({ leads: 60 })`: the same data, known here. */
const data = seed({ leads: 60 });
const unique = (lead: Lead) => data.leads.filter((l) => l.name === lead.name).length === 1;
/** A lead at the top of New (its card is rendered), and a member who does not hold it yet. */
const target = inColumn(data.leads, 'new').slice(0, 3).find(unique)!;
const member = data.members.find((m) => m.role === 'member' && m.active && m.id !== target?.assigneeId)!;

let dir: string;
let browser: Browser;
const servers: StaticServer[] = [];

before(async () => {
  assert.ok(target && member, 'the seed has a lead at the top of New and a member to give it to');
  dir = mkdtempSync(join(tmpdir(), 'lead-kanban-examples-'));
  const quiet = { logLevel: 'error' as const };
  // One after the other: three vite builds at once only slow each other down on two cores.
  await build({ ...quiet, configFile: demo('react/vite.config.ts'), build: { outDir: join(dir, 'react'), emptyOutDir: true } });
  await build({ ...quiet, configFile: demo('vue/vite.config.ts'), build: { outDir: join(dir, 'vue'), emptyOutDir: true } });
  await buildStandalone(join(dir, 'standalone'));
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
  await Promise.all(servers.map((s) => s.close()));
  if (dir) rmSync(dir, { recursive: true, force: true });
});

async function serve(folders: Record<string, string>): Promise<string> {
  const server = await serveFolders(folders);
  servers.push(server);
  return server.url;
}

const EXAMPLES: { name: string; url: () => Promise<string> }[] = [
  { name: 'React 19 (built by vite)', url: async () => `${await serve({ '/': join(dir, 'react') })}/` },
  { name: 'Vue 3 (built by vite)', url: async () => `${await serve({ '/': join(dir, 'vue') })}/` },
  {
    name: 'plain HTML with the standalone build (no bundler)',
    url: async () => `${await serve({ '/': demo(''), '/html/standalone/': join(dir, 'standalone') })}/html/`,
  },
];

describe('framework examples: open a lead, assign it through the picker, the board shows it', () => {
  for (const example of EXAMPLES) {
    test(example.name, async () => {
      const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
      page.setDefaultTimeout(15_000);
      const errors = watchPageErrors(page);
      const requests: string[] = [];
      page.on('request', (r) => requests.push(new URL(r.url()).pathname));
      try {
        await page.goto(await example.url());
        await waitForBoard(page);
        const newColumn = column(page, 'New');
        await card(newColumn, target.name).getByRole('button', { name: target.name, exact: true }).click();
        const drawer = page.getByRole('dialog', { name: target.name, exact: true });
        await drawer.waitFor();
        await chooseAssignee(drawer, member.name);
        await page.getByRole('status').filter({ hasText: `1 assigned to ${member.name}` }).waitFor();
        await drawer.getByRole('button', { name: 'Close' }).click();
        await drawer.waitFor({ state: 'hidden' });
        await card(newColumn, target.name).getByText(member.name, { exact: true }).waitFor();

        const stored = await page.evaluate(async (id) => {
          const board = document.querySelector('lead-kanban') as LeadKanban;
          return (await board.adapter!.getLead(id)).assigneeId;
        }, target.id);
        assert.equal(stored, member.id, 'the backend holds the assignment');
        assert.deepEqual(errors, []);
        if (example.name.startsWith('plain')) {
          assert.ok(requests.includes('/html/standalone/lead-kanban.js'), 'the page loads the standalone build');
          assert.ok(!requests.some((p) => p.endsWith('.ts')), 'and no source file');
        }
      } finally {
        await page.close();
      }
    });
  }
});
