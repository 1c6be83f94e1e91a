/**
 * Leads arriving, end to end: the demo as `npm start` serves it on the reference REST server, driven in
 * Chromium through the accessible names of docs/architecture.md ("Accessible names"), every result checked
 * against what the server holds (its API and its SQLite file): adding a lead, importing a CSV with errors,
 * assignment rules spreading nine new leads 3/3/3 with `rule` history, and the sort and aging of waiting leads.
 */
import assert from 'node:assert/strict';
import { before, describe, test } from 'node:test';
import type { Lead, Member } from '../../sdk/index.js';
import { apiAs, card, column, demoUsers, inColumn, storedActivity, useDemo } from './support.js';

const demo = useDemo('dev');
let admin: Member;
/** Plain members (role "member"), name order. */
let members: Member[];

before(async () => {
  await demo.ready;
  const people = await demoUsers(demo.stack);
  admin = people.find((m) => m.role === 'admin')!;
  members = people.filter((m) => m.role === 'member' && m.active).sort((a, b) => a.name.localeCompare(b.name));
  assert.ok(admin && members.length >= 3, 'the seed has an admin and several members');
});

const stamp = () => Date.now().toString(36);

describe('leads arriving on the REST API (npm start)', () => {
  test('adds a lead from a column’s "+": errors at the field first, then the card on top, as the server holds it', async () => {
    const name = `Walk-in ${stamp()}`;
    const { context, page, errors } = await demo.openDemo();
    try {
      await page.getByRole('button', { name: 'Add lead to Contacted', exact: true }).click();
      const dialog = page.getByRole('dialog', { name: 'Add lead' });
      await dialog.waitFor();
      assert.equal(await dialog.getByRole('combobox', { name: 'Status' }).inputValue(), 'contacted');
      await dialog.getByRole('textbox', { name: 'Email' }).fill('not-an-address');
      await dialog.getByRole('button', { name: 'Create lead' }).click();
      await dialog.getByText('Name is required').waitFor();
      await dialog.getByText('Enter an email address like name@example.com').waitFor();

      await dialog.getByRole('textbox', { name: 'Name' }).fill(name);
      await dialog.getByRole('textbox', { name: 'Email' }).fill('walk-in@example.com');
      await dialog.getByRole('textbox', { name: 'Value' }).fill('2,500');
      await dialog.getByRole('button', { name: 'Create lead' }).click();
      await dialog.waitFor({ state: 'hidden' });
      await card(column(page, 'Contacted'), name).waitFor();

      const leads = await (await apiAs(demo.stack, admin.email)).listLeads();
      const created = leads.find((l) => l.name === name)!;
      assert.ok(created, 'the server holds the lead');
      assert.deepEqual([created.status, created.value, created.email], ['contacted', 2500, 'walk-in@example.com']);
      assert.equal(inColumn(leads, 'contacted')[0]!.id, created.id, 'at the top of its column');
      const history = storedActivity(demo.stack, created.id);
      assert.deepEqual(history.map((a) => [a.type, a.actor_id, a.source]), [['created', admin.id, 'manual']]);
      const first = await column(page, 'Contacted').getByRole('listitem').first().getByRole('button').nth(0).textContent();
      assert.equal(first?.trim(), name, 'the first card of Contacted on the page');
      assert.deepEqual(errors, []);
    } finally {
      await context.close();
    }
  });

  test('imports a CSV: the preview lists the invalid rows, then the valid ones are created with import history', async () => {
    const tag = stamp();
    const csv = [
      'name,company,email,value,status',
      `Imported A ${tag},Acme,a-${tag}@example.com,1000,New`,
      `,Nameless,n-${tag}@example.com,1,New`,
      `Imported B ${tag},Beta,b-${tag}@,5,Qualified`,
      `Imported C ${tag},Gamma,A-${tag}@example.com,250,Proposal`,
    ].join('\n');
    const { context, page, errors } = await demo.openDemo();
    try {
      await page.getByRole('button', { name: 'Import leads', exact: true }).click();
      const dialog = page.getByRole('dialog', { name: 'Import leads' });
      await dialog.waitFor();
      await dialog.getByLabel('CSV file').setInputFiles({ name: 'leads.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
      await dialog.getByText('4 rows read: 2 leads will be created.').waitFor();
      const errorsTable = dialog.getByRole('table', { name: 'Rows with errors' });
      await errorsTable.getByRole('row', { name: /^3 Name/ }).waitFor();
      await errorsTable.getByRole('row', { name: /^4 Email/ }).waitFor();
      await dialog.getByRole('table', { name: 'Duplicates' }).getByRole('row', { name: /^5 / }).waitFor();
      const before = (await (await apiAs(demo.stack, admin.email)).listLeads()).length;
      await dialog.getByRole('button', { name: 'Import 2 leads', exact: true }).click();
      await dialog.waitFor({ state: 'hidden' });
      await page.getByRole('region', { name: 'Leads board' }).getByText('2 leads imported').waitFor();
      await card(column(page, 'New'), `Imported A ${tag}`).waitFor();

      const leads = await (await apiAs(demo.stack, admin.email)).listLeads();
      assert.equal(leads.length, before + 2);
      const imported = leads.filter((l) => l.name.endsWith(tag));
      assert.deepEqual(imported.map((l) => [l.name, l.status]).sort(), [
        [`Imported A ${tag}`, 'new'],
        [`Imported C ${tag}`, 'proposal'],
      ]);
      for (const lead of imported) assert.equal(storedActivity(demo.stack, lead.id)[0]!.source, 'import');
      assert.deepEqual(errors, []);
    } finally {
      await context.close();
    }
  });

  test('assignment rules set on the board spread nine new leads 3/3/3 over three members, with rule history, live', async () => {
    const team = members.slice(0, 3);
    const adminApi = await apiAs(demo.stack, admin.email);
    const { context, page, errors } = await demo.openDemo();
    try {
      await page.getByRole('button', { name: 'Assignment rules', exact: true }).click();
      const dialog = page.getByRole('dialog', { name: 'Assignment rules' });
      await dialog.getByRole('switch', { name: 'Assign new leads automatically' }).check();
      for (const m of members) {
        const box = dialog.getByRole('checkbox', { name: m.name, exact: true });
        if (team.includes(m)) await box.check();
        else await box.uncheck();
      }
      await dialog.getByRole('radio', { name: 'Round robin' }).check();
      await dialog.getByRole('button', { name: 'Save rules' }).click();
      await dialog.waitFor({ state: 'hidden' });
      const rules = await adminApi.getAssignmentRules();
      assert.deepEqual({ ...rules, memberIds: [...rules.memberIds].sort() }, {
        enabled: true,
        strategy: 'round_robin',
        memberIds: team.map((m) => m.id).sort(),
      });

      const tag = stamp();
      const created: Lead[] = [];
      for (let i = 1; i <= 9; i++) created.push(await adminApi.createLead({ name: `Rule ${i} ${tag}`, status: 'new' }));
      const perMember = team.map((m) => created.filter((l) => l.assigneeId === m.id).length);
      assert.deepEqual(perMember, [3, 3, 3]);
      for (const lead of created) {
        const history = storedActivity(demo.stack, lead.id);
        assert.deepEqual(history.map((a) => [a.type, a.to_value, a.source]), [
          ['created', null, 'api'],
          ['assigned', lead.assigneeId, 'rule'],
        ]);
      }
      // Pushed to the open board: each member's three, with their name on the card (filtered to the nine and
      // to one member at a time, so the column renders every card asked about).
      await page.getByRole('searchbox', { name: 'Search leads' }).fill(tag);
      for (const m of team) {
        await page.getByRole('combobox', { name: 'Filter by assignee' }).selectOption(m.id);
        for (const lead of created.filter((l) => l.assigneeId === m.id)) {
          await card(column(page, 'New'), lead.name).getByText(m.name, { exact: true }).waitFor();
        }
      }
      assert.deepEqual(errors, []);
    } finally {
      // Off again, so the other tests' leads arrive unassigned.
      await adminApi.setAssignmentRules({ enabled: false, strategy: 'round_robin', memberIds: [] });
      await context.close();
    }
  });

  test('sort and aging: waiting cards say how long; the Unassigned chip lists them oldest first', async () => {
    const adminApi = await apiAs(demo.stack, admin.email);
    assert.equal((await adminApi.getAssignmentRules()).enabled, false, 'no rule assigns the new lead');
    const fresh = await adminApi.createLead({ name: `Just arrived ${stamp()}`, status: 'new' });
    const { context, page, errors } = await demo.openDemo();
    try {
      const freshCard = card(column(page, 'New'), fresh.name);
      // The badge ("1m") is an image to assistive technology, named by its long form.
      await freshCard.getByRole('img', { name: /^waiting (1 minute|\d+ minutes)$/ }).waitFor();
      await page.getByRole('button', { name: /^Unassigned/ }).click();
      assert.equal(await page.getByRole('combobox', { name: 'Sort' }).inputValue(), 'oldest');
      const leads = await adminApi.listLeads();
      const waitingNew = leads.filter((l) => l.status === 'new' && l.assigneeId === null)
        .sort((a, b) => Date.parse(a.createdAt) - Date.parse(b.createdAt) || a.position - b.position);
      const firstCard = column(page, 'New').getByRole('listitem').first();
      await firstCard.getByRole('button', { name: waitingNew[0]!.name, exact: true }).waitFor();
      await page.getByRole('combobox', { name: 'Sort' }).selectOption('newest');
      await column(page, 'New').getByRole('listitem').first().getByRole('button', { name: fresh.name, exact: true }).waitFor();
      assert.deepEqual(errors, []);
    } finally {
      await context.close();
    }
  });

  test('a plain member may add leads but sees neither Import leads nor Assignment rules', async () => {
    const member = members[0]!;
    const { context, page, errors } = await demo.openDemo(`?as=${member.id}`);
    try {
      await page.getByText(`Signed in as ${member.name} (member)`).first().waitFor();
      await page.getByRole('button', { name: 'Add lead', exact: true }).waitFor();
      assert.equal(await page.getByRole('button', { name: 'Import leads' }).count(), 0);
      assert.equal(await page.getByRole('button', { name: 'Assignment rules' }).count(), 0);
      assert.deepEqual(errors, []);
    } finally {
      await context.close();
    }
  });
});
