import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import type { Lead, LeadStore } from '../../sdk/index.js';
import '../../src/lead-drawer/lead-drawer.js';
import type { LeadDrawer } from '../../src/lead-drawer/lead-drawer.js';
import type { AssignPicker } from '../../src/assign-picker/assign-picker.js';
import type { LeadAssignEvent, LeadRequestAssignEvent, LeadRequestCloseEvent, LeadUpdateEvent } from '../../src/events/index.js';
import { choosePerson, deepActive, flushTasks as settle } from './helpers/common.js';
import { drawerRoot, failingStore, loadedStore } from './helpers/drawer-setup.js';
import { axAll } from './helpers/picker-a11y.js';

const $ = <T extends Element = HTMLElement>(el: LeadDrawer, selector: string) => drawerRoot(el).querySelector<T>(selector);
const pickerOf = (el: LeadDrawer) => $<AssignPicker>(el, 'assign-picker')!;
const activityTexts = (el: LeadDrawer) =>
  [...drawerRoot(el).querySelectorAll('ol li')].map((li) => li.textContent!.replace(/\s+/g, ' ').trim());
const field = (el: LeadDrawer, label: string) => {
  const l = [...drawerRoot(el).querySelectorAll('label')].find((x) => x.textContent!.trim() === label)!;
  return drawerRoot(el).getElementById(l.htmlFor) as HTMLInputElement & HTMLSelectElement;
};

function firstLead(store: LeadStore, test: (l: Lead) => boolean): Lead {
  for (const column of store.columns) {
    const found = store.cardsIn(column.key).find(test);
    if (found) return found;
  }
  throw new Error('no lead matches');
}

async function openDrawer(store: LeadStore, leadId: string): Promise<LeadDrawer> {
  const el = await fixture<LeadDrawer>(html`<lead-drawer .store=${store} lead-id=${leadId} open></lead-drawer>`);
  await el.updateComplete;
  await settle();
  await el.updateComplete;
  return el;
}

/** Opens the drawer's picker with the mouse and clicks the option with this name. */
const choose = (el: LeadDrawer, name: string) => choosePerson(pickerOf(el), name, true);

async function assignVia(el: LeadDrawer, name: string): Promise<LeadAssignEvent> {
  const done = oneEvent(el, 'lead-assign');
  await choose(el, name);
  const event = await done;
  await settle();
  await el.updateComplete;
  return event;
}

