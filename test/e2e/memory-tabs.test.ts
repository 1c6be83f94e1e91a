/**
 * The demo on its in-memory backend in two tabs of one browser (one localStorage): a change made in one tab
 * shows live in the other, like the REST board, and neither tab's save drops the other's changes.
 */
import assert from 'node:assert/strict';
import { before, describe, test } from 'node:test';
import type { BrowserContext, Page } from 'playwright-core';
import { card, chooseAssignee, column, useDemo, waitForBoard, watchPageErrors } from './support.js';

const demo = useDemo('dev');
before(() => demo.ready);

async function tab(context: BrowserContext, query: string): Promise<Page> {
  const page = await context.newPage();
  page.setDefaultTimeout(10_000);
  await page.goto(new URL(query, demo.stack.url).href);
  await waitForBoard(page);
  await page.locator('#session').filter({ hasText: 'In memory' }).waitFor();
  return page;
}

/** Names of the leads on a column's rendered cards, top first. */
const names = (page: Page, label: string) =>
  column(page, label).getByRole('listitem').locator('.card-name').allTextContents();

describe('demo in memory, two tabs', () => {
  test('an assignment in one tab shows live in the other; a reload after the other tab wrote keeps both', async () => {
    const context = await demo.browser.newContext({ viewport: { width: 1440, height: 900 } });
    try {
      const a = await tab(context, '?adapter=memory&as=m1');
      const b = await tab(context, '?adapter=memory&as=m2');
      const errors = [...watchPageErrors(a), ...watchPageErrors(b)];

      // Tab A assigns the first card of Contacted to someone in the drawer.
      const [first] = await names(a, 'Contacted');
      assert.ok(first, 'Contacted has cards');
      await card(column(a, 'Contacted'), first!).locator('.card-open').click();
      const drawer = a.getByRole('dialog', { name: first });
      await drawer.waitFor();
      const assignee = (await b.locator('lead-kanban').locator('.chip .chip-name').nth(1).textContent())!.trim();
      await chooseAssignee(drawer, assignee);
      await drawer.getByText('Saved').waitFor();
      await a.keyboard.press('Escape');

      // Tab B, another person's board on the same browser data, shows it without a reload.
      await card(column(b, 'Contacted'), first!).locator('.card-assignee-name').filter({ hasText: assignee }).waitFor();

      // Tab B moves the first card of New to Won (its card menu; it lands at the column's end, maybe out of
      // the rendered window): tab A's board has it there too, live.
      const [moving] = await names(b, 'New');
      const id = (await card(column(b, 'New'), moving!).getAttribute('data-lead-id'))!;
      await card(column(b, 'New'), moving!).getByRole('button', { name: `Actions for ${moving}` }).click();
      await b.getByRole('menuitem', { name: 'Move to Won' }).click();
      await a.waitForFunction((leadId) => document.querySelector('lead-kanban')!.store?.lead(leadId)?.status === 'won', id);

      // Reloading tab A: both changes are in what it saved and what it loads.
      await a.reload();
      await waitForBoard(a);
      const status = await a.evaluate((leadId) => document.querySelector('lead-kanban')!.store?.lead(leadId)?.status, id);
      assert.equal(status, 'won');
      await card(column(a, 'Contacted'), first!).locator('.card-assignee-name').filter({ hasText: assignee }).waitFor();
      assert.deepEqual(errors, []);
    } finally {
      await context.close();
    }
  });
});
