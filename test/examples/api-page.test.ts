/**
 * The API page (demo/docs), built by vite and opened in Chromium: every element the package exports has a
 * section listing each of its properties, attributes, methods, events, CSS parts and custom properties as the
 * manifest has them (the expectations are read from custom-elements.json too, so nothing is kept by hand
 * on either side), and the live examples work and log the events they fire.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { after, before, test } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { build } from 'vite';
import { publicElements } from '../../scripts/manifest-api.mjs';
import { seed } from '../../sdk/seed.js';
import { card, column, inColumn, watchPageErrors } from '../e2e/support.js';
import { launchBrowser } from '../support/chromium.js';
import { serveFolders, type StaticServer } from './static-folders.js';

const PROJECT = fileURLToPath(new URL('../../', import.meta.url));
const elements = publicElements(JSON.parse(readFileSync(join(PROJECT, 'custom-elements.json'), 'utf8')));

let dir: string;
let server: StaticServer;
let browser: Browser;
let page: Page;
let errors: Error[];

before(async () => {
  dir = mkdtempSync(join(tmpdir(), 'lead-kanban-docs-'));
  await build({ configFile: false, logLevel: 'error', root: join(PROJECT, 'demo/docs'),
    build: { outDir: join(dir, 'docs'), emptyOutDir: true, target: 'es2022' } });
  [server, browser] = await Promise.all([serveFolders({ '/': join(dir, 'docs') }), launchBrowser()]);
  page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
  page.setDefaultTimeout(15_000);
  errors = watchPageErrors(page);
  await page.goto(`${server.url}/`);
});

after(async () => {
  await browser?.close();
  await server?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

const section = (tag: string) => page.getByRole('region', { name: `<${tag}>`, exact: true });
/** A row of one of a section's tables ("Events", "CSS parts"…), by the name in its first cell. */
const rowHeader = (tag: string, table: string, text: string) =>
  section(tag).getByRole('table', { name: table, exact: true }).getByRole('rowheader', { name: text, exact: true });
const logged = (name: string) => page.getByRole('list', { name: 'Event log' }).getByRole('listitem').filter({ hasText: name });

test('every exported element has a section with everything the manifest lists', async () => {
  assert.deepEqual(elements.map((e) => e.tagName), ['lead-kanban', 'lead-drawer', 'assign-picker']);
  for (const el of elements) {
    await section(el.tagName).waitFor();
    assert.ok(el.properties.length > 0 && el.events.length > 0 && el.cssParts.length > 0, `${el.tagName} has an API`);
    for (const p of el.properties) assert.equal(await rowHeader(el.tagName, 'Properties and attributes', p.name).count(), 1, `${el.tagName} property ${p.name}`);
    for (const m of el.methods) assert.equal(await rowHeader(el.tagName, 'Methods', `${m.name}()`).count(), 1, `${el.tagName} method ${m.name}`);
    for (const e of el.events) {
      const row = section(el.tagName).getByRole('table', { name: 'Events' }).getByRole('row')
        .filter({ has: page.getByRole('rowheader', { name: e.name, exact: true }) });
      assert.equal(await row.count(), 1, `${el.tagName} event ${e.name}`);
      assert.match((await row.textContent()) ?? '', new RegExp(e.className), `${e.name} names its class`);
    }
    for (const p of el.cssParts) assert.equal(await rowHeader(el.tagName, 'CSS parts', p.name).count(), 1, `${el.tagName} part ${p.name}`);
    for (const p of el.cssProperties) assert.equal(await rowHeader(el.tagName, 'CSS custom properties', p.name).count(), 1, `${el.tagName} token ${p.name}`);
    for (const a of el.attributes) {
      const row = section(el.tagName).getByRole('table', { name: 'Properties and attributes' }).getByRole('row')
        .filter({ has: page.getByRole('rowheader', { name: a.fieldName ?? a.name, exact: true }) });
      assert.equal(await row.getByRole('cell', { name: a.name, exact: true }).count(), 1, `${el.tagName} attribute ${a.name}`);
    }
  }
});

test('live examples: a picker choice, a card opened on the board, a drawer closed; each event logged', async () => {
  const picker = section('assign-picker');
  await picker.getByRole('combobox', { name: 'Owner' }).click();
  // The page's picker runs on MemoryAdapter.seeded({ leads: 40, seed: 2 }): the same people, known here.
  const member = seed({ leads: 40, seed: 2 }).members.find((m) => m.role === 'member' && m.active)!;
  await picker.getByRole('option', { name: new RegExp(`^${member.name}(\\s|$)`) }).click();
  await picker.locator('output').filter({ hasText: `value = "${member.id}" (${member.name})` }).waitFor();
  await logged('change').first().waitFor();

  // The board runs on MemoryAdapter.seeded({ leads: 40 }): its first lead in New is known here.
  const first = inColumn(seed({ leads: 40 }).leads, 'new')[0]!;
  const board = section('lead-kanban');
  await card(column(board, 'New'), first.name).getByRole('button', { name: first.name, exact: true }).click();
  await logged('lead-open').waitFor();
  await page.keyboard.press('Escape');

  await section('lead-drawer').getByRole('button', { name: 'Open a lead in a drawer' }).click();
  const dialog = section('lead-drawer').getByRole('dialog');
  await dialog.waitFor();
  await page.keyboard.press('Escape');
  await logged('lead-request-close').first().waitFor();
  assert.deepEqual(errors, []);
});
