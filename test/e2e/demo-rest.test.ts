/**
 * The demo as `npm start` serves it, on the reference REST server, driven in Chromium through the accessible
 * names users and assistive technology rely on; every result is checked against what the server (API and
 * SQLite file) holds.
 */
import assert from 'node:assert/strict';
import { before, describe, test } from 'node:test';
import type { Lead, Member } from '../../sdk/index.js';
import { DEFAULT_COLUMNS } from '../../sdk/index.js';
import {
  apiAs,
  card,
  chooseAssignee,
  column,
  columnCount,
  countsByColumn,
  demoUsers,
  inColumn,
  readDatabase,
  sessionLine,
  storedActivity,
  storedLead,
  useDemo,
  waitForBoard,
} from './support.js';

const demo = useDemo('dev');
let people: Member[];
let admin: Member;
/** Plain members (role "member"), name order. */
let members: Member[];

before(async () => {
  await demo.ready;
  people = await demoUsers(demo.stack);
  admin = people.find((m) => m.role === 'admin')!;
  members = people.filter((m) => m.role === 'member').sort((a, b) => a.name.localeCompare(b.name));
  assert.ok(admin && members.length >= 3, 'the seed has an admin and several members');
});

const openDemo = (query?: string) => demo.openDemo(query);

/** Leads whose name no other visible lead shares: a card can then be found by its accessible name alone. */
function uniquelyNamed(leads: readonly Lead[]): (lead: Lead) => boolean {
  const seen = new Map<string, number>();
  for (const l of leads) seen.set(l.name, (seen.get(l.name) ?? 0) + 1);
  return (lead) => seen.get(lead.name) === 1;
}

async function assertColumnsMatch(scope: Parameters<typeof columnCount>[0], leads: readonly Lead[]): Promise<void> {
  const expected = countsByColumn(leads);
  for (const c of DEFAULT_COLUMNS) {
    assert.equal(await columnCount(scope, c.label), String(expected[c.key] ?? 0), `count of ${c.label}`);
  }
}

