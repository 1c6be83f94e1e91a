/**
 * Opt-in URL state (`<lead-kanban url-state>`): the open lead and the filters in the query, Back closes the
 * drawer, a link reopens the same view; without the attribute the URL is never touched.
 */
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { sendKeys, sendMouse } from '@web/test-runner-commands';
import { MemoryAdapter, MemoryDatabase, seed } from '../../sdk/memory.js';
import { drawerContentChunk } from '../../src/lead-drawer/lead-drawer.js';
import type { LeadKanban } from '../../src/lead-kanban/lead-kanban.js';
import { cardButton, centre, drawer, mountBoard, rendered, root, settle, shownDrawer } from './helpers/board-setup.js';

const original = location.href;
const params = () => new URL(location.href).searchParams;
const popped = () => new Promise((resolve) => window.addEventListener('popstate', resolve, { once: true }));

/** A board with `url-state` (optionally a prefix) on a seeded in-memory backend, loaded and rendered. */
async function urlBoard(attribute = ''): Promise<LeadKanban> {
  const adapter = new MemoryAdapter({ database: new MemoryDatabase(seed({ leads: 40, members: 6, seed: 11 })), as: 'm1' });
  const el = await fixture<LeadKanban>(
    html`<lead-kanban url-state=${attribute} style="height:580px; width:1400px" .adapter=${adapter}></lead-kanban>`,
  );
  await waitUntil(() => el.store?.status === 'ready', 'store loaded');
  await settle(el);
  await rendered(el);
  return el;
}

describe('<lead-kanban> URL state', () => {
  before(() => drawerContentChunk.load());
  afterEach(() => history.replaceState(null, '', original));

  it('without the attribute, opening a lead and filtering leave the URL alone', async () => {
    const setup = await mountBoard();
    const before = [location.href, history.length];
    const lead = setup.store.cardsIn('new')[0]!;
    await sendMouse({ type: 'click', position: centre(cardButton(setup.el, lead.id)) });
    await rendered(setup.el);
    setup.store.setFilter({ assignee: 'unassigned' });
    await settle(setup.el);
    expect([location.href, history.length]).to.deep.equal(before);
  });

  it('puts the open lead and the filters in the query; Back closes the drawer', async () => {
    const own = new URL(original);
    own.searchParams.set('tab', 'pipeline');
    history.replaceState(null, '', own);
    const el = await urlBoard();
    const store = el.store!;
    store.setFilter({ assignee: 'm3', status: ['new', 'contacted'] });
    await settle(el);
    expect(params().get('assignee')).to.equal('m3');
    expect(params().get('status')).to.equal('new,contacted');
    const entry = history.state as unknown;

    const lead = store.cardsIn('new')[0]!;
    await sendMouse({ type: 'click', position: centre(cardButton(el, lead.id)) });
    await rendered(el);
    expect(params().get('lead')).to.equal(lead.id);
    // A new entry, marked as this board's (history.length stops counting at 50 in Chromium: not asked).
    expect(history.state, 'opening pushed an entry of its own').to.deep.include({ 'lead-kanban-url-state:': lead.id });
    expect(entry === null || !(entry as Record<string, unknown>)['lead-kanban-url-state:']).to.equal(true);
    expect(params().get('tab'), 'the page’s own parameters stay').to.equal('pipeline');

    const back = popped();
    history.back();
    await back;
    await settle(el);
    expect(drawer(el).open, 'Back closed the drawer').to.equal(false);
    expect(params().get('lead')).to.equal(null);
    expect(params().get('assignee'), 'the filters stay').to.equal('m3');
    expect(root(el).activeElement, 'focus back on the card').to.equal(cardButton(el, lead.id));
  });

  it('closing the drawer goes back over the entry its opening added', async () => {
    const el = await urlBoard();
    const lead = el.store!.cardsIn('contacted')[0]!;
    const url = location.href;
    await sendMouse({ type: 'click', position: centre(cardButton(el, lead.id)) });
    await rendered(el);
    const back = popped();
    await sendKeys({ press: 'Escape' });
    await back;
    await settle(el);
    expect(drawer(el).open).to.equal(false);
    expect(location.href).to.equal(url);
  });

  it('a link reopens the same view: filters, search and the open lead', async () => {
    const probe = await urlBoard();
    const lead = probe.store!.cardsIn('qualified').find((l) => l.assigneeId !== null)!;
    probe.remove();
    const url = new URL(original);
    url.searchParams.set('board-lead', lead.id);
    url.searchParams.set('board-assignee', lead.assigneeId!);
    url.searchParams.set('board-status', 'qualified,won');
    url.searchParams.set('board-q', lead.name.split(' ')[0]!);
    history.replaceState(null, '', url);

    const el = await urlBoard('board-');
    await waitUntil(() => shownDrawer(el)?.open, 'the lead opened');
    await drawer(el).updateComplete;
    expect(el.store!.filter).to.deep.include({ assignee: lead.assigneeId, status: ['qualified', 'won'], q: lead.name.split(' ')[0] });
    expect(root(el).querySelector<HTMLInputElement>('.search-input')!.value).to.equal(lead.name.split(' ')[0]);
    expect(el.store!.cardsIn('qualified').map((l) => l.id)).to.include(lead.id);

    // Closing a lead the page was opened at replaces the entry: no history to go back over, the page stays.
    const page = location.href;
    let popped = false;
    window.addEventListener('popstate', () => (popped = true), { once: true });
    await sendKeys({ press: 'Escape' });
    await waitUntil(() => !drawer(el).open, 'closed');
    await settle(el);
    expect(params().get('board-lead')).to.equal(null);
    expect(params().get('board-assignee')).to.equal(lead.assigneeId);
    expect(popped, 'not gone back').to.equal(false);
    const expected = new URL(page);
    expected.searchParams.delete('board-lead');
    expect(location.href, 'the same entry, without the lead').to.equal(expected.href);
  });
});
