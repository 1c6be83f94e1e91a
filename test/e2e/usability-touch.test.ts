/**
 * The demo (`npm start`, REST backend) on a phone and a tablet with touch, and with a mouse wheel: no width
 * from 320 px scrolls the page sideways, a double tap on a card opens it and keeps it open, the drawer is a
 * full-width sheet, touch targets are 44 px, one column shows at a time with stage tabs, and the workload strip
 * scrolls with the wheel.
 */
import assert from 'node:assert/strict';
import { before, describe, test } from 'node:test';
import type { Page } from 'playwright-core';
import { column, useDemo } from './support.js';

const demo = useDemo('dev');
before(() => demo.ready);

const phone = (width: number) => ({ viewport: { width, height: 800 }, hasTouch: true, isMobile: true });

/** The page's width against the viewport's (a page that scrolls sideways is wider). */
const widths = (page: Page) => page.evaluate((): [number, number] => [document.documentElement.scrollWidth, window.innerWidth]);

describe('demo on touch screens', () => {
  test('no sideways scroll at 320, 390, 768 and 1024 px; the app bar keeps View as and the theme switch on screen', async () => {
    for (const width of [320, 390, 768, 1024]) {
      const { context, page, errors } = await demo.openDemo('', phone(width));
      try {
        const [scroll, inner] = await widths(page);
        assert.equal(inner, width, `${width}: the page was not zoomed out to fit something wider`);
        assert.ok(scroll <= inner, `${width}: page ${scroll} px wide`);
        for (const control of [page.getByRole('combobox', { name: 'View as' }), page.getByRole('button', { name: 'Dark theme' })]) {
          const box = (await control.boundingBox())!;
          assert.ok(box.x >= 0 && box.x + box.width <= width, `${width}: ${await control.textContent()} on screen`);
        }
        assert.deepEqual(errors, []);
      } finally {
        await context.close();
      }
    }
  });

  test('a phone: one column with stage tabs; a double tap opens a lead as a full-width sheet that stays open', async () => {
    const { context, page } = await demo.openDemo('', phone(390));
    try {
      assert.equal(await column(page, 'New').isVisible(), true);
      assert.equal(await column(page, 'Contacted').isVisible(), false);
      await page.getByRole('tab', { name: /^Contacted \d+$/ }).tap();
      await column(page, 'Contacted').waitFor();
      assert.equal(await column(page, 'New').isVisible(), false);

      const name = column(page, 'Contacted').getByRole('listitem').first().locator('.card-open');
      const box = (await name.boundingBox())!;
      const [x, y] = [box.x + box.width / 2, box.y + box.height / 2];
      await page.touchscreen.tap(x, y);
      await page.waitForTimeout(120);
      await page.touchscreen.tap(x, y);
      const dialog = page.getByRole('dialog');
      await dialog.waitFor();
      await page.waitForTimeout(400);
      assert.equal(await dialog.isVisible(), true, 'the second tap did not close it');
      const panel = (await page.locator('lead-drawer-content').locator('.panel').boundingBox())!;
      assert.deepEqual([Math.round(panel.x), Math.round(panel.width)], [0, 390]);
      const close = (await dialog.getByRole('button', { name: 'Close' }).boundingBox())!;
      assert.ok(close.width >= 44 && close.height >= 44, `Close ${close.width} × ${close.height}`);
      const [scroll, inner] = await widths(page);
      assert.ok(scroll <= inner);
    } finally {
      await context.close();
    }
  });

  test('a tablet with touch: cards’ checkbox and actions, toolbar buttons and chips are 44 px targets', async () => {
    const { context, page } = await demo.openDemo('', phone(768));
    try {
      const card = column(page, 'New').getByRole('listitem').first();
      // The card checkbox's hit area is its ::before (a part of the input), centred on the 16 px box.
      const check = card.getByRole('checkbox');
      const hitSize = await check.evaluate((el) => {
        const hit = getComputedStyle(el, '::before');
        return { width: parseFloat(hit.width), height: parseFloat(hit.height) };
      });
      assert.ok(hitSize.width >= 44 && hitSize.height >= 44, `card checkbox: ${hitSize.width} × ${hitSize.height}`);
      const targets = [
        card.getByRole('button', { name: /^Actions for / }),
        page.getByRole('button', { name: 'Select all matching' }),
        page.getByRole('button', { name: 'Assign', exact: true }),
        page.locator('lead-kanban').locator('.chip').first(),
      ];
      for (const target of targets) {
        const box = (await target.boundingBox())!;
        assert.ok(box.width >= 44 && box.height >= 44, `${await target.evaluate((e) => e.className)}: ${box.width} × ${box.height}`);
      }
      // Tapping the hit area beside the small box selects the card.
      const box = (await check.boundingBox())!;
      await page.touchscreen.tap(box.x + box.width / 2 + hitSize.width / 2 - 4, box.y + box.height / 2 + hitSize.height / 2 - 4);
      await page.getByText('1 selected').waitFor();
    } finally {
      await context.close();
    }
  });

  test('with a mouse: the workload strip scrolls sideways with the wheel and shows there is more', async () => {
    const { context, page } = await demo.openDemo('', { viewport: { width: 1024, height: 800 } });
    try {
      const chips = page.locator('lead-kanban').locator('.chips');
      // The strip is measured once its first layout is reported (a ResizeObserver), not during the render.
      await page.waitForFunction(
        () => document.querySelector('lead-kanban')!.shadowRoot!.querySelector('.chips-frame')?.getAttribute('data-more') === 'end',
        undefined,
        { timeout: 5000 },
      );
      const box = (await chips.boundingBox())!;
      await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
      await page.mouse.wheel(0, 300);
      await page.waitForFunction(() => {
        const strip = document.querySelector('lead-kanban')!.shadowRoot!.querySelector('.chips')!;
        return strip.scrollLeft > 0;
      });
      await page.waitForFunction(() =>
        document.querySelector('lead-kanban')!.shadowRoot!.querySelector('.chips-frame')!.getAttribute('data-more')?.includes('start'),
      );
      assert.equal(await page.evaluate(() => window.scrollY), 0, 'the page did not scroll instead');
    } finally {
      await context.close();
    }
  });
});
