/**
 * Two people on the demo at once (two browser contexts, two sessions): a change made in one shows up in the
 * other through the server's event stream, without a reload.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { apiAs, card, chooseAssignee, column, demoUsers, inColumn, sessionLine, useDemo } from './support.js';

const demo = useDemo('dev');
const openAs = (memberId: string) => demo.openDemo(`?as=${encodeURIComponent(memberId)}`);

test('an assignment made by the admin appears on the manager\'s open board without a reload', async () => {
  const people = await demoUsers(demo.stack);
  const admin = people.find((m) => m.role === 'admin')!;
  const manager = people.find((m) => m.role === 'manager')!;
  const assignee = people.filter((m) => m.role === 'member').sort((a, b) => a.name.localeCompare(b.name)).at(-1)!;
  const leads = await (await apiAs(demo.stack, admin.email)).listLeads();
  const names = new Map<string, number>();
  for (const l of leads) names.set(l.name, (names.get(l.name) ?? 0) + 1);
  const target = inColumn(leads, 'contacted').slice(0, 6)
    .find((l) => l.assigneeId !== assignee.id && names.get(l.name) === 1);
  assert.ok(target, 'a lead near the top of Contacted, not yet the assignee\'s');

  const first = await openAs(admin.id);
  const second = await openAs(manager.id);
  await sessionLine(second.page).filter({ hasText: `Signed in as ${manager.name} (manager)` }).waitFor();
  // Marks this very document: if the page reloaded, the mark would be gone.
  await second.page.evaluate(() => ((window as unknown as { e2eMark: number }).e2eMark = 1));
  const watched = card(column(second.page, 'Contacted'), target.name);
  await watched.waitFor();
  assert.equal(await watched.getByText(assignee.name, { exact: true }).count(), 0, 'not the assignee yet');

  await card(column(first.page, 'Contacted'), target.name).getByRole('button', { name: target.name, exact: true }).click();
  const drawer = first.page.getByRole('dialog', { name: target.name, exact: true });
  await chooseAssignee(drawer, assignee.name);
  const entry = new RegExp(`${admin.name} (assigned to|reassigned from .* to) ${assignee.name}`);
  await drawer.getByRole('list', { name: 'Activity' }).getByRole('listitem').filter({ hasText: entry }).waitFor();

  await watched.getByText(assignee.name, { exact: true }).waitFor();
  assert.equal(await second.page.evaluate(() => (window as unknown as { e2eMark?: number }).e2eMark), 1, 'no reload');
  assert.equal((await (await apiAs(demo.stack, manager.email)).getLead(target.id)).assigneeId, assignee.id);
  assert.deepEqual([...first.errors, ...second.errors], []);
});
