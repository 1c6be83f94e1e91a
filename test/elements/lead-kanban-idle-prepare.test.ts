/**
 * What the board prepares in idle time so that a frame a user waits for does not:
 * - the rehearsals (src/internal/rehearsal.ts): in an idle period, a board (after the library loads) and a
 *   drawer (after its content's chunk arrived) that are never connected render their templates into fragments,
 *   so the real first render finds them prepared. They must leave nothing on the page, and spare the real
 *   render its preparing;
 * - the sheets of parts that show later (src/internal/late-styles.ts, `parseLater`): the first toast, which
 *   comes inside a user's action, adopts its sheet without parsing it.
 */
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { LeadStore } from '../../sdk/index.js';
import { MemoryAdapter, MemoryDatabase, seed } from '../../sdk/memory.js';
import { drawerContentChunk, drawerRehearsal } from '../../src/lead-drawer/lead-drawer.js';
import { whenDefined } from '../../src/internal/lazy.js';
import { Rehearsal } from '../../src/internal/rehearsal.js';
import { boardRehearsal, type LeadKanban } from '../../src/lead-kanban/lead-kanban.js';
import { mountBoard, refusedMove, rendered, root } from './helpers/board-setup.js';

// The modules scheduled their own rehearsals for idle periods; this page rehearses by hand, counting.
boardRehearsal.cancel();
drawerRehearsal.cancel();

/** The `<template>` elements `run` made (Lit makes one for each template it prepares), as their HTML. */
async function templatesMadeBy(run: () => unknown): Promise<string[]> {
  const original = Document.prototype.createElement;
  const made: HTMLTemplateElement[] = [];
  Document.prototype.createElement = function (this: Document, tag: string, options?: ElementCreationOptions) {
    const element = original.call(this, tag, options);
    if (element instanceof HTMLTemplateElement) made.push(element);
    return element;
  } as typeof original;
  try {
    await run();
  } finally {
    Document.prototype.createElement = original;
  }
  return made.map((t) => t.innerHTML);
}

describe('<lead-kanban> work prepared in idle time', () => {
  it('prepares the templates of the first two frames without touching the page, and the real board finds them', async () => {
    const bodyBefore = document.body.innerHTML;
    const dispatched: string[] = [];
    const dispatch = EventTarget.prototype.dispatchEvent;
    EventTarget.prototype.dispatchEvent = function (this: EventTarget, event: Event) {
      dispatched.push(event.type);
      return dispatch.call(this, event);
    };
    let tags: string[] = [];
    let rehearsed: string[] = [];
    try {
      rehearsed = await templatesMadeBy(async () => (tags = await boardRehearsal.run()));
    } finally {
      EventTarget.prototype.dispatchEvent = dispatch;
    }
    expect(tags, 'the board, its column (with a card) and the status filter').to.include.members([
      'lead-kanban',
      'lead-kanban-column',
      'lead-kanban-status-filter',
    ]);
    expect(rehearsed.length, 'templates prepared by the rehearsal').to.be.greaterThan(20);
    expect(dispatched, 'no event fired').to.deep.equal([]);
    expect(document.body.innerHTML, 'nothing added to the page').to.equal(bodyBefore);

    // A second rehearsal prepares nothing: Lit keeps each template for every later render.
    expect(await templatesMadeBy(() => boardRehearsal.run())).to.deep.equal([]);

    // The real board, on loaded data, prepares none of its templates, those of the frame after the first (the
    // member chips and the assignee options) included: only the test's own fixture is new.
    const store = new LeadStore(new MemoryAdapter({ database: new MemoryDatabase(seed({ leads: 60, members: 5, seed: 3 })), as: 'm1', latency: 0 }));
    await store.load();
    const left = await templatesMadeBy(async () => {
      const el = await fixture<LeadKanban>(html`<lead-kanban style="height:500px;width:1200px" .store=${store}></lead-kanban>`);
      await rendered(el);
      expect(el.shadowRoot!.querySelectorAll('lead-kanban-column').length).to.equal(6);
    });
    expect(left.map((t) => t.trim()), 'templates prepared by the real render').to.deep.equal([
      '<lead-kanban style="height:500px;width:1200px"></lead-kanban>',
    ]);
  });

  it('rehearses the drawer once its content has arrived, and the first opening of a lead prepares no template of it', async () => {
    await whenDefined('lead-drawer-content', drawerContentChunk);
    const bodyBefore = document.body.innerHTML;
    let tags: string[] = [];
    const rehearsed = await templatesMadeBy(async () => (tags = await drawerRehearsal.run()));
    expect(tags).to.include.members(['lead-drawer', 'lead-drawer-content', 'assign-picker']);
    expect(rehearsed.length, 'templates prepared by the rehearsal').to.be.greaterThan(15);
    expect(document.body.innerHTML, 'nothing added to the page').to.equal(bodyBefore);

    const setup = await mountBoard();
    const lead = setup.store.cardsIn('new')[0]!;
    const left = await templatesMadeBy(async () => {
      setup.el.openLead(lead.id);
      await setup.el.updateComplete;
      await root(setup.el).querySelector('lead-drawer')!.updateComplete;
    });
    const content = root(setup.el).querySelector('lead-drawer')!.shadowRoot!.querySelector('lead-drawer-content')!;
    expect(content.shadowRoot!.querySelector('h2')!.textContent).to.contain(lead.name);
    // Left to the real opening: the board's own `<lead-drawer>` (rendered from its first opening on) and the
    // history's status line while it loads (the rehearsal's history is there before it renders).
    const mine = /^<lead-drawer>|^<p class="muted">/;
    expect(left.filter((t) => !mine.test(t.trim())), 'drawer templates prepared by the real opening').to.deep.equal([]);
  });

  it('a scheduled rehearsal that an element cancels while it waits for its chunk renders nothing after', async () => {
    let release!: () => void;
    const chunk = new Promise<void>((resolve) => (release = resolve));
    let asked = 0;
    let performed = 0;
    const rehearsal = new Rehearsal(
      () => {
        performed++;
        return [];
      },
      { chunks: () => (asked++, chunk) },
    );
    rehearsal.schedule();
    await waitUntil(() => asked === 1, 'the rehearsal started in an idle period and asked for its chunk');
    rehearsal.cancel(); // an element rendered for real meanwhile
    release();
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(performed, 'nothing rendered once cancelled').to.equal(0);
    // Run by hand, it renders.
    await rehearsal.run();
    expect(performed).to.equal(1);
  });

  it('parses no CSS for the first toast: its sheet was made in an idle period after a frame', async () => {
    const setup = await mountBoard();
    await new Promise((resolve) => requestIdleCallback(resolve));
    const parsed: string[] = [];
    const replaceSync = CSSStyleSheet.prototype.replaceSync;
    CSSStyleSheet.prototype.replaceSync = function (this: CSSStyleSheet, text: string) {
      parsed.push(text);
      replaceSync.call(this, text);
    };
    try {
      await refusedMove(setup);
      await setup.el.updateComplete;
    } finally {
      CSSStyleSheet.prototype.replaceSync = replaceSync;
    }
    const stack = root(setup.el).querySelector<HTMLElement>('[part~="toasts"]')!;
    expect(getComputedStyle(stack).position, 'the toasts are styled').to.equal('absolute');
    expect(parsed, 'style sheets parsed while the toast showed').to.deep.equal([]);
  });
});
