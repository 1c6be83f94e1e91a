import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../src/assign-picker/assign-picker.js';
import type { AssignPicker } from '../../src/assign-picker/assign-picker.js';
import { loadedStore } from './helpers/drawer-setup.js';
import { axAll } from './helpers/picker-a11y.js';

const combobox = (el: AssignPicker) => el.shadowRoot!.querySelector<HTMLInputElement>('[role="combobox"]')!;

/** The "nothing chosen yet" mode a dialog uses to wait for an explicit choice (value undefined + placeholder). */
describe('<assign-picker> with nothing chosen yet', () => {
  it('shows the placeholder, selects no option, and choosing "Unassigned" by keys fires change with null', async () => {
    const { store } = await loadedStore();
    const form = await fixture<HTMLFormElement>(
      html`<form><assign-picker name="owner" .store=${store} .value=${undefined} placeholder="Choose a person"></assign-picker></form>`,
    );
    const el = form.querySelector('assign-picker')!;
    await el.updateComplete;
    expect(combobox(el).value).to.equal('');
    expect(combobox(el).placeholder).to.equal('Choose a person');
    expect(new FormData(form).has('owner'), 'nothing submitted while nothing is chosen').to.equal(false);

    combobox(el).focus();
    await sendKeys({ press: 'ArrowDown' });
    await el.updateComplete;
    const selected = [...el.shadowRoot!.querySelectorAll('[role="option"][aria-selected="true"]')];
    expect(selected, 'no option is marked as chosen').to.have.length(0);
    const [box] = await axAll('combobox', 'Assignee');
    expect(box, 'still the combobox named "Assignee"').to.exist;

    // The first option is "Unassigned": Enter chooses it, and that is a change from "nothing chosen".
    const changed = oneEvent(el, 'change');
    await sendKeys({ press: 'Enter' });
    await changed;
    expect(el.value).to.equal(null);
    expect(combobox(el).value).to.equal('Unassigned');
    expect(new FormData(form).get('owner')).to.equal('');
  });
});