describe('demo on the REST API (npm start)', () => {
  test('opens on the REST backend as the admin, every column counting what the API holds', async () => {
    const { context, page, errors } = await openDemo();
    try {
      await sessionLine(page).filter({ hasText: `Signed in as ${admin.name} (admin)` }).waitFor();
      assert.match((await sessionLine(page).textContent()) ?? '', /REST API · \/api/);
      assert.equal(await page.getByRole('radio', { name: 'REST API' }).isChecked(), true);
      assert.equal(await page.getByRole('button', { name: 'Reset demo data' }).count(), 0, 'no reset on REST');
      const leads = await (await apiAs(demo.stack, admin.email)).listLeads();
      await assertColumnsMatch(page, leads);
      // A reload reuses this tab's session instead of signing in again (one sessions row, not one per load).
      const sessions = () => readDatabase(demo.stack, (db) =>
        (db.prepare('SELECT COUNT(*) AS n FROM sessions WHERE member_id = ?').get(admin.id) as { n: number }).n);
      const before = sessions();
      await page.reload();
      await waitForBoard(page);
      await sessionLine(page).filter({ hasText: `Signed in as ${admin.name} (admin)` }).waitFor();
      assert.equal(sessions(), before, 'no new session on reload');
      assert.deepEqual(errors, []);
    } finally {
      await context.close();
    }
  });

  test('assigns a lead in the drawer: card and Activity change, the reload and the database agree', async () => {
    const adminApi = await apiAs(demo.stack, admin.email);
    const before = await adminApi.listLeads();
    const assignee = members[0]!;
    // An unassigned lead near the top of New (so its card is rendered), with a name of its own.
    const target = inColumn(before, 'new').slice(0, 6).find((l) => l.assigneeId === null && uniquelyNamed(before)(l));
    assert.ok(target, 'an unassigned lead at the top of New');

    const { context, page, errors } = await openDemo();
    try {
      const newColumn = column(page, 'New');
      await card(newColumn, target.name).getByRole('button', { name: target.name, exact: true }).click();
      const drawer = page.getByRole('dialog', { name: target.name, exact: true });
      await drawer.waitFor();
      await chooseAssignee(drawer, assignee.name);

      const activity = drawer.getByRole('list', { name: 'Activity' });
      await activity.getByRole('listitem').filter({ hasText: `${admin.name} assigned to ${assignee.name}` }).waitFor();
      await drawer.getByRole('button', { name: 'Close' }).click();
      await drawer.waitFor({ state: 'hidden' });
      await card(newColumn, target.name).getByText(assignee.name, { exact: true }).waitFor();

      // The server holds it: one version further, assigned, with one history entry naming who did it.
      const now = await adminApi.getLead(target.id);
      assert.equal(now.assigneeId, assignee.id);
      assert.equal(now.version, target.version + 1);
      const stored = storedLead(demo.stack, target.id);
      assert.deepEqual(stored, { id: target.id, assignee_id: assignee.id, version: target.version + 1 });
      const history = storedActivity(demo.stack, target.id);
      const last = history.at(-1)!;
      assert.deepEqual(
        { type: last.type, actor: last.actor_id, from: last.from_value, to: last.to_value },
        { type: 'assigned', actor: admin.id, from: null, to: assignee.id },
      );
      assert.equal(history.filter((a) => a.type === 'assigned').length, 1, 'exactly one assignment written');

      await page.reload();
      await waitForBoard(page);
      await card(column(page, 'New'), target.name).getByText(assignee.name, { exact: true }).waitFor();
      assert.deepEqual(errors, []);
    } finally {
      await context.close();
    }
  });

  test('bulk-assigns a whole column with confirm: summary shown, exactly those leads changed, one batch', async () => {
    const adminApi = await apiAs(demo.stack, admin.email);
    const before = await adminApi.listLeads();
    const assignee = members[1]!;
    const won = inColumn(before, 'won');
    const toChange = won.filter((l) => l.assigneeId !== assignee.id);
    assert.ok(toChange.length >= 2, 'Won holds leads to assign');

    const { context, page, errors } = await openDemo();
    try {
      await page.getByRole('checkbox', { name: 'Select all in Won', exact: true }).check();
      await page.getByRole('button', { name: 'Assign', exact: true }).click();
      const dialog = page.getByRole('dialog', { name: 'Assign leads' });
      await dialog.waitFor();
      await chooseAssignee(dialog, assignee.name);
      const confirm = dialog.getByRole('button', { name: /^Assign \d+ leads?$/ });
      assert.equal(await confirm.textContent().then((t) => t?.trim()), `Assign ${won.length} leads`,
        'the confirm button counts every lead of the column, rendered or not');
      await confirm.click();
      // The summary on the board (the live region outside it says the same to screen readers).
      await page.getByRole('region', { name: 'Leads board' }).getByText(`${won.length} leads assigned to ${assignee.name}`)
        .waitFor();
      await dialog.waitFor({ state: 'hidden' });

      const after = await adminApi.listLeads();
      const beforeById = new Map(before.map((l) => [l.id, l]));
      const changed = after.filter((l) => l.version !== beforeById.get(l.id)!.version).map((l) => l.id).sort();
      assert.deepEqual(changed, toChange.map((l) => l.id).sort(), 'exactly the Won leads not already theirs changed');
      for (const lead of inColumn(after, 'won')) assert.equal(lead.assigneeId, assignee.id, `${lead.id} assigned`);

      const entries = changed.map((id) => storedActivity(demo.stack, id).at(-1)!);
      assert.ok(entries.every((a) => a.type === 'assigned' && a.to_value === assignee.id && a.source === 'bulk'));
      const batches = new Set(entries.map((a) => a.batch_id));
      assert.equal(batches.size, 1, 'one batch id across the whole assignment');
      assert.ok([...batches][0], 'the batch id is set');
      // And the page shows the new owner on the Won cards it renders.
      await card(column(page, 'Won'), won[0]!.name).first().getByText(assignee.name, { exact: true }).waitFor();
      assert.deepEqual(errors, []);
    } finally {
      await context.close();
    }
  });

  test('"View as" a plain member shows only their own and unassigned leads, as the API answers them, and survives a reload', async () => {
    const member = members[2]!;
    const memberLeads = await (await apiAs(demo.stack, member.email)).listLeads();
    const all = await (await apiAs(demo.stack, admin.email)).listLeads();
    assert.ok(memberLeads.length > 0, 'the member sees some leads');
    assert.ok(memberLeads.every((l) => l.assigneeId === member.id || l.assigneeId === null));
    assert.ok(memberLeads.length < all.length, 'a member sees fewer leads than the admin');

    const { context, page, errors } = await openDemo();
    try {
      await page.getByRole('combobox', { name: 'View as' }).selectOption(member.id);
      await sessionLine(page).filter({ hasText: `Signed in as ${member.name} (member)` }).waitFor();
      await waitForBoard(page);
      await assertColumnsMatch(page, memberLeads);
      const shownOwners = new Set(await page.locator('[part~="card"] .card-assignee-name').allTextContents());
      assert.ok(shownOwners.size > 0, 'cards are shown');
      for (const owner of shownOwners) assert.ok([member.name, 'Unassigned'].includes(owner.trim()), `card owned by ${owner}`);

      // The choice is remembered: a reload comes back as the same member, on the same data.
      assert.equal(new URL(page.url()).searchParams.get('as'), member.id);
      await page.reload();
      await waitForBoard(page);
      await sessionLine(page).filter({ hasText: `Signed in as ${member.name} (member)` }).waitFor();
      assert.equal(await page.getByRole('combobox', { name: 'View as' }).inputValue(), member.id);
      await assertColumnsMatch(page, memberLeads);
      assert.deepEqual(errors, []);
    } finally {
      await context.close();
    }
  });

  test('<lead-kanban api token> attributes: a board made from markup loads the token holder\'s view', async () => {
    const member = members[3] ?? members[0]!;
    const memberApi = await apiAs(demo.stack, member.email);
    const memberLeads = await memberApi.listLeads();
    const { context, page, errors } = await openDemo();
    try {
      // A board built from attributes only, as a host page would write it in HTML.
      await page.evaluate((token) => {
        const board = document.createElement('lead-kanban');
        board.id = 'from-markup';
        board.setAttribute('api', '/api');
        board.setAttribute('token', token);
        document.querySelector('#board')!.replaceWith(board);
      }, memberApi.token!);
      const board = page.locator('#from-markup');
      await waitForBoard(board);
      await board.getByText(`Signed in as ${member.name} (member)`).waitFor();
      await assertColumnsMatch(board, memberLeads);
      assert.deepEqual(errors, []);
    } finally {
      await context.close();
    }
  });

  test('the Backend toggle runs the same board in memory (and ?adapter=memory), with reset, and back on REST', async () => {
    const { context, page, errors } = await openDemo();
    try {
      await page.getByRole('radio', { name: 'In memory' }).check();
      await sessionLine(page).filter({ hasText: 'In memory' }).waitFor();
      await sessionLine(page).filter({ hasText: 'Signed in as' }).waitFor();
      await waitForBoard(page);
      assert.equal(new URL(page.url()).searchParams.get('adapter'), 'memory');
      assert.equal(await page.getByRole('button', { name: 'Reset demo data' }).isVisible(), true);
      // The in-memory demo holds 200 leads, the server 500: the counts tell which one the board reads.
      const total = async () => {
        let sum = 0;
        for (const c of DEFAULT_COLUMNS) sum += Number(await columnCount(page, c.label));
        return sum;
      };
      assert.equal(await total(), 200);

      await page.reload();
      await waitForBoard(page);
      await sessionLine(page).filter({ hasText: 'In memory' }).waitFor();
      assert.equal(await page.getByRole('radio', { name: 'In memory' }).isChecked(), true);

      await page.getByRole('radio', { name: 'REST API' }).check();
      await sessionLine(page).filter({ hasText: `Signed in as ${admin.name} (admin) on REST API` }).waitFor();
      await waitForBoard(page);
      assert.equal(await total(), (await (await apiAs(demo.stack, admin.email)).listLeads()).length);
      assert.equal(new URL(page.url()).searchParams.get('adapter'), null);
      assert.deepEqual(errors, []);
    } finally {
      await context.close();
    }
  });
});
