/**
 * "Assignment rules" (admins and managers): set on the board, then every new lead that arrives without an
 * assignee — through the API, added on the board — goes to the members taking part, with `rule` history
 * entries; members who can no longer take part are shown as skipped; refusals are shown where they belong.
 */
import { expect, waitUntil } from '@open-wc/testing';
import type { AdapterError, Lead, MemberWithLoad } from '../../sdk/index.js';
import { MemoryAdapter } from '../../sdk/memory.js';
import type { LeadKanban } from '../../src/lead-kanban/lead-kanban.js';
import { cardElements, cardNames, mountBoard, region, rendered, root, settle, toastTexts } from './helpers/board-setup.js';
import { dialogButton, labelled, openIntake, type, untilClosed } from './helpers/intake-setup.js';
import { axAll } from './helpers/picker-a11y.js';

/** The member rows of the dialog: name, detail, and its checkbox. */
function memberRows(dialog: HTMLDialogElement) {
  return [...dialog.querySelectorAll<HTMLLIElement>('.member-row')].map((row) => ({
    name: row.querySelector('label')!.textContent!.trim(),
    detail: row.querySelector('.member-detail')!.textContent!.trim(),
    box: row.querySelector<HTMLInputElement>('input[type="checkbox"]')!,
    error: row.querySelector('.error')?.textContent?.trim() ?? null,
  }));
}

const strategies = (dialog: HTMLDialogElement) =>
  [...dialog.querySelectorAll<HTMLInputElement>('input[name="strategy"]')].map((r) => r.labels![0]!.textContent!.trim());

async function check(el: LeadKanban, box: HTMLInputElement, on: boolean): Promise<void> {
  if (box.checked !== on) box.click();
  await (box.getRootNode() as ShadowRoot & { host: { updateComplete: Promise<unknown> } }).host.updateComplete;
  await rendered(el);
}

async function openRules(el: LeadKanban): Promise<HTMLDialogElement> {
  const dialog = await openIntake(el, 'Assignment rules');
  await waitUntil(() => dialog.querySelector('[role="switch"]'), 'rules loaded');
  await rendered(el);
  return dialog;
}

