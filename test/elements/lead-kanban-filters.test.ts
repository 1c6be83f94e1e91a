import { expect, waitUntil } from '@open-wc/testing';
import { sendKeys, sendMouse } from '@web/test-runner-commands';
import { DEFAULT_COLUMNS } from '../../sdk/index.js';
import type { LeadKanban } from '../../src/lead-kanban/lead-kanban.js';
import { cardElements, centre, headerCount, mountBoard, region, rendered, root, statusCombobox, statusOptions } from './helpers/board-setup.js';
import { axAll } from './helpers/picker-a11y.js';

const assigneeSelect = (el: LeadKanban) => root(el).querySelector<HTMLSelectElement>('select[aria-label="Filter by assignee"]')!;
const chip = (el: LeadKanban, assignee: string) => root(el).querySelector<HTMLButtonElement>(`.chip[data-assignee="${assignee}"]`)!;

async function chooseAssignee(el: LeadKanban, value: string): Promise<void> {
  const select = assigneeSelect(el);
  select.value = value;
  select.dispatchEvent(new Event('change', { bubbles: true }));
  await rendered(el);
}

/** Ids of the rendered cards in every column (boards in these tests are small enough to render them all). */
const shownIds = (el: LeadKanban) =>
  DEFAULT_COLUMNS.flatMap((c) => cardElements(region(el, c.label)).map((card) => card.dataset.leadId!)).sort();

describe('<lead-kanban> filters', () => {
  it('has the toolbar controls by their exact names', async () => {
    await mountBoard();
    expect(await axAll('combobox', 'Filter by assignee')).to.have.length(1);
    expect(await axAll('combobox', 'Filter by status')).to.have.length(1);
    expect(await axAll('searchbox', 'Search leads')).to.have.length(1);
    expect(await axAll('button', 'Select all matching')).to.have.length(1);
    expect(await axAll('button', 'Assign')).to.have.length(1);
  });

  it('offers Anyone, Unassigned, Assigned to me and each member', async () => {
    const setup = await mountBoard();
    const texts = [...assigneeSelect(setup.el).options].map((o) => o.textContent!.trim());
    const people = setup.store.assignableMembers.map((m) => `Assigned to ${m.name}`);
    expect(texts).to.deep.equal(['Anyone', 'Unassigned', 'Assigned to me', ...people]);
  });

  it('combines "Unassigned" with status "New"; cards and counts follow', async () => {
    const setup = await mountBoard({ height: 2400 });
    const all = await setup.backend.listLeads();
    await chooseAssignee(setup.el, 'unassigned');
    const unassigned = all.filter((l) => l.assigneeId === null);
    expect(shownIds(setup.el)).to.deep.equal(unassigned.map((l) => l.id).sort());

    // Status: open the combobox, choose "New" in its listbox.
    await sendMouse({ type: 'click', position: centre(statusCombobox(setup.el)) });
    await rendered(setup.el);
    expect(statusCombobox(setup.el).getAttribute('aria-expanded')).to.equal('true');
    const option = statusOptions(setup.el).find((o) => o.textContent!.trim() === 'New')!;
    await sendMouse({ type: 'click', position: centre(option) });
    await rendered(setup.el);
    expect(option.getAttribute('aria-selected')).to.equal('true');
    await sendKeys({ press: 'Escape' });
    await rendered(setup.el);
    expect(statusCombobox(setup.el).textContent).to.contain('New');

    const expected = all.filter((l) => l.assigneeId === null && l.status === 'new');
    expect(shownIds(setup.el)).to.deep.equal(expected.map((l) => l.id).sort());
    const newTotal = all.filter((l) => l.status === 'new').length;
    expect(headerCount(region(setup.el, 'New'))).to.equal(`${expected.length} of ${newTotal}`);
    const contactedTotal = all.filter((l) => l.status === 'contacted').length;
    expect(headerCount(region(setup.el, 'Contacted'))).to.equal(`0 of ${contactedTotal}`);
    expect(setup.store.filter).to.deep.include({ assignee: 'unassigned', status: ['new'] });
  });

  it('filters by "Assigned to me" and by a member', async () => {
    const setup = await mountBoard({ height: 2400 });
    const all = await setup.backend.listLeads();
    await chooseAssignee(setup.el, 'me');
    expect(shownIds(setup.el)).to.deep.equal(all.filter((l) => l.assigneeId === 'm1').map((l) => l.id).sort());
    expect(assigneeSelect(setup.el).value).to.equal('me');
    await chooseAssignee(setup.el, 'm4');
    expect(shownIds(setup.el)).to.deep.equal(all.filter((l) => l.assigneeId === 'm4').map((l) => l.id).sort());
  });

  it('searches by name or company after a short pause in typing', async () => {
    const setup = await mountBoard({ height: 2400 });
    const all = await setup.backend.listLeads();
    const target = all[5]!;
    const word = target.company!.split(' ')[0]!;
    root(setup.el).querySelector<HTMLInputElement>('input[type="search"]')!.focus();
    await sendKeys({ type: word });
    await waitUntil(() => setup.store.filter.q === word, 'search applied');
    await rendered(setup.el);
    const fold = (s: string) => s.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase();
    const expected = all.filter((l) => [l.name, l.company ?? '', l.email ?? ''].some((f) => fold(f).includes(fold(word))));
    expect(shownIds(setup.el)).to.deep.equal(expected.map((l) => l.id).sort());
    expect(shownIds(setup.el)).to.include(target.id);
  });
});

