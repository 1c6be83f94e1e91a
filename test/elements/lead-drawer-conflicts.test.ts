/**
 * Two people edit the same field of one lead (two tabs, two stores on one backend): the later save is not
 * silently last-write-wins. The drawer shows who changed it to what and the user chooses Keep mine / Keep
 * theirs; a change to another field meanwhile is no conflict.
 */
import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { LeadStore, type Lead } from '../../sdk/index.js';
import { MemoryAdapter } from '../../sdk/memory.js';
import '../../src/lead-drawer/lead-drawer.js';
import type { LeadDrawer } from '../../src/lead-drawer/lead-drawer.js';
import { liveRegion } from '../../src/controllers/announcer.js';
import { formatValue } from '../../src/shared/format.js';
import { flushTasks as settle } from './helpers/common.js';
import { drawerRoot } from './helpers/drawer-setup.js';
import { axAll } from './helpers/picker-a11y.js';

const field = (el: LeadDrawer, label: string) => {
  const l = [...drawerRoot(el).querySelectorAll('label')].find((x) => x.textContent!.trim() === label)!;
  return drawerRoot(el).getElementById(l.htmlFor) as HTMLInputElement;
};
const conflict = (el: LeadDrawer) => drawerRoot(el).querySelector<HTMLElement>('.field-conflict');
const conflictButton = (el: LeadDrawer, name: string) =>
  [...conflict(el)!.querySelectorAll<HTMLButtonElement>('button')].find((b) => b.textContent!.trim() === name)!;

/**
 * Two people on one backend, each with a store (two tabs); my drawer is open on a lead. Theirs saves through
 * their store's one command with the lead they saw, as their drawer does (a page holds one modal drawer).
 */
async function twoTabs() {
  const mine = MemoryAdapter.seeded({ leads: 24, members: 6 });
  const stores = [new LeadStore(mine), new LeadStore(mine.session('m2'))] as const;
  await Promise.all(stores.map((s) => s.load()));
  const lead = stores[0].cardsIn('new').find((l) => l.value !== undefined)!;
  const a = await fixture<LeadDrawer>(html`<lead-drawer .store=${stores[0]} lead-id=${lead.id} open></lead-drawer>`);
  await a.updateComplete;
  await settle();
  const theirs = async (patch: Parameters<LeadStore['update']>[1]) => {
    await stores[1].update(lead.id, patch, { base: stores[1].lead(lead.id)! });
    await settle();
    await a.updateComplete;
  };
  return { mine, stores, lead, a, theirs, theirName: stores[0].member('m2')!.name };
}

async function type(el: LeadDrawer, label: string, text: string, commit = false): Promise<HTMLInputElement> {
  const input = field(el, label);
  input.focus();
  input.select();
  await sendKeys({ type: text });
  if (commit) await sendKeys({ press: 'Enter' });
  await settle();
  await el.updateComplete;
  return input;
}

describe('<lead-drawer> edits that collide', () => {
  it('both edit Value; the later save is refused: who changed it to what, then Keep mine saves mine', async () => {
    const { mine, lead, a, theirs, theirName } = await twoTabs();
    await type(a, 'Value', '15000'); // editing begins in my tab …
    await theirs({ value: 12_000 }); // … they save first
    expect((await mine.getLead(lead.id)).value).to.equal(12_000);

    const expected = `${theirName} changed Value to ${formatValue(12_000)} while you were editing. You typed 15000.`;
    expect(conflict(a)!.textContent!.replace(/\s+/g, ' ').trim()).to.contain(expected);
    expect(field(a, 'Value').value, 'what I typed stays').to.equal('15000');
    expect(await axAll('button', 'Keep mine')).to.have.length(1);
    expect(await axAll('button', 'Keep theirs')).to.have.length(1);

    // Enter does not overwrite theirs: the conflict is the user's to settle.
    field(a, 'Value').focus();
    await sendKeys({ press: 'Enter' });
    await settle();
    await a.updateComplete;
    expect((await mine.getLead(lead.id)).value).to.equal(12_000);
    expect(liveRegion().textContent).to.equal(expected);

    conflictButton(a, 'Keep mine').click();
    await settle();
    await a.updateComplete;
    expect((await mine.getLead(lead.id)).value).to.equal(15_000);
    expect(conflict(a)).to.equal(null);
    const history = (await mine.listActivity(lead.id)).filter((e) => e.type === 'updated');
    expect(history.map((e) => [e.text, e.from, e.to])).to.deep.equal([
      ['value', String(lead.value), '12000'],
      ['value', '12000', '15000'],
    ]);
  });

  it('Keep theirs drops my draft: the box shows their value, nothing is sent', async () => {
    const { mine, lead, a, theirs, stores } = await twoTabs();
    await type(a, 'Value', '15000');
    await theirs({ value: 12_000 });
    const versions = (await mine.getLead(lead.id)).version;
    conflictButton(a, 'Keep theirs').click();
    await a.updateComplete;
    expect(field(a, 'Value').value).to.equal('12000');
    expect(conflict(a)).to.equal(null);
    await settle();
    expect((await mine.getLead(lead.id)).version).to.equal(versions);
    expect(stores[0].lead(lead.id)!.value).to.equal(12_000);
  });

  it('another field changed meanwhile is no conflict: my edit saves, theirs stays', async () => {
    const { mine, lead, a, theirs } = await twoTabs();
    await type(a, 'Value', '15000');
    await theirs({ company: 'Their Company' });
    expect(conflict(a)).to.equal(null);
    await sendKeys({ press: 'Enter' });
    await settle();
    await a.updateComplete;
    const now: Lead = await mine.getLead(lead.id);
    expect([now.value, now.company]).to.deep.equal([15_000, 'Their Company']);
    expect(conflict(a)).to.equal(null);
  });
});
