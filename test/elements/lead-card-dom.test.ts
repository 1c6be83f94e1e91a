import { expect } from '@open-wc/testing';
import { html, render } from 'lit';
import type { Lead } from '../../sdk/index.js';
import { card } from '../../src/lead-kanban/card-dom.js';
import type { CardView } from '../../src/lead-kanban/lead-card.js';

// A column recycles a card's element for other leads as its window moves (card-dom.ts patches only what
// changed): whatever the card showed before, the patched card must be exactly what a fresh card of the new view is.

const lead = (over: Partial<Lead> = {}): Lead => ({
  id: 'l1', name: 'Ada Lovelace', company: 'Analytical', value: 1200, status: 'new', position: 1, assigneeId: 'm1',
  createdAt: '2026-01-01T00:00:00.000Z', updatedAt: '2026-01-01T00:00:00.000Z', version: 1, ...over,
});

const view = (over: Partial<CardView> = {}): CardView => ({
  lead: lead(), position: 1, setSize: 3, assignee: { id: 'm1', name: 'Dana Ruiz' }, selected: false, pending: false,
  tabStop: false, menuOpen: false, lifted: false, waited: null, mark: null, ...over,
});

const VIEWS: Record<string, CardView> = {
  assigned: view(),
  withImage: view({ assignee: { id: 'm2', name: 'Sam Lee', avatarUrl: 'https://example.test/sam.png' } }),
  unassignedWaiting: view({
    lead: lead({ id: 'l2', name: 'Grace <b>Hopper</b>', company: undefined, value: undefined, assigneeId: null }),
    assignee: undefined, position: 2, waited: { short: '2d', long: '2 days' },
  }),
  busySelectedStop: view({ selected: true, pending: true, tabStop: true, menuOpen: true, mark: 'changed' }),
  liftedForYou: view({ lead: lead({ id: 'l3', name: 'Linus' }), lifted: true, mark: 'assigned', tabStop: true }),
  unknownAssignee: view({ lead: lead({ assigneeId: 'gone' }), assignee: undefined }),
};

/** The card's markup (the order of its classes aside: a class list is a set). */
function markup(host: HTMLElement): string {
  const el = host.querySelector('.card')!.cloneNode(true) as HTMLElement;
  el.className = [...el.classList].sort().join(' ');
  return el.outerHTML;
}

/** Renders `v` into `host` from one template, as a column's list does: a second call patches the first card. */
const show = (host: HTMLElement, v: CardView) => render(html`${card(v)}`, host);

function fresh(v: CardView): { host: HTMLElement; html: string } {
  const host = document.createElement('div');
  show(host, v);
  return { host, html: markup(host) };
}

describe('card(): a card patched from any other card is the card of its view', () => {
  for (const [fromName, from] of Object.entries(VIEWS)) {
    for (const [toName, to] of Object.entries(VIEWS)) {
      it(`${fromName} → ${toName}`, () => {
        const host = document.createElement('div');
        show(host, from);
        const element = host.querySelector('.card');
        show(host, to);
        expect(host.querySelector('.card'), 'the same element, patched').to.equal(element);
        expect(markup(host)).to.equal(fresh(to).html);
        expect(host.querySelector<HTMLInputElement>('.card-check')!.checked).to.equal(to.selected);
      });
    }
  }

  it('shows the view as the board contract has it: names, ids, states, text (never markup)', () => {
    const { host } = fresh(VIEWS.unassignedWaiting!);
    const root = host.querySelector<HTMLElement>('.card')!;
    expect(root.getAttribute('role')).to.equal('listitem');
    expect(root.dataset.leadId).to.equal('l2');
    expect(root.getAttribute('aria-labelledby')).to.equal('card-l2');
    expect(root.getAttribute('aria-posinset')).to.equal('2');
    expect(root.getAttribute('aria-setsize')).to.equal('3');
    const open = host.querySelector<HTMLElement>('#card-l2')!;
    expect(open.textContent).to.equal('Grace <b>Hopper</b>');
    expect(open.querySelector('b')).to.equal(null);
    expect(open.getAttribute('aria-describedby')).to.equal('card-meta-l2 lead-kanban-keyboard-help');
    expect(host.querySelector('.card-check')!.getAttribute('aria-label')).to.equal('Select Grace <b>Hopper</b>');
    expect(host.querySelector('.card-assignee-name')!.className).to.equal('card-assignee-name is-unassigned visually-hidden');
    expect(host.querySelector('.card-assignee-name')!.textContent).to.equal('Unassigned');
    const wait = host.querySelector('.card-wait')!;
    expect([wait.getAttribute('role'), wait.getAttribute('aria-label'), wait.textContent]).to.deep.equal(['img', 'waiting 2 days', '2d']);
    expect(host.querySelector('.avatar')!.className).to.equal('avatar avatar-sm avatar-none');

    const lifted = fresh(VIEWS.liftedForYou!).host;
    expect(lifted.querySelector('.card')!.classList.contains('is-lifted')).to.equal(true);
    expect(lifted.querySelector('.card-lift')!.getAttribute('role')).to.equal('application');
    expect(lifted.querySelector('.card-meta .visually-hidden')!.textContent).to.equal(', new for you');
    expect(lifted.querySelector('.card-open')!.getAttribute('tabindex')).to.equal('0');
  });

  it('leaves the classes others put on the card (SortableJS) alone', () => {
    const host = document.createElement('div');
    show(host, VIEWS.assigned!);
    host.querySelector('.card')!.classList.add('is-chosen');
    show(host, VIEWS.busySelectedStop!);
    const classes = [...host.querySelector('.card')!.classList];
    expect(classes).to.include.members(['card', 'is-chosen', 'is-selected', 'is-pending', 'is-changed']);
    show(host, VIEWS.assigned!);
    expect([...host.querySelector('.card')!.classList]).to.deep.equal(['card', 'is-chosen']);
  });

  it('refuses an avatar address the board may not load, and shows initials instead', () => {
    const { host } = fresh(view({ assignee: { id: 'm3', name: 'Eve Bad', avatarUrl: 'javascript:alert(1)' } }));
    expect(host.querySelector('.avatar img')).to.equal(null);
    expect(host.querySelector('.avatar')!.textContent).to.equal('EB');
  });
});
