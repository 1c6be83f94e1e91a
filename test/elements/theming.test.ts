/**
 * Theming as a host does it, checked on what a user sees (computed styles): a `--lead-*` token and a
 * `::part()` rule each change the board, the drawer and the picker; the colour scheme follows
 * `prefers-color-scheme` by default (emulated) and the host overrides it both ways, with the `theme`
 * attribute or `--lead-color-scheme` on an ancestor, down into the drawer and picker inside a board.
 */
import { expect, fixture, html } from '@open-wc/testing';
import { emulateMedia } from '@web/test-runner-commands';
import '../../src/assign-picker/assign-picker.js';
import type { AssignPicker } from '../../src/assign-picker/assign-picker.js';
import '../../src/lead-drawer/lead-drawer.js';
import type { LeadDrawer } from '../../src/lead-drawer/lead-drawer.js';
import type { LeadKanban } from '../../src/lead-kanban/lead-kanban.js';
import { card, mountBoard, openCard, rendered, root } from './helpers/board-setup.js';
import { drawerRoot, loadedStore } from './helpers/drawer-setup.js';

// The built-in palettes (src/shared/tokens.styles.ts), as Chromium computes them.
const LIGHT = { background: 'rgb(244, 246, 249)', surface: 'rgb(255, 255, 255)', text: 'rgb(31, 41, 51)' };
const DARK = { background: 'rgb(15, 19, 26)', surface: 'rgb(26, 32, 43)', text: 'rgb(230, 233, 239)' };

const style = (el: Element) => getComputedStyle(el);
/**
 * Waits for the element's transitions (cards and controls fade colours over ~120 ms) to finish, then reads
 * its computed style: the colours a user sees once it has settled.
 */
async function settled(el: Element): Promise<CSSStyleDeclaration> {
  getComputedStyle(el).color; // a style recalculation starts the transitions the change set off
  await Promise.all(el.getAnimations().map((a) => a.finished.catch(() => undefined)));
  return getComputedStyle(el);
}
const boardBackground = (el: LeadKanban) => style(root(el).querySelector('.board')!).backgroundColor;
/** The card's surface: the card element itself (class `card`, part `card`). */
const cardSurface = (el: LeadKanban, id: string) => card(el, id);
const panel = (drawer: LeadDrawer) => drawerRoot(drawer).querySelector('.panel')!;
const pickerControl = (picker: AssignPicker) => picker.shadowRoot!.querySelector('.control')!;

/** A document-level style sheet, as a host page has, removed after each test. */
let sheet: HTMLStyleElement | undefined;
function hostStyles(css: string): void {
  sheet = document.createElement('style');
  sheet.textContent = css;
  document.head.append(sheet);
}

async function openedDrawer(): Promise<LeadDrawer> {
  const { store } = await loadedStore();
  const drawer = await fixture<LeadDrawer>(html`<lead-drawer .store=${store}></lead-drawer>`);
  drawer.leadId = store.cardsIn('new')[0]!.id;
  drawer.show();
  await drawer.updateComplete;
  return drawer;
}

async function picker(): Promise<AssignPicker> {
  const { store } = await loadedStore();
  return fixture<AssignPicker>(html`<assign-picker .store=${store} .value=${null}></assign-picker>`);
}

