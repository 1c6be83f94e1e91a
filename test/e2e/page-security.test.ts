/**
 * `npm start` answers with security headers — the page with a restrictive Content-Security-Policy
 * (demo/page-headers.ts), the API with its own (demo/server/guards.ts) — and the demo still works under
 * them: the board loads, a move and a change of person go through, and Chromium reports no policy violation;
 * the React and Vue examples and the API reference load under the same policy (Vue's with its own policy name
 * allowed) with none either.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { PAGE_CSP, VUE_PAGE_CSP } from '../../demo/page-headers.js';
import { launchBrowser } from '../support/chromium.js';
import { column, startDevStack, waitForBoard, watchPageErrors, type DemoStack } from './support.js';

let stack: DemoStack;
let browser: Browser;

before(async () => {
  [stack, browser] = await Promise.all([startDevStack(), launchBrowser()]);
});
after(async () => {
  await browser?.close();
  await stack?.close();
});

/** Records the page's Content-Security-Policy violations from its first script on; answers a reader of them. */
async function watchViolations(page: Page): Promise<() => Promise<string[]>> {
  await page.addInitScript(() => {
    const seen: string[] = [];
    (window as unknown as { cspViolations: string[] }).cspViolations = seen;
    document.addEventListener('securitypolicyviolation', (e) => seen.push(`${e.violatedDirective} ${e.blockedURI}`));
  });
  return () => page.evaluate(() => (window as unknown as { cspViolations: string[] }).cspViolations);
}

describe('the demo under its security headers', () => {
  test('the page, its modules and the API each carry theirs', async () => {
    const page = await fetch(stack.url);
    assert.equal(page.headers.get('content-security-policy'), PAGE_CSP);
    assert.equal(page.headers.get('x-content-type-options'), 'nosniff');
    assert.equal(page.headers.get('referrer-policy'), 'strict-origin-when-cross-origin');
    assert.doesNotMatch(PAGE_CSP, /script-src[^;]*'unsafe-(inline|eval)'/);
    const module = await fetch(new URL('/main.ts', stack.url));
    assert.equal(module.status, 200);
    assert.equal(module.headers.get('x-content-type-options'), 'nosniff');
    const api = await fetch(`${stack.api}/me`);
    assert.equal(api.status, 401);
    assert.equal(api.headers.get('content-security-policy'), "default-src 'none'; frame-ancestors 'none'");
    assert.equal(api.headers.get('x-content-type-options'), 'nosniff');
  });

  test('the board works with no Content-Security-Policy violation', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    const violations = await watchViolations(page);
    const errors = watchPageErrors(page);
    try {
      await page.goto(stack.url);
      await waitForBoard(page);
      // A move through a card's menu (a write, its event back on the stream).
      const menu = column(page, 'New').getByRole('button', { name: /^Actions for / }).first();
      const name = ((await menu.getAttribute('aria-label')) ?? '').replace('Actions for ', '');
      await menu.click();
      await page.getByRole('menuitem', { name: 'Move to Contacted' }).click();
      await column(page, 'Contacted').getByRole('button', { name, exact: true }).waitFor();
      // Another person: a new demo session, the board reloaded.
      await page.locator('#view-as').selectOption({ index: 2 });
      await page.locator('#session').filter({ hasText: 'Signed in as' }).waitFor();
      await waitForBoard(page);
      assert.deepEqual(await violations(), []);
      assert.deepEqual(errors, []);
    } finally {
      await context.close();
    }
  });

  test('the React and Vue examples and the API reference load with no violation and no error', async () => {
    const vue = await fetch(new URL('/vue/', stack.url));
    assert.equal(vue.headers.get('content-security-policy'), VUE_PAGE_CSP);
    assert.match(VUE_PAGE_CSP, /trusted-types lit-html vue(;|$)/);
    for (const path of ['/react/', '/vue/', '/docs/']) {
      const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
      const page = await context.newPage();
      const violations = await watchViolations(page);
      const errors = watchPageErrors(page);
      const logged: string[] = [];
      page.on('console', (message) => {
        if (message.type() === 'error') logged.push(message.text());
      });
      try {
        await page.goto(new URL(path, stack.url).href);
        // Each shows a board; the reference's assign-picker example renders its combobox (its body fetched).
        if (path === '/docs/') await page.getByRole('combobox', { name: 'Owner' }).waitFor();
        else await waitForBoard(page);
        assert.deepEqual(await violations(), [], path);
        assert.deepEqual(errors, [], path);
        assert.deepEqual(logged, [], path);
      } finally {
        await context.close();
      }
    }
  });
});
