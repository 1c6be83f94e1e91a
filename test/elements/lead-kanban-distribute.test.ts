/**
 * `Distribute…`: the dialog offers the selection or every unassigned lead matching the filter, active people
 * only (all by default), Evenly or By capacity (only when people have a capacity), a preview table, and ONE
 * confirm button that applies exactly the preview as one batch with source "distribute".
 */
import { expect, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { button, mountBoard, rendered, root, settle, toastTexts, type BoardSetup } from './helpers/board-setup.js';
import { deepActive } from './helpers/common.js';
import { axAll } from './helpers/picker-a11y.js';

const dialog = (setup: BoardSetup) =>
  root(setup.el).querySelector('lead-kanban-distribute-dialog')?.shadowRoot?.querySelector<HTMLDialogElement>('dialog') ?? null;

async function openDistribute(setup: BoardSetup): Promise<HTMLDialogElement> {
  const opener = button(setup.el, 'Distribute…');
  opener.focus(); // as a click or Enter on it does
  opener.click();
  await waitUntil(() => dialog(setup)?.open, 'dialog open');
  return dialog(setup)!;
}

/** The preview table as the user reads it: person → [receives, "before → after"]. */
function preview(d: HTMLDialogElement): Record<string, [number, string]> {
  const rows: Record<string, [number, string]> = {};
  for (const tr of d.querySelectorAll('tbody tr')) {
    rows[tr.querySelector('th')!.textContent!.trim()] = [
      Number(tr.querySelector('.receives')!.textContent),
      tr.querySelector('.load')!.textContent!.trim(),
    ];
  }
  return rows;
}

const memberBox = (d: HTMLDialogElement, name: string) =>
  [...d.querySelectorAll<HTMLLabelElement>('.member')].find((l) => l.querySelector('.member-name')!.textContent!.trim() === name)!
    .querySelector('input')!;

describe('<lead-kanban> Distribute… dialog', () => {
  it('previews the spread, then applies exactly the preview as one batch: max − min ≤ 1', async () => {
    const setup = await mountBoard({
      leads: 60,
      prepare(data) {
        for (const m of data.members) delete m.capacity;
      },
    });
    const ids = setup.store.cardsIn('new').slice(0, 10).map((l) => l.id);
    for (const id of ids) setup.store.setSelected(id, true);
    await rendered(setup.el);
    const d = await openDistribute(setup);
    expect(await axAll('dialog', 'Distribute leads')).to.have.length(1);
    expect(deepActive()?.getAttribute('type'), 'focus on the first choice').to.equal('radio');

    // Every active member is offered and chosen; the inactive one is not offered.
    const offered = [...d.querySelectorAll('.member-name')].map((n) => n.textContent!.trim().replace(/ \(you\)$/, ''));
    expect(offered.sort()).to.deep.equal(setup.store.assignableMembers.map((m) => m.name).sort());
    expect(setup.members.filter((m) => !m.active).every((m) => !offered.includes(m.name))).to.equal(true);
    expect(d.textContent, 'no capacity in this seed: no "By capacity"').not.to.contain('By capacity');

    // Three people receive: uncheck the others.
    const receivers = setup.store.assignableMembers.slice(0, 3);
    for (const m of setup.store.assignableMembers.slice(3)) memberBox(d, m.id === setup.store.me!.id ? `${m.name} (you)` : m.name).click();
    await rendered(setup.el);
    const shown = preview(d);
    const counts = receivers.map((m) => shown[m.name]![0]);
    expect(counts.reduce((a, b) => a + b, 0)).to.equal(10);
    expect(Math.max(...counts) - Math.min(...counts)).to.be.at.most(1);
    const confirm = d.querySelector<HTMLButtonElement>('.confirm-button')!;
    expect(confirm.textContent!.trim()).to.equal('Distribute 10 leads');

    const calls = setup.fault.assignCalls.length;
    confirm.click();
    await waitUntil(() => toastTexts(setup.el).includes('10 leads distributed'), 'told');
    await settle(setup.el);
    expect(dialog(setup)!.open).to.equal(false);
    // Applied = previewed: each receiver got exactly the number the table said, in one batch.
    for (const m of receivers) {
      const got = (await Promise.all(ids.map((id) => setup.backend.getLead(id)))).filter((l) => l.assigneeId === m.id).length;
      expect(got, m.name).to.equal(shown[m.name]![0]);
    }
    const sent = setup.fault.assignCalls.slice(calls);
    expect(new Set(sent.map((c) => c.options.batchId)).size).to.equal(1);
    expect(sent.every((c) => c.options.source === 'distribute')).to.equal(true);
    expect(button(setup.el, 'Undo')).to.exist;
  });

  it('with nothing selected, spreads every unassigned lead matching the filter; Escape closes, focus returns', async () => {
    const setup = await mountBoard({ leads: 60 });
    setup.store.setFilter({ status: ['new', 'contacted'] });
    await rendered(setup.el);
    const unassigned = setup.store.matchingIds().filter((id) => setup.store.lead(id)!.assigneeId === null);
    expect(unassigned.length).to.be.greaterThan(0);
    const d = await openDistribute(setup);
    expect(d.querySelector('.choice')!.textContent!.trim()).to.equal(`All ${unassigned.length} unassigned leads matching the filter`);
    expect(d.querySelector('.confirm-button')!.textContent!.trim()).to.equal(`Distribute ${unassigned.length} leads`);
    await sendKeys({ press: 'Escape' });
    await waitUntil(() => !dialog(setup)!.open, 'closed');
    await rendered(setup.el);
    expect(deepActive()!.textContent!.trim()).to.equal('Distribute…');
  });

  it('By capacity appears when people have a capacity, and never plans past it', async () => {
    const setup = await mountBoard({
      leads: 60,
      prepare(data) {
        for (const m of data.members) if (m.active) m.capacity = data.leads.filter((l) => l.assigneeId === m.id && !['won', 'lost'].includes(l.status)).length + 1;
      },
    });
    const ids = setup.store.cardsIn('new').slice(0, 12).map((l) => l.id);
    for (const id of ids) setup.store.setSelected(id, true);
    await rendered(setup.el);
    const d = await openDistribute(setup);
    const capacity = [...d.querySelectorAll<HTMLLabelElement>('.strategy .choice')].find((l) => l.textContent!.trim() === 'By capacity')!;
    capacity.querySelector('input')!.click();
    await rendered(setup.el);
    for (const [name, [receives]] of Object.entries(preview(d))) expect(receives, name).to.be.at.most(1);
    expect(d.textContent).to.match(/leads? fits? nobody's remaining capacity/);
  });

  it('tells a plain member how many of the leads will leave their view', async () => {
    const setup = await mountBoard({ as: 'm3', leads: 60 });
    const ids = setup.store.cardsIn('new').slice(0, 6).map((l) => l.id);
    for (const id of ids) setup.store.setSelected(id, true);
    await rendered(setup.el);
    const d = await openDistribute(setup);
    const leaving = setup.store.planDistribution(ids, setup.store.assignableMembers.map((m) => m.id), 'even').assignments
      .filter((a) => a.memberId !== 'm3').length;
    expect(leaving).to.be.greaterThan(0);
    expect(d.querySelector('.dialog-warning')!.textContent!.trim()).to.equal(`${leaving} of these 6 will leave your view.`);
  });
});