describe('<lead-drawer>', () => {
  it('is a modal dialog named by the lead, with a Close button, an Assignee combobox and an Activity list', async () => {
    const { store } = await loadedStore();
    const lead = firstLead(store, () => true);
    const el = await openDrawer(store, lead.id);
    const [dialog] = await axAll('dialog', lead.name);
    expect(dialog, 'dialog named by the lead').to.exist;
    expect(dialog!.modal).to.be.true;
    expect(await axAll('button', 'Close')).to.have.length(1);
    expect(await axAll('combobox', 'Assignee')).to.have.length(1);
    // The snapshot leaves out non-interactive lists, so the list's name is read from the DOM.
    const list = $(el, 'ol')!;
    const labels = list.getAttribute('aria-labelledby')!.split(' ').map((id) => drawerRoot(el).getElementById(id)!);
    expect(labels.map((l) => l.textContent!.trim()).join(' ')).to.equal('Activity');
    expect(labels.every((l) => getComputedStyle(l).textTransform === 'none')).to.be.true;
    expect(field(el, 'Company').value).to.equal(lead.company ?? '');
    expect(field(el, 'Status').value).to.equal(lead.status);
    expect(activityTexts(el).some((t) => t.includes('created the lead'))).to.be.true;
  });

  it('is accessible when open, and with the picker open', async () => {
    const { store } = await loadedStore();
    const el = await openDrawer(store, firstLead(store, (l) => l.assigneeId !== null).id);
    await expect(el).to.be.accessible();
    pickerOf(el).shadowRoot!.querySelector<HTMLInputElement>('[role="combobox"]')!.click();
    await pickerOf(el).updateComplete;
    await expect(el).to.be.accessible();
  });

  it('is accessible with the picker open on a list taller than its popup (the listbox scrolls, keyboard-reachable)', async () => {
    const { store } = await loadedStore();
    const el = await openDrawer(store, firstLead(store, (l) => l.assigneeId !== null).id);
    el.style.setProperty('--lead-picker-max-height', '120px');
    const picker = pickerOf(el);
    const combobox = picker.shadowRoot!.querySelector<HTMLInputElement>('[role="combobox"]')!;
    combobox.focus();
    await sendKeys({ press: 'ArrowDown' });
    await picker.updateComplete;
    expect(combobox.getAttribute('aria-expanded')).to.equal('true');
    const listbox = picker.shadowRoot!.querySelector<HTMLElement>('[role="listbox"]')!;
    const popup = listbox.closest<HTMLElement>('[popover]')!;
    const options = listbox.querySelectorAll('[role="option"]');
    expect(options[options.length - 1]!.getBoundingClientRect().top, 'the list is taller than the popup').to.be.greaterThan(
      popup.getBoundingClientRect().bottom,
    );
    // axe's scrollable-region-focusable: the scroller is the listbox the focused combobox controls.
    await expect(el).to.be.accessible();
    await sendKeys({ press: 'End' });
    await picker.updateComplete;
    const active = picker.shadowRoot!.getElementById(combobox.getAttribute('aria-activedescendant')!)!;
    const box = active.getBoundingClientRect();
    expect(box.bottom, 'End scrolls the last option into view').to.be.at.most(popup.getBoundingClientRect().bottom + 1);
  });

  it('assigns at once through the picker: store, backend and history (actor and assignee) agree', async () => {
    const { store, backend } = await loadedStore();
    const lead = firstLead(store, (l) => l.assigneeId === null);
    const el = await openDrawer(store, lead.id);
    const member = store.assignableMembers[1]!;
    const requests: LeadRequestAssignEvent[] = [];
    el.addEventListener('lead-request-assign', (e) => requests.push(e));

    const event = await assignVia(el, member.name);
    expect(requests).to.have.length(1);
    expect(event.detail).to.include({ assigneeId: member.id, source: 'manual' });
    expect(event.detail.outcome.ok).to.deep.equal([lead.id]);
    expect(store.lead(lead.id)!.assigneeId).to.equal(member.id);
    expect((await backend.getLead(lead.id)).assigneeId).to.equal(member.id);
    expect(pickerOf(el).value).to.equal(member.id);
    const me = store.me!.name;
    expect(activityTexts(el)[0]).to.contain(`${me} assigned to ${member.name}`);
    expect(drawerRoot(el).querySelector('ol li time')!.getAttribute('datetime')).to.match(/^\d{4}-\d\d-\d\dT/);
    expect($(el, '.assign-status')!.textContent).to.contain('Saved');
  });

  it('reassigns showing from → to and keeps the earlier entry; Unassigned removes the assignee', async () => {
    const { store, backend } = await loadedStore();
    const lead = firstLead(store, (l) => l.assigneeId === null);
    const el = await openDrawer(store, lead.id);
    const [first, second] = [store.assignableMembers[0]!, store.assignableMembers[2]!];
    const me = store.me!.name;

    await assignVia(el, first.name);
    await assignVia(el, second.name);
    let texts = activityTexts(el);
    expect(texts[0]).to.contain(`${me} reassigned from ${first.name} to ${second.name}`);
    expect(texts.some((t) => t.includes(`${me} assigned to ${first.name}`))).to.be.true;

    await assignVia(el, 'Unassigned');
    expect(store.lead(lead.id)!.assigneeId).to.equal(null);
    expect((await backend.getLead(lead.id)).assigneeId).to.equal(null);
    texts = activityTexts(el);
    expect(texts[0]).to.contain(`${me} unassigned ${second.name}`);
    expect(texts.filter((t) => /assigned|unassigned/.test(t))).to.have.length(3);
    expect((await backend.listActivity(lead.id)).filter((a) => a.type !== 'created')).to.have.length(3);
  });

  it('a failed assignment rolls back and says why', async () => {
    const { store, backend } = await failingStore();
    const lead = firstLead(store, (l) => l.assigneeId !== null);
    const before = lead.assigneeId;
    const el = await openDrawer(store, lead.id);
    const other = store.assignableMembers.find((m) => m.id !== before)!;

    const event = await assignVia(el, other.name);
    expect(event.detail.outcome.error?.code).to.equal('network');
    expect(store.lead(lead.id)!.assigneeId).to.equal(before);
    expect((await backend.getLead(lead.id)).assigneeId).to.equal(before);
    expect(pickerOf(el).value).to.equal(before);
    expect($(el, '.assign-status')!.textContent).to.contain('Could not assign: Simulated network failure');
    expect(activityTexts(el).some((t) => t.includes(other.name))).to.be.false;
  });

  it('cancelling lead-request-assign keeps the assignee and sends nothing', async () => {
    const { store, backend } = await loadedStore();
    const lead = firstLead(store, (l) => l.assigneeId === null);
    const el = await openDrawer(store, lead.id);
    el.addEventListener('lead-request-assign', (e) => e.preventDefault());
    await choose(el, store.assignableMembers[0]!.name);
    await settle();
    await el.updateComplete;
    expect(pickerOf(el).value).to.equal(null);
    expect((await backend.getLead(lead.id)).assigneeId).to.equal(null);
  });

  it('saves an edited field to the backend and logs it', async () => {
    const { store, backend } = await loadedStore();
    const lead = firstLead(store, (l) => Boolean(l.company));
    const el = await openDrawer(store, lead.id);
    const updated = oneEvent(el, 'lead-update');
    const company = field(el, 'Company');
    company.focus();
    company.select();
    await sendKeys({ type: 'Globex Corporation' });
    await sendKeys({ press: 'Enter' }); // Enter commits a text field (change)
    const event = (await updated) as unknown as LeadUpdateEvent;
    expect(event.patch).to.deep.equal({ company: 'Globex Corporation' });
    await settle();
    expect((await backend.getLead(lead.id)).company).to.equal('Globex Corporation');
    expect(store.lead(lead.id)!.company).to.equal('Globex Corporation');
    await el.updateComplete;
    expect(activityTexts(el)[0]).to.contain(`changed Company from ${lead.company} to Globex Corporation`);
  });

  it('shows an invalid email at the field and leaves the backend unchanged', async () => {
    const { store, backend } = await loadedStore();
    const lead = firstLead(store, (l) => Boolean(l.email));
    const el = await openDrawer(store, lead.id);
    const email = field(el, 'Email');
    email.value = 'not-an-email';
    email.dispatchEvent(new Event('input'));
    email.dispatchEvent(new Event('change'));
    await settle();
    await el.updateComplete;

    expect(email.getAttribute('aria-invalid')).to.equal('true');
    const error = drawerRoot(el).getElementById(email.getAttribute('aria-describedby')!)!;
    expect(error.textContent!.toLowerCase()).to.contain('email');
    expect(email.value, 'the typed text stays to be fixed').to.equal('not-an-email');
    expect((await backend.getLead(lead.id)).email).to.equal(lead.email);
    expect(store.lead(lead.id)!.email).to.equal(lead.email);

    // Fixing it clears the error and saves.
    email.value = 'fixed@example.com';
    email.dispatchEvent(new Event('input'));
    email.dispatchEvent(new Event('change'));
    await settle();
    await el.updateComplete;
    expect(email.hasAttribute('aria-invalid')).to.be.false;
    expect((await backend.getLead(lead.id)).email).to.equal('fixed@example.com');
  });

  it('changes status through the Status select (a move) and names the columns in the history', async () => {
    const { store, backend } = await loadedStore();
    const lead = firstLead(store, (l) => l.status === 'new');
    const el = await openDrawer(store, lead.id);
    const status = field(el, 'Status');
    status.value = 'qualified';
    status.dispatchEvent(new Event('change'));
    await settle();
    await el.updateComplete;
    expect((await backend.getLead(lead.id)).status).to.equal('qualified');
    expect(activityTexts(el)[0]).to.contain('moved from New to Qualified');
  });

  it('adds a note that appears in Activity', async () => {
    const { store, backend } = await loadedStore();
    const lead = firstLead(store, () => true);
    const el = await openDrawer(store, lead.id);
    const note = $<HTMLTextAreaElement>(el, 'textarea')!;
    note.focus();
    await sendKeys({ type: 'Called, wants a demo on Friday' });
    await el.updateComplete;
    $<HTMLButtonElement>(el, 'form button[type="submit"]')!.click();
    await settle();
    await el.updateComplete;
    const [latest] = activityTexts(el);
    expect(latest).to.contain(`${store.me!.name} added a note`);
    expect(latest).to.contain('Called, wants a demo on Friday');
    expect(note.value).to.equal('');
    const stored = await backend.listActivity(lead.id);
    expect(stored.at(-1)).to.include({ type: 'note', text: 'Called, wants a demo on Friday' });
  });

  it('Escape fires lead-request-close and closes; preventDefault keeps it open', async () => {
    const { store } = await loadedStore();
    const el = await openDrawer(store, firstLead(store, () => true).id);
    const stop = (e: Event) => e.preventDefault();
    el.addEventListener('lead-request-close', stop);
    let requested = oneEvent(el, 'lead-request-close');
    await sendKeys({ press: 'Escape' });
    expect(((await requested) as unknown as LeadRequestCloseEvent).source).to.equal('escape');
    await el.updateComplete;
    expect(el.open).to.be.true;
    // A second Escape is not swallowed by the browser's own dialog handling.
    requested = oneEvent(el, 'lead-request-close');
    await sendKeys({ press: 'Escape' });
    await requested;
    expect(el.open).to.be.true;

    el.removeEventListener('lead-request-close', stop);
    requested = oneEvent(el, 'lead-request-close');
    await sendKeys({ press: 'Escape' });
    await requested;
    await el.updateComplete;
    expect(el.open).to.be.false;
    expect(el.hasAttribute('open')).to.be.false;
  });

  it('Escape with the picker open closes only the picker', async () => {
    const { store } = await loadedStore();
    const el = await openDrawer(store, firstLead(store, () => true).id);
    let requests = 0;
    el.addEventListener('lead-request-close', () => requests++);
    pickerOf(el).focus();
    await sendKeys({ press: 'ArrowDown' });
    await pickerOf(el).updateComplete;
    await sendKeys({ press: 'Escape' });
    await el.updateComplete;
    expect(requests).to.equal(0);
    expect(el.open).to.be.true;
    await sendKeys({ press: 'Escape' });
    await el.updateComplete;
    expect(requests).to.equal(1);
    expect(el.open).to.be.false;
  });

  it('moves focus in on open, traps Tab, and returns focus to the opener on close', async () => {
    const { store } = await loadedStore();
    const lead = firstLead(store, () => true);
    const host = await fixture<HTMLDivElement>(
      html`<div><button id="opener">Open</button><lead-drawer .store=${store} lead-id=${lead.id}></lead-drawer></div>`,
    );
    const el = host.querySelector('lead-drawer')!;
    const opener = host.querySelector<HTMLButtonElement>('#opener')!;
    opener.focus();
    el.show();
    await el.updateComplete;
    await settle();
    expect(deepActive()!.getAttribute('aria-label')).to.equal('Close');

    // Shift+Tab from the first stop wraps to the last; Tab from the last wraps to the first.
    await sendKeys({ down: 'Shift' });
    await sendKeys({ press: 'Tab' });
    await sendKeys({ up: 'Shift' });
    const last = deepActive();
    expect(drawerRoot(el).contains(last) || pickerOf(el).shadowRoot!.contains(last)).to.be.true;
    await sendKeys({ press: 'Tab' });
    expect(deepActive()!.getAttribute('aria-label')).to.equal('Close');

    // Many Tabs never leave the drawer.
    for (let i = 0; i < 14; i++) {
      await sendKeys({ press: 'Tab' });
      const active = deepActive();
      expect(drawerRoot(el).contains(active) || pickerOf(el).shadowRoot!.contains(active), `tab ${i}`).to.be.true;
    }

    $<HTMLButtonElement>(el, '.close')!.click();
    await el.updateComplete;
    expect(el.open).to.be.false;
    expect(document.activeElement).to.equal(opener);
  });

  it('says when the lead is not available, also when it leaves the viewer’s sight remotely', async () => {
    const { store } = await loadedStore();
    const missing = await openDrawer(store, 'no-such-lead');
    expect(drawerRoot(missing).querySelector('h2')!.textContent).to.contain('This lead is not available.');

    // A plain member looks at an unassigned lead; an admin elsewhere gives it to someone else.
    const member = store.assignableMembers.find((m) => m.role === 'member')!;
    const { store: memberStore, backend } = await loadedStore(member.id);
    const lead = firstLead(memberStore, (l) => l.assigneeId === null);
    const el = await openDrawer(memberStore, lead.id);
    const other = memberStore.assignableMembers.find((m) => m.id !== member.id && m.role === 'member')!;
    await backend.session('m1').assign([lead.id], other.id);
    await settle(6);
    await el.updateComplete;
    expect(drawerRoot(el).querySelector('h2')!.textContent).to.contain('This lead is not available.');
  });

  it('warns a member before handing a lead away, and sends nothing until confirmed', async () => {
    const { store: adminStore } = await loadedStore();
    const member = adminStore.assignableMembers.find((m) => m.role === 'member')!;
    const { store, backend } = await loadedStore(member.id);
    const lead = firstLead(store, (l) => l.assigneeId === null);
    const other = store.assignableMembers.find((m) => m.id !== member.id)!;
    const el = await openDrawer(store, lead.id);

    await choose(el, other.name);
    await el.updateComplete;
    const confirm = $(el, '.confirm')!;
    expect(confirm.textContent).to.contain('You will no longer see this lead');
    expect((await backend.getLead(lead.id)).assigneeId).to.equal(null);

    // Cancel: nothing changes.
    [...confirm.querySelectorAll('button')].find((b) => b.textContent!.trim() === 'Cancel')!.click();
    await el.updateComplete;
    expect($(el, '.confirm')).to.equal(null);
    expect(pickerOf(el).value).to.equal(null);

    // Confirm: the lead goes to the other member and leaves this member's view.
    await choose(el, other.name);
    await el.updateComplete;
    const done = oneEvent(el, 'lead-assign');
    $<HTMLButtonElement>(el, '.confirm .primary')!.click();
    await done;
    await settle(6);
    await el.updateComplete;
    expect(drawerRoot(el).querySelector('h2')!.textContent).to.contain(`Handed over to ${other.name}`);
    expect((await backend.session('m1').getLead(lead.id)).assigneeId).to.equal(other.id);
  });

  it('keeps a member’s own assignment without a warning', async () => {
    const { store: adminStore } = await loadedStore();
    const member = adminStore.assignableMembers.find((m) => m.role === 'member')!;
    const { store, backend } = await loadedStore(member.id);
    const lead = firstLead(store, (l) => l.assigneeId === null);
    const el = await openDrawer(store, lead.id);
    await assignVia(el, member.name);
    expect($(el, '.confirm')).to.equal(null);
    expect((await backend.getLead(lead.id)).assigneeId).to.equal(member.id);
  });
});
