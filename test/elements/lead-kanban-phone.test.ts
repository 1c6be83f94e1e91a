/**
 * A board as narrow as a phone: one column at a time with stage tabs (counts) to switch, the keyboard moving
 * between columns switches too, touch-sized hit areas (44px) on narrow boards, and long names shown in full on
 * hover/focus. The layout follows the board's own width (an embedded board in a sidebar is a phone's too).
 */
import { expect } from '@open-wc/testing';
import { sendMouse, setViewport } from '@web/test-runner-commands';
import type { LeadKanban } from '../../src/lead-kanban/lead-kanban.js';
import { drawerContentChunk } from '../../src/lead-drawer/lead-drawer.js';
import { button, cardButton, centre, columns, drawer, mountBoard, press, rendered, root } from './helpers/board-setup.js';
import { drawerRoot } from './helpers/drawer-setup.js';
import { deepActive } from './helpers/common.js';
import { axAll } from './helpers/picker-a11y.js';

const shownColumns = (el: LeadKanban) => columns(el).filter((c) => getComputedStyle(c).display !== 'none').map((c) => c.getAttribute('aria-label'));
const tab = (el: LeadKanban, label: string) =>
  [...root(el).querySelectorAll<HTMLButtonElement>('.stage')].find((t) => t.querySelector('.stage-label')!.textContent!.trim() === label)!;
const size = (el: Element): [number, number] => {
  const r = el.getBoundingClientRect();
  return [Math.round(r.width), Math.round(r.height)];
};
/** A card checkbox's hit area: its ::before, centred on the box (a part of the input, so presses on it check it). */
const hitArea = (box: Element) => {
  const r = box.getBoundingClientRect();
  const hit = getComputedStyle(box, '::before');
  const [w, h] = [parseFloat(hit.width), parseFloat(hit.height)];
  const [x, y] = [r.left + r.width / 2 - w / 2, r.top + r.height / 2 - h / 2];
  return { width: w, height: h, right: x + w, bottom: y + h };
};

