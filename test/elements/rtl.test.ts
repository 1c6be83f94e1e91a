/**
 * Right to left (`dir="rtl"` on an ancestor, as an Arabic page has it): the board lays out mirrored — the first
 * column at the right, the drawer sliding in from the left, popups lined up with their trigger's inline start —
 * and the arrow keys go the way they point on screen: on the cards, in the keyboard move, in the workload
 * strip and in the phone's stage tabs.
 */
import { expect, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import type { LeadKanban } from '../../src/lead-kanban/lead-kanban.js';
import {
  cardButton,
  columns,
  mountBoard,
  openCard,
  press,
  region,
  rendered,
  root,
  settle,
  type BoardOptions,
  type BoardSetup,
} from './helpers/board-setup.js';
import { chord, deepActive, nextFrame } from './helpers/common.js';
import { drawerRoot } from './helpers/drawer-setup.js';

async function mountRtl(options: BoardOptions = {}): Promise<BoardSetup> {
  const setup = await mountBoard(options);
  setup.el.parentElement!.dir = 'rtl';
  await rendered(setup.el);
  return setup;
}

const rect = (el: Element) => el.getBoundingClientRect();
/** The lead whose card holds focus now. */
const focusedLead = () => deepActive()?.closest<HTMLElement>('[part~="card"]')?.getAttribute('data-lead-id') ?? null;
const columnOfFocus = (setup: BoardSetup) => setup.store.lead(focusedLead()!)?.status;

describe('<lead-kanban> right to left', () => {
  afterEach(() => document.querySelectorAll('[dir="rtl"]').forEach((n) => n.removeAttribute('dir')));

  it('lays the columns out mirrored: the first column at the right, each next one to its left', async () => {
    const { el } = await mountRtl();
    const shown = columns(el);
    const board = rect(root(el).querySelector('.columns')!);
    expect(rect(shown[0]!).right, 'New at the right edge').to.be.closeTo(board.right, 40);
    for (let i = 1; i < shown.length; i++) expect(rect(shown[i]!).right).to.be.lessThan(rect(shown[i - 1]!).left + 1);
    const name = cardButton(el, (await firstLead(el))!); // the name is the card's button
    expect(getComputedStyle(name).direction).to.equal('rtl');
  });

  it('opens the drawer at the left (the inline end), sliding in from there', async () => {
    const setup = await mountRtl();
    const drawer = await openCard(setup.el, setup.store.cardsIn('new')[0]!.id);
    const panel = drawerRoot(drawer).querySelector<HTMLElement>('.panel')!;
    await Promise.all(panel.getAnimations().map((a) => a.finished));
    expect(rect(panel).left).to.be.closeTo(0, 1);
    expect(rect(panel).right).to.be.lessThan(window.innerWidth - 100);
    drawer.hide();
  });

  it('arrow keys follow the screen: Left goes to the column on the left (the next one), Right comes back', async () => {
    const setup = await mountRtl();
    cardButton(setup.el, setup.store.cardsIn('new')[0]!.id).focus();
    await press(setup, 'ArrowLeft');
    expect(columnOfFocus(setup)).to.equal('contacted');
    await press(setup, 'ArrowLeft');
    expect(columnOfFocus(setup)).to.equal('qualified');
    await press(setup, 'ArrowRight');
    expect(columnOfFocus(setup)).to.equal('contacted');
  });

  it('moves a card by keyboard across columns the way the arrows point, and the backend has it', async () => {
    const setup = await mountRtl();
    const lead = setup.store.cardsIn('new')[0]!;
    cardButton(setup.el, lead.id).focus();
    await chord('Control', 'ArrowLeft');
    await settle(setup.el);
    expect(setup.store.lead(lead.id)!.status, 'Ctrl+Left: to the column on the left').to.equal('contacted');
    expect((await setup.backend.getLead(lead.id)).status).to.equal('contacted');

    // Lifted with M, two steps left (visually), dropped with Enter: one move.
    cardButton(setup.el, lead.id).focus();
    await press(setup, 'm');
    await press(setup, 'ArrowLeft');
    await press(setup, 'ArrowLeft');
    await press(setup, 'ArrowRight');
    await press(setup, 'Enter');
    await settle(setup.el);
    expect(setup.store.lead(lead.id)!.status).to.equal('qualified');
    expect((await setup.backend.getLead(lead.id)).status).to.equal('qualified');
  });

  it('the workload strip: chips run right to left, Left moves to the next one', async () => {
    const setup = await mountRtl();
    const chips = [...root(setup.el).querySelectorAll<HTMLElement>('.chip')];
    expect(rect(chips[1]!).right).to.be.lessThan(rect(chips[0]!).left + 1);
    chips[0]!.focus();
    await press(setup, 'ArrowLeft');
    expect(deepActive()).to.equal(chips[1]);
    await press(setup, 'ArrowRight');
    expect(deepActive()).to.equal(chips[0]);
  });

  it('a card menu opens lined up with its button, not off to the wrong side', async () => {
    const setup = await mountRtl();
    const lead = setup.store.cardsIn('contacted')[0]!;
    const trigger = root(setup.el).querySelector(`[part~="card"][data-lead-id="${lead.id}"] .card-menu`)!;
    (trigger as HTMLElement).click();
    const menu = () => root(setup.el).querySelector('lead-kanban-menu')?.shadowRoot?.querySelector<HTMLElement>('[role="menu"]');
    await waitUntil(() => menu() && rect(menu()!).width > 0, 'menu open');
    await nextFrame();
    // Under right-to-left the menu's inline end is its left edge: lined up with the button's left edge.
    expect(rect(menu()!).left).to.be.closeTo(rect(trigger).left, 1);
    await sendKeys({ press: 'Escape' });
  });

  it('on a phone the stage tabs run right to left and the arrows follow them', async () => {
    const setup = await mountRtl({ width: 390, height: 700 });
    await rendered(setup.el);
    const tabs = [...root(setup.el).querySelectorAll<HTMLElement>('.stage')];
    expect(tabs.length).to.be.greaterThan(2);
    expect(rect(tabs[1]!).right).to.be.lessThan(rect(tabs[0]!).left + 1);
    tabs[0]!.focus();
    await press(setup, 'ArrowLeft');
    expect(deepActive()?.dataset.stage).to.equal(tabs[1]!.dataset.stage);
    await rendered(setup.el);
    expect(root(setup.el).querySelector('lead-kanban-column[data-current]')).to.equal(region(setup.el, 'Contacted'));
  });
});

async function firstLead(el: LeadKanban): Promise<string | undefined> {
  await el.updateComplete;
  return el.store!.cardsIn('new')[0]?.id;
}
