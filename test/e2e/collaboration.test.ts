/**
 * Working together on the real `npm start` stack (reference server on SQLite), in Chromium, through roles and
 * names: Distribute… (applied = previewed, max − min ≤ 1), Undo after single, bulk, distribute and move —
 * including a lead someone else changed in between —, conflicts met by a page whose event stream is held back
 * (Keep mine), the assignee alert, presence, and an open drawer updating in place. Every result is checked
 * against what the server (API, SQLite file) holds.
 */
import assert from 'node:assert/strict';
import { before, describe, test } from 'node:test';
import type { Page } from 'playwright-core';
import type { Lead, Member } from '../../sdk/index.js';
import {
  apiAs, card, chooseAssignee, column, demoUsers, inColumn, readDatabase, storedActivity, useDemo, waitForBoard, watchPageErrors,
} from './support.js';

const demo = useDemo('dev');
let people: Member[];
let admin: Member;
let manager: Member;
let members: Member[];

before(async () => {
  await demo.ready;
  people = await demoUsers(demo.stack);
  admin = people.find((m) => m.role === 'admin')!;
  manager = people.find((m) => m.role === 'manager')!;
  members = people.filter((m) => m.role === 'member').sort((a, b) => a.name.localeCompare(b.name));
});

const openAs = (member: Member, options: { holdEvents?: boolean } = {}) =>
  options.holdEvents ? openHeld(member) : demo.openDemo(`?as=${encodeURIComponent(member.id)}`);

/**
 * A page whose event stream never opens (its requests are refused at the network, so EventSource keeps
 * retrying): it hears nothing others do, and its copy goes stale — a real way for a write to meet a newer version.
 */
async function openHeld(member: Member) {
  const context = await demo.browser.newContext({ viewport: { width: 1440, height: 900 } });
  await context.route('**/api/events**', (route) => route.abort());
  const page = await context.newPage();
  page.setDefaultTimeout(10_000);
  const errors = watchPageErrors(page);
  await page.goto(new URL(`?as=${encodeURIComponent(member.id)}`, demo.stack.url).href);
  await waitForBoard(page);
  return { context, page, errors };
}

const toast = (page: Page, text: string | RegExp) => page.locator('.toast', { hasText: text });
let adminApi: ReturnType<typeof apiAs> | undefined;
/** Every lead as the server holds it now (the admin sees them all). */
const leadsNow = async (): Promise<Lead[]> => (await (adminApi ??= apiAs(demo.stack, admin.email))).listLeads();

/**
 * Leads near the top of a column (rendered without scrolling: columns are virtualized) whose name no other lead
 * shares, so a card is found by its accessible name.
 */
async function uniqueIn(status: string, keep: (l: Lead) => boolean = () => true, top = 10): Promise<Lead[]> {
  const all = await leadsNow();
  const count = new Map<string, number>();
  for (const l of all) count.set(l.name, (count.get(l.name) ?? 0) + 1);
  return inColumn(all, status).slice(0, top).filter((l) => count.get(l.name) === 1 && keep(l));
}

/** Selects a lead's card wherever it is in its column: searched for, checked, the search cleared (the selection stays). */
async function selectBySearch(page: Page, status: string, lead: Lead): Promise<void> {
  const search = page.getByRole('searchbox', { name: 'Search leads' });
  await search.fill(lead.name);
  await card(column(page, status), lead.name).getByRole('checkbox', { name: `Select ${lead.name}` }).check();
  await search.fill('');
}

const openCard = async (page: Page, status: string, lead: Lead) => {
  await card(column(page, status), lead.name).getByRole('button', { name: lead.name, exact: true }).click();
  return page.getByRole('dialog', { name: lead.name, exact: true });
};

