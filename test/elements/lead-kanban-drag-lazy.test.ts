/**
 * SortableJS is fetched lazily, after the board's first frame. A press on a card before it has arrived must
 * still become a drag. This file runs in its own page, so no board has loaded SortableJS before these tests;
 * the fetch is held back (the real module, released when the test says so) to press while it is missing.
 */
import { expect, waitUntil } from '@open-wc/testing';
import { resetMouse, sendMouse } from '@web/test-runner-commands';
import { sortableSource } from '../../src/lead-kanban/drag.js';
import { card, cardNames, centre, mountBoard, region, settle } from './helpers/board-setup.js';

let releaseFetch!: () => void;
const fetchHeld = new Promise<void>((resolve) => (releaseFetch = resolve));
let fetchesStarted = 0;
const realLoad = sortableSource.load;
sortableSource.load = () => {
  fetchesStarted++;
  return fetchHeld.then(realLoad);
};

async function moveMouse(from: [number, number], to: [number, number], steps: number): Promise<void> {
  for (let i = 1; i <= steps; i++) {
    const x = Math.round(from[0] + ((to[0] - from[0]) * i) / steps);
    const y = Math.round(from[1] + ((to[1] - from[1]) * i) / steps);
    await sendMouse({ type: 'move', position: [x, y] });
    await new Promise((resolve) => requestAnimationFrame(resolve));
  }
}

describe('<lead-kanban> drag right after the first render (SortableJS loaded lazily, issue 6)', () => {
  after(async () => {
    await resetMouse();
  });

  it('the fetch starts after the first render, and a card pressed before it arrives is dragged once it does', async () => {
    const setup = await mountBoard();
    await waitUntil(() => fetchesStarted === 1, 'SortableJS requested after the first render');

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
    expect(fetchesStarted).to.equal(1);

    // It arrives: the held press is handed over (the card is picked up), and the rest of the gesture drags.
    releaseFetch();
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
    expect(fetchesStarted).to.equal(1);
  });
});
