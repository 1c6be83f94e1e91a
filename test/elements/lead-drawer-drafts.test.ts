/**
 * Nothing typed in the drawer is silently lost: a note or a field value (valid or not) left unsaved by Escape,
 * the close button or a backdrop click is the lead's draft, shown again when the lead is reopened, with a way
 * to discard it; drafts are per lead.
 */
import { expect, waitUntil } from '@open-wc/testing';
import { sendKeys, sendMouse } from '@web/test-runner-commands';
import type { LeadKanban } from '../../src/lead-kanban/lead-kanban.js';
import { OPENING_GRACE_MS } from '../../src/lead-drawer/lead-drawer-content.js';
import { drawerContentChunk } from '../../src/lead-drawer/lead-drawer.js';
import { cardButton, centre, drawer as drawerOf, mountBoard, rendered, settle, type BoardSetup } from './helpers/board-setup.js';
import { drawerRoot } from './helpers/drawer-setup.js';

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const inDrawer = <T extends Element = HTMLElement>(el: LeadKanban, selector: string) => drawerRoot(drawerOf(el)).querySelector<T>(selector);
const field = (el: LeadKanban, label: string) => {
  const root = drawerRoot(drawerOf(el));
  const l = [...root.querySelectorAll('label')].find((x) => x.textContent!.trim() === label)!;
  return root.getElementById(l.htmlFor) as HTMLInputElement;
};
const noteOf = (el: LeadKanban, input: HTMLInputElement | HTMLTextAreaElement) =>
  drawerRoot(drawerOf(el)).getElementById(input.getAttribute('aria-describedby') ?? '')?.textContent?.trim() ?? '';
const buttonNamed = (el: LeadKanban, name: string) =>
  [...drawerRoot(drawerOf(el)).querySelectorAll<HTMLButtonElement>('button')].find((b) => (b.getAttribute('aria-label') ?? b.textContent!.trim()) === name) ?? null;

async function open(setup: BoardSetup, leadId: string): Promise<void> {
  await sendMouse({ type: 'click', position: centre(cardButton(setup.el, leadId)) });
  await rendered(setup.el);
  await drawerOf(setup.el).updateComplete;
  await settle(setup.el);
  await drawerOf(setup.el).updateComplete;
}

async function closeWithEscape(setup: BoardSetup): Promise<void> {
  await sendKeys({ press: 'Escape' });
  await waitUntil(() => !drawerOf(setup.el).open, 'closed');
  await settle(setup.el);
}

describe('<lead-drawer> drafts', () => {
  before(() => drawerContentChunk.load());

  it('keeps a typed note through Escape, shows it on reopen, and discards it on request', async () => {
    const setup = await mountBoard();
    const lead = setup.store.cardsIn('new')[0]!;
    await open(setup, lead.id);
    inDrawer<HTMLTextAreaElement>(setup.el, '#note')!.focus();
    await sendKeys({ type: 'Call back Tuesday about pricing' });
    await closeWithEscape(setup);

    await open(setup, lead.id);
    const note = inDrawer<HTMLTextAreaElement>(setup.el, '#note')!;
    expect(note.value).to.equal('Call back Tuesday about pricing');
    expect(noteOf(setup.el, note)).to.equal('Not sent yet');
    expect((await setup.backend.listActivity(lead.id)).some((a) => a.type === 'note'), 'nothing sent').to.equal(false);

    buttonNamed(setup.el, 'Discard the note')!.click();
    await drawerOf(setup.el).updateComplete;
    expect(note.value).to.equal('');
    await closeWithEscape(setup);
    await open(setup, lead.id);
    expect(inDrawer<HTMLTextAreaElement>(setup.el, '#note')!.value).to.equal('');
  });

  it('keeps an invalid value through Escape: reopened it says "Not saved yet", Save shows why, Discard restores', async () => {
    const setup = await mountBoard();
    const lead = setup.store.cardsIn('contacted').find((l) => l.value !== undefined)!;
    await open(setup, lead.id);
    const value = field(setup.el, 'Value');
    value.focus();
    value.select();
    await sendKeys({ type: 'twelve thousand' });
    await closeWithEscape(setup);

    await open(setup, lead.id);
    const again = field(setup.el, 'Value');
    expect(again.value).to.equal('twelve thousand');
    expect(noteOf(setup.el, again)).to.equal('Not saved yet');
    buttonNamed(setup.el, 'Save Value')!.click();
    await settle(setup.el);
    await drawerOf(setup.el).updateComplete;
    expect(again.getAttribute('aria-invalid')).to.equal('true');
    expect(noteOf(setup.el, again)).to.equal('Enter a number for Value, like 12500');
    expect((await setup.backend.getLead(lead.id)).value).to.equal(lead.value);

    buttonNamed(setup.el, 'Discard the unsaved Value')!.click();
    await drawerOf(setup.el).updateComplete;
    expect(again.value).to.equal(String(lead.value));
    expect(again.hasAttribute('aria-invalid')).to.equal(false);
  });

  it('a backdrop click saves a valid value and keeps a refused one with its message', async () => {
    const setup = await mountBoard();
    const lead = setup.store.cardsIn('qualified')[0]!;
    await open(setup, lead.id);
    const company = field(setup.el, 'Company');
    company.focus();
    company.select();
    await sendKeys({ type: 'Umbrella Corp' });
    const email = field(setup.el, 'Email');
    email.focus();
    email.select();
    await sendKeys({ type: 'not an address' });
    await pause(OPENING_GRACE_MS);
    // The backdrop, left of the panel: leaving the box commits it, then the drawer closes.
    await sendMouse({ type: 'click', position: [40, 300] });
    await waitUntil(() => !drawerOf(setup.el).open, 'closed');
    await settle(setup.el);
    expect((await setup.backend.getLead(lead.id)).company).to.equal('Umbrella Corp');
    expect((await setup.backend.getLead(lead.id)).email).to.equal(lead.email);

    await open(setup, lead.id);
    const kept = field(setup.el, 'Email');
    expect(kept.value).to.equal('not an address');
    expect(noteOf(setup.el, kept)).to.equal('Enter an email address like name@example.com');
    expect(field(setup.el, 'Company').value).to.equal('Umbrella Corp');
  });

  it('keeps drafts per lead: another lead opened in between shows its own', async () => {
    const setup = await mountBoard();
    const [first, second] = setup.store.cardsIn('new');
    await open(setup, first!.id);
    const name = field(setup.el, 'Name');
    name.focus();
    name.select();
    await sendKeys({ type: 'Draft Name' });
    await closeWithEscape(setup);
    await open(setup, second!.id);
    expect(field(setup.el, 'Name').value).to.equal(second!.name);
    await closeWithEscape(setup);
    await open(setup, first!.id);
    expect(field(setup.el, 'Name').value).to.equal('Draft Name');
    expect(setup.store.lead(first!.id)!.name, 'not saved').to.equal(first!.name);
  });
});
