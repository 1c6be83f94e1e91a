/**
 * History you can read: every entry says how it came about (by hand, in bulk, distributed, by drag, by
 * keyboard, undone…), a batch's entry opens up into the batch ("Noah Andersen assigned 3 leads in bulk",
 * each lead a button that opens it), and "Assignments only" narrows the list.
 */
import { expect, waitUntil } from '@open-wc/testing';
import { drawer, mountBoard, openCard, rendered, settle } from './helpers/board-setup.js';
import { drawerRoot } from './helpers/drawer-setup.js';

const entries = (root: ShadowRoot) =>
  [...root.querySelectorAll('[aria-labelledby="activity-heading"] > li')].map((li) => ({
    text: li.querySelector('.entry-text')!.textContent!.trim(),
    meta: li.querySelector('.entry-meta')!.textContent!.replace(/\s+/g, ' ').trim(),
    li,
  }));

describe('<lead-drawer> history you can read', () => {
  it('says how each assignment happened, opens a batch, and filters to assignments', async () => {
    const setup = await mountBoard();
    const me = setup.members.find((m) => m.id === 'm1')!;
    const dana = setup.members.find((m) => m.id === 'm4')!;
    const ids = setup.store.cardsIn('new').filter((l) => l.assigneeId !== 'm4' && l.assigneeId !== 'm5').slice(0, 3).map((l) => l.id);
    const [first, second] = ids.map((id) => setup.store.lead(id)!);
    await setup.store.assign(ids, 'm4', { source: 'bulk' });
    await setup.store.move(first!.id, 'contacted', { source: 'keyboard' });
    await setup.store.addNote(first!.id, 'Called, call back Friday');
    const batch = (await setup.store.undo())!; // the move, undone
    expect(batch.ok).to.deep.equal([first!.id]);
    await settle(setup.el);

    const opened = await openCard(setup.el, first!.id);
    const root = drawerRoot(opened);
    await waitUntil(() => entries(root).length >= 4, 'history shown');
    const newest = entries(root).slice(0, 4);
    expect(newest.map((e) => e.text)).to.deep.equal([
      `${me.name} moved from Contacted to New`,
      `${me.name} added a note`,
      `${me.name} moved from New to Contacted`,
      first!.assigneeId
        ? `${me.name} reassigned from ${setup.members.find((m) => m.id === first!.assigneeId)!.name} to ${dana.name}`
        : `${me.name} assigned to ${dana.name}`,
    ]);
    expect(newest.map((e) => e.meta.split(' · ')[1] ?? '')).to.deep.equal(['undone', '', 'by keyboard', 'in bulk']);

    // The bulk entry opens up into its batch.
    const toggle = newest[3]!.li.querySelector<HTMLButtonElement>('.batch-toggle')!;
    expect(toggle.textContent!.trim()).to.equal('Show the batch');
    expect(toggle.getAttribute('aria-expanded')).to.equal('false');
    toggle.click();
    await waitUntil(() => root.querySelector('.batch-summary'), 'batch shown');
    expect(toggle.getAttribute('aria-expanded')).to.equal('true');
    expect(root.querySelector('.batch-summary')!.textContent!.trim()).to.equal(`${me.name} assigned 3 leads in bulk`);
    expect(root.querySelector('.batch-leads')!.getAttribute('aria-label')).to.equal('The 3 leads of this batch you can see');
    const names = [...root.querySelectorAll('.batch-lead')].map((b) => b.textContent!.trim());
    expect(names.sort()).to.deep.equal(ids.map((id) => setup.store.lead(id)!.name).sort());

    // Assignments only: the note and the moves go.
    const filter = root.querySelector<HTMLInputElement>('.history-filter input')!;
    filter.click();
    await opened.updateComplete;
    expect(entries(root).every((e) => /assigned|unassigned/.test(e.text))).to.equal(true);
    expect(entries(root).some((e) => e.text.includes('note'))).to.equal(false);
    filter.click();
    await opened.updateComplete;

    // A lead of the batch opens in the drawer, and the board follows.
    const other = [...root.querySelectorAll<HTMLButtonElement>('button.batch-lead')].find((b) => b.textContent!.trim() === second!.name)!;
    other.click();
    await waitUntil(() => drawer(setup.el).leadId === second!.id, 'the other lead shown');
    await rendered(setup.el);
    await opened.updateComplete;
    expect(root.querySelector('h2')!.textContent!.trim()).to.equal(second!.name);
  });
});
