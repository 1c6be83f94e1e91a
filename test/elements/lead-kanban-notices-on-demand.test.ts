/**
 * What the board's notices say (src/notice-text.ts and its words, src/l10n/notices-late.ts) arrives with the
 * collaboration chunk, after the first frame. A notice that comes before it must still be told, once it
 * arrives, in the order the notices came, and in the host's words when the host translated them — even though
 * the English defaults join the table later. This file runs in its own page, so nothing has loaded that chunk;
 * its fetch is held back (the real module, released when the test says so), and fails once while offline.
 */
import { expect, waitUntil } from '@open-wc/testing';
import { messages, setMessages } from '../../src/l10n.js';
import { collaborationChunk } from '../../src/lead-kanban/board-collaboration.js';
import { mountBoard, settle, toastTexts } from './helpers/board-setup.js';
import { controlFetch } from './helpers/drawer-setup.js';

const fetches = controlFetch(collaborationChunk);

describe('<lead-kanban> notices told before their words have arrived', () => {
  afterEach(() => setMessages({}));

  it('waits for the chunk, keeps the order, and the host\'s translation wins over the late English', async () => {
    setMessages({ leadMoved: (lead: string, column: string) => `${lead} nach ${column} verschoben` });
    fetches.offline = true; // the first fetch fails: the notices wait and the fetch is tried again
    const setup = await mountBoard();
    const [first, second] = setup.store.cardsIn('new');
    expect(customElements.get('lead-kanban-distribute-dialog'), 'not part of the board module').to.equal(undefined);

    await setup.store.move(first!.id, 'contacted');
    await setup.store.move(second!.id, 'qualified');
    await settle(setup.el);
    expect(toastTexts(setup.el), 'nothing to say it with yet').to.deep.equal([]);

    fetches.offline = false;
    fetches.release();
    await waitUntil(() => toastTexts(setup.el).length === 2, 'both told once the chunk is here', { timeout: 6000 });
    // Newest on top: the second move, then the first.
    expect(toastTexts(setup.el)).to.deep.equal([
      `${second!.name} nach Qualified verschoben`,
      `${first!.name} nach Contacted verschoben`,
    ]);
    expect(messages().leadMoved('A', 'B'), 'the host still wins after the defaults arrived').to.equal('A nach B verschoben');
    expect(messages().leadAssignedTo('A', 'B'), 'the late English fills what the host did not translate').to.equal('A assigned to B');
  });
});