describe('<lead-kanban> on a phone', () => {
  before(() => setViewport({ width: 390, height: 844 }));
  after(() => setViewport({ width: 800, height: 600 }));

  it('shows one column at a time; stage tabs with counts switch it', async () => {
    const setup = await mountBoard({ width: 390, height: 760 });
    await rendered(setup.el);
    expect(setup.el.getAttribute('data-layout')).to.equal('phone');
    expect(shownColumns(setup.el)).to.deep.equal(['New']);
    const tabs = await axAll('tab');
    expect(tabs.map((t) => t.name)).to.deep.equal(
      setup.store.columns.map((c) => `${c.label} ${setup.store.countIn(c.key)}`),
    );
    expect(root(setup.el).querySelector('[role="tablist"]')!.getAttribute('aria-label')).to.equal('Stage');
    expect(tab(setup.el, 'New').getAttribute('aria-selected')).to.equal('true');

    await sendMouse({ type: 'click', position: centre(tab(setup.el, 'Qualified')) });
    await rendered(setup.el);
    expect(shownColumns(setup.el)).to.deep.equal(['Qualified']);
    expect(tab(setup.el, 'Qualified').getAttribute('aria-selected')).to.equal('true');
    // The regions stay named by their labels; the one shown holds the board's Tab stop.
    expect(await axAll('region', 'Qualified')).to.have.length(1);
    const first = setup.store.cardsIn('qualified')[0]!;
    expect(cardButton(setup.el, first.id).tabIndex).to.equal(0);
    const board = root(setup.el).querySelector('.board')!;
    expect(board.scrollWidth, 'nothing sticks out sideways').to.be.at.most(board.clientWidth);
  });

  it('the arrow keys along the tabs, and across columns from a card, switch the column shown', async () => {
    const setup = await mountBoard({ width: 390, height: 760 });
    tab(setup.el, 'New').focus();
    await press(setup, 'ArrowRight');
    expect(shownColumns(setup.el)).to.deep.equal(['Contacted']);
    expect(deepActive()).to.equal(tab(setup.el, 'Contacted'));
    await press(setup, 'End');
    expect(shownColumns(setup.el)).to.deep.equal(['Lost']);

    const lead = setup.store.cardsIn('lost')[0]!;
    cardButton(setup.el, lead.id).focus();
    await press(setup, 'ArrowLeft');
    await rendered(setup.el);
    expect(shownColumns(setup.el)).to.deep.equal(['Won']);
    expect(deepActive()!.closest('lead-kanban-column')!.getAttribute('aria-label')).to.equal('Won');
    expect(tab(setup.el, 'Won').getAttribute('aria-selected')).to.equal('true');
  });

  it('keeps the toolbar to four rows: search; the three filters, each label above its value; intake and help; the bulk bar', async () => {
    const setup = await mountBoard({ width: 390, height: 760 });
    const r = root(setup.el);
    const box = (el: Element) => el.getBoundingClientRect();
    const search = r.querySelector('.search-input')!;
    const assignee = r.querySelector('select[aria-label="Filter by assignee"]')!.closest('.select-wrap')!;
    const status = r.querySelector('lead-kanban-status-filter')!;
    const statusBox = status.shadowRoot!.querySelector('[role="combobox"][aria-label="Filter by status"]')!;
    const sort = r.querySelector('select[aria-label="Sort"]')!.closest('.select-wrap')!;
    const filters = [assignee, statusBox, sort];
    // One row under the search box, side by side, inside the board, every one touch-sized.
    for (const f of filters) {
      expect(Math.round(box(f).top), 'a filter on the row under the search box').to.equal(Math.round(box(assignee).top));
      expect(box(f).top).to.be.at.least(box(search).bottom);
      expect(box(f).height).to.be.at.least(44);
      expect(box(f).right).to.be.at.most(box(setup.el).right);
    }
    expect(box(assignee).right).to.be.at.most(box(statusBox).left);
    expect(box(statusBox).right).to.be.at.most(box(sort).left);
    // Each shows its label above its value, the value whole.
    const prefix = assignee.querySelector('.field-prefix')!;
    expect(prefix.textContent!.trim()).to.equal('Assignee');
    expect(box(prefix).bottom).to.be.at.most(box(assignee.querySelector('select')!).top + 1);
    expect(status.hasAttribute('compact'), 'the status filter stands compact').to.equal(true);
    const value = status.shadowRoot!.querySelector<HTMLElement>('.select-like-value')!;
    expect(value.textContent!.trim()).to.equal('All statuses');
    expect(value.scrollWidth, '"All statuses" not cut').to.be.at.most(value.clientWidth);
    expect(box(status.shadowRoot!.querySelector('.field-prefix')!).bottom).to.be.at.most(box(value).top + 1);
    // "Keyboard shortcuts" ends the intake row; the bulk bar's three buttons share the row under it.
    const help = button(setup.el, 'Keyboard shortcuts');
    expect(Math.round(box(help).top)).to.equal(Math.round(box(button(setup.el, 'Add lead')).top));
    const bulk = ['Select all matching', 'Assign', 'Distribute…'].map((name) => box(button(setup.el, name)));
    for (const b of bulk) expect(Math.round(b.top)).to.equal(Math.round(bulk[0]!.top));
    expect(bulk[0]!.top).to.be.at.least(box(help).bottom);
    const toolbar = box(r.querySelector('[part="toolbar"]')!);
    expect(toolbar.height, 'less than five rows of 44 px with their gaps and padding').to.be.below(5 * 44 + 4 * 8 + 2 * 10);
  });

  it('gives every control a hit area of at least 44 × 44 px; the checkbox keeps its small box', async () => {
    const setup = await mountBoard({ width: 390, height: 760 });
    const lead = setup.store.cardsIn('new')[0]!;
    const card = root(setup.el).querySelector(`[part~="card"][data-lead-id="${lead.id}"]`)!;
    const targets: [string, Element][] = [
      ['card actions', card.querySelector('.card-menu')!],
      ['column checkbox', root(setup.el).querySelector('.column-header .check-hit')!],
      ['Assign', button(setup.el, 'Assign')],
      ['Select all matching', button(setup.el, 'Select all matching')],
      ['Keyboard shortcuts', button(setup.el, 'Keyboard shortcuts')],
      ['a workload chip', root(setup.el).querySelector('.chip')!],
      ['a stage tab', tab(setup.el, 'New')],
      ['Search leads', root(setup.el).querySelector('.search-input')!],
    ];
    for (const [name, el] of targets) {
      const [w, h] = size(el);
      expect(Math.min(w, h), `${name}: ${w} × ${h}`).to.be.at.least(44);
    }
    const hit = hitArea(card.querySelector('.card-check')!);
    expect(Math.min(hit.width, hit.height), `card checkbox: ${hit.width} × ${hit.height}`).to.be.at.least(44);
    expect(size(card.querySelector('.card-check')!), 'the box itself').to.deep.equal([16, 16]);
    // A press on the hit area, off the box, selects the card.
    await sendMouse({ type: 'click', position: [Math.round(hit.right - 3), Math.round(hit.bottom - 3)] });
    await rendered(setup.el);
    expect(setup.store.isSelected(lead.id)).to.equal(true);
  });

  it('opens the drawer as a full-width sheet with touch-sized controls', async () => {
    await drawerContentChunk.load();
    const setup = await mountBoard({ width: 374, height: 760 });
    const lead = setup.store.cardsIn('new')[0]!;
    await sendMouse({ type: 'click', position: centre(cardButton(setup.el, lead.id)) });
    await rendered(setup.el);
    const d = drawer(setup.el);
    await d.updateComplete;
    const panel = drawerRoot(d).querySelector('.panel')!.getBoundingClientRect();
    expect([Math.round(panel.left), Math.round(panel.width)]).to.deep.equal([0, window.innerWidth]);
    for (const selector of ['.close', '#field-name', '#field-status', 'button[type="submit"]']) {
      const [w, h] = size(drawerRoot(d).querySelector(selector)!);
      expect(Math.min(w, h), `${selector}: ${w} × ${h}`).to.be.at.least(44);
    }
    const body = drawerRoot(d).querySelector('.body')!;
    expect(body.scrollWidth, 'no field cut at the side').to.be.at.most(body.clientWidth);
  });

  it('keeps the small hit areas on a wide board with a mouse', async () => {
    const setup = await mountBoard({ width: 1400 });
    expect(setup.el.hasAttribute('data-layout')).to.equal(false);
    const card = root(setup.el).querySelector('[part~="card"]')!;
    const hit = hitArea(card.querySelector('.card-check')!);
    expect([hit.width, hit.height]).to.deep.equal([16, 16]);
    expect(size(root(setup.el).querySelector('.column-header .check-hit')!)).to.deep.equal([16, 16]);
    expect(shownColumns(setup.el)).to.have.length(6);
    expect(root(setup.el).querySelectorAll('[role="tab"]'), 'no stage switcher').to.have.length(0);
  });
});

