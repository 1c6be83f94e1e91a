/**
 * A host's mistakes in properties: a `.columns` that is not a column list, a `.store` that is not a LeadStore,
 * a bad `lead-id`, an unknown `theme`, a picker `value` that is no member id. Each gets ONE console error
 * naming the element and the property, and the element keeps its last good state (what it shows, and the
 * property's value).
 */
import { expect, fixture, html } from '@open-wc/testing';
import '../../src/assign-picker/assign-picker.js';
import type { AssignPicker } from '../../src/assign-picker/assign-picker.js';
import '../../src/lead-drawer/lead-drawer.js';
import type { LeadDrawer } from '../../src/lead-drawer/lead-drawer.js';
import type { Column } from '../../sdk/index.js';
import { columns, mountBoard, rendered } from './helpers/board-setup.js';
import { drawerRoot, loadedStore } from './helpers/drawer-setup.js';

/** console.error calls made while `run` runs (and the renders it caused settle). */
async function consoleErrors(run: () => Promise<void>): Promise<string[]> {
  const seen: string[] = [];
  const original = console.error;
  console.error = (...args: unknown[]) => void seen.push(args.map(String).join(' '));
  try {
    await run();
  } finally {
    console.error = original;
  }
  return seen;
}

const labels = (el: Parameters<typeof columns>[0]) => columns(el).map((c) => c.getAttribute('aria-label'));

describe('malformed properties: one clear error, the last good state kept', () => {
  it('<lead-kanban> .columns that is not a column list', async () => {
    const { el, store } = await mountBoard({ leads: 12 });
    const good: Column[] = [{ key: 'new', label: 'Fresh' }, { key: 'won', label: 'Won' }];
    el.columns = good;
    await rendered(el);
    expect(labels(el)).to.deep.equal(['Fresh', 'Won']);

    for (const bad of [[{ key: 'new' }], 'new,won', [], [{ key: 'a b', label: 'Spaced' }], [{ key: 'new', label: 'A' }, { key: 'new', label: 'B' }]]) {
      const errors = await consoleErrors(async () => {
        el.columns = bad as unknown as Column[];
        await rendered(el);
      });
      expect(errors, JSON.stringify(bad)).to.have.length(1);
      expect(errors[0]).to.contain('<lead-kanban>').and.to.contain('columns property');
      expect(el.columns, 'the property is back to the last good columns').to.equal(good);
      expect(labels(el)).to.deep.equal(['Fresh', 'Won']);
      expect(store.columns.map((c) => c.key)).to.deep.equal(['new', 'won']);
    }
  });

  it('<lead-kanban> .store that is not a LeadStore, and an unknown theme', async () => {
    const { el, store } = await mountBoard({ leads: 12 });
    const errors = await consoleErrors(async () => {
      el.store = { leads: [] } as never;
      await rendered(el);
    });
    expect(errors, errors.join('\n')).to.have.length(1);
    expect(errors[0]).to.contain('<lead-kanban>').and.to.contain('store property').and.to.contain('expected a LeadStore');
    expect(el.store).to.equal(store);
    expect(columns(el).length, 'still the board it was').to.equal(6);

    el.theme = 'dark';
    await el.updateComplete;
    const themeErrors = await consoleErrors(async () => {
      el.setAttribute('theme', 'blue');
      await el.updateComplete;
    });
    expect(themeErrors).to.have.length(1);
    expect(themeErrors[0]).to.contain('<lead-kanban>').and.to.contain('theme property');
    expect(el.theme).to.equal('dark');
    expect(el.getAttribute('theme'), 'the attribute is written back').to.equal('dark');
  });

  it('<lead-drawer> a bad lead-id keeps the lead shown', async () => {
    const { store } = await loadedStore();
    const lead = store.cardsIn('new')[0]!;
    const drawer = await fixture<LeadDrawer>(html`<lead-drawer .store=${store} lead-id=${lead.id}></lead-drawer>`);
    drawer.show();
    await drawer.updateComplete;
    const title = () => drawerRoot(drawer).querySelector('h2')!.textContent!.trim();
    expect(title()).to.equal(lead.name);
    const errors = await consoleErrors(async () => {
      drawer.leadId = 'x'.repeat(500);
      await drawer.updateComplete;
      drawer.leadId = 42 as unknown as string;
      await drawer.updateComplete;
    });
    expect(errors).to.have.length(2);
    for (const e of errors) expect(e).to.contain('<lead-drawer>').and.to.contain('leadId property');
    expect(drawer.leadId).to.equal(lead.id);
    expect(title()).to.equal(lead.name);
    drawer.hide();
  });

  it('<assign-picker> a value that is no member id, and a store that is not a LeadStore', async () => {
    const { store } = await loadedStore();
    const dana = store.assignableMembers[0]!;
    const picker = await fixture<AssignPicker>(html`<assign-picker .store=${store} .value=${dana.id}></assign-picker>`);
    const shown = () => picker.shadowRoot!.querySelector<HTMLInputElement>('[role="combobox"]')!.value;
    expect(shown()).to.equal(dana.name);
    const errors = await consoleErrors(async () => {
      picker.value = { id: dana.id } as unknown as string;
      await picker.updateComplete;
      picker.store = 'members' as never;
      await picker.updateComplete;
    });
    expect(errors).to.have.length(2);
    expect(errors[0]).to.contain('<assign-picker>').and.to.contain('value property');
    expect(errors[1]).to.contain('<assign-picker>').and.to.contain('store property');
    expect(picker.value).to.equal(dana.id);
    expect(picker.store).to.equal(store);
    expect(shown()).to.equal(dana.name);
  });
});
