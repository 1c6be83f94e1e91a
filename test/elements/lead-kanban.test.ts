import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { sendKeys, sendMouse } from '@web/test-runner-commands';
import { DEFAULT_COLUMNS, LeadStore } from '../../sdk/index.js';
import { MemoryAdapter } from '../../sdk/memory.js';
import type { LeadKanban } from '../../src/lead-kanban/lead-kanban.js';
import { formatValue } from '../../src/shared/format.js';
import {
  backendLeads,
  card,
  cardButton,
  cardElements,
  cardNames,
  centre,
  columns,
  headerCount,
  mountBoard,
  nextEvent,
  region,
  rendered,
  root,
  settle,
} from './helpers/board-setup.js';
import { axAll } from './helpers/picker-a11y.js';

describe('<lead-kanban> columns and cards', () => {
  it('shows one region per column, named by its label, each holding a list, with filtered/total counts', async () => {
    const setup = await mountBoard({ height: 2400 });
    const leads = await backendLeads(setup);
    for (const column of DEFAULT_COLUMNS) {
      const [node] = await axAll('region', column.label);
      expect(node, `region ${column.label}`).to.exist;
      const el = region(setup.el, column.label);
      expect(el.querySelector('[role="list"]'), `list in ${column.label}`).to.exist;
      const inBackend = leads.filter((l) => l.status === column.key).length;
      expect(headerCount(el)).to.equal(String(inBackend));
      expect(cardElements(el)).to.have.length(inBackend); // 40 leads: every card fits the window
    }
  });

  it('shows name, company, value and the assignee (avatar and name) on each card; "Unassigned" looks different', async () => {
    const setup = await mountBoard();
    const leads = await backendLeads(setup);
    const assigned = leads.find((l) => l.assigneeId !== null)!;
    const unassigned = leads.find((l) => l.assigneeId === null)!;
    const member = setup.members.find((m) => m.id === assigned.assigneeId)!;

    const a = card(setup.el, assigned.id);
    expect(a.querySelector('.card-name')!.textContent!.trim()).to.equal(assigned.name);
    expect(a.querySelector('.card-company')!.textContent!.trim()).to.equal(assigned.company);
    expect(a.querySelector('.card-value')!.textContent!.trim()).to.equal(formatValue(assigned.value));
    expect(a.querySelector('.card-assignee-name')!.textContent!.trim()).to.equal(member.name);
    const initials = member.name.split(' ').map((p) => p[0]).join('').toUpperCase();
    expect(a.querySelector('[part="avatar"]')!.textContent!.trim()).to.equal(initials);

    const u = card(setup.el, unassigned.id);
    expect(u.querySelector('.card-assignee-name')!.textContent!.trim()).to.equal('Unassigned');
    expect(u.querySelector('.card-assignee-name')!.classList.contains('is-unassigned')).to.equal(true);
    const ring = getComputedStyle(u.querySelector('[part="avatar"]')!);
    expect(ring.borderTopStyle).to.equal('dashed');
    const uColor = getComputedStyle(u.querySelector('.card-assignee-name')!).color;
    const aColor = getComputedStyle(a.querySelector('.card-assignee-name')!).color;
    expect(uColor, 'muted text').not.to.equal(aColor);

    // The card's focusable element is named by the lead, with its checkbox and menu button beside it.
    expect(await axAll('button', assigned.name)).to.have.length(1);
    expect(await axAll('checkbox', `Select ${assigned.name}`)).to.have.length(1);
    expect(await axAll('button', `Actions for ${assigned.name}`)).to.have.length(1);
  });

  it('takes configurable columns', async () => {
    const setup = await mountBoard();
    setup.el.columns = [
      { key: 'new', label: 'Inbox' },
      { key: 'won', label: 'Closed' },
    ];
    await rendered(setup.el);
    expect(columns(setup.el).map((c) => c.getAttribute('aria-label'))).to.deep.equal(['Inbox', 'Closed']);
    const leads = await backendLeads(setup);
    expect(headerCount(region(setup.el, 'Inbox'))).to.equal(String(leads.filter((l) => l.status === 'new').length));
  });

  it('works with a LeadStore handed in as .store, and provides it to the drawer inside', async () => {
    const backend = MemoryAdapter.seeded({ leads: 12, members: 6 });
    const store = new LeadStore(backend);
    await store.load();
    const el = await fixture<LeadKanban>(html`<lead-kanban style="height:600px" .store=${store}></lead-kanban>`);
    await rendered(el);
    expect(el.store).to.equal(store);
    // The drawer is rendered from the first opening on (a closed one shows nothing on the first frame).
    expect(root(el).querySelector('lead-drawer')).to.equal(null);
    el.openLead(DEFAULT_COLUMNS.flatMap((c) => store.cardsIn(c.key))[0]!.id);
    await el.updateComplete;
    const drawer = root(el).querySelector('lead-drawer') as HTMLElement & { store?: LeadStore };
    expect(drawer.store).to.equal(store);
    const total = DEFAULT_COLUMNS.reduce((n, c) => n + cardElements(region(el, c.label)).length, 0);
    expect(total).to.equal(12);
  });

  it('virtualizes long columns: only cards near the viewport are in the DOM, and scrolling renders the others', async () => {
    const setup = await mountBoard({
      leads: 300,
      height: 700,
      prepare: (data) => data.leads.forEach((l, i) => (l.status = 'new', (l.position = i + 1))),
    });
    const column = region(setup.el, 'New');
    const rendered0 = cardElements(column);
    expect(headerCount(column)).to.equal('300');
    expect(rendered0.length).to.be.greaterThan(3).and.lessThan(40);
    const list = column.querySelector('[role="list"]')!;
    expect(rendered0[0]!.getAttribute('aria-setsize')).to.equal('300');
    const scroller = column.querySelector<HTMLElement>('.column-scroll')!;
    expect(scroller.scrollHeight, 'spacers keep the full height').to.be.greaterThan(300 * 100);

    const last = setup.store.cardsIn('new')[299]!;
    expect(list.querySelector(`[data-lead-id="${last.id}"]`)).to.equal(null);
    scroller.scrollTop = scroller.scrollHeight;
    scroller.dispatchEvent(new Event('scroll'));
    await rendered(setup.el);
    expect(cardNames(column)).to.include(last.name);
    expect(card(setup.el, last.id).getAttribute('aria-posinset')).to.equal('300');
    expect(cardElements(column).length).to.be.lessThan(40);
  });

  it('is accessible (axe)', async () => {
    const setup = await mountBoard();
    await expect(setup.el).to.be.accessible();
  });
});

