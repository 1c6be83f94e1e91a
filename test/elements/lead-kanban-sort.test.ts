/**
 * Nothing falls through the cracks: the toolbar's Sort, how long unassigned cards have waited (kept current
 * by a coarse clock that re-renders only the cards whose label changed), the workload strip's Unassigned chip,
 * and the rule for moves under a sort other than Manual (docs/architecture.md, "Sort and waiting leads").
 */
import { expect, waitUntil } from '@open-wc/testing';
import { resetMouse, sendKeys } from '@web/test-runner-commands';
import type { Lead } from '../../sdk/index.js';
import type { LeadKanban } from '../../src/lead-kanban/lead-kanban.js';
import { liveRegion } from '../../src/controllers/announcer.js';
import {
  card,
  cardButton,
  cardNames,
  centre,
  drag,
  menuItems,
  mountBoard,
  press,
  region,
  rendered,
  root,
  settle,
  watchCardChanges,
  toastTexts,
  type BoardSetup,
} from './helpers/board-setup.js';
import { chord } from './helpers/common.js';
import { axAll } from './helpers/picker-a11y.js';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

const sortSelect = (el: LeadKanban) => root(el).querySelector<HTMLSelectElement>('select[aria-label="Sort"]')!;
const unassignedChip = (el: LeadKanban) => root(el).querySelector<HTMLButtonElement>('.chip[data-assignee="unassigned"]')!;
/** The wait badge as shown and as said (an image to assistive technology, named by its long form): "2d, waiting 2 days". */
const waitText = (el: LeadKanban, id: string) => {
  const badge = card(el, id).querySelector('.card-wait');
  return badge ? `${badge.textContent!.trim()}, ${badge.getAttribute('aria-label')}` : null;
};

async function chooseSort(el: LeadKanban, value: string): Promise<void> {
  const select = sortSelect(el);
  select.value = value;
  select.dispatchEvent(new Event('change', { bubbles: true }));
  await rendered(el);
}

const time = (lead: Lead) => Date.parse(lead.createdAt);

/**
 * A board whose New column holds leads created at known times before now: `waits` (ms ago, unassigned),
 * plus the seeded leads (created months ago).
 */
async function boardWithWaits(waits: Record<string, number>, options: { height?: number } = {}): Promise<BoardSetup> {
  const now = Date.now();
  return mountBoard({
    height: options.height ?? 2400,
    prepare: (data) => {
      let i = 0;
      for (const [id, ago] of Object.entries(waits)) {
        const lead = data.leads.find((l) => l.status === 'new' && l.assigneeId === null && !(l.id in waits) && i++ >= 0)!;
        const at = new Date(now - ago).toISOString();
        Object.assign(lead, { id, name: `Waiting ${id}`, createdAt: at, updatedAt: at });
        for (const a of data.activities) if (a.leadId === lead.id) a.leadId = id;
      }
    },
  });
}

