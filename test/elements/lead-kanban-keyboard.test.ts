import { expect, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { liveRegion } from '../../src/controllers/announcer.js';
import { card, cardButton, cardNames, mountBoard, region, rendered, root, settle } from './helpers/board-setup.js';
import { axAll } from './helpers/picker-a11y.js';

/** Presses `key` with a modifier held (the runner's `press` takes single keys). */
async function chord(modifier: 'Shift' | 'Control', key: string): Promise<void> {
  await sendKeys({ down: modifier });
  await sendKeys({ press: key });
  await sendKeys({ up: modifier });
}

/** Groundwork of issue 5: roving focus by lead id, selection and moves from the keyboard. */
describe('<lead-kanban> keyboard', () => {
  it('has one Tab stop among the cards; arrows move it within and across columns, Home/End jump', async () => {
    const setup = await mountBoard();
    const tabbable = root(setup.el).querySelectorAll('.card-open[tabindex="0"]');
    expect(tabbable).to.have.length(1);
    const [first, second] = setup.store.cardsIn('new');
    expect(tabbable[0]).to.equal(cardButton(setup.el, first!.id));

    cardButton(setup.el, first!.id).focus();
    await sendKeys({ press: 'ArrowDown' });
    await rendered(setup.el);
    expect(root(setup.el).activeElement).to.equal(cardButton(setup.el, second!.id));
    expect(root(setup.el).querySelectorAll('.card-open[tabindex="0"]')).to.have.length(1);

    await sendKeys({ press: 'ArrowRight' });
    await rendered(setup.el);
    expect(root(setup.el).activeElement).to.equal(cardButton(setup.el, setup.store.cardsIn('contacted')[1]!.id));

    await sendKeys({ press: 'End' });
    await rendered(setup.el);
    const contacted = setup.store.cardsIn('contacted');
    expect(root(setup.el).activeElement).to.equal(cardButton(setup.el, contacted[contacted.length - 1]!.id));
    await sendKeys({ press: 'Home' });
    await rendered(setup.el);
    expect(root(setup.el).activeElement).to.equal(cardButton(setup.el, contacted[0]!.id));
  });

  it('Space toggles the focused card, Shift+Down extends, Escape clears', async () => {
    const setup = await mountBoard();
    const [a, b, c] = setup.store.cardsIn('new');
    cardButton(setup.el, a!.id).focus();
    await sendKeys({ press: 'Space' });
    await rendered(setup.el);
    expect([...setup.store.selection]).to.deep.equal([a!.id]);
    expect(await axAll('dialog')).to.have.length(0); // Space selects, it does not open
    await chord('Shift', 'ArrowDown');
    await chord('Shift', 'ArrowDown');
    await rendered(setup.el);
    expect([...setup.store.selection].sort()).to.deep.equal([a!.id, b!.id, c!.id].sort());
    expect(liveRegion().textContent).to.equal('3 leads selected');
    await sendKeys({ press: 'Escape' });
    await rendered(setup.el);
    expect(setup.store.selectedCount).to.equal(0);
  });

  it('Ctrl+Arrow moves the focused card through the store; focus stays on it', async () => {
    const setup = await mountBoard();
    const lead = setup.store.cardsIn('new')[0]!;
    cardButton(setup.el, lead.id).focus();
    await chord('Control', 'ArrowRight');
    await waitUntil(() => !setup.store.isPending(lead.id), 'move settled');
    await settle(setup.el);
    expect(cardNames(region(setup.el, 'Contacted'))[0]).to.equal(lead.name);
    expect(root(setup.el).activeElement).to.equal(cardButton(setup.el, lead.id));
    expect(liveRegion().textContent).to.match(new RegExp(`^Moved ${lead.name} from New to Contacted, position 1 of \\d+$`));
    expect((await setup.backend.getLead(lead.id)).status).to.equal('contacted');
    const history = await setup.backend.listActivity(lead.id);
    expect(history.at(-1)).to.deep.include({ type: 'status_changed', source: 'keyboard' });

    await chord('Control', 'ArrowDown');
    await waitUntil(() => !setup.store.isPending(lead.id), 'move settled');
    await settle(setup.el);
    expect(cardNames(region(setup.el, 'Contacted'))[1]).to.equal(lead.name);
    expect(root(setup.el).activeElement).to.equal(cardButton(setup.el, lead.id));
  });

  it('moves by the card menu ("Move to Qualified"), the non-drag path; axe passes with the menu open', async () => {
    const setup = await mountBoard();
    const lead = setup.store.cardsIn('new')[1]!;
    card(setup.el, lead.id).querySelector<HTMLButtonElement>('.card-menu')!.focus();
    await sendKeys({ press: 'Enter' });
    await rendered(setup.el);
    expect(await axAll('menu', `Actions for ${lead.name}`)).to.have.length(1);
    await expect(setup.el).to.be.accessible();
    const items = [...root(setup.el).querySelectorAll<HTMLElement>('[role="menuitem"]')].map((i) => i.textContent!.trim());
    expect(items).to.deep.equal([
      'Move to Contacted', 'Move to Qualified', 'Move to Proposal', 'Move to Won', 'Move to Lost',
      'Move up', 'Move down', 'Move to top', 'Move to bottom', 'Assign…', 'Assign to me', 'Unassign',
    ]);
    await sendKeys({ press: 'ArrowDown' });
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => !setup.store.isPending(lead.id), 'move settled');
    await settle(setup.el);
    const qualified = cardNames(region(setup.el, 'Qualified'));
    expect(qualified).to.include(lead.name);
    expect((await setup.backend.getLead(lead.id)).status).to.equal('qualified');
    expect(root(setup.el).activeElement).to.equal(cardButton(setup.el, lead.id));
  });
});