describe('working together (npm start, REST)', () => {
  test('Distribute…: the preview table is exactly what the server holds afterwards, max − min ≤ 1, one batch', async () => {
    const { context, page, errors } = await openAs(admin);
    try {
      await page.getByRole('checkbox', { name: 'Select all in Qualified', exact: true }).check();
      await page.getByRole('button', { name: 'Distribute…', exact: true }).click();
      const dialog = page.getByRole('dialog', { name: 'Distribute leads' });
      await dialog.waitFor();
      const receivers = members.slice(0, 3);
      for (const box of await dialog.getByRole('group', { name: 'People who receive leads' }).getByRole('checkbox').all()) {
        const label = (await box.evaluate((el) => el.closest('label')!.textContent)) ?? '';
        if (!receivers.some((m) => label.includes(m.name))) await box.uncheck();
      }
      // Rows for the receivers, then for people who only give leads up (0 received, their load going down).
      const preview = new Map<string, number>();
      for (const row of await dialog.getByRole('table', { name: 'Preview' }).locator('tbody tr').all()) {
        const person = (await row.locator('th').textContent())!.trim();
        const receives = Number(await row.locator('.receives').textContent());
        if (receivers.some((m) => m.name === person)) preview.set(person, receives);
        else assert.equal(receives, 0, `${person} only gives leads up`);
      }
      assert.deepEqual([...preview.keys()].sort(), receivers.map((m) => m.name).sort());
      const counts = [...preview.values()];
      assert.ok(Math.max(...counts) - Math.min(...counts) <= 1, `even: ${counts}`);
      const total = counts.reduce((a, b) => a + b, 0);
      const confirm = dialog.getByRole('button', { name: `Distribute ${total} leads`, exact: true });
      await confirm.click();
      await toast(page, `${total} leads distributed`).waitFor();

      // Every Qualified lead was in the plan: each receiver now holds exactly what the table said.
      const after = new Map((await leadsNow()).map((l) => [l.id, l]));
      const qualified = [...after.values()].filter((l) => l.status === 'qualified');
      assert.equal(qualified.length, total);
      for (const m of receivers) assert.equal(qualified.filter((l) => l.assigneeId === m.id).length, preview.get(m.name), m.name);
      const rows = readDatabase(demo.stack, (db) => db.prepare(
        "SELECT lead_id, to_value, batch_id, source FROM activity WHERE source = 'distribute' ORDER BY seq").all() as
        { lead_id: string; to_value: string; batch_id: string; source: string }[]);
      const batch = rows.at(-1)!.batch_id;
      // One batch: a history row for each lead that changed hands (one already with its receiver has none).
      const mine = rows.filter((r) => r.batch_id === batch);
      assert.ok(mine.length > 0 && mine.length <= total);
      for (const r of mine) assert.equal(after.get(r.lead_id)!.assigneeId, r.to_value);

      // …and its Undo puts every lead that changed hands back.
      await toast(page, `${total} leads distributed`).getByRole('button', { name: 'Undo' }).click();
      await toast(page, `Assignment of ${mine.length} leads undone`).waitFor();
      const undone = new Map((await leadsNow()).map((l) => [l.id, l]));
      const before = readDatabase(demo.stack, (db) => db.prepare(
        'SELECT lead_id, from_value FROM activity WHERE batch_id = ?').all(batch) as { lead_id: string; from_value: string | null }[]);
      for (const r of before) assert.equal(undone.get(r.lead_id)!.assigneeId, r.from_value);
      assert.deepEqual(errors, []);
    } finally {
      await context.close();
    }
  });

  test('Undo after a single assignment and after a move; Ctrl+Z undoes the last action', async () => {
    const { context, page, errors } = await openAs(admin);
    try {
      const [lead, moved] = await uniqueIn('contacted', (l) => l.assigneeId !== admin.id);
      const item = card(column(page, 'Contacted'), lead!.name);
      await item.getByRole('button', { name: `Actions for ${lead!.name}` }).click();
      await page.getByRole('menuitem', { name: 'Assign to me' }).click();
      await toast(page, `${lead!.name} assigned to ${admin.name}`).getByRole('button', { name: 'Undo' }).click();
      await toast(page, `Assignment of ${lead!.name} undone`).waitFor();
      assert.equal((await leadsNow()).find((l) => l.id === lead!.id)!.assigneeId, lead!.assigneeId);
      assert.equal(storedActivity(demo.stack, lead!.id).at(-1)!.source, 'undo');

      await card(column(page, 'Contacted'), moved!.name).getByRole('button', { name: moved!.name, exact: true }).focus();
      await page.keyboard.press('Control+ArrowRight');
      await toast(page, `${moved!.name} moved to Qualified`).waitFor();
      await page.keyboard.press('Control+z');
      await toast(page, `Move of ${moved!.name} undone`).waitFor();
      assert.equal((await leadsNow()).find((l) => l.id === moved!.id)!.status, 'contacted');
      assert.deepEqual(errors, []);
    } finally {
      await context.close();
    }
  });

  test('a bulk Undo leaves the lead someone else changed meanwhile untouched and names it', async () => {
    const { context, page, errors } = await openAs(admin);
    try {
      const target = members[3]!;
      const leads = (await uniqueIn('proposal', (l) => l.assigneeId !== target.id)).slice(0, 3);
      for (const l of leads) await card(column(page, 'Proposal'), l.name).getByRole('checkbox', { name: `Select ${l.name}` }).check();
      await page.getByRole('button', { name: 'Assign', exact: true }).click();
      const dialog = page.getByRole('dialog', { name: 'Assign leads' });
      await chooseAssignee(dialog, target.name);
      await dialog.getByRole('button', { name: 'Assign 3 leads' }).click();
      const told = toast(page, `3 leads assigned to ${target.name}`);
      await told.waitFor();
      const other = await apiAs(demo.stack, manager.email);
      const changed = leads[1]!;
      await other.assign([changed.id], members[4]!.id);
      // The board hears it (live), then the Undo.
      await card(column(page, 'Proposal'), changed.name).getByText(members[4]!.name, { exact: true }).waitFor();
      await told.getByRole('button', { name: 'Undo' }).click();
      await toast(page, `Undone for 2 leads · Not undone, changed since: ${changed.name}`).waitFor();
      const now = new Map((await leadsNow()).map((l) => [l.id, l]));
      assert.equal(now.get(changed.id)!.assigneeId, members[4]!.id);
      for (const l of [leads[0]!, leads[2]!]) assert.equal(now.get(l.id)!.assigneeId, l.assigneeId);
      assert.deepEqual(errors, []);
    } finally {
      await context.close();
    }
  });

  test('two pages, one event stream held back: the stale write is a conflict, told with who did what; Keep mine wins', async () => {
    const stale = await openAs(manager, { holdEvents: true });
    const fresh = await openAs(admin);
    try {
      const [lead] = await uniqueIn('new', (l) => l.assigneeId !== members[5]!.id && l.assigneeId !== manager.id);
      const drawer = await openCard(fresh.page, 'New', lead!);
      await chooseAssignee(drawer, members[5]!.name);
      await drawer.getByRole('list', { name: 'Activity' }).getByRole('listitem').filter({ hasText: members[5]!.name }).first().waitFor();

      // The held-back page still shows the old assignee and assigns from its stale copy.
      const item = card(column(stale.page, 'New'), lead!.name);
      await item.getByRole('button', { name: `Actions for ${lead!.name}` }).click();
      await stale.page.getByRole('menuitem', { name: 'Assign to me' }).click();
      const conflict = toast(stale.page, `${lead!.name} was changed by someone else`);
      await conflict.waitFor();
      const verb = lead!.assigneeId ? 'reassigned' : 'assigned';
      await conflict.getByText(`${admin.name} ${verb} this lead to ${members[5]!.name} now`).waitFor();
      assert.equal((await leadsNow()).find((l) => l.id === lead!.id)!.assigneeId, members[5]!.id, 'nothing overwritten');
      await conflict.getByRole('button', { name: 'Keep mine' }).click();
      await toast(stale.page, `${lead!.name} assigned to ${manager.name}`).waitFor();
      assert.equal((await leadsNow()).find((l) => l.id === lead!.id)!.assigneeId, manager.id);
      const last = storedActivity(demo.stack, lead!.id).at(-1)!;
      assert.deepEqual([last.actor_id, last.from_value, last.to_value], [manager.id, members[5]!.id, manager.id]);
      assert.deepEqual([...stale.errors, ...fresh.errors], []);
    } finally {
      await stale.context.close();
      await fresh.context.close();
    }
  });

  test('two pages: the assignee is told, presence shows who is viewing, and an open drawer updates in place', async () => {
    const rep = members[6]!;
    const mine = await openAs(rep);
    const boss = await openAs(admin);
    try {
      const [given, other] = await uniqueIn('contacted', (l) => l.assigneeId === null, Infinity);
      for (const l of [given!, other!]) await selectBySearch(boss.page, 'Contacted', l);
      await boss.page.getByRole('button', { name: 'Assign', exact: true }).click();
      const dialog = boss.page.getByRole('dialog', { name: 'Assign leads' });
      await chooseAssignee(dialog, rep.name);
      await dialog.getByRole('button', { name: 'Assign 2 leads' }).click();

      const alert = toast(mine.page, `${admin.name} assigned you 2 leads`);
      await alert.waitFor();
      await alert.getByRole('button', { name: 'Show them' }).click();
      const focused = await mine.page.evaluate(() => {
        let el: Element | null = document.activeElement;
        while (el?.shadowRoot?.activeElement) el = el.shadowRoot.activeElement;
        return el?.closest<HTMLElement>('[part~="card"]')?.getAttribute('data-lead-id') ?? null;
      });
      assert.ok([given!.id, other!.id].includes(focused ?? ''), 'focus on one of them');
      assert.equal(await mine.page.locator('.card.is-assigned').count(), 2);

      // Both open the same lead: each sees the other viewing.
      const repDrawer = await openCard(mine.page, 'Contacted', given!);
      await boss.page.getByRole('searchbox', { name: 'Search leads' }).fill(given!.name);
      const bossDrawer = await openCard(boss.page, 'Contacted', given!);
      await repDrawer.getByText(`${admin.name} is viewing`).waitFor();
      await bossDrawer.getByText(`${rep.name} is viewing`).waitFor();

      // The boss edits the value: the rep's open drawer shows it in place, history included; what the rep is
      // typing in another field stays.
      const repName = repDrawer.getByRole('textbox', { name: 'Name', exact: true });
      await repName.fill(`${given!.name} (typing)`);
      await bossDrawer.getByRole('textbox', { name: 'Value', exact: true }).fill('98765');
      await bossDrawer.getByRole('textbox', { name: 'Value', exact: true }).press('Enter');
      await repDrawer.getByRole('list', { name: 'Activity' }).getByRole('listitem').filter({ hasText: `${admin.name} changed Value from` }).filter({ hasText: 'to $98,765' }).waitFor();
      await repDrawer.getByText('$98,765', { exact: true }).waitFor();
      assert.equal(await repDrawer.getByRole('textbox', { name: 'Value', exact: true }).inputValue(), '98765');
      assert.equal(await repName.inputValue(), `${given!.name} (typing)`, 'not clobbered');

      // The boss closes: the rep's presence line empties.
      await bossDrawer.getByRole('button', { name: 'Close' }).click();
      await repDrawer.getByText(`${admin.name} is viewing`).waitFor({ state: 'detached' });
      assert.deepEqual([...mine.errors, ...boss.errors], []);
    } finally {
      await mine.context.close();
      await boss.context.close();
    }
  });
});
