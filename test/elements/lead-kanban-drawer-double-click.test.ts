/**
 * The click that opens a lead must not be able to close it: the second click of a double-click on a card lands
 * on the drawer's backdrop (the panel covers the right of the page, the card stays under the backdrop).
 */
import { expect, waitUntil } from '@open-wc/testing';
import { resetMouse, sendMouse } from '@web/test-runner-commands';
import { OPENING_GRACE_MS } from '../../src/lead-drawer/lead-drawer-content.js';
import { drawerContentChunk } from '../../src/lead-drawer/lead-drawer.js';
import { cardButton, centre, drawer as drawerOf, mountBoard, rendered } from './helpers/board-setup.js';
import { axAll } from './helpers/picker-a11y.js';

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('<lead-kanban> opening a lead with a double-click', () => {
  afterEach(() => resetMouse());

  for (const gap of [0, 60, 140, 250]) {
    it(`keeps the drawer open when the second click follows ${gap} ms after the first`, async () => {
      await drawerContentChunk.load();
      const setup = await mountBoard();
      const lead = setup.store.cardsIn('new')[0]!;
      const at = centre(cardButton(setup.el, lead.id));
      await sendMouse({ type: 'click', position: at });
      if (gap > 0) await pause(gap);
      await sendMouse({ type: 'click', position: at });
      await pause(50);
      await rendered(setup.el);
      const drawer = drawerOf(setup.el);
      await drawer.updateComplete;
      expect(drawer.open, 'still open').to.equal(true);
      expect(await axAll('dialog', lead.name), 'the lead’s dialog').to.have.length(1);
    });
  }

  it('still closes on a backdrop click once the double-click interval has passed', async () => {
    await drawerContentChunk.load();
    const setup = await mountBoard();
    const lead = setup.store.cardsIn('new')[0]!;
    const at = centre(cardButton(setup.el, lead.id));
    await sendMouse({ type: 'click', position: at });
    await pause(OPENING_GRACE_MS + 100);
    await sendMouse({ type: 'click', position: at });
    const drawer = drawerOf(setup.el);
    await waitUntil(() => !drawer.open, 'closed by the backdrop');
  });
});
