import { expect, waitUntil } from '@open-wc/testing';
import { resetMouse } from '@web/test-runner-commands';
import { AdapterError } from '../../sdk/index.js';
import { MemoryAdapter } from '../../sdk/memory.js';
import type { LeadMoveEvent } from '../../src/events/index.js';
import type { LeadKanban } from '../../src/lead-kanban/lead-kanban.js';
import { liveRegion } from '../../src/controllers/announcer.js';
import { card, cardNames, centre, drag, mountBoard, region, rendered, settle, toastTexts } from './helpers/board-setup.js';

/** Where to drop to land just below `target` (lower part of the card). */
function below(target: Element): [number, number] {
  const r = target.getBoundingClientRect();
  return [Math.round(r.left + r.width / 2), Math.round(r.top + r.height * 0.8)];
}

const moves = (el: LeadKanban) => {
  const seen: LeadMoveEvent[] = [];
  el.addEventListener('lead-move', (e) => seen.push(e));
  return seen;
};

describe('<lead-kanban> drag and drop', () => {
  afterEach(async () => {
    await resetMouse();
  });

  it('moves a card to another column; the move is saved and survives a reload', async () => {
    const setup = await mountBoard();
    const seen = moves(setup.el);
    const lead = setup.store.cardsIn('new')[0]!;
    const target = setup.store.cardsIn('contacted')[0]!;
    await drag(centre(card(setup.el, lead.id)), below(card(setup.el, target.id)));
    await settle(setup.el);

    // What the user sees: the card in Contacted, right under the card it was dropped below.
    const contacted = cardNames(region(setup.el, 'Contacted'));
    expect(contacted.indexOf(lead.name)).to.equal(contacted.indexOf(target.name) + 1);
    expect(cardNames(region(setup.el, 'New'))).not.to.include(lead.name);
    expect(seen).to.have.length(1);
    expect(seen[0]!.detail).to.deep.include({ leadId: lead.id, from: 'new', to: 'contacted', index: 1, source: 'drag' });
    expect(liveRegion().textContent).to.equal(`Moved ${lead.name} from New to Contacted, position 2 of ${setup.store.countIn('contacted')}`);

    // What the backend holds: one write, status and a position between its new neighbours.
    await waitUntil(() => !setup.store.isPending(lead.id), 'move settled');
    expect(setup.fault.calls.updateLead).to.equal(1);
    const saved = await setup.backend.getLead(lead.id);
    expect(saved.status).to.equal('contacted');
    const history = await setup.backend.listActivity(lead.id);
    expect(history.at(-1)).to.deep.include({ type: 'status_changed', from: 'new', to: 'contacted', source: 'drag' });

    // "Reload": a new board on the same data shows it where it was dropped.
    const again = await mountBoard({ database: setup.database });
    const reloaded = cardNames(region(again.el, 'Contacted'));
    expect(reloaded.indexOf(lead.name)).to.equal(reloaded.indexOf(target.name) + 1);
  });

  it('a drop is told in a toast with its own Undo, which puts the card back where it was', async () => {
    const setup = await mountBoard();
    const lead = setup.store.cardsIn('new')[1]!;
    const target = setup.store.cardsIn('contacted')[0]!;
    await drag(centre(card(setup.el, lead.id)), below(card(setup.el, target.id)));
    await waitUntil(() => toastTexts(setup.el).includes(`${lead.name} moved to Contacted`), 'told');
    await settle(setup.el);
    const undo = [...setup.el.shadowRoot!.querySelectorAll<HTMLButtonElement>('.toast-action')].find((b) => b.textContent!.trim() === 'Undo')!;
    undo.click();
    await waitUntil(() => toastTexts(setup.el).includes(`Move of ${lead.name} undone`), 'undone');
    await settle(setup.el);
    expect(cardNames(region(setup.el, 'New'))[1]).to.equal(lead.name);
    expect((await setup.backend.getLead(lead.id)).status).to.equal('new');
    expect((await setup.backend.listActivity(lead.id)).at(-1)).to.deep.include({ type: 'status_changed', from: 'contacted', to: 'new', source: 'undo' });
  });

  it('reorders within a column', async () => {
    const setup = await mountBoard();
    const [first, second, third] = setup.store.cardsIn('new');
    await drag(centre(card(setup.el, first!.id)), below(card(setup.el, third!.id)));
    await settle(setup.el);
    expect(cardNames(region(setup.el, 'New')).slice(0, 3)).to.deep.equal([second!.name, third!.name, first!.name]);
    await waitUntil(() => !setup.store.isPending(first!.id), 'move settled');
    const saved = await setup.backend.listLeads({ status: ['new'] });
    const order = saved.sort((a, b) => a.position - b.position).map((l) => l.id);
    expect(order.slice(0, 3)).to.deep.equal([second!.id, third!.id, first!.id]);
  });

  it('a failed save puts the card back and says why', async () => {
    const setup = await mountBoard();
    const injection = setup.fault.fail('updateLead', new AdapterError('forbidden', 'You may not move this lead'));
    const lead = setup.store.cardsIn('new')[0]!;
    const target = setup.store.cardsIn('qualified')[0]!;
    const before = await setup.backend.getLead(lead.id);
    await drag(centre(card(setup.el, lead.id)), below(card(setup.el, target.id)));
    await waitUntil(() => injection.hits === 1 && !setup.store.isPending(lead.id), 'save failed');
    await settle(setup.el);

    expect(cardNames(region(setup.el, 'New'))[0]).to.equal(lead.name);
    expect(cardNames(region(setup.el, 'Qualified'))).not.to.include(lead.name);
    expect(toastTexts(setup.el)).to.include(`Could not move ${lead.name}: You may not move this lead`);
    expect(liveRegion().textContent).to.equal(`Could not move ${lead.name}: You may not move this lead`);
    expect(await setup.backend.getLead(lead.id)).to.deep.equal(before);
  });

  it('keeps Lit the owner of the DOM: after the drop every card node is where Lit rendered it', async () => {
    const setup = await mountBoard();
    const lead = setup.store.cardsIn('new')[0]!;
    const target = setup.store.cardsIn('proposal')[0]!;
    await drag(centre(card(setup.el, lead.id)), below(card(setup.el, target.id)));
    await settle(setup.el);
    // A second move of the same card re-renders both lists; a stray node left by Sortable would show up twice.
    setup.store.move(lead.id, 'won', { index: 0, source: 'keyboard' }).catch(() => undefined);
    await settle(setup.el);
    const everywhere = setup.el.shadowRoot!.querySelectorAll(`[part~="card"][data-lead-id="${lead.id}"]`);
    expect(everywhere).to.have.length(1);
    expect(cardNames(region(setup.el, 'Won'))[0]).to.equal(lead.name);
    expect(cardNames(region(setup.el, 'Proposal'))).not.to.include(lead.name);
  });

  it('lead-request-move can veto a drop: nothing is sent', async () => {
    const setup = await mountBoard();
    setup.el.addEventListener('lead-request-move', (e) => e.preventDefault());
    const lead = setup.store.cardsIn('new')[0]!;
    const target = setup.store.cardsIn('contacted')[0]!;
    await drag(centre(card(setup.el, lead.id)), below(card(setup.el, target.id)));
    await settle(setup.el);
    await rendered(setup.el);
    expect(cardNames(region(setup.el, 'New'))[0]).to.equal(lead.name);
    expect(setup.fault.calls.updateLead).to.equal(0);
    expect((await new MemoryAdapter({ database: setup.database, as: 'm1' }).getLead(lead.id)).status).to.equal('new');
  });
});
