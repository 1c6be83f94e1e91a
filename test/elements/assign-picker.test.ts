import { aTimeout, expect, fixture, html, oneEvent } from '@open-wc/testing';
import { sendKeys, sendMouse } from '@web/test-runner-commands';
import type { LeadStore } from '../../sdk/index.js';
import '../../src/assign-picker/assign-picker.js';
import type { AssignPicker } from '../../src/assign-picker/assign-picker.js';
import { loadedStore } from './helpers/drawer-setup.js';
import { axAll, nameFromContent } from './helpers/picker-a11y.js';

const combobox = (el: AssignPicker) => el.shadowRoot!.querySelector<HTMLInputElement>('[role="combobox"]')!;
const options = (el: AssignPicker) => [...el.shadowRoot!.querySelectorAll<HTMLElement>('[role="option"]')];
const optionNamed = (el: AssignPicker, name: string) => options(el).find((o) => nameFromContent(o) === name);

async function picker(store: LeadStore, value: string | null = null): Promise<AssignPicker> {
  return fixture<AssignPicker>(html`<assign-picker .store=${store} .value=${value}></assign-picker>`);
}

async function open(el: AssignPicker): Promise<void> {
  combobox(el).click();
  await el.updateComplete;
}

describe('<assign-picker>', () => {
  it('is a combobox named "Assignee" showing the current assignee, or "Unassigned"', async () => {
    const { store } = await loadedStore();
    const dana = store.assignableMembers[0]!;
    const el = await picker(store, dana.id);
    const [node] = await axAll('combobox', 'Assignee');
    expect(node, 'combobox named Assignee').to.exist;
    expect(node!.value).to.equal(dana.name);
    expect(combobox(el).getAttribute('aria-expanded')).to.equal('false');

    el.value = null;
    await el.updateComplete;
    expect(combobox(el).value).to.equal('Unassigned');
  });

  it('offers "Unassigned" first, then only active members by name, each with their open-lead count', async () => {
    const { store } = await loadedStore();
    const el = await picker(store);
    await open(el);
    expect(combobox(el).getAttribute('aria-expanded')).to.equal('true');

    const [listbox] = await axAll('listbox', 'Assignee');
    expect(listbox, 'listbox named Assignee').to.exist;
    const names = options(el).map(nameFromContent);
    const active = store.members.filter((m) => m.active).map((m) => m.name).sort((a, b) => a.localeCompare(b));
    expect(names).to.deep.equal(['Unassigned', ...active]);
    const inactive = store.members.find((m) => !m.active)!;
    expect(names).not.to.include(inactive.name);

    expect(store.assignableMembers.length, 'active members').to.be.greaterThan(2);
    for (const member of store.assignableMembers) {
      const option = optionNamed(el, member.name)!;
      expect(option.textContent).to.contain(`${member.openLeads} open`);
      const described = el.shadowRoot!.getElementById(option.getAttribute('aria-describedby')!)!;
      expect(described.textContent!.trim()).to.equal(`${member.openLeads} open`);
    }
  });

  it('is accessible with the popup open', async () => {
    const { store } = await loadedStore();
    const el = await picker(store, store.assignableMembers[1]!.id);
    await open(el);
    await expect(el).to.be.accessible();
  });

  it('chooses with ArrowDown and Enter, firing change with the member id (and does not write to the store)', async () => {
    const { store } = await loadedStore();
    const el = await picker(store);
    const before = store.members.map((m) => m.openLeads);
    combobox(el).focus();
    await sendKeys({ press: 'ArrowDown' }); // opens on the current choice (Unassigned)
    await el.updateComplete;
    expect(combobox(el).getAttribute('aria-expanded')).to.equal('true');
    await sendKeys({ press: 'ArrowDown' }); // first member
    await el.updateComplete;
    const first = store.assignableMembers[0]!;
    const activeId = combobox(el).getAttribute('aria-activedescendant')!;
    expect(el.shadowRoot!.getElementById(activeId)!.querySelector('.name')!.textContent).to.equal(first.name);

    const changed = oneEvent(el, 'change');
    await sendKeys({ press: 'Enter' });
    const event = await changed;
    expect(event.bubbles && event.composed).to.be.true;
    expect(el.value).to.equal(first.id);
    expect(combobox(el).getAttribute('aria-expanded')).to.equal('false');
    expect(combobox(el).value).to.equal(first.name);
    expect(store.members.map((m) => m.openLeads)).to.deep.equal(before);
  });

  it('Home/End jump to the ends, Space selects, and typing filters to a matching name', async () => {
    const { store } = await loadedStore();
    const el = await picker(store);
    const members = store.assignableMembers;
    combobox(el).focus();
    await sendKeys({ press: 'ArrowDown' });
    await sendKeys({ press: 'End' });
    await el.updateComplete;
    let active = el.shadowRoot!.getElementById(combobox(el).getAttribute('aria-activedescendant')!)!;
    expect(active.querySelector('.name')!.textContent).to.equal(members.at(-1)!.name);
    await sendKeys({ press: 'Home' });
    await el.updateComplete;
    active = el.shadowRoot!.getElementById(combobox(el).getAttribute('aria-activedescendant')!)!;
    expect(active.querySelector('.name')!.textContent).to.equal('Unassigned');
    await sendKeys({ press: 'End' });
    const changed = oneEvent(el, 'change');
    await sendKeys({ press: 'Space' });
    await changed;
    expect(el.value).to.equal(members.at(-1)!.id);

    // Type-ahead: the first letters of someone's name make them the active option.
    const target = members[1]!;
    combobox(el).focus();
    await sendKeys({ type: target.name.slice(0, 4) });
    await el.updateComplete;
    expect(combobox(el).getAttribute('aria-expanded')).to.equal('true');
    const names = options(el).map((o) => o.querySelector('.name')!.textContent);
    expect(names).to.include(target.name);
    expect(names.length).to.be.lessThan(members.length + 1);
    const picked = oneEvent(el, 'change');
    await sendKeys({ press: 'Enter' });
    await picked;
    expect(el.value).to.equal(target.id);
  });

  it('chooses "Unassigned" by click, giving null', async () => {
    const { store } = await loadedStore();
    const el = await picker(store, store.assignableMembers[0]!.id);
    await open(el);
    const changed = oneEvent(el, 'change');
    optionNamed(el, 'Unassigned')!.click();
    await changed;
    expect(el.value).to.equal(null);
  });

  it('Escape closes only the popup (the event does not reach a surrounding dialog); Tab closes it too', async () => {
    const { store } = await loadedStore();
    const wrapper = await fixture<HTMLDivElement>(html`<div><assign-picker .store=${store}></assign-picker><button>after</button></div>`);
    const el = wrapper.querySelector('assign-picker')!;
    let escapesSeen = 0;
    wrapper.addEventListener('keydown', (e) => {
      if (e.key === 'Escape') escapesSeen++;
    });
    let changes = 0;
    el.addEventListener('change', () => changes++);
    combobox(el).focus();
    await sendKeys({ press: 'ArrowDown' });
    await sendKeys({ press: 'ArrowDown' });
    await sendKeys({ press: 'Escape' });
    await el.updateComplete;
    expect(combobox(el).getAttribute('aria-expanded')).to.equal('false');
    expect(escapesSeen).to.equal(0);
    expect(changes).to.equal(0);
    expect(el.value).to.equal(null);

    // With the popup closed, Escape is the host's (a drawer closes).
    await sendKeys({ press: 'Escape' });
    expect(escapesSeen).to.equal(1);

    await sendKeys({ press: 'ArrowDown' });
    await el.updateComplete;
    expect(combobox(el).getAttribute('aria-expanded')).to.equal('true');
    await sendKeys({ press: 'Tab' });
    await el.updateComplete;
    expect(combobox(el).getAttribute('aria-expanded')).to.equal('false');
    expect(document.activeElement!.textContent).to.equal('after');
  });

  it('closes on a click outside', async () => {
    const { store } = await loadedStore();
    const wrapper = await fixture<HTMLDivElement>(
      html`<div style="padding: 0 0 400px"><assign-picker .store=${store}></assign-picker><p style="margin-top: 380px">outside</p></div>`,
    );
    const el = wrapper.querySelector('assign-picker')!;
    await open(el);
    expect(combobox(el).getAttribute('aria-expanded')).to.equal('true');
    const outside = wrapper.querySelector('p')!.getBoundingClientRect();
    await sendMouse({ type: 'click', position: [Math.round(outside.left + 5), Math.round(outside.top + 5)] });
    await el.updateComplete;
    expect(combobox(el).getAttribute('aria-expanded')).to.equal('false');
  });

  it('takes part in forms: value, empty string for nobody, reset, disabled', async () => {
    const { store } = await loadedStore();
    const member = store.assignableMembers[2]!;
    const form = await fixture<HTMLFormElement>(
      html`<form><fieldset><assign-picker name="owner" value=${member.id} .store=${store}></assign-picker></fieldset></form>`,
    );
    const el = form.querySelector('assign-picker')!;
    await el.updateComplete;
    expect(el.value).to.equal(member.id);
    expect(new FormData(form).get('owner')).to.equal(member.id);

    await open(el);
    const changed = oneEvent(el, 'change');
    optionNamed(el, 'Unassigned')!.click();
    await changed;
    expect(new FormData(form).get('owner')).to.equal('');

    form.reset();
    await el.updateComplete;
    expect(el.value).to.equal(member.id);
    expect(combobox(el).value).to.equal(member.name);

    form.querySelector('fieldset')!.disabled = true;
    await aTimeout(0);
    await el.updateComplete;
    expect(combobox(el).disabled).to.be.true;
    expect(new FormData(form).has('owner')).to.be.false;
  });

  it('reads value="" as nobody and shows a visible label when asked', async () => {
    const { store } = await loadedStore();
    const el = await fixture<AssignPicker>(html`<assign-picker value="" label="Owner" .store=${store}></assign-picker>`);
    expect(el.value).to.equal(null);
    const [node] = await axAll('combobox', 'Owner');
    expect(node).to.exist;
    expect(el.shadowRoot!.querySelector('label')!.classList.contains('visually-hidden')).to.be.false;
  });
});
