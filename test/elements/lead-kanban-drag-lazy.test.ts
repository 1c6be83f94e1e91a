/**
 * SortableJS is fetched lazily, after the board's first frame. A press on a card before it has arrived must
 * still become a drag. This file runs in its own page, so no board has loaded SortableJS before these tests;
 * the fetch is held back (the real module, released when the test says so) to press while it is missing.
 */
import { expect, waitUntil } from '@open-wc/testing';
import { resetMouse, sendMouse } from '@web/test-runner-commands';
import { sortableChunk } from '../../src/lead-kanban/drag.js';
import { card, cardNames, centre, mountBoard, moveMouse, region, settle } from './helpers/board-setup.js';
import { controlFetch } from './helpers/drawer-setup.js';

const fetches = controlFetch(sortableChunk);

describe('<lead-kanban> drag right after the first render (SortableJS loaded on demand)', () => {
  after(async () => {
    await resetMouse();
  });

  it('the fetch starts after the first render, and a card pressed before it arrives is dragged once it does', async () => {
    const setup = await mountBoard();
    await waitUntil(() => fetches.started === 1, 'SortableJS requested after the first render');

    const lead = setup.store.cardsIn('new')[0]!;
    const target = card(setup.el, setup.store.cardsIn('contacted')[0]!.id);
    const from = centre(card(setup.el, lead.id));
    const r = target.getBoundingClientRect();
    const to: [number, number] = [Math.round(r.left + r.width / 2), Math.round(r.top + r.height * 0.8)];
    const halfway: [number, number] = [from[0] + 30, from[1] + 10];

    // Press and start moving while SortableJS is still missing.
    await sendMouse({ type: 'move', position: from });
    await sendMouse({ type: 'down' });
    await moveMouse(from, halfway, 3);
    expect(fetches.started).to.equal(1);

    // It arrives: the held press is handed over (the card is picked up), and the rest of the gesture drags.
    fetches.release();
    await waitUntil(() => card(setup.el, lead.id).classList.contains('is-chosen'), 'the pressed card is picked up');
    await moveMouse(halfway, to, 10);
    await sendMouse({ type: 'up' });
    await settle(setup.el);

    const contacted = cardNames(region(setup.el, 'Contacted'));
    expect(contacted.indexOf(lead.name)).to.equal(1);
    expect(cardNames(region(setup.el, 'New'))).not.to.include(lead.name);
    await waitUntil(() => !setup.store.isPending(lead.id), 'move saved');
    expect((await setup.backend.getLead(lead.id)).status).to.equal('contacted');
    expect(setup.fault.calls.updateLead).to.equal(1);
    expect(fetches.started).to.equal(1);
  });
});
