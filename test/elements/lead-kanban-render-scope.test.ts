/**
 * What a store change re-renders — a selection change only the column and card it concerns, nothing per card
 * on every store change (columns take their cards and marks as properties: board-column.ts) — and
 * virtualization, also during a drag that scrolls the column. Column renders are counted by wrapping their
 * `render`, card changes by observing the DOM; no timing is asserted.
 */
import { expect, waitUntil } from '@open-wc/testing';
import { resetMouse, sendMouse } from '@web/test-runner-commands';
import { CARD_PITCH } from '../../src/lead-kanban/card-geometry.js';
import type { LeadKanban } from '../../src/lead-kanban/lead-kanban.js';
import { card, cardCheckbox, cardElements, centre, columns, mountBoard, moveMouse, region, rendered, settle, watchCardChanges } from './helpers/board-setup.js';
import { nextFrame } from './helpers/common.js';

/**
 * From now on: renders per column key (wrapping each column's `render`), and per lead id the cards whose DOM
 * changed (a MutationObserver over the columns: attributes, text, nodes). Read `cards` after the change.
 */
function countRenders(el: LeadKanban) {
  const counted = { columns: new Map<string, number>() };
  for (const column of columns(el)) {
    const key = column.dataset.column!;
    const host = column as unknown as { render: () => unknown };
    const original = host.render.bind(host);
    host.render = () => {
      counted.columns.set(key, (counted.columns.get(key) ?? 0) + 1);
      return original();
    };
  }
  const cards = watchCardChanges(el);
  return {
    columns: counted.columns,
    /** Lead ids whose card changed in the DOM, with the number of changes. */
    get cards(): Map<string, number> {
      return cards.changed();
    },
  };
}

describe('<lead-kanban> re-renders only what a change concerns', () => {
  afterEach(async () => {
    await resetMouse();
  });

  it('a selection change re-renders the column holding the card, and changes that card only', async () => {
    const setup = await mountBoard();
    const lead = setup.store.cardsIn('qualified')[0]!;
    const counts = countRenders(setup.el);
    setup.store.setSelected(lead.id, true);
    await rendered(setup.el);
    expect(cardCheckbox(setup.el, lead.id).checked).to.equal(true);
    expect([...counts.columns]).to.deep.equal([['qualified', 1]]);
    expect([...counts.cards.keys()]).to.deep.equal([lead.id]);
  });

  it('clicking a checkbox re-renders one column and changes two cards: the one selected and the one that held the Tab stop', async () => {
    const setup = await mountBoard();
    const [first, second] = setup.store.cardsIn('new');
    expect(cardCheckbox(setup.el, first!.id).tabIndex).to.equal(0);
    const counts = countRenders(setup.el);
    cardCheckbox(setup.el, second!.id).click();
    await rendered(setup.el);
    expect(setup.store.isSelected(second!.id)).to.equal(true);
    expect(cardCheckbox(setup.el, second!.id).tabIndex).to.equal(0);
    expect(cardCheckbox(setup.el, first!.id).tabIndex).to.equal(-1);
    expect([...counts.columns]).to.deep.equal([['new', 1]]);
    expect([...counts.cards.keys()].sort()).to.deep.equal([first!.id, second!.id].sort());
  });

  it('"Select all in" a column re-renders no other column', async () => {
    const setup = await mountBoard();
    const counts = countRenders(setup.el);
    region(setup.el, 'Contacted').querySelector<HTMLInputElement>('.column-check')!.click();
    await rendered(setup.el);
    expect(setup.store.selectionStateIn('contacted')).to.equal('all');
    expect([...counts.columns.keys()]).to.deep.equal(['contacted']);
    const contacted = cardElements(region(setup.el, 'Contacted'));
    expect(contacted.length, 'Contacted shows cards').to.be.greaterThan(0);
    for (const c of contacted) expect(c.querySelector<HTMLInputElement>('.card-check')!.checked).to.equal(true);
  });

  it("an assignment changes the assigned card only, not the other cards of the members whose counts moved", async () => {
    const setup = await mountBoard();
    const lead = setup.store.cardsIn('new').find((l) => l.assigneeId !== null)!;
    const to = setup.store.assignableMembers.find((m) => m.id !== lead.assigneeId)!;
    const before = setup.store.member(to.id)!.openLeads;
    const counts = countRenders(setup.el);
    const outcome = await setup.store.assign([lead.id], to.id);
    await settle(setup.el);
    expect(outcome.ok).to.deep.equal([lead.id]);
    expect(setup.store.member(to.id)!.openLeads).to.equal(before + 1);
    expect(card(setup.el, lead.id).querySelector('.card-assignee-name')!.textContent!.trim()).to.equal(to.name);
    // Cards of the same two members elsewhere keep their (unchanged) assignee: nothing else re-rendered.
    expect([...counts.cards.keys()]).to.deep.equal([lead.id]);
    expect([...counts.columns.keys()]).to.deep.equal(['new']);
  });

  it('a filter that leaves a column as it was does not re-render it', async () => {
    const setup = await mountBoard({
      prepare: (data) => data.leads.forEach((l) => l.status === 'won' && (l.assigneeId = null)),
    });
    expect(setup.store.totalIn('won')).to.be.greaterThan(0);
    const counts = countRenders(setup.el);
    setup.store.setFilter({ assignee: 'unassigned' });
    await rendered(setup.el);
    expect(setup.store.cardsIn('won').length).to.equal(setup.store.totalIn('won'));
    expect(counts.columns.has('won')).to.equal(false);
    expect(counts.columns.has('new')).to.equal(true);
  });
});

