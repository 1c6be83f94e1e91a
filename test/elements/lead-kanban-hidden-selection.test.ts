/**
 * Selected leads the current filter hides are still reached by a bulk action: the bulk bar and the "Assign
 * leads" dialog say how many ("38 selected — 38 hidden by the current filter") and offer to take them out.
 */
import { expect, waitUntil } from '@open-wc/testing';
import { sendMouse } from '@web/test-runner-commands';
import { liveRegion } from '../../src/controllers/announcer.js';
import type { LeadKanban } from '../../src/lead-kanban/lead-kanban.js';
import { assignDialog, button, centre, confirmButton, mountBoard, rendered, root, settle } from './helpers/board-setup.js';
import { axAll } from './helpers/picker-a11y.js';

const selectedText = (el: LeadKanban) => root(el).querySelector('.selected-count')?.textContent?.replace(/\s+/g, ' ').trim() ?? '';
const dialogText = (el: LeadKanban) => assignDialog(el)!.querySelector('#assign-dialog-desc')!.textContent!.replace(/\s+/g, ' ').trim();

describe('<lead-kanban> selected leads hidden by the filter', () => {
  it('says so in the bulk bar and the dialog; "Clear hidden" takes them out of the selection', async () => {
    const setup = await mountBoard({ leads: 80 });
    const { el, store } = setup;
    store.setFilter({ assignee: 'unassigned' });
    await settle(el);
    await sendMouse({ type: 'click', position: centre(button(el, 'Select all matching')) });
    await rendered(el);
    const picked = store.selectedCount;
    expect(picked).to.be.greaterThan(5);
    expect(selectedText(el)).to.equal(`${picked} selected`);

    // Another filter: every selected lead is unassigned, none is shown now.
    const alice = setup.members.find((m) => m.role === 'member' && m.active)!;
    store.setFilter({ assignee: alice.id });
    await settle(el);
    expect(selectedText(el)).to.equal(`${picked} selected — ${picked} hidden by the current filter`);
    expect(liveRegion().textContent).to.equal(`${picked} selected leads are hidden by the current filter`);
    expect(await axAll('button', 'Clear hidden leads from the selection')).to.have.length(1);

    await sendMouse({ type: 'click', position: centre(button(el, 'Assign')) });
    await rendered(el);
    await waitUntil(() => assignDialog(el)?.open, 'dialog open');
    expect(dialogText(el)).to.contain(`${picked} selected — ${picked} hidden by the current filter`);
    expect(confirmButton(el).textContent!.trim()).to.equal(`Assign ${picked} leads`);
    const clear = assignDialog(el)!.querySelector<HTMLButtonElement>('.clear-hidden')!;
    expect(clear.getAttribute('aria-label')).to.equal('Clear hidden leads from the selection');
    await sendMouse({ type: 'click', position: centre(clear) });
    await rendered(el);
    await root(el).querySelector('lead-kanban-assign-dialog')!.updateComplete;
    expect(store.selectedCount).to.equal(0);
    expect(confirmButton(el).textContent!.trim()).to.equal('Assign 0 leads');
    expect(confirmButton(el).disabled).to.equal(true);
    expect(assignDialog(el)!.querySelector('.clear-hidden'), 'nothing hidden left').to.equal(null);
  });

  it('keeps the shown leads selected when only some are hidden', async () => {
    const setup = await mountBoard({ leads: 80 });
    const { el, store } = setup;
    await sendMouse({ type: 'click', position: centre(button(el, 'Select all matching')) });
    await rendered(el);
    const all = store.selectedIds();
    store.setFilter({ status: ['new'] });
    await settle(el);
    const shown = all.filter((id) => store.lead(id)!.status === 'new');
    const hidden = all.length - shown.length;
    expect(selectedText(el)).to.equal(`${all.length} selected — ${hidden} hidden by the current filter`);
    await sendMouse({ type: 'click', position: centre(button(el, 'Clear hidden leads from the selection')) });
    await rendered(el);
    expect([...store.selectedIds()].sort()).to.deep.equal([...shown].sort());
    expect(selectedText(el)).to.equal(`${shown.length} selected`);
  });
});
