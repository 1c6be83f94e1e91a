/**
 * `<lead-drawer>` standalone, with its content (`<lead-drawer-content>`) in a chunk of its own: the drawer is
 * in the entry, the content is fetched in an idle period once a drawer is on the page, and opening waits for it.
 * This file runs in its own page, so nothing fetched that chunk before; the fetch is put under the test's
 * control (offline, then held back until released) to open the drawer while the content is missing.
 * The tests run in order and share that one page: the chunk arrives in the second.
 */
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import type { Lead, LeadStore } from '../../sdk/index.js';
import { drawerContentChunk, type LeadDrawer } from '../../src/lead-drawer/lead-drawer.js';
import { deepActive, flushTasks as settle } from './helpers/common.js';
import { controlFetch, drawerRoot, loadedStore } from './helpers/drawer-setup.js';
import { axAll } from './helpers/picker-a11y.js';

const fetches = controlFetch(drawerContentChunk);

async function mount(store: LeadStore, lead: Lead): Promise<{ el: LeadDrawer; opener: HTMLButtonElement }> {
  const host = await fixture<HTMLDivElement>(
    html`<div><button id="opener">Open</button><lead-drawer .store=${store} lead-id=${lead.id}></lead-drawer></div>`,
  );
  return { el: host.querySelector('lead-drawer')!, opener: host.querySelector('#opener')! };
}

/**
 * Errors reported to the page as uncaught (`reportError`), recorded and kept from mocha's uncaught-error
 * handler (`window.onerror`, which would fail the test) until `stop()`.
 */
function catchReportedErrors(): { errors: unknown[]; stop(): void } {
  const errors: unknown[] = [];
  const previous = window.onerror;
  window.onerror = (_message, _source, _line, _column, error) => {
    errors.push(error);
    return true; // handled: not logged, not an uncaught error
  };
  return { errors, stop: () => (window.onerror = previous) };
}

describe('<lead-drawer> content loaded on demand', () => {
  it('is fetched once a drawer is on the page, without any action; offline, opening reports it and stays closed', async () => {
    expect(fetches.started, 'nothing fetched before a drawer connects').to.equal(0);
    fetches.offline = true;
    const { store } = await loadedStore();
    const lead = store.cardsIn('new')[0]!;
    const { el, opener } = await mount(store, lead);
    await waitUntil(() => fetches.started === 1, 'fetched in an idle period after connecting', { timeout: 5000 });
    expect(customElements.get('lead-drawer-content'), 'the content is not defined').to.equal(undefined);
    expect(el.shadowRoot!.querySelector('lead-drawer-content')!.shadowRoot, 'nothing rendered without it').to.equal(null);

    // The prefetch failed quietly; opening fetches again, and when that fails too the drawer says it is closed.
    const reported = catchReportedErrors();
    try {
      opener.focus();
      el.show();
      await el.updateComplete;
      await settle();
    } finally {
      reported.stop();
    }
    expect(fetches.started).to.equal(2);
    expect(el.open).to.equal(false);
    expect(el.hasAttribute('open')).to.equal(false);
    expect(reported.errors.map(String)).to.deep.equal(['TypeError: Failed to fetch dynamically imported module (simulated: offline)']);
    expect(document.activeElement, 'focus stays where it was').to.equal(opener);
    expect(await axAll('dialog')).to.have.length(0);
  });

  it('opened before the content arrives: shows the lead once it does; updateComplete waits for it; focus goes in and comes back', async () => {
    fetches.offline = false;
    const { store } = await loadedStore();
    const lead = store.cardsIn('contacted')[0]!;
    const { el, opener } = await mount(store, lead);
    opener.focus();
    el.show();
    expect(el.open, 'the property is set at once').to.equal(true);
    let complete = false;
    void el.updateComplete.then(() => (complete = true));
    await settle();
    expect(fetches.started, 'one fetch, started by the opening (the earlier ones failed)').to.equal(3);
    expect(complete, 'updateComplete waits for the content').to.equal(false);
    expect(await axAll('dialog')).to.have.length(0);
    expect(document.activeElement).to.equal(opener);

    fetches.release();
    await el.updateComplete;
    expect(complete).to.equal(true);
    const [dialog] = await axAll('dialog', lead.name);
    expect(dialog, 'the dialog is named by the lead').to.exist;
    expect(dialog!.modal).to.equal(true);
    expect(await axAll('combobox', 'Assignee')).to.have.length(1);
    expect(deepActive()!.getAttribute('aria-label'), 'focus on Close').to.equal('Close');
    // The content's styles came with it: the panel is laid out as a side panel, not as bare text.
    const panel = drawerRoot(el).querySelector<HTMLElement>('.panel')!;
    expect(getComputedStyle(panel).position).to.equal('absolute');
    await waitUntil(() => drawerRoot(el).querySelectorAll('ol li').length > 0, 'history loaded');

    await sendKeys({ press: 'Escape' });
    await el.updateComplete;
    expect(el.open).to.equal(false);
    expect(document.activeElement, 'focus back on the opener').to.equal(opener);
  });

  it('once the content is there, a new drawer opens within its first update, without another fetch', async () => {
    const { store } = await loadedStore();
    const lead = store.cardsIn('qualified')[0]!;
    const el = await fixture<LeadDrawer>(html`<lead-drawer .store=${store} lead-id=${lead.id} open></lead-drawer>`);
    expect(drawerRoot(el).querySelector('dialog')!.open, 'open after the first update').to.equal(true);
    expect(drawerRoot(el).querySelector('h2')!.textContent).to.equal(lead.name);
    expect(fetches.started).to.equal(3);
  });
});
