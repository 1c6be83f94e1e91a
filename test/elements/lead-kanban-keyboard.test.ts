import { expect, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { liveRegion } from '../../src/controllers/announcer.js';
import { button, card, cardButton, cardNames, menuItems, mountBoard, press, region, rendered, root, settle, type BoardSetup } from './helpers/board-setup.js';
import { chord } from './helpers/common.js';
import { axAll } from './helpers/picker-a11y.js';


const active = (setup: BoardSetup) => root(setup.el).activeElement as HTMLElement | null;
const activeLeadId = (setup: BoardSetup) => active(setup)?.closest<HTMLElement>('[part~="card"]')?.dataset.leadId;
const inColumns = (setup: BoardSetup) => Boolean(active(setup)?.closest('.columns'));

/** Fully inside its column's scroller (so a sighted keyboard user sees it). */
function visibleInColumn(el: Element): boolean {
  const scroller = el.closest('.column-scroll')!;
  const box = el.getBoundingClientRect();
  const view = scroller.getBoundingClientRect();
  return box.top >= view.top - 1 && box.bottom <= view.bottom + 1;
}

/** Roving focus by lead id, selection and moves from the keyboard. */
describe('<lead-kanban> keyboard', () => {
  it('Tab into the board lands on one card; its checkbox, name and actions are the only stops; Tab leaves', async () => {
    const setup = await mountBoard();
    const first = setup.store.cardsIn('new')[0]!;
    button(setup.el, 'Keyboard shortcuts').focus();
    for (let i = 0; i < 20 && !inColumns(setup); i++) await sendKeys({ press: 'Tab' });
    expect(activeLeadId(setup), 'lands on the first card').to.equal(first.id);
    expect(active(setup)!.getAttribute('aria-label')).to.equal(`Select ${first.name}`);
    const tabbable = [...root(setup.el).querySelectorAll<HTMLElement>('.columns [tabindex="0"]')];
    expect(new Set(tabbable.map((t) => t.closest<HTMLElement>('[part~="card"]')?.dataset.leadId))).to.deep.equal(new Set([first.id]));

    await sendKeys({ press: 'Tab' });
    expect(active(setup)).to.equal(cardButton(setup.el, first.id));
    await sendKeys({ press: 'Tab' });
    expect(active(setup)!.getAttribute('aria-label')).to.equal(`Actions for ${first.name}`);
    await sendKeys({ press: 'Tab' });
    expect(inColumns(setup), `the next Tab leaves the board, not ${active(setup)?.outerHTML.slice(0, 200)}`).to.equal(false);
  });

  it('arrows move the one Tab stop within and across columns, Home/End and Ctrl+Home/End jump', async () => {
    const setup = await mountBoard();
    const [first, second] = setup.store.cardsIn('new');
    cardButton(setup.el, first!.id).focus();
    await press(setup, 'ArrowDown');
    expect(active(setup)).to.equal(cardButton(setup.el, second!.id));
    expect(root(setup.el).querySelectorAll('.card-open[tabindex="0"]')).to.have.length(1);

    await press(setup, 'ArrowRight');
    expect(active(setup)).to.equal(cardButton(setup.el, setup.store.cardsIn('contacted')[1]!.id));

    const contacted = setup.store.cardsIn('contacted');
    await press(setup, 'End');
    expect(active(setup)).to.equal(cardButton(setup.el, contacted.at(-1)!.id));
    await press(setup, 'Home');
    expect(active(setup)).to.equal(cardButton(setup.el, contacted[0]!.id));

    await sendKeys({ down: 'Control' });
    await press(setup, 'End');
    await sendKeys({ up: 'Control' });
    expect(activeLeadId(setup)).to.equal(setup.store.cardsIn('lost').at(-1)!.id);
    await sendKeys({ down: 'Control' });
    await press(setup, 'Home');
    await sendKeys({ up: 'Control' });
    expect(activeLeadId(setup)).to.equal(first!.id);

    // Up from the first card reaches the column's "Select all in" checkbox; the headers are a row of their own.
    await press(setup, 'ArrowUp');
    expect(active(setup)!.getAttribute('aria-label')).to.equal('Select all in New');
    expect(active(setup)!.tabIndex, 'it holds the Tab stop now').to.equal(0);
    await press(setup, 'ArrowRight');
    expect(active(setup)!.getAttribute('aria-label')).to.equal('Select all in Contacted');
    await press(setup, 'Space');
    expect(setup.store.selectionStateIn('contacted')).to.equal('all');
    expect(liveRegion().textContent).to.equal(`${contacted.length} leads selected`);
    await press(setup, 'ArrowDown');
    expect(activeLeadId(setup)).to.equal(contacted[0]!.id);
    await press(setup, 'Escape');
    await press(setup, 'ArrowLeft');
    expect(activeLeadId(setup)).to.equal(first!.id);

    // From the checkbox, arrows keep to checkboxes (the same kind of control in the next card).
    await sendKeys({ down: 'Shift' });
    await sendKeys({ press: 'Tab' });
    await sendKeys({ up: 'Shift' });
    expect(active(setup)!.classList.contains('card-check')).to.equal(true);
    await press(setup, 'ArrowDown');
    expect(active(setup)!.getAttribute('aria-label')).to.equal(`Select ${second!.name}`);
  });

  it('an empty column is reachable: its empty state joins the roving set, and a card can be moved into it', async () => {
    const setup = await mountBoard({
      prepare: (data) => {
        for (const lead of data.leads) if (lead.status === 'proposal') lead.status = 'lost';
      },
    });
    expect(setup.store.cardsIn('proposal')).to.have.length(0);
    const qualified = setup.store.cardsIn('qualified')[0]!;
    cardButton(setup.el, qualified.id).focus();
    await press(setup, 'ArrowRight');
    const empty = active(setup)!;
    expect(empty.dataset.emptyColumn).to.equal('proposal');
    expect(empty.closest('[role="region"]')!.getAttribute('aria-label')).to.equal('Proposal');
    expect(empty.tabIndex).to.equal(0);
    expect(empty.textContent!.trim()).to.equal('No leads');
    expect(root(setup.el).getElementById(empty.getAttribute('aria-describedby')!), 'described by the help').to.exist;
    await press(setup, 'ArrowRight');
    expect(activeLeadId(setup)).to.equal(setup.store.cardsIn('won')[0]!.id);
    await press(setup, 'ArrowLeft');
    expect(active(setup)!.dataset.emptyColumn).to.equal('proposal');
    await press(setup, 'ArrowLeft');
    expect(activeLeadId(setup)).to.equal(qualified.id);

    await chord('Control', 'ArrowRight');
    await waitUntil(() => !setup.store.isPending(qualified.id), 'move settled');
    await settle(setup.el);
    expect(cardNames(region(setup.el, 'Proposal'))).to.deep.equal([qualified.name]);
    expect(active(setup)).to.equal(cardButton(setup.el, qualified.id));
    expect((await setup.backend.getLead(qualified.id)).status).to.equal('proposal');
  });

  it('Space toggles the focused card, Shift+Down extends in the column, Shift+Right adds the next column, Escape clears', async () => {
    const setup = await mountBoard();
    const [a, b, c] = setup.store.cardsIn('new');
    cardButton(setup.el, a!.id).focus();
    await press(setup, 'Space');
    expect([...setup.store.selection]).to.deep.equal([a!.id]);
    expect(liveRegion().textContent).to.equal('1 lead selected');
    expect(await axAll('dialog')).to.have.length(0); // Space selects, it does not open
    expect(card(setup.el, a!.id).querySelector<HTMLInputElement>('.card-check')!.checked).to.equal(true);
    await chord('Shift', 'ArrowDown');
    await chord('Shift', 'ArrowDown');
    await rendered(setup.el);
    expect([...setup.store.selection].sort()).to.deep.equal([a!.id, b!.id, c!.id].sort());
    expect(liveRegion().textContent).to.equal('3 leads selected');
    expect(activeLeadId(setup)).to.equal(c!.id);

    await chord('Shift', 'ArrowRight');
    await rendered(setup.el);
    const beside = setup.store.cardsIn('contacted')[2]!;
    expect(activeLeadId(setup)).to.equal(beside.id);
    expect(setup.store.isSelected(beside.id)).to.equal(true);
    expect(setup.store.selectedCount).to.equal(4);
    expect(liveRegion().textContent).to.equal('4 leads selected');
    // The anchor is now in Contacted: Shift+Up extends there, not back across New.
    await chord('Shift', 'ArrowUp');
    await rendered(setup.el);
    expect(setup.store.isSelected(setup.store.cardsIn('contacted')[1]!.id)).to.equal(true);
    expect(setup.store.selectedCount).to.equal(5);

    await press(setup, 'Escape');
    expect(setup.store.selectedCount).to.equal(0);
    expect(liveRegion().textContent).to.equal('Selection cleared');
  });

  it('Ctrl+Arrow moves the focused card through the store; focus stays on it', async () => {
    const setup = await mountBoard();
    const lead = setup.store.cardsIn('new')[0]!;
    cardButton(setup.el, lead.id).focus();
    await chord('Control', 'ArrowRight');
    await waitUntil(() => !setup.store.isPending(lead.id), 'move settled');
    await settle(setup.el);
    expect(cardNames(region(setup.el, 'Contacted'))[0]).to.equal(lead.name);
    expect(active(setup)).to.equal(cardButton(setup.el, lead.id));
    const total = setup.store.cardsIn('contacted').length;
    expect(liveRegion().textContent).to.equal(`Moved ${lead.name} from New to Contacted, position 1 of ${total}`);
    expect((await setup.backend.getLead(lead.id)).status).to.equal('contacted');
    const history = await setup.backend.listActivity(lead.id);
    expect(history.at(-1)).to.deep.include({ type: 'status_changed', source: 'keyboard' });

    await chord('Control', 'ArrowDown');
    await waitUntil(() => !setup.store.isPending(lead.id), 'move settled');
    await settle(setup.el);
    expect(cardNames(region(setup.el, 'Contacted'))[1]).to.equal(lead.name);
    expect(active(setup)).to.equal(cardButton(setup.el, lead.id));
    expect(liveRegion().textContent).to.equal(`Moved ${lead.name} to position 2 of ${total} in Contacted`);
  });

  it('in virtualized columns a card moved across keeps focus: rendered and scrolled into view in the target', async () => {
    const setup = await mountBoard({ leads: 600 });
    const newCards = setup.store.cardsIn('new');
    expect(newCards.length).to.be.greaterThan(40);
    cardButton(setup.el, newCards[0]!.id).focus();
    await press(setup, 'End');
    const lead = newCards.at(-1)!;
    expect(activeLeadId(setup)).to.equal(lead.id);
    expect(visibleInColumn(card(setup.el, lead.id))).to.equal(true);
    const rendered0 = region(setup.el, 'Contacted').querySelectorAll('[part~="card"]').length;
    expect(rendered0, 'Contacted renders a window, not every card').to.be.lessThan(setup.store.cardsIn('contacted').length);

    await chord('Control', 'ArrowRight');
    await waitUntil(() => !setup.store.isPending(lead.id), 'move settled');
    await settle(setup.el);
    const contacted = setup.store.cardsIn('contacted');
    const at = contacted.findIndex((l) => l.id === lead.id);
    expect(at, 'lands deep in the column, outside the first window').to.be.greaterThan(20);
    expect(active(setup)).to.equal(cardButton(setup.el, lead.id));
    expect(visibleInColumn(card(setup.el, lead.id)), 'scrolled into view').to.equal(true);
    expect((await setup.backend.getLead(lead.id)).status).to.equal('contacted');
  });

  it('moves by the card menu: Enter on "Actions for …", arrows, Enter; store, backend and live region agree; axe with the menu open', async () => {
    const setup = await mountBoard();
    const lead = setup.store.cardsIn('new')[1]!;
    cardButton(setup.el, lead.id).focus();
    await sendKeys({ press: 'Tab' });
    expect(active(setup)!.getAttribute('aria-label')).to.equal(`Actions for ${lead.name}`);
    await press(setup, 'Enter');
    expect(await axAll('menu', `Actions for ${lead.name}`)).to.have.length(1);
    expect(active(setup)!.getAttribute('aria-expanded')).to.equal(null); // focus is in the menu now
    expect(card(setup.el, lead.id).querySelector('.card-menu')!.getAttribute('aria-expanded')).to.equal('true');
    await expect(setup.el).to.be.accessible();
    const items = menuItems(setup.el).map((i) => i.textContent!.trim());
    expect(items).to.deep.equal([
      'Move to Contacted', 'Move to Qualified', 'Move to Proposal', 'Move to Won', 'Move to Lost',
      'Move up', 'Move down', 'Move to top', 'Move to bottom', 'Move with arrow keys',
      'Assign…', 'Assign to me', 'Unassign',
    ]);
    const writes = setup.fault.calls.updateLead;
    await sendKeys({ press: 'ArrowDown' });
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => !setup.store.isPending(lead.id), 'move settled');
    await settle(setup.el);
    expect(setup.fault.calls.updateLead - writes, 'one write').to.equal(1);
    expect(setup.store.lead(lead.id)!.status).to.equal('qualified');
    expect((await setup.backend.getLead(lead.id)).status).to.equal('qualified');
    expect(cardNames(region(setup.el, 'Qualified'))).to.include(lead.name);
    const qualified = setup.store.cardsIn('qualified');
    const position = qualified.findIndex((l) => l.id === lead.id) + 1;
    expect(liveRegion().textContent).to.equal(
      `Moved ${lead.name} from New to Qualified, position ${position} of ${qualified.length}`,
    );
    expect(active(setup)).to.equal(cardButton(setup.el, lead.id));
  });

  it('Escape closes the card menu and gives focus back to its button; Shift+F10 opens it from the card', async () => {
    const setup = await mountBoard();
    const lead = setup.store.cardsIn('new')[0]!;
    cardButton(setup.el, lead.id).focus();
    await chord('Shift', 'F10');
    await rendered(setup.el);
    expect(await axAll('menu', `Actions for ${lead.name}`)).to.have.length(1);
    await press(setup, 'Escape');
    expect(await axAll('menu')).to.have.length(0);
    expect(active(setup)!.getAttribute('aria-label')).to.equal(`Actions for ${lead.name}`);
  });
});