describe('<lead-kanban> opening a lead', () => {
  it('opens the drawer named by the lead on click, fires lead-open, and returns focus to the card on Escape', async () => {
    const setup = await mountBoard();
    const lead = setup.store.cardsIn('new')[1]!;
    const opened = nextEvent(setup.el, 'lead-open');
    await sendMouse({ type: 'click', position: centre(card(setup.el, lead.id).querySelector('.card-company')!) });
    expect((await opened).leadId).to.equal(lead.id);
    await rendered(setup.el);
    const drawer = root(setup.el).querySelector('lead-drawer') as HTMLElement & { open: boolean; updateComplete: Promise<unknown> };
    await drawer.updateComplete;
    expect(drawer.open).to.equal(true);
    expect(await axAll('dialog', lead.name)).to.have.length(1);

    await sendKeys({ press: 'Escape' });
    await waitUntil(() => !drawer.open, 'drawer closed');
    await settle(setup.el);
    expect(root(setup.el).activeElement).to.equal(cardButton(setup.el, lead.id));
  });

  it('opens with Enter on the focused card', async () => {
    const setup = await mountBoard();
    const lead = setup.store.cardsIn('contacted')[0]!;
    cardButton(setup.el, lead.id).focus();
    const opened = nextEvent(setup.el, 'lead-open');
    await sendKeys({ press: 'Enter' });
    expect((await opened).leadId).to.equal(lead.id);
    await rendered(setup.el);
    expect(await axAll('dialog', lead.name)).to.have.length(1);
  });
});

describe('<lead-kanban> visibility follows the current user', () => {
  it('a member sees only their own and unassigned leads, and the board says who they are', async () => {
    const setup = await mountBoard({ as: 'm3', height: 2400 });
    const me = setup.members.find((m) => m.id === 'm3')!;
    const shown = DEFAULT_COLUMNS.flatMap((c) => cardElements(region(setup.el, c.label)));
    const ids = shown.map((c) => c.dataset.leadId!);
    const all = new MemoryAdapter({ database: setup.database, as: 'm1' });
    const everything = await all.listLeads();
    const expected = everything.filter((l) => l.assigneeId === null || l.assigneeId === 'm3').map((l) => l.id);
    expect(ids.sort()).to.deep.equal(expected.sort());
    expect(expected.length, 'the member sees some leads').to.be.greaterThan(0);
    expect(everything.length).to.be.greaterThan(expected.length);
    for (const c of shown) {
      const name = c.querySelector('.card-assignee-name')!.textContent!.trim();
      expect([me.name, 'Unassigned']).to.include(name);
    }
    expect(root(setup.el).querySelector('.viewing-as')!.textContent).to.contain(`Signed in as ${me.name} (member)`);
  });

  it('an admin sees every lead', async () => {
    const setup = await mountBoard({ as: 'm1' });
    const counted = DEFAULT_COLUMNS.reduce((n, c) => n + Number(headerCount(region(setup.el, c.label))), 0);
    expect(counted).to.equal(setup.database.snapshot().leads.length);
    expect(root(setup.el).querySelector('.viewing-as')!.textContent).to.contain('(admin)');
  });
});
