import { expect, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { liveRegion } from '../../src/controllers/announcer.js';
import { card, cardButton, cardNames, mountBoard, press, region, rendered, root, settle, type BoardSetup } from './helpers/board-setup.js';
import { deepActive } from './helpers/common.js';
import { axAll } from './helpers/picker-a11y.js';

const active = (setup: BoardSetup) => root(setup.el).activeElement as HTMLElement | null;
const said = () => liveRegion().textContent;

/**
 * Presses M (or m) on the focused card and waits until it is lifted: the move mode comes with the board's
 * on-demand parts, which a first M may have to wait for (as a first menu does).
 */
async function lift(setup: BoardSetup, key: 'm' | 'M' = 'm'): Promise<void> {
  await press(setup, key);
  await waitUntil(() => active(setup)?.classList.contains('card-lift'), 'the card is lifted');
  await rendered(setup.el);
}

/** Keyboard move mode — lift (M or the card menu), arrows choose the place, Enter/Space drop, Escape cancels. */
describe('<lead-kanban> keyboard move mode (lift)', () => {
  it('M lifts; arrows announce the place without writing; Enter drops with ONE keyboard move; focus stays on the card', async () => {
    const setup = await mountBoard();
    const lead = setup.store.cardsIn('new')[0]!;
    const newCount = setup.store.cardsIn('new').length;
    const contactedCount = setup.store.cardsIn('contacted').length;
    cardButton(setup.el, lead.id).focus();
    await lift(setup);

    // Lifted: focus is on an application-role overlay (screen readers pass the arrows through to it).
    const overlay = active(setup)!;
    expect(overlay.classList.contains('card-lift')).to.equal(true);
    expect(overlay.closest<HTMLElement>('[part~="card"]')!.dataset.leadId).to.equal(lead.id);
    expect(await axAll('application', `Moving ${lead.name}`)).to.have.length(1);
    expect(root(setup.el).getElementById(overlay.getAttribute('aria-describedby')!)!.textContent).to.equal(
      'Arrow keys choose the place, Enter or Space drops, Escape cancels.',
    );
    expect(said()).to.equal(
      `Picked up ${lead.name}, New, position 1 of ${newCount}. Arrow keys choose the place, Enter or Space drops, Escape cancels.`,
    );

    const writes = setup.fault.calls.updateLead;
    await press(setup, 'ArrowRight');
    expect(said()).to.equal(`${lead.name}, Contacted, position 1 of ${contactedCount + 1}`);
    await press(setup, 'ArrowDown');
    await press(setup, 'ArrowDown');
    expect(said()).to.equal(`${lead.name}, Contacted, position 3 of ${contactedCount + 1}`);
    // The place is shown (a drop line in the target column), nothing is written yet, focus stays on the card.
    expect(region(setup.el, 'Contacted').hasAttribute('data-drop-target')).to.equal(true);
    expect(region(setup.el, 'Contacted').querySelector('.drop-indicator')).to.exist;
    expect(setup.fault.calls.updateLead).to.equal(writes);
    expect(setup.store.lead(lead.id)!.status).to.equal('new');
    expect(active(setup)).to.equal(overlay);
    await expect(setup.el).to.be.accessible();

    await press(setup, 'Enter');
    await waitUntil(() => !setup.store.isPending(lead.id), 'move settled');
    await settle(setup.el);
    expect(setup.fault.calls.updateLead - writes, 'one write').to.equal(1);
    expect(setup.store.cardsIn('contacted').findIndex((l) => l.id === lead.id)).to.equal(2);
    expect(cardNames(region(setup.el, 'Contacted'))[2]).to.equal(lead.name);
    const stored = await setup.backend.getLead(lead.id);
    expect(stored.status).to.equal('contacted');
    expect((await setup.backend.listActivity(lead.id)).at(-1)).to.deep.include({ type: 'status_changed', source: 'keyboard' });
    expect(said()).to.equal(`Moved ${lead.name} from New to Contacted, position 3 of ${contactedCount + 1}`);
    expect(active(setup)).to.equal(cardButton(setup.el, lead.id));
    expect(root(setup.el).querySelector('.card-lift, .drop-indicator, [data-drop-target]')).to.equal(null);
    expect(await axAll('application')).to.have.length(0);
  });

  it('lifts from the card menu ("Move with arrow keys"); Escape cancels: nothing written, card back, announced', async () => {
    const setup = await mountBoard();
    const lead = setup.store.cardsIn('qualified')[1]!;
    const qualifiedCount = setup.store.cardsIn('qualified').length;
    cardButton(setup.el, lead.id).focus();
    await sendKeys({ press: 'Tab' });
    await press(setup, 'Enter'); // the "Actions for …" menu
    await press(setup, 'End'); // Unassign
    for (let i = 0; i < 3; i++) await press(setup, 'ArrowUp'); // Assign to me, Assign…, Move with arrow keys
    expect(deepActive()!.textContent!.trim(), 'the menu item has focus').to.equal('Move with arrow keys');
    await press(setup, 'Enter');
    expect(active(setup)!.classList.contains('card-lift')).to.equal(true);
    expect(said()).to.match(new RegExp(`^Picked up ${lead.name}, Qualified, position 2 of ${qualifiedCount}\\.`));

    const writes = setup.fault.totalCalls();
    await press(setup, 'ArrowLeft');
    await press(setup, 'Home');
    expect(said()).to.match(new RegExp(`^${lead.name}, Contacted, position 1 of \\d+$`));
    await press(setup, 'Escape');
    await settle(setup.el);
    expect(setup.fault.totalCalls(), 'nothing sent').to.equal(writes);
    expect(setup.store.lead(lead.id)!.status).to.equal('qualified');
    expect((await setup.backend.getLead(lead.id)).status).to.equal('qualified');
    expect(cardNames(region(setup.el, 'Qualified'))[1]).to.equal(lead.name);
    expect(said()).to.equal(`Move cancelled. ${lead.name} is back in Qualified, position 2 of ${qualifiedCount}`);
    expect(active(setup)).to.equal(cardButton(setup.el, lead.id));
    expect(root(setup.el).querySelector('.card-lift')).to.equal(null);
  });

  it('Space drops too (a reorder in the same column); dropping on its own place writes nothing', async () => {
    const setup = await mountBoard();
    const [a, b, c] = setup.store.cardsIn('new');
    const count = setup.store.cardsIn('new').length;
    cardButton(setup.el, a!.id).focus();
    await lift(setup, 'M');
    await press(setup, 'ArrowDown');
    await press(setup, 'ArrowUp');
    expect(region(setup.el, 'New').querySelector('.drop-indicator'), 'its own place: no drop line').to.equal(null);
    const writes = setup.fault.calls.updateLead;
    await press(setup, 'Space');
    expect(said()).to.equal(`${a!.name} stays in New, position 1 of ${count}`);
    expect(setup.fault.calls.updateLead).to.equal(writes);

    await lift(setup);
    await press(setup, 'ArrowDown');
    await press(setup, 'ArrowDown');
    await press(setup, 'Space');
    await waitUntil(() => !setup.store.isPending(a!.id), 'move settled');
    await settle(setup.el);
    expect(setup.fault.calls.updateLead - writes).to.equal(1);
    expect(setup.store.cardsIn('new').slice(0, 3).map((l) => l.id)).to.deep.equal([b!.id, c!.id, a!.id]);
    expect(said()).to.equal(`Moved ${a!.name} to position 3 of ${count} in New`);
    expect(active(setup)).to.equal(cardButton(setup.el, a!.id));
  });

  it('focus leaving a lifted card (Tab) cancels the move', async () => {
    const setup = await mountBoard();
    const lead = setup.store.cardsIn('new')[0]!;
    cardButton(setup.el, lead.id).focus();
    await lift(setup);
    await press(setup, 'ArrowRight');
    await press(setup, 'Tab');
    expect(said()).to.match(/^Move cancelled\./);
    expect(setup.store.lead(lead.id)!.status).to.equal('new');
    expect(active(setup)).to.equal(cardButton(setup.el, lead.id));
  });

  it('in a virtualized column the drop place is scrolled into view and the dropped card is focused where it landed', async () => {
    const setup = await mountBoard({ leads: 600 });
    const lead = setup.store.cardsIn('new')[0]!;
    const contacted = setup.store.cardsIn('contacted').length;
    cardButton(setup.el, lead.id).focus();
    await lift(setup);
    await press(setup, 'ArrowRight');
    await press(setup, 'End');
    expect(said()).to.equal(`${lead.name}, Contacted, position ${contacted + 1} of ${contacted + 1}`);
    const line = region(setup.el, 'Contacted').querySelector<HTMLElement>('.drop-indicator')!;
    const scroller = line.closest('.column-scroll')!.getBoundingClientRect();
    const box = line.getBoundingClientRect();
    expect(box.top >= scroller.top && box.bottom <= scroller.bottom, 'drop line visible').to.equal(true);

    await press(setup, 'Enter');
    await waitUntil(() => !setup.store.isPending(lead.id), 'move settled');
    await settle(setup.el);
    expect(setup.store.cardsIn('contacted').at(-1)!.id).to.equal(lead.id);
    expect((await setup.backend.getLead(lead.id)).status).to.equal('contacted');
    expect(active(setup)).to.equal(cardButton(setup.el, lead.id));
    const cardBox = card(setup.el, lead.id).getBoundingClientRect();
    const view = card(setup.el, lead.id).closest('.column-scroll')!.getBoundingClientRect();
    expect(cardBox.top >= view.top - 1 && cardBox.bottom <= view.bottom + 1, 'dropped card visible').to.equal(true);
  });
});
