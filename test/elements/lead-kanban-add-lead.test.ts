/**
 * "Add lead": the toolbar button and each column's "+" open the dialog; refusals are shown at the field in the
 * board's own words; a created lead is at the top of its column on this board and, pushed, on another open
 * board, with its `created` history entry in the backend. Who sees the button is the store's to say.
 */
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { AdapterError, type LeadAdapter } from '../../sdk/index.js';
import { MemoryAdapter } from '../../sdk/memory.js';
import type { AssignPicker } from '../../src/assign-picker/assign-picker.js';
import type { LeadKanban } from '../../src/lead-kanban/lead-kanban.js';
import { button, cardElements, cardNames, mountBoard, region, rendered, root, toastTexts } from './helpers/board-setup.js';
import { choosePerson, deepActive } from './helpers/common.js';
import { dialogButton, errorOf, labelled, openIntake, type, untilClosed } from './helpers/intake-setup.js';
import { axAll } from './helpers/picker-a11y.js';

const toolbarButtons = (el: LeadKanban) =>
  [...root(el).querySelectorAll<HTMLButtonElement>('.toolbar button')].map((b) => b.getAttribute('aria-label') ?? b.textContent!.trim());

describe('<lead-kanban> Add lead', () => {
  it('opens from the toolbar as a dialog named "Add lead" with a Name textbox and a Create lead button', async () => {
    const setup = await mountBoard();
    expect(await axAll('button', 'Add lead')).to.have.length(1);
    for (const label of ['New', 'Contacted', 'Won']) expect(await axAll('button', `Add lead to ${label}`)).to.have.length(1);
    const dialog = await openIntake(setup.el, 'Add lead');
    expect(await axAll('dialog', 'Add lead')).to.have.length(1);
    expect(await axAll('textbox', 'Name')).to.have.length(1);
    expect(await axAll('button', 'Create lead')).to.have.length(1);
    expect(await axAll('combobox', 'Assignee')).to.have.length(1);
    expect(deepActive(), 'focus starts in Name').to.equal(labelled(dialog, 'Name'));
    expect(labelled<HTMLSelectElement>(dialog, 'Status').value, 'the first column by default').to.equal('new');
  });

  it('shows what is wrong at each field, in the board’s words, and creates nothing', async () => {
    const setup = await mountBoard();
    const before = (await setup.backend.listLeads()).length;
    const dialog = await openIntake(setup.el, 'Add lead');
    await type(labelled(dialog, 'Name'), '   ');
    await type(labelled(dialog, 'Email'), 'dana@');
    await type(labelled(dialog, 'Value'), '-20');
    dialogButton(dialog, 'Create lead').click();
    await rendered(setup.el);
    await waitUntil(() => errorOf(labelled(dialog, 'Name')) !== null, 'errors shown');
    expect(errorOf(labelled(dialog, 'Name'))).to.equal('Name is required');
    expect(errorOf(labelled(dialog, 'Email'))).to.equal('Enter an email address like name@example.com');
    expect(errorOf(labelled(dialog, 'Value'))).to.equal('Value cannot be below 0');
    expect(labelled(dialog, 'Name').getAttribute('aria-invalid')).to.equal('true');
    expect(labelled(dialog, 'Company').hasAttribute('aria-invalid')).to.equal(false);
    expect(deepActive(), 'focus on the first field to fix').to.equal(labelled(dialog, 'Name'));
    expect(dialog.open).to.equal(true);
    await type(labelled(dialog, 'Value'), 'lots');
    dialogButton(dialog, 'Create lead').click();
    await rendered(setup.el);
    await waitUntil(() => errorOf(labelled(dialog, 'Value')) === 'Enter a number for Value, like 12500', 'value worded');
    expect((await setup.backend.listLeads()).length, 'nothing was created').to.equal(before);
    expect(setup.fault.calls.createLead, 'nothing was sent').to.equal(0);
  });

  it('a refusal by the backend is shown at the field it names, and a failure keeps what was typed', async () => {
    const setup = await mountBoard();
    const dialog = await openIntake(setup.el, 'Add lead');
    await type(labelled(dialog, 'Name'), 'Late hand-off');
    const picker = dialog.querySelector<AssignPicker>('assign-picker')!;
    const target = setup.store.assignableMembers.find((m) => m.role === 'member')!;
    await choosePerson(picker, target.name);
    // The person left the team after the board loaded: the backend refuses as the MemoryAdapter does, by field.
    const message = 'The assignee is not an active member';
    setup.fault.fail('createLead', new AdapterError('invalid', `lead: assigneeId: ${message}`, {
      issues: [{ path: 'assigneeId', code: 'inactive_assignee', message }],
    }));
    dialogButton(dialog, 'Create lead').click();
    await waitUntil(() => dialog.querySelector('#new-lead-assigneeId-error'), 'refused at the assignee');
    expect(dialog.querySelector('#new-lead-assigneeId-error')!.textContent!.trim()).to.equal('This person is not an active member');
    // A failure no field is to blame for: said once, in the dialog, and nothing typed is lost.
    setup.fault.fail('createLead', new AdapterError('network', 'Simulated network failure'));
    dialogButton(dialog, 'Create lead').click();
    await waitUntil(() => dialog.querySelector('[role="alert"]'), 'failure shown');
    expect(dialog.querySelector('[role="alert"]')!.textContent).to.contain('Could not create the lead');
    expect(labelled(dialog, 'Name').value).to.equal('Late hand-off');
    expect(dialog.open).to.equal(true);
    dialogButton(dialog, 'Create lead').click();
    await untilClosed(setup.el, dialog);
    expect((await setup.backend.listLeads()).filter((l) => l.name === 'Late hand-off')).to.have.length(1);
  });

  it('a column’s "+" preselects its status; the lead lands at the top, live on another board, with a created entry', async () => {
    const setup = await mountBoard({ height: 900 });
    const other = await fixture<LeadKanban>(
      html`<lead-kanban style="height:500px; width:1400px" .adapter=${new MemoryAdapter({ database: setup.database, as: 'm2' })}></lead-kanban>`,
    );
    await waitUntil(() => other.store?.status === 'ready', 'other board loaded');
    const plus = button(setup.el, 'Add lead to Qualified');
    const dialog = await openIntake(setup.el, 'Add lead', plus);
    expect(labelled<HTMLSelectElement>(dialog, 'Status').value).to.equal('qualified');
    await type(labelled(dialog, 'Name'), 'Walk-in Wanda');
    await type(labelled(dialog, 'Company'), 'Wanda Works');
    await type(labelled(dialog, 'Value'), '$1,250');
    await type(labelled(dialog, 'Email'), 'wanda@example.com');
    dialogButton(dialog, 'Create lead').click();
    await untilClosed(setup.el, dialog);

    expect(cardNames(region(setup.el, 'Qualified'))[0]).to.equal('Walk-in Wanda');
    const stored = (await setup.backend.listLeads()).find((l) => l.name === 'Walk-in Wanda')!;
    expect(stored).to.deep.include({ status: 'qualified', company: 'Wanda Works', value: 1250, email: 'wanda@example.com', assigneeId: null });
    const history = await setup.backend.listActivity(stored.id);
    expect(history.map((a) => [a.type, a.source, a.actorId])).to.deep.equal([['created', 'manual', 'm1']]);
    expect(toastTexts(setup.el)).to.include('Walk-in Wanda added to Qualified');
    expect(deepActive()?.closest<HTMLElement>('[part~="card"]')?.dataset.leadId, 'focus on the new card').to.equal(stored.id);
    // Unassigned and brand new: it shows that it is waiting, for a minute so far.
    const card = cardElements(region(setup.el, 'Qualified'))[0]!;
    const badge = card.querySelector('.card-wait')!;
    expect([badge.textContent!.trim(), badge.getAttribute('role'), badge.getAttribute('aria-label')]).to.deep.equal(['1m', 'img', 'waiting 1 minute']);

    await waitUntil(() => cardNames(region(other, 'Qualified'))[0] === 'Walk-in Wanda', 'pushed to the other board');
    await rendered(other);
  });

  it('an assignee chosen by the creator is on the card and in the history; a member is warned before handing off', async () => {
    const setup = await mountBoard({ as: 'm3', height: 900 });
    expect(toolbarButtons(setup.el)).to.include('Add lead');
    expect(toolbarButtons(setup.el), 'members do not import').not.to.include('Import leads');
    expect(toolbarButtons(setup.el), 'members do not set the rules').not.to.include('Assignment rules');
    const dialog = await openIntake(setup.el, 'Add lead');
    await type(labelled(dialog, 'Name'), 'For a colleague');
    const colleague = setup.store.assignableMembers.find((m) => m.id !== 'm3' && m.role === 'member')!;
    await choosePerson(dialog.querySelector<AssignPicker>('assign-picker')!, colleague.name);
    await rendered(setup.el);
    expect(dialog.querySelector('.dialog-warning')!.textContent).to.contain('no longer see this lead');
    dialogButton(dialog, 'Create lead').click();
    await untilClosed(setup.el, dialog);
    const stored = (await new MemoryAdapter({ database: setup.database, as: 'm1' }).listLeads()).find((l) => l.name === 'For a colleague')!;
    expect(stored.assigneeId).to.equal(colleague.id);
    const history = await new MemoryAdapter({ database: setup.database, as: 'm1' }).listActivity(stored.id);
    expect(history.map((a) => [a.type, a.to ?? null, a.source])).to.deep.equal([
      ['created', null, 'manual'],
      ['assigned', colleague.id, 'manual'],
    ]);
    expect(toastTexts(setup.el)).to.include(`For a colleague added and assigned to ${colleague.name}`);
    expect(setup.store.lead(stored.id), 'handed off: not on this member’s board').to.equal(undefined);
  });

  it('is not offered when the backend cannot create leads', async () => {
    const setup = await mountBoard();
    const b = setup.backend;
    const withoutIntake: LeadAdapter = {
      me: () => b.me(),
      listMembers: () => b.listMembers(),
      listLeads: (q) => b.listLeads(q),
      getLead: (id) => b.getLead(id),
      updateLead: (id, patch, version, options) => b.updateLead(id, patch, version, options),
      assign: (ids, to, options) => b.assign(ids, to, options),
      listActivity: (id) => b.listActivity(id),
      addNote: (id, text) => b.addNote(id, text),
    };
    const el = await fixture<LeadKanban>(html`<lead-kanban style="height:500px; width:1400px" .adapter=${withoutIntake}></lead-kanban>`);
    await waitUntil(() => el.store?.status === 'ready', 'loaded');
    await rendered(el);
    for (const name of ['Add lead', 'Import leads', 'Assignment rules']) expect(toolbarButtons(el)).not.to.include(name);
    expect(root(el).querySelectorAll('.column-add')).to.have.length(0);
    expect(root(el).querySelector('lead-kanban-add-lead-dialog')).to.equal(null);
  });
});