describe('<lead-kanban> long names', () => {
  it('shows a name cut on the card in full when the card is hovered or its name focused', async () => {
    const setup = await mountBoard({
      prepare: (data) => {
        data.leads[0]!.name = 'Maximiliana Featherstone';
      },
    });
    const lead = setup.store.lead(setup.store.matchingIds().find((id) => setup.store.lead(id)!.name.startsWith('Maximiliana'))!)!;
    const name = cardButton(setup.el, lead.id); // the name is the card's button
    expect(name.scrollWidth, 'cut to one line').to.be.greaterThan(name.clientWidth);
    expect(name.title, 'any length, in the pointer’s tooltip').to.equal(lead.name);
    await sendMouse({ type: 'move', position: centre(cardButton(setup.el, lead.id)) });
    await rendered(setup.el);
    expect(getComputedStyle(name).whiteSpace).to.equal('normal');
    expect(name.scrollHeight, 'the whole name fits its two lines').to.be.at.most(name.clientHeight + 1);
    const meta = root(setup.el).querySelector(`#card-meta-${lead.id}`)!.getBoundingClientRect();
    const cardBox = cardButton(setup.el, lead.id).closest('.card')!.getBoundingClientRect();
    expect(meta.bottom, 'company and footer still inside the card').to.be.at.most(cardBox.bottom);
    await sendMouse({ type: 'move', position: [5, 5] });
    cardButton(setup.el, lead.id).focus();
    await press(setup, 'ArrowDown');
    await press(setup, 'ArrowUp');
    expect(getComputedStyle(name).whiteSpace, 'focused from the keyboard').to.equal('normal');
  });
});
