import { expect, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { liveRegion } from '../../src/controllers/announcer.js';
import {
  assignDialog as assignDialogOf,
  card,
  cardButton,
  confirmButton as confirmButtonOf,
  dialogPicker as dialogPickerOf,
  drawer as drawerOf,
  helpDialog,
  mountBoard,
  press,
  rendered,
  root,
  settle,
  type BoardSetup,
} from './helpers/board-setup.js';
import { chord, deepActive, within } from './helpers/common.js';
import { axAll, axFindAll, axTree } from './helpers/picker-a11y.js';

/** Shift+Tab until `test` holds for the focused element (at most 40 presses), the way a keyboard user gets there. */
async function shiftTabTo(setup: BoardSetup, test: (el: Element) => boolean): Promise<void> {
  for (let i = 0; i < 40; i++) {
    const el = deepActive();
    if (el && test(el)) return;
    await chord('Shift', 'Tab');
  }
  throw new Error(`not reached by Shift+Tab; focus is on ${deepActive()?.outerHTML.slice(0, 120)}`);
}

const drawer = (setup: BoardSetup) => drawerOf(setup.el);
const drawerOpen = (setup: BoardSetup) => drawer(setup).open;
const assignDialog = (setup: BoardSetup) => assignDialogOf(setup.el)!;
const confirmButton = (setup: BoardSetup) => confirmButtonOf(setup.el);
const dialogPicker = (setup: BoardSetup) => dialogPickerOf(setup.el);

/** Selects the first `n` cards of New from the keyboard: Space, then Shift+Down. */
async function selectByKeys(setup: BoardSetup, n: number): Promise<string[]> {
  const ids = setup.store.cardsIn('new').slice(0, n).map((l) => l.id);
  expect(ids, `New holds ${n} cards`).to.have.length(n);
  cardButton(setup.el, ids[0]!).focus();
  await press(setup, 'Space');
  for (let i = 1; i < n; i++) await chord('Shift', 'ArrowDown');
  await rendered(setup.el);
  expect([...setup.store.selection].sort()).to.deep.equal([...ids].sort());
  return ids;
}

/** From a card, Shift+Tab back to the toolbar's Assign button and press Enter: the "Assign leads" dialog opens. */
async function openBulkDialogByKeys(setup: BoardSetup): Promise<void> {
  await shiftTabTo(setup, (el) => el.matches('button') && el.textContent!.trim() === 'Assign');
  await press(setup, 'Enter');
  await waitUntil(() => assignDialog(setup).open, 'dialog open');
  await rendered(setup.el);
  expect(await axAll('dialog', 'Assign leads')).to.have.length(1);
  expect(deepActive()!.getAttribute('role'), 'focus starts in the Assignee combobox').to.equal('combobox');
}

describe('<lead-kanban> accessibility', () => {
  it('axe: no violations on the board, and with a selection', async () => {
    const setup = await mountBoard();
    await expect(setup.el).to.be.accessible();
    await selectByKeys(setup, 2);
    await expect(setup.el).to.be.accessible();
  });

  it('"Keyboard shortcuts" opens the help dialog; cards are described by its summary (same shadow root)', async () => {
    const setup = await mountBoard();
    const lead = setup.store.cardsIn('new')[0]!;
    const name = cardButton(setup.el, lead.id);
    const ids = name.getAttribute('aria-describedby')!.split(/\s+/);
    const texts = ids.map((id) => root(setup.el).getElementById(id)?.textContent?.replace(/\s+/g, ' ').trim());
    const summary =
      'Arrow keys move between cards. Space selects, Enter opens, M picks the card up to move it with the arrow keys, Shift+F10 opens its actions, B goes to the bulk actions.';
    expect(texts.every((t) => t), 'every described-by id resolves inside the board').to.equal(true);
    expect(texts).to.include(summary);
    // Chromium's computed description of the focused card carries the instructions too.
    name.focus();
    const [focused] = axFindAll(await axTree(), (n) => n.focused === true);
    expect(focused!.name).to.equal(lead.name);
    expect(focused!.description).to.contain(summary);

    await shiftTabTo(setup, (el) => el.getAttribute('aria-label') === 'Keyboard shortcuts');
    await press(setup, 'Enter');
    const [help] = await axAll('dialog', 'Keyboard shortcuts');
    expect(help, 'dialog named "Keyboard shortcuts"').to.exist;
    expect(help!.description).to.equal(summary);
    const dialog = helpDialog(setup.el)!;
    expect(dialog.open).to.equal(true);
    // The dialog shows the summary the cards are described by, above the table.
    expect(dialog.querySelector('.dialog-desc')!.textContent!.replace(/\s+/g, ' ').trim()).to.equal(summary);
    const rows = [...dialog.querySelectorAll<HTMLTableRowElement>('tbody tr')].map((r) =>
      [...r.cells].map((c) => c.textContent!.replace(/\s+/g, ' ').trim()).join(' | '),
    );
    expect(rows).to.include('M | Pick the card up; then the arrow keys choose its place, Enter or Space drops it, Escape puts it back');
    expect(rows).to.include('Shift+F10 or Menu | Open the card actions (Move to…, Assign…)');
    expect(deepActive()!.getAttribute('aria-label'), 'focus moves into the dialog').to.equal('Close');
    await expect(setup.el).to.be.accessible();

    await press(setup, 'Escape');
    expect(dialog.open).to.equal(false);
    expect(deepActive()!.getAttribute('aria-label'), 'focus returns to the help button').to.equal('Keyboard shortcuts');
  });

  it('Enter opens the drawer (focus trapped inside), Escape closes it and focus returns to the card; axe passes', async () => {
    const setup = await mountBoard();
    const lead = setup.store.cardsIn('contacted')[2]!;
    cardButton(setup.el, lead.id).focus();
    await press(setup, 'Enter');
    await waitUntil(() => drawerOpen(setup), 'drawer open');
    await settle(setup.el);
    expect(await axAll('dialog', lead.name)).to.have.length(1);
    expect(within(drawer(setup), deepActive())).to.equal(true);
    await expect(setup.el).to.be.accessible();

    // Tab and Shift+Tab cycle inside the drawer.
    for (let i = 0; i < 14; i++) {
      await sendKeys({ press: 'Tab' });
      expect(within(drawer(setup), deepActive()), `Tab ${i + 1} stays in, not on ${deepActive()?.outerHTML.slice(0, 80)}`).to.equal(true);
    }
    for (let i = 0; i < 4; i++) {
      await chord('Shift', 'Tab');
      expect(within(drawer(setup), deepActive())).to.equal(true);
    }

    await press(setup, 'Escape');
    await settle(setup.el);
    expect(drawerOpen(setup)).to.equal(false);
    expect(root(setup.el).activeElement).to.equal(cardButton(setup.el, lead.id));
  });

  it('assigns in the drawer picker by keys (type-ahead, Enter); Escape closes the picker before the drawer; axe with it open', async () => {
    const setup = await mountBoard();
    const lead = setup.store.cardsIn('new').find((l) => l.assigneeId === null) ?? setup.store.cardsIn('new')[0]!;
    const member = setup.store.assignableMembers.find((m) => m.id !== lead.assigneeId && m.id !== setup.store.me!.id)!;
    cardButton(setup.el, lead.id).focus();
    await press(setup, 'Enter');
    await waitUntil(() => drawerOpen(setup), 'drawer open');
    await settle(setup.el);
    await sendKeys({ press: 'Tab' }); // from Close to the Assignee combobox
    expect(deepActive()!.getAttribute('role')).to.equal('combobox');
    const combobox = deepActive() as HTMLInputElement;

    await press(setup, 'ArrowDown');
    expect(combobox.getAttribute('aria-expanded')).to.equal('true');
    await expect(setup.el).to.be.accessible();
    await press(setup, 'Escape');
    expect(combobox.getAttribute('aria-expanded'), 'the picker closed').to.equal('false');
    expect(drawerOpen(setup), 'the drawer stays open').to.equal(true);

    const writes = setup.fault.calls.assign;
    await sendKeys({ type: member.name.split(' ')[0]! });
    await rendered(setup.el);
    expect(combobox.getAttribute('aria-expanded')).to.equal('true');
    await press(setup, 'Enter');
    await waitUntil(() => setup.store.lead(lead.id)?.assigneeId === member.id && !setup.store.isPending(lead.id), 'assigned');
    await settle(setup.el);
    expect(setup.fault.calls.assign - writes).to.equal(1);
    expect((await setup.backend.getLead(lead.id)).assigneeId).to.equal(member.id);
    expect(liveRegion().textContent).to.equal(`${lead.name} assigned to ${member.name}`);
    expect(card(setup.el, lead.id).querySelector('.card-assignee-name')!.textContent!.trim()).to.equal(member.name);

    await press(setup, 'Escape');
    await settle(setup.el);
    expect(drawerOpen(setup)).to.equal(false);
    expect(root(setup.el).activeElement).to.equal(cardButton(setup.el, lead.id));
  });

  it('bulk assign by keyboard: Space/Shift+Down, Assign, picker by keys, "Assign 3 leads": one adapter call; axe on the confirm step', async () => {
    const setup = await mountBoard();
    const ids = await selectByKeys(setup, 3);
    expect(liveRegion().textContent).to.equal('3 leads selected');
    const member = setup.store.assignableMembers.find((m) => m.role === 'member')!;
    await openBulkDialogByKeys(setup);
    expect(confirmButton(setup).disabled, 'nothing chosen yet').to.equal(true);
    expect(confirmButton(setup).textContent!.trim()).to.equal('Assign 3 leads');
    const combobox = deepActive() as HTMLInputElement;
    expect(combobox.placeholder).to.equal('Choose a person');

    await sendKeys({ type: member.name.split(' ')[0]! });
    await press(setup, 'Enter');
    expect(dialogPicker(setup).value).to.equal(member.id);
    expect(assignDialog(setup).querySelector('.confirm-question')!.textContent!.trim()).to.equal(`Assign 3 leads to ${member.name}?`);
    await sendKeys({ press: 'Tab' }); // Cancel
    await sendKeys({ press: 'Tab' }); // confirm
    expect(deepActive()).to.equal(confirmButton(setup));
    expect(await axAll('button', 'Assign 3 leads')).to.have.length(1);
    await expect(setup.el).to.be.accessible();

    const calls = setup.fault.calls.assign;
    await press(setup, 'Enter');
    await waitUntil(() => !assignDialog(setup).open, 'dialog closed');
    await settle(setup.el);
    expect(setup.fault.calls.assign - calls, 'one adapter call').to.equal(1);
    expect(setup.fault.assignCalls.at(-1)!.options.source).to.equal('bulk');
    for (const id of ids) expect((await setup.backend.getLead(id)).assigneeId).to.equal(member.id);
    expect(liveRegion().textContent).to.equal(`3 leads assigned to ${member.name}`);
    expect(setup.store.selectedCount).to.equal(0);
    expect(root(setup.el).activeElement?.closest('.columns'), 'focus back on the board').to.exist;
  });

  it('bulk unassign by keyboard: choosing "Unassigned" explicitly enables "Unassign N leads"', async () => {
    const setup = await mountBoard({
      prepare: (data) => {
        for (const lead of data.leads) if (lead.status === 'new') lead.assigneeId = 'm3';
      },
    });
    const ids = await selectByKeys(setup, 2);
    await openBulkDialogByKeys(setup);
    await press(setup, 'ArrowDown'); // opens the list on its first option, "Unassigned"
    await press(setup, 'Enter');
    expect(dialogPicker(setup).value).to.equal(null);
    expect(confirmButton(setup).disabled).to.equal(false);
    expect(confirmButton(setup).textContent!.trim()).to.equal('Unassign 2 leads');
    expect(assignDialog(setup).querySelector('.confirm-question')!.textContent!.trim()).to.equal('Remove the assignee from 2 leads?');
    await sendKeys({ press: 'Tab' });
    await sendKeys({ press: 'Tab' });
    const calls = setup.fault.calls.assign;
    await press(setup, 'Enter');
    await waitUntil(() => !assignDialog(setup).open, 'dialog closed');
    await settle(setup.el);
    expect(setup.fault.calls.assign - calls).to.equal(1);
    expect(setup.fault.assignCalls.at(-1)!.assigneeId).to.equal(null);
    for (const id of ids) expect((await setup.backend.getLead(id)).assigneeId).to.equal(null);
    expect(liveRegion().textContent).to.equal('2 leads unassigned');
  });
});
