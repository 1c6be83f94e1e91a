/**
 * The board's first frame makes only what it shows (docs/architecture.md, "Performance"): the parts that show
 * later — the toasts, the drawer, the card menu and the dialogs — are neither rendered nor styled until they
 * first show (not even once their code has arrived), and then appear and work as ever. What follows the first
 * frame (the workload chips, the assignee filter's members) moves nothing the first frame showed, at any width.
 */
import { expect, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { LeadStore } from '../../sdk/index.js';
import { MemoryAdapter, MemoryDatabase, seed } from '../../sdk/memory.js';
import { boardPartsChunk, type LeadKanban } from '../../src/lead-kanban/lead-kanban.js';
import { collaborationChunk } from '../../src/lead-kanban/board-collaboration.js';
import { button, card, cardButton, columns, helpDialog, menu, mountBoard, openCard, refusedMove, root, settle, shownDrawer, toastTexts } from './helpers/board-setup.js';
import { axAll } from './helpers/picker-a11y.js';

/** Whether a rule for `selector` is among the styles of the board's shadow root. */
function styled(el: HTMLElement, selector: string): boolean {
  const sheets = [...el.shadowRoot!.adoptedStyleSheets, ...[...el.shadowRoot!.querySelectorAll('style')].map((s) => s.sheet!)];
  return sheets.some((sheet) => [...sheet.cssRules].some((rule) => rule instanceof CSSStyleRule && rule.selectorText === selector));
}

describe('<lead-kanban> first frame', () => {
  it('has no toast stack and no toast styles until the first toast, which then shows styled and can be dismissed', async () => {
    const setup = await mountBoard();
    expect(root(setup.el).querySelector('[part~="toasts"]')).to.equal(null);
    expect(styled(setup.el, '.toasts')).to.equal(false);

    await refusedMove(setup);
    await settle(setup.el);
    const stack = root(setup.el).querySelector<HTMLElement>('[part~="toasts"]')!;
    expect(styled(setup.el, '.toasts')).to.equal(true);
    expect(getComputedStyle(stack).position, 'the stack floats over the board').to.equal('absolute');
    const toast = stack.querySelector<HTMLElement>('.toast')!;
    expect(toast.getBoundingClientRect().height).to.be.greaterThan(20);
    expect(getComputedStyle(toast).borderTopLeftRadius).to.not.equal('0px');

    stack.querySelector<HTMLButtonElement>('.toast-close')!.click();
    await settle(setup.el);
    expect(toastTexts(setup.el)).to.deep.equal([]);
    expect(root(setup.el).querySelector('[part~="toasts"]'), 'the stack stays for the next toast').to.not.equal(null);
  });

  it('has no drawer until a lead is first opened; it then opens on that lead and stays rendered once closed', async () => {
    const setup = await mountBoard();
    expect(shownDrawer(setup.el)).to.equal(null);
    const lead = setup.store.cardsIn('contacted')[0]!;
    const drawer = await openCard(setup.el, lead.id);
    expect(drawer.store).to.equal(setup.store);
    expect(await axAll('dialog', lead.name)).to.have.length(1);
    await sendKeys({ press: 'Escape' });
    await waitUntil(() => !drawer.open, 'closed');
    await settle(setup.el);
    expect(shownDrawer(setup.el)).to.equal(drawer);
    expect(root(setup.el).activeElement, 'focus back on the card').to.equal(cardButton(setup.el, lead.id));
  });

  it('draws its icons as SVG: each one element in the SVG namespace, 16 × 16, with its shapes', async () => {
    const setup = await mountBoard();
    const icons = [...root(setup.el).querySelectorAll('.toolbar .icon, .column-add .icon')];
    expect(icons.length).to.be.greaterThan(3);
    for (const icon of icons) {
      expect(icon.namespaceURI).to.equal('http://www.w3.org/2000/svg');
      expect(icon.firstElementChild?.namespaceURI, 'its shapes are SVG too').to.equal('http://www.w3.org/2000/svg');
      const box = icon.getBoundingClientRect();
      expect([box.width, box.height]).to.deep.equal([16, 16]);
    }
  });

  it('renders no menu or dialog, even with their code there, until one is first used; that one then opens', async () => {
    await Promise.all([boardPartsChunk.load(), collaborationChunk.load()]);
    const setup = await mountBoard();
    await settle(setup.el);
    const onDemand = [
      'lead-kanban-menu',
      'lead-kanban-assign-dialog',
      'lead-kanban-help-dialog',
      'lead-kanban-distribute-dialog',
      'lead-kanban-add-lead-dialog',
      'lead-kanban-import-dialog',
      'lead-kanban-rules-dialog',
    ];
    expect(onDemand.filter((tag) => root(setup.el).querySelector(tag))).to.deep.equal([]);
    button(setup.el, 'Keyboard shortcuts').click();
    await waitUntil(() => helpDialog(setup.el)?.open, 'help open');
    expect(await axAll('dialog', 'Keyboard shortcuts')).to.have.length(1);
    expect(onDemand.filter((tag) => root(setup.el).querySelector(tag))).to.deep.equal(['lead-kanban-help-dialog']);
  });

  it('a second use made before the first one has rendered the element still gets it: the last card menu asked for opens', async () => {
    await boardPartsChunk.load();
    const setup = await mountBoard();
    await settle(setup.el);
    const [first, second] = setup.store.cardsIn('new');
    const menuButton = (id: string) => card(setup.el, id).querySelector<HTMLButtonElement>('[aria-label^="Actions for"]')!;
    menuButton(first!.id).click();
    menuButton(second!.id).click(); // before the board has rendered the menu for the first click
    await waitUntil(() => menu(setup.el)?.getAttribute('aria-label') === `Actions for ${second!.name}`, 'the second card\'s menu opens');
  });

  it('reacts to the first key press though its keyboard model is made on first use', async () => {
    const setup = await mountBoard();
    const [first, second] = setup.store.cardsIn('new');
    cardButton(setup.el, first!.id).focus();
    await sendKeys({ press: 'ArrowDown' });
    await settle(setup.el);
    expect(root(setup.el).activeElement).to.equal(cardButton(setup.el, second!.id));
  });

  for (const width of [1400, 768, 390]) {
    it(`shows the workload strip’s frame and the assignee filter at once, their members in the next frame, and nothing moves (${width} px wide)`, async () => {
      const database = new MemoryDatabase(seed({ leads: 40, members: 6, seed: 11 }));
      const store = new LeadStore(new MemoryAdapter({ database, as: 'm1', latency: 0 }));
      await store.load();
      const el = document.createElement('lead-kanban') as LeadKanban;
      el.style.cssText = `display:block; height:580px; width:${width}px`;
      el.store = store;
      // Layout shifts (what moved between two frames, as the browser reports it for the page's CLS).
      const shifts: string[] = [];
      const observer = new PerformanceObserver((list) => {
        for (const entry of list.getEntries() as (PerformanceEntry & { value: number; sources?: unknown[] })[]) {
          shifts.push(`a shift of ${entry.value.toFixed(4)} (${entry.sources?.length ?? 0} boxes moved)`);
        }
      });
      observer.observe({ type: 'layout-shift' });
      document.body.append(el);
      try {
        await el.updateComplete;
        for (const column of columns(el)) await column.updateComplete;
        // The first frame: who is signed in and an empty frame where the chips go; cards in the columns.
        expect(root(el).querySelector('.viewing-as')!.textContent).to.contain(store.me!.name);
        expect(root(el).querySelector('.chips-frame'), 'the frame holds the place').to.exist;
        expect(root(el).querySelector('.chips'), 'no chips yet').to.equal(null);
        expect(root(el).querySelectorAll('[part~="card"]').length).to.be.greaterThan(0);
        const places = () =>
          ['.assignee-filter', 'lead-kanban-status-filter', '.sort-select', '.bulk-bar', '.help-button'].map((selector) => {
            const box = root(el).querySelector(selector)!.getBoundingClientRect();
            return `${selector} at ${box.left},${box.top}, ${box.width} wide`;
          });
        // Where the first frame puts everything (a phone's layout included: board-layout.ts decides it before).
        const top = columns(el)[0]!.getBoundingClientRect().top;
        const toolbar = places();
        await waitUntil(() => root(el).querySelectorAll('.chip').length > 0, 'chips shown');
        await waitUntil(() => root(el).querySelectorAll('.assignee-filter option').length > 3, 'member options listed');
        expect(root(el).querySelectorAll('.chip').length, 'Unassigned and each assignable member').to.equal(store.assignableMembers.length + 1);
        expect(columns(el)[0]!.getBoundingClientRect().top, 'the columns stay where they were').to.equal(top);
        expect(places(), 'the toolbar’s controls stay where they were').to.deep.equal(toolbar);
        await new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve)));
        expect(shifts, 'layout shifts').to.deep.equal([]);
      } finally {
        observer.disconnect();
        el.remove();
      }
    });
  }
});