describe('<lead-kanban> Assignment rules', () => {
  it('three members taking part in rotation: nine new leads spread 3/3/3, live on the board, with rule history', async function () {
    this.timeout(30_000);
    const setup = await mountBoard({ leads: 20, height: 2400 });
    expect(await axAll('button', 'Assignment rules')).to.have.length(1);
    const dialog = await openRules(setup.el);
    expect(await axAll('dialog', 'Assignment rules')).to.have.length(1);
    expect(await axAll('switch', 'Assign new leads automatically')).to.have.length(1);
    expect(strategies(dialog)).to.deep.equal(['Round robin', 'Balanced', 'By capacity']);

    const team: MemberWithLoad[] = setup.store.assignableMembers.filter((m) => m.role === 'member').slice(0, 3);
    await check(setup.el, dialog.querySelector<HTMLInputElement>('[role="switch"]')!, true);
    const rows = memberRows(dialog);
    expect(rows.map((r) => r.name), 'every active member is offered').to.deep.equal(setup.store.assignableMembers.map((m) => m.name));
    expect(rows.find((r) => r.name === team[0]!.name)!.detail).to.equal(`${team[0]!.openLeads} open · capacity ${team[0]!.capacity}`);
    for (const m of team) await check(setup.el, rows.find((r) => r.name === m.name)!.box, true);
    labelled(dialog, 'Round robin').click();
    dialogButton(dialog, 'Save rules').click();
    await untilClosed(setup.el, dialog);
    expect(toastTexts(setup.el)).to.include('Assignment rules saved');
    expect(await setup.backend.getAssignmentRules()).to.deep.equal({ enabled: true, strategy: 'round_robin', memberIds: team.map((m) => m.id) });

    // Nine leads arrive through the API (another session on the same backend), none with an assignee.
    const api = new MemoryAdapter({ database: setup.database, as: 'm2' });
    const created: Lead[] = [];
    for (let i = 1; i <= 9; i++) created.push(await api.createLead({ name: `Arrival ${i}`, status: 'new' }));
    await settle(setup.el, 6);
    const counts = team.map((m) => created.filter((l) => l.assigneeId === m.id).length);
    expect(counts).to.deep.equal([3, 3, 3]);
    expect(created.map((l) => l.assigneeId)).to.deep.equal([0, 1, 2, 0, 1, 2, 0, 1, 2].map((i) => team[i]!.id));
    for (const lead of created) {
      const history = await setup.backend.listActivity(lead.id);
      expect(history.map((a) => [a.type, a.to ?? null, a.source])).to.deep.equal([
        ['created', null, 'api'],
        ['assigned', lead.assigneeId, 'rule'],
      ]);
    }
    // The board shows them live, each with its assignee and no waiting badge.
    await waitUntil(() => cardNames(region(setup.el, 'New')).slice(0, 9).every((n) => n.startsWith('Arrival')), 'arrivals shown');
    const arrivals = cardElements(region(setup.el, 'New')).slice(0, 9);
    expect(arrivals.map((c) => c.querySelector('.card-assignee-name')!.textContent!.trim())).to.deep.equal(
      [8, 7, 6, 5, 4, 3, 2, 1, 0].map((i) => team[i % 3]!.name),
    );
    expect(arrivals.every((c) => !c.querySelector('.card-wait'))).to.equal(true);

    // Added on the board without an assignee: the dialog says the rules will choose, and they do (the next in turn).
    const add = await openIntake(setup.el, 'Add lead');
    await waitUntil(() => add.querySelector('.dialog-hint'), 'hint shown');
    expect(add.querySelector('.dialog-hint')!.textContent!.trim()).to.equal('Left unassigned, the assignment rules choose someone.');
    await type(labelled(add, 'Name'), 'Walk-in by rule');
    dialogButton(add, 'Create lead').click();
    await untilClosed(setup.el, add);
    const walkIn = (await setup.backend.listLeads()).find((l) => l.name === 'Walk-in by rule')!;
    expect(walkIn.assigneeId).to.equal(team[0]!.id);
    expect(toastTexts(setup.el)).to.include(`Walk-in by rule added and assigned to ${team[0]!.name}`);
  });

  it('offers By capacity only when someone has a capacity; strategies and columns are saved as chosen', async () => {
    const setup = await mountBoard({
      prepare: (data) => {
        for (const m of data.members) delete m.capacity;
      },
    });
    const dialog = await openRules(setup.el);
    expect(strategies(dialog)).to.deep.equal(['Round robin', 'Balanced']);
    await check(setup.el, dialog.querySelector<HTMLInputElement>('[role="switch"]')!, true);
    await check(setup.el, memberRows(dialog)[0]!.box, true);
    labelled(dialog, 'Balanced').click();
    await check(setup.el, labelled(dialog, 'Only for some columns'), true);
    await check(setup.el, labelled(dialog, 'Contacted'), true);
    dialogButton(dialog, 'Save rules').click();
    await untilClosed(setup.el, dialog);
    expect(await setup.backend.getAssignmentRules()).to.deep.equal({
      enabled: true,
      strategy: 'balanced',
      memberIds: [setup.store.assignableMembers[0]!.id],
      statuses: ['contacted'],
    });
    // Opened again, it shows what is saved.
    const again = await openRules(setup.el);
    expect(again.querySelector<HTMLInputElement>('[role="switch"]')!.checked).to.equal(true);
    expect(labelled(again, 'Balanced').checked).to.equal(true);
    expect(labelled(again, 'Contacted').checked).to.equal(true);
    expect(labelled(again, 'New').checked).to.equal(false);
  });

  it('shows members the saved rules name who are no longer active as skipped, and leaves them out when saving', async () => {
    const setup = await mountBoard();
    const inactive = setup.members.find((m) => !m.active)!;
    const active = setup.store.assignableMembers[1]!;
    setup.database.setAssignmentRules({ enabled: true, strategy: 'round_robin', memberIds: [active.id, inactive.id] });
    const dialog = await openRules(setup.el);
    const skipped = memberRows(dialog).find((r) => r.name === inactive.name)!;
    expect(skipped.detail).to.equal('Skipped: not active. Removed from the rotation when you save.');
    expect(skipped.box.disabled).to.equal(true);
    expect(skipped.box.checked).to.equal(false);
    expect(memberRows(dialog).find((r) => r.name === active.name)!.box.checked).to.equal(true);
    dialogButton(dialog, 'Save rules').click();
    await untilClosed(setup.el, dialog);
    expect((await setup.backend.getAssignmentRules()).memberIds).to.deep.equal([active.id]);
  });

  it('shows a refusal where it belongs: nobody to receive leads, no column chosen', async () => {
    const setup = await mountBoard();
    const dialog = await openRules(setup.el);
    await check(setup.el, dialog.querySelector<HTMLInputElement>('[role="switch"]')!, true);
    dialogButton(dialog, 'Save rules').click();
    await waitUntil(() => dialog.querySelector('#rules-members-error'), 'refused');
    expect(dialog.querySelector('#rules-members-error')!.textContent!.trim()).to.equal('Choose at least one member to receive new leads');
    expect(dialog.open).to.equal(true);

    await check(setup.el, memberRows(dialog)[0]!.box, true);
    await check(setup.el, labelled(dialog, 'Only for some columns'), true);
    dialogButton(dialog, 'Save rules').click();
    await waitUntil(() => dialog.querySelector('#rules-statuses-error'), 'refused again');
    expect(dialog.querySelector('#rules-statuses-error')!.textContent!.trim()).to.equal(
      'Choose at least one column, or clear "Only for some columns"',
    );
    expect(dialog.querySelector('#rules-members-error'), 'the members are fine now').to.equal(null);
    expect((await setup.backend.getAssignmentRules()).enabled, 'nothing saved').to.equal(false);
  });

  it('a manager sets the rules too; members never see the button', async () => {
    const manager = await mountBoard({ as: 'm2' });
    expect(root(manager.el).querySelector('button[aria-label="Assignment rules"]')).not.to.equal(null);
    const member = await mountBoard({ as: 'm4' });
    expect(root(member.el).querySelector('button[aria-label="Assignment rules"]')).to.equal(null);
    expect(root(member.el).querySelector('lead-kanban-rules-dialog')).to.equal(null);
    // And were a member to ask anyway, the backend refuses.
    const refusal = await member.store.setAssignmentRules({ enabled: false, strategy: 'balanced', memberIds: [] }).then(
      () => null,
      (e: AdapterError) => e,
    );
    expect(refusal?.code).to.equal('forbidden');
  });
});
