/**
 * Field errors in the drawer are written for the person at the field — "Enter a number for Value", "Name is
 * required" — localized through the messages table, and never zod's English ("Invalid input: expected …").
 */
import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import type { Lead, LeadStore } from '../../sdk/index.js';
import '../../src/lead-drawer/lead-drawer.js';
import type { LeadDrawer } from '../../src/lead-drawer/lead-drawer.js';
import { setMessages } from '../../src/l10n.js';
import { flushTasks as settle } from './helpers/common.js';
import { drawerRoot, loadedStore } from './helpers/drawer-setup.js';

const field = (el: LeadDrawer, label: string) => {
  const l = [...drawerRoot(el).querySelectorAll('label')].find((x) => x.textContent!.trim() === label)!;
  return drawerRoot(el).getElementById(l.htmlFor) as HTMLInputElement;
};
const errorOf = (el: LeadDrawer, input: HTMLInputElement) =>
  drawerRoot(el).getElementById(input.getAttribute('aria-describedby') ?? '')?.textContent?.trim() ?? '';

async function openDrawer(store: LeadStore, lead: Lead): Promise<LeadDrawer> {
  const el = await fixture<LeadDrawer>(html`<lead-drawer .store=${store} lead-id=${lead.id} open></lead-drawer>`);
  await el.updateComplete;
  await settle();
  await el.updateComplete;
  return el;
}

/** Types into a field as a user does and commits it with Enter. */
async function enter(el: LeadDrawer, label: string, text: string): Promise<HTMLInputElement> {
  const input = field(el, label);
  input.focus();
  input.select();
  if (text) await sendKeys({ type: text });
  else await sendKeys({ press: 'Backspace' });
  await sendKeys({ press: 'Enter' });
  await settle();
  await el.updateComplete;
  return input;
}

describe('<lead-drawer> field messages', () => {
  afterEach(() => setMessages({}));

  it('says what to do, naming the field, for each kind of refused value', async () => {
    const { store, backend } = await loadedStore();
    const lead = store.cardsIn('new').find((l) => l.email && l.company)!;
    const el = await openDrawer(store, lead);
    const cases: [string, string, string][] = [
      ['Value', 'abc', 'Enter a number for Value, like 12500'],
      ['Value', '-40', 'Value cannot be below 0'],
      ['Name', '', 'Name is required'],
      ['Email', 'not-an-email', 'Enter an email address like name@example.com'],
      ['Company', 'x'.repeat(201), 'Company can be at most 200 characters'],
    ];
    for (const [label, typed, expected] of cases) {
      const input = await enter(el, label, typed);
      expect(input.getAttribute('aria-invalid'), label).to.equal('true');
      expect(errorOf(el, input), `${label}: ${typed}`).to.equal(expected);
      expect(drawerRoot(el).textContent).not.to.match(/Invalid input|Too small|Too big|expected/);
    }
    const now = await backend.getLead(lead.id);
    expect([now.name, now.email, now.company, now.value]).to.deep.equal([lead.name, lead.email, lead.company, lead.value]);
  });

  it('is worded by the messages table a host translates', async () => {
    setMessages({ issueNotANumber: (field: string) => `${field} : saisissez un nombre` });
    const { store } = await loadedStore();
    const el = await openDrawer(store, store.cardsIn('new')[0]!);
    const input = await enter(el, 'Value', 'douze');
    expect(errorOf(el, input)).to.equal('Value : saisissez un nombre');
  });
});
