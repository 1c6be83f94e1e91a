/**
 * What the keyboard help says is true: Enter opens a lead from any part of its card (the checkbox the first Tab
 * lands on included), Tab walks the card's controls and then leaves the board, the workload strip is one Tab
 * stop, and B goes from a card to the bulk bar (Escape comes back).
 */
import { expect, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import {
  assignDialog,
  button,
  cardButton,
  cardCheckbox,
  shownDrawer,
  helpDialog,
  mountBoard,
  nextEvent,
  press,
  rendered,
  root,
  type BoardSetup,
} from './helpers/board-setup.js';
import { chord, deepActive } from './helpers/common.js';

/** Puts focus just before the board, then Tabs into it (where a keyboard user arrives). */
async function tabIntoBoard(setup: BoardSetup): Promise<void> {
  const before = document.createElement('button');
  before.textContent = 'before';
  setup.el.before(before);
  before.focus();
  // Toolbar, workload strip (one stop), then the cards.
  for (let i = 0; i < 30 && !deepActive()?.closest<HTMLElement>('[part~="card"]'); i++) await sendKeys({ press: 'Tab' });
}

describe('<lead-kanban> keyboard: the help tells the truth', () => {
  it('the first Tab stop on the cards is the checkbox; Enter there opens the lead', async () => {
    const setup = await mountBoard();
    await tabIntoBoard(setup);
    const first = setup.store.cardsIn('new')[0]!;
    expect(deepActive(), 'the card’s checkbox').to.equal(cardCheckbox(setup.el, first.id));
    const opened = nextEvent(setup.el, 'lead-open');
    await press(setup, 'Enter');
    expect((await opened).leadId).to.equal(first.id);
    await waitUntil(() => shownDrawer(setup.el)?.open, 'drawer open');
    expect(cardCheckbox(setup.el, first.id).checked, 'Enter did not toggle it').to.equal(false);
  });

  it('Tab walks checkbox, name and actions button, then leaves the board; the help says so', async () => {
    const setup = await mountBoard();
    const after = document.createElement('button');
    after.textContent = 'after';
    setup.el.after(after);
    await tabIntoBoard(setup);
    const first = setup.store.cardsIn('new')[0]!;
    await sendKeys({ press: 'Tab' });
    expect(deepActive()).to.equal(cardButton(setup.el, first.id));
    await sendKeys({ press: 'Tab' });
    expect(deepActive()!.getAttribute('aria-label')).to.equal(`Actions for ${first.name}`);
    await sendKeys({ press: 'Tab' });
    expect(deepActive(), 'out of the board').to.equal(after);

    button(setup.el, 'Keyboard shortcuts').click();
    await waitUntil(() => helpDialog(setup.el)?.open, 'help open');
    const rows = [...helpDialog(setup.el)!.querySelectorAll<HTMLTableRowElement>('tbody tr')].map((r) =>
      [...r.cells].map((c) => c.textContent!.replace(/\s+/g, ' ').trim()).join(' | '),
    );
    expect(rows.find((r) => r.startsWith('Tab |'))).to.contain('checkbox, name and actions button, then on out of the board');
    expect(rows.find((r) => r.startsWith('Enter |'))).to.contain('its checkbox');
    expect(rows).to.include('B | Go to the bulk actions (Assign the selection); Escape there comes back to the cards');
  });

  it('from selected cards: B reaches Assign, Enter opens "Assign leads"; Escape in the bulk bar comes back', async () => {
    const setup = await mountBoard();
    const lead = setup.store.cardsIn('contacted')[1]!;
    cardButton(setup.el, lead.id).focus();
    await press(setup, ' ');
    await chord('Shift', 'ArrowDown');
    await rendered(setup.el);
    expect(setup.store.selectedCount).to.equal(2);
    await press(setup, 'b');
    expect(deepActive(), 'the bulk Assign button').to.equal(button(setup.el, 'Assign'));
    await press(setup, 'Enter');
    await waitUntil(() => assignDialog(setup.el)?.open, 'dialog open');
    await press(setup, 'Escape');
    await waitUntil(() => !assignDialog(setup.el)?.open, 'dialog closed');
    await rendered(setup.el);
    expect(deepActive()).to.equal(button(setup.el, 'Assign'));
    await press(setup, 'Escape');
    const next = setup.store.cardsIn('contacted')[2]!;
    expect(deepActive(), 'back on the card it came from').to.equal(cardButton(setup.el, next.id));
    expect(setup.store.selectedCount, 'Escape in the bulk bar keeps the selection').to.equal(2);
  });

  it('Shift+Tab from a card passes the workload strip in one stop on the way to Distribute… and Assign', async () => {
    const setup = await mountBoard();
    const lead = setup.store.cardsIn('new')[0]!;
    cardButton(setup.el, lead.id).focus();
    await press(setup, ' ');
    cardCheckbox(setup.el, lead.id).focus();
    await chord('Shift', 'Tab');
    expect(deepActive()!.classList.contains('chip'), 'one chip of the strip').to.equal(true);
    await chord('Shift', 'Tab');
    expect(deepActive()!.getAttribute('aria-label')).to.equal('Keyboard shortcuts');
    await chord('Shift', 'Tab');
    expect(deepActive(), 'the bulk bar ends with Distribute…').to.equal(button(setup.el, 'Distribute…'));
    await chord('Shift', 'Tab');
    expect(deepActive()).to.equal(button(setup.el, 'Assign'));
  });

  it('the arrow keys, Home and End move between the workload chips; the strip keeps one Tab stop', async () => {
    const setup = await mountBoard();
    const chips = () => [...root(setup.el).querySelectorAll<HTMLButtonElement>('.chip')];
    expect(chips().filter((c) => c.tabIndex === 0)).to.have.length(1);
    chips()[0]!.focus();
    await press(setup, 'ArrowRight');
    expect(deepActive()).to.equal(chips()[1]);
    await press(setup, 'End');
    expect(deepActive()).to.equal(chips().at(-1));
    await press(setup, 'Home');
    expect(deepActive()).to.equal(chips()[0]);
    await press(setup, 'ArrowRight');
    expect(chips().filter((c) => c.tabIndex === 0)).to.deep.equal([chips()[1]]);
    await press(setup, 'Enter');
    expect(setup.store.filter.assignee, 'Enter filters by the focused person').to.equal(chips()[1]!.dataset.assignee);
  });
});