describe('<lead-kanban> virtualization', () => {
  it('a column taller than the window renders every row it shows (its height comes from a ResizeObserver, not a layout read)', async () => {
    const height = Math.max(2000, window.innerHeight * 3);
    const setup = await mountBoard({
      leads: 300,
      height,
      prepare: (data) => data.leads.forEach((l, i) => ((l.status = 'new'), (l.position = i + 1))),
    });
    const column = region(setup.el, 'New');
    const scroller = column.querySelector<HTMLElement>('.column-scroll')!;
    const visibleRows = Math.ceil(scroller.clientHeight / CARD_PITCH);
    expect(visibleRows).to.be.greaterThan(Math.ceil(window.innerHeight / CARD_PITCH) + 4);
    const order = setup.store.cardsIn('new');
    for (let i = 0; i < visibleRows; i++) expect(column.cardElement(order[i]!.id), `row ${i + 1}`).not.to.equal(null);
  });
});

describe('<lead-kanban> virtualization during a drag', () => {
  afterEach(async () => {
    await resetMouse();
  });

  it('a column scrolled while a card is dragged renders the rows that come into view; after the drop Lit owns every node', async () => {
    const setup = await mountBoard({
      leads: 300,
      height: 700,
      prepare: (data) => data.leads.forEach((l, i) => ((l.status = 'new'), (l.position = i + 1))),
    });
    const column = region(setup.el, 'New');
    const scroller = column.querySelector<HTMLElement>('.column-scroll')!;
    const dragged = setup.store.cardsIn('new')[1]!;
    const from = centre(card(setup.el, dragged.id));
    // Press and travel a little: Sortable's fallback drag starts, the columns freeze.
    await sendMouse({ type: 'move', position: from });
    await sendMouse({ type: 'down' });
    await moveMouse(from, [from[0], from[1] + 24], 4);
    await rendered(setup.el);
    expect(column.dragging, 'drag started: the column holds its updates').to.equal(true);

    // The column scrolls (as Sortable's auto-scroll does) by about 20 cards.
    const far = setup.store.cardsIn('new')[24]!;
    expect(column.cardElement(far.id)).to.equal(null);
    scroller.scrollTop = 20 * CARD_PITCH;
    scroller.dispatchEvent(new Event('scroll'));
    await column.updateComplete;
    await nextFrame();
    expect(column.dragging, 'still dragging').to.equal(true);
    expect(column.cardElement(far.id), 'rows scrolled into view are rendered during the drag').not.to.equal(null);
    expect(column.cardElement(setup.store.cardsIn('new')[0]!.id), 'rows already shown stay').not.to.equal(null);

    await sendMouse({ type: 'up' });
    await settle(setup.el);
    await waitUntil(() => !setup.store.isPending(dragged.id), 'move settled');
    await settle(setup.el);

    // Every rendered card is where the store says, once, and the window is back to its usual size.
    const order = setup.store.cardsIn('new');
    const shown = cardElements(column);
    expect(shown.length).to.be.greaterThan(3).and.lessThan(40);
    expect(new Set(shown.map((c) => c.dataset.leadId)).size).to.equal(shown.length);
    for (const c of shown) expect(order[Number(c.getAttribute('aria-posinset')) - 1]!.id).to.equal(c.dataset.leadId);
    expect(setup.el.shadowRoot!.querySelectorAll(`[part~="card"][data-lead-id="${dragged.id}"]`)).to.have.length(1);
  });

  it('a filter change reuses the card elements of leads that left for the leads that came in, each showing its own lead', async () => {
    const setup = await mountBoard({ leads: 300 });
    const column = region(setup.el, 'New');
    const focused = setup.store.cardsIn('new')[0]!;
    cardCheckbox(setup.el, focused.id).focus(); // the Tab stop, holding DOM focus
    await rendered(setup.el);
    const before = new Set(cardElements(column));
    // A filter that keeps the focused card (its assignee) and swaps most of the others.
    const member = focused.assigneeId ?? 'unassigned';
    setup.store.setFilter({ assignee: member });
    await settle(setup.el);
    const after = cardElements(column);
    const shown = setup.store.cardsIn('new');
    expect(after.length, 'cards are shown under the filter').to.be.greaterThan(3);
    expect(shown.length).to.be.greaterThan(after.length - 1);
    // Every card shows the lead at its position (name, assignee), whatever element it was before.
    for (const c of after) {
      const lead = shown[Number(c.getAttribute('aria-posinset')) - 1]!;
      expect(c.dataset.leadId).to.equal(lead.id);
      expect(c.querySelector('.card-name')!.textContent).to.equal(lead.name);
      const name = lead.assigneeId ? setup.store.member(lead.assigneeId)!.name : 'Unassigned';
      expect(c.querySelector('.card-assignee-name')!.textContent).to.equal(name);
      expect(c.querySelector('.avatar')!.classList.contains('avatar-none')).to.equal(lead.assigneeId === null);
      expect(c.querySelector<HTMLInputElement>('.card-check')!.getAttribute('aria-label')).to.equal(`Select ${lead.name}`);
    }
    const reused = after.filter((c) => before.has(c));
    expect(reused.length, 'elements reused').to.be.greaterThan(after.length / 2);
    // The focused lead kept its element and DOM focus.
    expect(card(setup.el, focused.id).contains(setup.el.shadowRoot!.activeElement)).to.equal(true);
    expect(before.has(card(setup.el, focused.id))).to.equal(true);
  });

  it('the first render with data makes the rows a column shows (plus overscan), not a window-height guess', async () => {
    // As on a real backend: the board is on the page (and laid out) before its data answers.
    const setup = await mountBoard({ leads: 600, height: 460, latency: 50 });
    expect(columns(setup.el)).to.have.length(6);
    for (const column of columns(setup.el)) {
      const scroller = column.querySelector<HTMLElement>('.column-scroll')!;
      const visible = Math.ceil(scroller.clientHeight / CARD_PITCH);
      const shown = cardElements(column).length;
      expect(shown, column.dataset.column).to.be.at.least(Math.min(visible, setup.store.countIn(column.dataset.column!)));
      expect(shown, column.dataset.column).to.be.at.most(visible + 3);
    }
  });
});
