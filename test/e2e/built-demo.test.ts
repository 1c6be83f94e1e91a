/**
 * The BUILT demo (`vite build`, then `vite preview` with the same API plugin): catches what only a production
 * bundle breaks, such as a custom element registration dropped by tree-shaking (blank board, no error).
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { DEFAULT_COLUMNS } from '../../sdk/index.js';
import { apiAs, card, column, columnCount, countsByColumn, demoUsers, inColumn, sessionLine, useDemo, waitForBoard } from './support.js';

const demo = useDemo('built');

test('the built demo registers all three elements and runs on the REST API, then in memory', async () => {
  const admin = (await demoUsers(demo.stack)).find((m) => m.role === 'admin')!;
  const leads = await (await apiAs(demo.stack, admin.email)).listLeads();
  const { context, page, errors } = await demo.openDemo();
  await sessionLine(page).filter({ hasText: `Signed in as ${admin.name} (admin) on REST API` }).waitFor();
  const expected = countsByColumn(leads);
  for (const c of DEFAULT_COLUMNS) assert.equal(await columnCount(page, c.label), String(expected[c.key] ?? 0));

  // <lead-drawer> and <assign-picker> are registered too: the drawer opens with its Assignee combobox.
  const lead = inColumn(leads, 'new')[0]!;
  await card(column(page, 'New'), lead.name).first().getByRole('button', { name: lead.name, exact: true }).click();
  const drawer = page.getByRole('dialog', { name: lead.name, exact: true });
  await drawer.getByRole('combobox', { name: 'Assignee', exact: true }).waitFor();
  await drawer.getByRole('list', { name: 'Activity' }).getByRole('listitem').first().waitFor();
  await drawer.getByRole('button', { name: 'Close' }).click();

  // The card menu and the bulk dialog come in a chunk of their own, fetched after the first frame: both open.
  await card(column(page, 'New'), lead.name).first().getByRole('button', { name: `Actions for ${lead.name}`, exact: true }).click();
  await page.getByRole('menu', { name: `Actions for ${lead.name}` }).getByRole('menuitem', { name: 'Move to Contacted' }).waitFor();
  await page.keyboard.press('Escape');
  await card(column(page, 'New'), lead.name).first().getByRole('checkbox', { name: `Select ${lead.name}` }).check();
  await page.getByRole('button', { name: 'Assign', exact: true }).click();
  const bulk = page.getByRole('dialog', { name: 'Assign leads' });
  await bulk.getByRole('combobox', { name: 'Assignee', exact: true }).waitFor();
  await bulk.getByRole('button', { name: 'Cancel' }).click();

  await page.getByRole('radio', { name: 'In memory' }).check();
  await sessionLine(page).filter({ hasText: 'Signed in as' }).filter({ hasText: 'In memory' }).waitFor();
  await waitForBoard(page);
  assert.deepEqual(errors, []);
  await context.close();
});
