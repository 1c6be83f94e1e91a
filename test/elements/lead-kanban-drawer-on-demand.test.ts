/**
 * The board's drawer with its content in a chunk of its own: fetched after the board's first frame,
 * and a lead opened before it arrives opens once it does, with focus in the drawer and back on the card after.
 * This file runs in its own page, so nothing fetched that chunk before; the fetch is held back until released.
 */
import { expect, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { drawerContentChunk } from '../../src/lead-drawer/lead-drawer.js';
import { cardButton, drawer as drawerOf, mountBoard, nextEvent, rendered, root, settle } from './helpers/board-setup.js';
import { deepActive } from './helpers/common.js';
import { controlFetch } from './helpers/drawer-setup.js';
import { axAll } from './helpers/picker-a11y.js';

const fetches = controlFetch(drawerContentChunk);

describe('<lead-kanban> drawer content loaded on demand', () => {
  it('is fetched after the first render; a lead opened before it arrives opens when it does', async () => {
    const setup = await mountBoard();
    await waitUntil(() => fetches.started === 1, 'requested after the first render, without any action', { timeout: 5000 });

    const lead = setup.store.cardsIn('new')[1]!;
    cardButton(setup.el, lead.id).focus();
    const opened = nextEvent(setup.el, 'lead-open');
    await sendKeys({ press: 'Enter' });
    expect((await opened).leadId).to.equal(lead.id);
    await rendered(setup.el);
    const drawer = drawerOf(setup.el);
    expect(drawer.open).to.equal(true);
    expect(await axAll('dialog'), 'no dialog without its content').to.have.length(0);

    fetches.release();
    await drawer.updateComplete;
    expect(await axAll('dialog', lead.name)).to.have.length(1);
    expect(deepActive()!.getAttribute('aria-label'), 'focus on the drawer’s Close button').to.equal('Close');
    expect(fetches.started, 'fetched once').to.equal(1);

    await sendKeys({ press: 'Escape' });
    await waitUntil(() => !drawer.open, 'drawer closed');
    await settle(setup.el);
    expect(root(setup.el).activeElement, 'focus back on the card').to.equal(cardButton(setup.el, lead.id));
  });
});
