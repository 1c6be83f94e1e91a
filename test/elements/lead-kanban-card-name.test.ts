import { expect } from '@open-wc/testing';
import { mountBoard } from './helpers/board-setup.js';
import { axAll } from './helpers/picker-a11y.js';

describe('<lead-kanban>: a card is named by its lead', () => {
  it('the list item is labelled by its open button, which shows the lead name; the checkbox is "Select <name>"', async () => {
    const setup = await mountBoard();
    const lead = setup.store.cardsIn('new')[0]!;
    const root = setup.el.shadowRoot!;
    const item = root.querySelector<HTMLElement>(`[role="listitem"][data-lead-id="${lead.id}"]`)!;
    // Chromium's snapshot used by these tests prunes list items, so the label reference is checked in the DOM
    // (the same shadow root, as aria-labelledby requires) and the button's computed name in the a11y tree.
    const label = root.getElementById(item.getAttribute('aria-labelledby')!)!;
    expect(label.tagName).to.equal('BUTTON');
    expect(item.contains(label)).to.equal(true);
    expect(label.textContent!.trim()).to.equal(lead.name);
    expect(await axAll('button', lead.name)).to.have.length(1);
    expect(await axAll('checkbox', `Select ${lead.name}`)).to.have.length(1);
    await expect(setup.el).to.be.accessible();
  });
});
