import { expect, waitUntil } from '@open-wc/testing';
import { sendKeys, sendMouse } from '@web/test-runner-commands';
import type { LeadKanban } from '../../src/lead-kanban/lead-kanban.js';
import { liveRegion } from '../../src/controllers/announcer.js';
import {
  assignDialog,
  button,
  card,
  cardCheckbox,
  cardElements,
  centre,
  confirmButton,
  dialogPicker,
  menuItems,
  mountBoard,
  nextEvent,
  region,
  rendered,
  root,
  settle,
  toastTexts,
  type BoardSetup,
} from './helpers/board-setup.js';
import { choosePerson } from './helpers/common.js';
import { axAll } from './helpers/picker-a11y.js';

const selectedText = (el: LeadKanban) => root(el).querySelector('.selected-count')?.textContent?.trim() ?? '';
const dialog = (el: LeadKanban) => assignDialog(el)!;

/** Chooses a person in the dialog's picker the way a user does: open the combobox, click the option. */
async function pick(el: LeadKanban, name: string): Promise<void> {
  await choosePerson(dialogPicker(el), name);
  await rendered(el);
}

async function openAssignDialog(setup: BoardSetup): Promise<void> {
  await rendered(setup.el);
  const assign = button(setup.el, 'Assign');
  expect(assign.disabled, 'Assign enabled with a selection').to.equal(false);
  assign.click();
  await rendered(setup.el);
  await waitUntil(() => dialog(setup.el).open, 'dialog open');
}

describe('<lead-kanban> selection', () => {
  it('selects with a card checkbox, shows the count, fires lead-selection-change; Clear empties it', async () => {
    const setup = await mountBoard();
    const lead = setup.store.cardsIn('new')[0]!;
    const changed = nextEvent(setup.el, 'lead-selection-change');
    await sendMouse({ type: 'click', position: centre(cardCheckbox(setup.el, lead.id)) });
    expect((await changed).selectedIds).to.deep.equal([lead.id]);
    await rendered(setup.el);
    expect(setup.store.isSelected(lead.id)).to.equal(true);
    expect(cardCheckbox(setup.el, lead.id).checked).to.equal(true);
    expect(card(setup.el, lead.id).classList.contains('is-selected')).to.equal(true);
    expect(selectedText(setup.el)).to.equal('1 selected');
    expect(button(setup.el, 'Assign').disabled).to.equal(false);
    expect(liveRegion().textContent).to.equal('1 lead selected');

    button(setup.el, 'Clear selection').click();
    await rendered(setup.el);
    expect(setup.store.selectedCount).to.equal(0);
    expect(selectedText(setup.el)).to.equal('');
    expect(button(setup.el, 'Assign').disabled).to.equal(true);
    expect(cardCheckbox(setup.el, lead.id).checked).to.equal(false);
  });

  it('Shift-click selects the range from the last clicked card', async () => {
    const setup = await mountBoard();
    const cards = setup.store.cardsIn('new');
    await sendMouse({ type: 'click', position: centre(cardCheckbox(setup.el, cards[1]!.id)) });
    await rendered(setup.el);
    await sendKeys({ down: 'Shift' });
    await sendMouse({ type: 'click', position: centre(cardCheckbox(setup.el, cards[4]!.id)) });
    await sendKeys({ up: 'Shift' });
    await rendered(setup.el);
    expect([...setup.store.selection].sort()).to.deep.equal(cards.slice(1, 5).map((l) => l.id).sort());
    expect(selectedText(setup.el)).to.equal('4 selected');
    for (const lead of cards.slice(1, 5)) expect(cardCheckbox(setup.el, lead.id).checked, lead.name).to.equal(true);
    expect(cardCheckbox(setup.el, cards[0]!.id).checked).to.equal(false);
  });

  it('"Select all in <column>" selects every card of the column, rendered or not, and reflects some/all', async () => {
    const setup = await mountBoard({ leads: 120, height: 640 });
    const column = region(setup.el, 'New');
    const total = setup.store.countIn('new');
    expect(cardElements(column).length, 'virtualized').to.be.lessThan(total);
    const [check] = await axAll('checkbox', 'Select all in New');
    expect(check).to.exist;
    const box = column.querySelector<HTMLInputElement>('.column-check')!;

    await sendMouse({ type: 'click', position: centre(cardCheckbox(setup.el, setup.store.cardsIn('new')[0]!.id)) });
    await rendered(setup.el);
    expect(box.indeterminate).to.equal(true);

    box.click();
    await rendered(setup.el);
    expect(setup.store.selectionStateIn('new')).to.equal('all');
    expect(setup.store.selectedCount).to.equal(total);
    expect(box.checked).to.equal(true);
    expect(box.indeterminate).to.equal(false);
    expect(selectedText(setup.el)).to.equal(`${total} selected`);

    box.click();
    await rendered(setup.el);
    expect(setup.store.selectedCount).to.equal(0);
  });

  it('"Select all matching" selects every lead the filter matches, including cards not rendered', async () => {
    const setup = await mountBoard({ leads: 150, height: 640 });
    setup.store.setFilter({ assignee: 'unassigned' });
    await rendered(setup.el);
    const matching = (await setup.backend.listLeads()).filter((l) => l.assigneeId === null).map((l) => l.id);
    const renderedCount = root(setup.el).querySelectorAll('[part~="card"]').length;
    expect(renderedCount).to.be.lessThan(matching.length);
    button(setup.el, 'Select all matching').click();
    await rendered(setup.el);
    expect([...setup.store.selection].sort()).to.deep.equal(matching.sort());
    expect(selectedText(setup.el)).to.equal(`${matching.length} selected`);
  });
});

