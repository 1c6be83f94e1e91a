/**
 * The drawer's history of field edits: one entry per field saying old → new ("changed Value from $10,000 to
 * $12,500"), as both backends write it (sdk/history.ts); entries from before name the fields only.
 */
import { expect, fixture, html } from '@open-wc/testing';
import type { Activity } from '../../sdk/index.js';
import '../../src/lead-drawer/lead-drawer.js';
import type { LeadDrawer } from '../../src/lead-drawer/lead-drawer.js';
import { describeActivity } from '../../src/lead-drawer/activity-text.js';
import { messages } from '../../src/l10n.js';
import { formatValue } from '../../src/shared/format.js';
import { flushTasks as settle } from './helpers/common.js';
import { drawerRoot, loadedStore } from './helpers/drawer-setup.js';

const activityTexts = (el: LeadDrawer) =>
  [...drawerRoot(el).querySelectorAll('ol li .entry-text')].map((p) => p.textContent!.replace(/\s+/g, ' ').trim());

describe('<lead-drawer> history of field edits', () => {
  it('shows old → new for each field a save changed, newest first', async () => {
    const { store } = await loadedStore();
    const lead = store.cardsIn('new').find((l) => l.company && l.value !== undefined)!;
    const el = await fixture<LeadDrawer>(html`<lead-drawer .store=${store} lead-id=${lead.id} open></lead-drawer>`);
    await el.updateComplete;
    await settle();
    await store.update(lead.id, { value: 12_500, company: null });
    await settle();
    await el.updateComplete;
    const admin = store.me!.name;
    expect(activityTexts(el).slice(0, 2)).to.deep.equal([
      `${admin} changed Value from ${formatValue(lead.value)} to ${formatValue(12_500)}`,
      `${admin} cleared Company (was ${lead.company})`,
    ]);
    await store.update(lead.id, { company: 'Initech' });
    await settle();
    await el.updateComplete;
    expect(activityTexts(el)[0]).to.equal(`${admin} set Company to Initech`);
  });

  it('reads entries written before the per-field rule (fields named, no values)', () => {
    const entry: Activity = { id: 'a1', leadId: 'l1', type: 'updated', actorId: 'm1', at: new Date().toISOString(), text: 'company, value' };
    const text = describeActivity(entry, {
      msg: messages(),
      memberName: () => 'Dana Ruiz',
      columnLabel: () => undefined,
      fieldLabel: (key) => ({ company: 'Company', value: 'Value' })[key],
      fieldValue: (_key, value) => value,
    });
    expect(text).to.equal('Dana Ruiz updated company, value');
  });
});