describe('theming', () => {
  afterEach(async () => {
    sheet?.remove();
    sheet = undefined;
    await emulateMedia({ colorScheme: 'light' });
  });

  describe('a token and a part each change what a user sees', () => {
    it('on the board: --lead-color-accent marks a selected card, ::part(card) styles every card', async () => {
      const { el, store } = await mountBoard({ leads: 12 });
      const id = store.cardsIn('new')[0]!.id;
      store.setSelected(id, true);
      await rendered(el);
      const before = style(cardSurface(el, id)).borderColor;
      el.style.setProperty('--lead-color-accent', 'rgb(200, 30, 90)');
      expect(before).to.not.equal('rgb(200, 30, 90)');
      expect((await settled(cardSurface(el, id))).borderColor).to.equal('rgb(200, 30, 90)');

      const other = store.cardsIn('new')[1]!.id;
      expect(style(cardSurface(el, other)).outlineStyle).to.equal('none');
      hostStyles('lead-kanban::part(card) { outline: 3px dashed rgb(1, 120, 60); }');
      expect(style(cardSurface(el, other)).outlineColor).to.equal('rgb(1, 120, 60)');
      expect(style(cardSurface(el, other)).outlineStyle).to.equal('dashed');
    });

    it('on the drawer: --lead-color-surface paints the panel, ::part(panel) reaches it through the drawer', async () => {
      const drawer = await openedDrawer();
      expect(style(panel(drawer)).backgroundColor).to.equal(LIGHT.surface);
      drawer.style.setProperty('--lead-color-surface', 'rgb(250, 240, 220)');
      expect(style(panel(drawer)).backgroundColor).to.equal('rgb(250, 240, 220)');
      hostStyles('lead-drawer::part(panel) { border-inline-start: 6px solid rgb(10, 20, 30); }');
      expect(style(panel(drawer)).borderLeftWidth).to.equal('6px');
      expect(style(panel(drawer)).borderLeftColor).to.equal('rgb(10, 20, 30)');
      drawer.hide();
    });

    it('on the picker: --lead-color-surface paints its control, ::part(control) styles it', async () => {
      const el = await picker();
      expect(style(pickerControl(el)).backgroundColor).to.equal(LIGHT.surface);
      el.style.setProperty('--lead-color-surface', 'rgb(240, 250, 255)');
      expect((await settled(pickerControl(el))).backgroundColor).to.equal('rgb(240, 250, 255)');
      hostStyles('assign-picker::part(control) { border-radius: 0; border-color: rgb(90, 0, 0); }');
      expect((await settled(pickerControl(el))).borderTopColor).to.equal('rgb(90, 0, 0)');
      expect(style(pickerControl(el)).borderTopLeftRadius).to.equal('0px');
    });
  });

  describe('light and dark', () => {
    it('follows prefers-color-scheme by default: the board, a card and its drawer turn dark and back', async () => {
      const { el, store } = await mountBoard({ leads: 12 });
      const id = store.cardsIn('new')[0]!.id;
      expect(boardBackground(el)).to.equal(LIGHT.background);
      await emulateMedia({ colorScheme: 'dark' });
      expect(boardBackground(el)).to.equal(DARK.background);
      expect((await settled(cardSurface(el, id))).backgroundColor).to.equal(DARK.surface);
      expect(style(card(el, id).querySelector('.card-name')!).color).to.equal(DARK.text);
      const drawer = await openCard(el, id);
      expect(style(panel(drawer)).backgroundColor).to.equal(DARK.surface);
      await emulateMedia({ colorScheme: 'light' });
      expect(style(panel(drawer)).backgroundColor).to.equal(LIGHT.surface);
    });

    it('theme="light" keeps a board light on a dark system; theme="dark" makes it dark on a light one, drawer included', async () => {
      const { el, store } = await mountBoard({ leads: 12 });
      await emulateMedia({ colorScheme: 'dark' });
      el.theme = 'light';
      await el.updateComplete;
      expect(el.getAttribute('theme')).to.equal('light');
      expect(boardBackground(el)).to.equal(LIGHT.background);

      await emulateMedia({ colorScheme: 'light' });
      el.setAttribute('theme', 'dark');
      await el.updateComplete;
      expect(boardBackground(el)).to.equal(DARK.background);
      const drawer = await openCard(el, store.cardsIn('new')[0]!.id);
      expect(style(panel(drawer)).backgroundColor, 'the drawer inside follows the board').to.equal(DARK.surface);
      const header = drawerRoot(drawer).querySelector('assign-picker')!;
      expect((await settled(pickerControl(header as AssignPicker))).backgroundColor, 'and the picker inside the drawer').to.equal(DARK.surface);
    });

    it('--lead-color-scheme on an ancestor sets the scheme of the elements under it, the picker and drawer alone too', async () => {
      const wrapper = await fixture<HTMLDivElement>(html`<div style="--lead-color-scheme: dark"></div>`);
      const el = await picker();
      wrapper.append(el);
      expect((await settled(pickerControl(el))).backgroundColor).to.equal(DARK.surface);
      wrapper.style.setProperty('--lead-color-scheme', 'light');
      expect((await settled(pickerControl(el))).backgroundColor).to.equal(LIGHT.surface);

      await emulateMedia({ colorScheme: 'light' });
      const drawer = await openedDrawer();
      drawer.theme = 'dark';
      await drawer.updateComplete;
      expect(style(panel(drawer)).backgroundColor).to.equal(DARK.surface);
      drawer.hide();
    });
  });
});