describe('<lead-kanban> sort and waiting leads', () => {
  afterEach(async () => {
    await resetMouse();
  });

  it('offers Manual, Newest, Oldest waiting and Value in a Sort control; each orders every column', async () => {
    const setup = await mountBoard({ height: 2400 });
    expect(await axAll('combobox', 'Sort')).to.have.length(1);
    expect([...sortSelect(setup.el).options].map((o) => o.textContent!.trim())).to.deep.equal(['Manual', 'Newest', 'Oldest waiting', 'Value']);
    const leads = await setup.backend.listLeads();
    const orders: Record<string, (a: Lead, b: Lead) => number> = {
      newest: (a, b) => time(b) - time(a),
      oldest: (a, b) => time(a) - time(b),
      value: (a, b) => (b.value ?? -1) - (a.value ?? -1) || a.position - b.position,
      manual: (a, b) => a.position - b.position,
    };
    for (const sort of ['newest', 'oldest', 'value', 'manual']) {
      await chooseSort(setup.el, sort);
      expect(setup.store.sort).to.equal(sort);
      for (const [key, label] of [['new', 'New'], ['qualified', 'Qualified']] as const) {
        const expected = leads.filter((l) => l.status === key).sort(orders[sort]).map((l) => l.name);
        expect(cardNames(region(setup.el, label)), `${sort}: ${label}`).to.deep.equal(expected);
      }
    }
  });

  it('unassigned cards show how long they have waited; assigned and closed ones do not', async () => {
    const setup = await boardWithWaits({ w1: 2 * DAY + 3 * HOUR, w2: 5 * HOUR + 10 * MINUTE, w3: 12 * MINUTE });
    expect(waitText(setup.el, 'w1')).to.equal('2d, waiting 2 days');
    expect(waitText(setup.el, 'w2')).to.equal('5h, waiting 5 hours');
    expect(waitText(setup.el, 'w3')).to.equal('12m, waiting 12 minutes');
    const assigned = setup.store.cardsIn('new').find((l) => l.assigneeId !== null)!;
    expect(waitText(setup.el, assigned.id)).to.equal(null);
    for (const lead of setup.store.cardsIn('won')) expect(waitText(setup.el, lead.id)).to.equal(null);
    // The word "Unassigned" stays for screen readers and in the tooltip; the badge takes its place on screen.
    expect(card(setup.el, 'w2').querySelector('.card-wait')!.getAttribute('title')).to.equal('Unassigned, waiting 5 hours');
    await setup.store.assign(['w2'], 'm3');
    await rendered(setup.el);
    expect(waitText(setup.el, 'w2'), 'assigned: no longer waiting').to.equal(null);
  });

  it('the wait moves on with a coarse clock, changing only the cards whose label changed', async () => {
    const setup = await boardWithWaits({ w1: 59 * MINUTE + 30_000, w2: 3 * DAY });
    expect(waitText(setup.el, 'w1')).to.match(/^59m/);
    const cards = watchCardChanges(setup.el);
    const realNow = Date.now;
    try {
      const shifted = realNow() + 2 * MINUTE;
      Date.now = () => shifted;
      // The clock ticks once a minute, and at once when the page is shown again (a hidden tab's timers lag).
      document.dispatchEvent(new Event('visibilitychange'));
      await rendered(setup.el);
    } finally {
      Date.now = realNow;
    }
    expect(waitText(setup.el, 'w1')).to.match(/^1h, waiting 1 hour$/);
    expect(waitText(setup.el, 'w2')).to.match(/^3d/);
    expect([...cards.changed().keys()], 'only the card whose label changed').to.deep.equal(['w1']);
  });

  it('the Unassigned chip shows the count and the oldest wait; clicking it lists the unassigned leads oldest first', async () => {
    const setup = await boardWithWaits({ w1: 2 * HOUR, w2: 30 * MINUTE });
    const leads = await setup.backend.listLeads();
    const waiting = leads.filter((l) => l.assigneeId === null && !['won', 'lost'].includes(l.status));
    const oldest = waiting.sort((a, b) => time(a) - time(b))[0]!;
    const days = Math.floor((Date.now() - time(oldest)) / DAY);
    const chip = unassignedChip(setup.el);
    // On screen "Unassigned 9 oldest 381d"; said "Unassigned, 9 open leads, oldest 381 days".
    const text = chip.textContent!.replace(/\s+/g, ' ').trim();
    expect(text).to.equal(`Unassigned ${waiting.length}, ${waiting.length} open leads oldest ${days}d, oldest ${days} days`);

    chip.click();
    await rendered(setup.el);
    expect(setup.store.filter.assignee).to.equal('unassigned');
    expect(setup.store.sort).to.equal('oldest');
    expect(sortSelect(setup.el).value).to.equal('oldest');
    expect(unassignedChip(setup.el).getAttribute('aria-pressed')).to.equal('true');
    const expected = leads.filter((l) => l.status === 'new' && l.assigneeId === null).sort((a, b) => time(a) - time(b));
    expect(cardNames(region(setup.el, 'New'))).to.deep.equal(expected.map((l) => l.name));
    expect(cardNames(region(setup.el, 'New')).slice(-2), 'the newest last').to.deep.equal(['Waiting w1', 'Waiting w2']);

    unassignedChip(setup.el).click();
    await rendered(setup.el);
    expect(setup.store.filter.assignee).to.equal('any');
    expect(unassignedChip(setup.el).getAttribute('aria-pressed')).to.equal('false');
  });

  it('under a sort, a move within a column is refused with the reason; a move to another column lands where the sort puts it', async () => {
    const setup = await mountBoard({ height: 2400 });
    await chooseSort(setup.el, 'value');
    const lead = setup.store.cardsIn('new')[1]!;
    cardButton(setup.el, lead.id).focus();
    await chord('Control', 'ArrowDown');
    await settle(setup.el);
    const reason = 'Sorted by Value: cards can move to other columns. Choose Manual in Sort to reorder them within a column.';
    expect(toastTexts(setup.el)).to.include(reason);
    expect(setup.fault.calls.updateLead, 'nothing written').to.equal(0);
    expect(setup.store.cardsIn('new')[1]!.id).to.equal(lead.id);

    await chord('Control', 'ArrowRight');
    await settle(setup.el);
    await waitUntil(() => !setup.store.isPending(lead.id), 'move settled');
    const contacted = (await setup.backend.listLeads()).filter((l) => l.status === 'contacted');
    const byValue = contacted.sort((a, b) => (b.value ?? -1) - (a.value ?? -1) || a.position - b.position).map((l) => l.name);
    expect(byValue).to.include(lead.name);
    expect(cardNames(region(setup.el, 'Contacted')), 'where the sort puts it').to.deep.equal(byValue);
    expect(liveRegion().textContent).to.equal(
      `Moved ${lead.name} from New to Contacted, position ${byValue.indexOf(lead.name) + 1} of ${byValue.length}`,
    );

    // The card menu offers other columns and the keyboard move, not up or down.
    await chord('Shift', 'F10');
    await waitUntil(() => menuItems(setup.el).length > 0, 'menu open');
    const items = menuItems(setup.el).map((i) => i.textContent!.trim());
    expect(items).to.include('Move to New').and.include('Move with arrow keys');
    expect(items).not.to.include('Move up');
    expect(items).not.to.include('Move to top');
    await sendKeys({ press: 'Escape' });
  });

  it('under a sort, the keyboard lift chooses only the column and says why up and down do nothing', async () => {
    const setup = await mountBoard({ height: 2400 });
    await chooseSort(setup.el, 'newest');
    const lead = setup.store.cardsIn('new')[0]!;
    cardButton(setup.el, lead.id).focus();
    await press(setup, 'm');
    await waitUntil(() => setup.el.shadowRoot!.querySelector('.card-lift'), 'lifted');
    await press(setup, 'ArrowDown');
    expect(liveRegion().textContent).to.contain('Sorted by Newest');
    await press(setup, 'ArrowRight');
    const landing = setup.store.landingIndex(lead.id, 'contacted');
    expect(liveRegion().textContent).to.equal(`${lead.name}, Contacted, position ${landing + 1} of ${setup.store.countIn('contacted') + 1}`);
    await press(setup, 'Enter');
    await settle(setup.el);
    await waitUntil(() => !setup.store.isPending(lead.id), 'move settled');
    expect((await setup.backend.getLead(lead.id)).status).to.equal('contacted');
    expect(setup.store.indexIn('contacted', lead.id)).to.equal(landing);
  });

  it('under a sort, a drag within a column changes nothing; back on Manual it reorders again', async () => {
    const setup = await mountBoard();
    await chooseSort(setup.el, 'oldest');
    const [first, , third] = setup.store.cardsIn('new');
    const below = (target: Element): [number, number] => {
      const r = target.getBoundingClientRect();
      return [Math.round(r.left + r.width / 2), Math.round(r.top + r.height * 0.8)];
    };
    await drag(centre(card(setup.el, first!.id)), below(card(setup.el, third!.id)));
    await settle(setup.el);
    expect(setup.fault.calls.updateLead).to.equal(0);
    expect(setup.store.cardsIn('new')[0]!.id).to.equal(first!.id);

    await chooseSort(setup.el, 'manual');
    const [a, , c] = setup.store.cardsIn('new');
    await drag(centre(card(setup.el, a!.id)), below(card(setup.el, c!.id)));
    await settle(setup.el);
    await waitUntil(() => setup.fault.calls.updateLead === 1, 'reordered');
    expect(setup.store.indexIn('new', a!.id)).to.equal(2);
  });
});