describe('<lead-kanban> bulk assign', () => {
  it('Assign → "Assign leads" dialog → pick → "Assign N leads": one adapter call, summary, selection cleared', async () => {
    const setup = await mountBoard();
    const ids = setup.store.cardsIn('new').slice(0, 3).map((l) => l.id);
    for (const id of ids) setup.store.setSelected(id, true);
    await rendered(setup.el);
    const dana = setup.store.assignableMembers.find((m) => m.role === 'member')!;

    await openAssignDialog(setup);
    expect(await axAll('dialog', 'Assign leads')).to.have.length(1);
    expect(await axAll('combobox', 'Assignee')).to.have.length(1);
    expect(confirmButton(setup.el).disabled, 'nothing chosen yet').to.equal(true);

    await pick(setup.el, dana.name);
    expect(dialog(setup.el).querySelector('.confirm-question')!.textContent!.trim()).to.equal(`Assign 3 leads to ${dana.name}?`);
    const [confirm] = await axAll('button', 'Assign 3 leads');
    expect(confirm, 'confirm button named "Assign 3 leads"').to.exist;
    await expect(setup.el).to.be.accessible();

    const held = setup.fault.inject('assign', { hold: 'response' });
    const assigned = nextEvent(setup.el, 'lead-assign');
    confirmButton(setup.el).click();
    await rendered(setup.el);
    expect(dialog(setup.el).querySelector('[role="progressbar"]'), 'progress while running').to.exist;
    expect(confirmButton(setup.el).disabled).to.equal(true);
    held.release();
    const event = await assigned;
    expect(event.detail.outcome.ok.sort()).to.deep.equal([...ids].sort());
    await settle(setup.el);

    expect(setup.fault.calls.assign).to.equal(1);
    expect(setup.fault.assignCalls[0]!.leadIds.sort()).to.deep.equal([...ids].sort());
    expect(setup.fault.assignCalls[0]!.options.source).to.equal('bulk');
    for (const id of ids) expect((await setup.backend.getLead(id)).assigneeId).to.equal(dana.id);
    for (const id of ids) expect(card(setup.el, id).querySelector('.card-assignee-name')!.textContent!.trim()).to.equal(dana.name);
    expect(toastTexts(setup.el)).to.include(`3 leads assigned to ${dana.name}`);
    expect(setup.store.selectedCount).to.equal(0);
    expect(dialog(setup.el).open).to.equal(false);
  });

  it('reports a partial outcome and keeps only the refused leads selected; Undo restores the others', async () => {
    const setup = await mountBoard();
    const leads = setup.store.cardsIn('new').slice(0, 4);
    const ids = leads.map((l) => l.id);
    const previous = new Map(leads.map((l) => [l.id, l.assigneeId]));
    for (const id of ids) setup.store.setSelected(id, true);
    setup.fault.inject('assign', { conflict: [ids[2]!] });
    const member = setup.store.assignableMembers.find((m) => m.role === 'member')!;

    await openAssignDialog(setup);
    await pick(setup.el, member.name);
    confirmButton(setup.el).click();
    await waitUntil(() => toastTexts(setup.el).length > 0, 'summary shown');
    await settle(setup.el);

    expect(setup.fault.calls.assign).to.equal(1);
    expect(toastTexts(setup.el)).to.deep.equal([`3 leads assigned to ${member.name} · 1 changed by someone else`]);
    expect([...setup.store.selection]).to.deep.equal([ids[2]]);
    expect(selectedText(setup.el)).to.equal('1 selected');
    expect((await setup.backend.getLead(ids[2]!)).assigneeId).to.equal(previous.get(ids[2]!));

    button(setup.el, 'Undo').click();
    await waitUntil(() => toastTexts(setup.el).some((t) => t.includes('undone')), 'undo reported');
    await settle(setup.el);
    // Undo sends one call per previous assignee, each marked as an undo.
    expect(setup.fault.assignCalls.slice(1).every((c) => c.options.source === 'undo')).to.equal(true);
    for (const id of [ids[0]!, ids[1]!, ids[3]!]) expect((await setup.backend.getLead(id)).assigneeId).to.equal(previous.get(id));
    // Leads that already belonged to the member had nothing to undo.
    const changed = [ids[0]!, ids[1]!, ids[3]!].filter((id) => previous.get(id) !== member.id).length;
    expect(toastTexts(setup.el)).to.include(`Assignment of ${changed} lead${changed === 1 ? '' : 's'} undone`);
  });

  it('warns a plain member before handing leads to someone else', async () => {
    const setup = await mountBoard({ as: 'm3' });
    const mine = setup.store.cardsIn('new').find((l) => l.assigneeId === null)!;
    setup.store.setSelected(mine.id, true);
    await rendered(setup.el);
    await openAssignDialog(setup);
    const other = setup.store.assignableMembers.find((m) => m.id !== 'm3')!;
    await pick(setup.el, other.name);
    expect(dialog(setup.el).querySelector('.dialog-warning')!.textContent!.trim()).to.equal(
      'You will no longer see this lead after handing it to someone else.',
    );
    await pick(setup.el, setup.members.find((m) => m.id === 'm3')!.name);
    expect(dialog(setup.el).querySelector('.dialog-warning')).to.equal(null);
  });

  it('assigns one lead from its card menu (Assign to me, Unassign) through the same command', async () => {
    const setup = await mountBoard({ as: 'm1' });
    const lead = setup.store.cardsIn('new').find((l) => l.assigneeId !== 'm1')!;
    card(setup.el, lead.id).querySelector<HTMLButtonElement>('.card-menu')!.click();
    await rendered(setup.el);
    const [menu] = await axAll('menu', `Actions for ${lead.name}`);
    expect(menu).to.exist;
    const item = menuItems(setup.el).find((i) => i.textContent!.trim() === 'Assign to me')!;
    item.click();
    await waitUntil(() => toastTexts(setup.el).length > 0, 'summary');
    await settle(setup.el);
    expect((await setup.backend.getLead(lead.id)).assigneeId).to.equal('m1');
    expect(setup.fault.assignCalls.at(-1)).to.deep.include({ assigneeId: 'm1' });
    expect(setup.fault.assignCalls.at(-1)!.options.source).to.equal('manual');
  });
});