describe('<lead-kanban> workload', () => {
  it('shows each active member with their open-lead count and the unassigned count', async () => {
    const setup = await mountBoard();
    const all = await setup.backend.listLeads();
    const open = all.filter((l) => l.status !== 'won' && l.status !== 'lost');
    expect(setup.store.assignableMembers.length, 'active members').to.be.greaterThan(2);
    for (const member of setup.store.assignableMembers) {
      const c = chip(setup.el, member.id);
      expect(c.querySelector('.chip-count')!.textContent!.trim(), member.name).to.equal(
        String(open.filter((l) => l.assigneeId === member.id).length),
      );
      expect(c.textContent).to.contain(member.name);
    }
    expect(chip(setup.el, 'unassigned').querySelector('.chip-count')!.textContent!.trim()).to.equal(
      String(open.filter((l) => l.assigneeId === null).length),
    );
    expect(root(setup.el).querySelector('[data-assignee="m6"]'), 'inactive member not shown').to.equal(null);
  });

  it('a chip filters the board to that member, and toggles back to Anyone', async () => {
    const setup = await mountBoard({ height: 2400 });
    const all = await setup.backend.listLeads();
    chip(setup.el, 'm4').click();
    await rendered(setup.el);
    expect(chip(setup.el, 'm4').getAttribute('aria-pressed')).to.equal('true');
    expect(assigneeSelect(setup.el).value).to.equal('m4');
    expect(shownIds(setup.el)).to.deep.equal(all.filter((l) => l.assigneeId === 'm4').map((l) => l.id).sort());

    chip(setup.el, 'm4').click();
    await rendered(setup.el);
    expect(assigneeSelect(setup.el).value).to.equal('any');
    expect(shownIds(setup.el)).to.have.length(all.length);

    chip(setup.el, 'unassigned').click();
    await rendered(setup.el);
    expect(shownIds(setup.el)).to.deep.equal(all.filter((l) => l.assigneeId === null).map((l) => l.id).sort());
  });

  it('counts follow an assignment at once', async () => {
    const setup = await mountBoard();
    const lead = setup.store.cardsIn('new').find((l) => l.assigneeId === null)!;
    const before = Number(chip(setup.el, 'm4').querySelector('.chip-count')!.textContent);
    await setup.store.assign([lead.id], 'm4', { source: 'manual' });
    await rendered(setup.el);
    expect(Number(chip(setup.el, 'm4').querySelector('.chip-count')!.textContent)).to.equal(before + 1);
  });
});
