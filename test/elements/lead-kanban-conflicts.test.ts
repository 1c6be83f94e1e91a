/**
 * Conflicts you can act on: a board whose copy went stale (it hears nothing pushed) writes over a lead someone
 * else changed meanwhile. It is told who changed what and when, with `Keep mine` (the same write again, against
 * their version) and `Keep theirs` (nothing written) — in the toast, for all the leads of a bulk result at once,
 * or in the drawer for the lead open there.
 */
import { expect, waitUntil } from '@open-wc/testing';
import type { Lead } from '../../sdk/index.js';
import { cardButton, mountBoard, openCard, rendered, root, settle, toastTexts, type BoardSetup } from './helpers/board-setup.js';
import { choosePerson, chord, deepActive } from './helpers/common.js';
import { drawerRoot } from './helpers/drawer-setup.js';

const panel = (setup: BoardSetup) => root(setup.el).querySelector('lead-kanban-conflicts')?.shadowRoot ?? null;
const changes = (setup: BoardSetup) => [...(panel(setup)?.querySelectorAll('li') ?? [])].map((li) => li.textContent!.replace(/\s+/g, ' ').trim());
const choice = (scope: ParentNode | null, name: 'Keep mine' | 'Keep theirs') =>
  [...(scope?.querySelectorAll<HTMLButtonElement>('button') ?? [])].find((b) => b.textContent!.trim() === name)!;

/** The manager (m2) changes leads behind the stale board's back. */
const manager = (setup: BoardSetup) => setup.backend.session('m2');
const name = (setup: BoardSetup, id: string) => setup.members.find((m) => m.id === id)!.name;

describe('<lead-kanban> conflicts you can act on', () => {
  it('a bulk assignment lists the leads changed meanwhile, who did what; Keep mine writes mine for all of them', async () => {
    const setup = await mountBoard({ subscribe: false });
    const leads = setup.store.cardsIn('new').filter((l) => l.assigneeId !== 'm4' && l.assigneeId !== 'm5').slice(0, 4);
    const [, changed1, , changed2] = leads as [Lead, Lead, Lead, Lead];
    await manager(setup).assign([changed1.id], 'm5');
    await manager(setup).assign([changed2.id], 'm5');
    for (const l of leads) setup.store.setSelected(l.id, true);
    const outcome = await setup.store.assign(leads.map((l) => l.id), 'm4', { source: 'bulk' });
    expect(outcome.conflict.sort()).to.deep.equal([changed1.id, changed2.id].sort());
    await waitUntil(() => changes(setup).length === 2 && changes(setup).every((t) => t.includes('this lead')), 'who did what');
    expect(toastTexts(setup.el)[0]).to.equal(`2 leads assigned to ${name(setup, 'm4')} · 2 changed by someone else`);
    const verb = (l: Lead) => (l.assigneeId ? 'reassigned' : 'assigned');
    expect(changes(setup).sort()).to.deep.equal(
      [changed1, changed2].map((l) => `${l.name}: ${name(setup, 'm2')} ${verb(l)} this lead to ${name(setup, 'm5')} now`).sort(),
    );

    choice(panel(setup), 'Keep mine').click();
    await waitUntil(() => toastTexts(setup.el).some((t) => t.startsWith('2 leads assigned to')) && !panel(setup), 'kept mine');
    await settle(setup.el);
    for (const l of leads) expect((await setup.backend.getLead(l.id)).assigneeId).to.equal('m4');
    expect([changed1, changed2].some((l) => setup.store.isSelected(l.id)), 'resolved leads leave the selection').to.equal(false);
    const last = (await setup.backend.listActivity(changed1.id)).at(-1)!;
    expect(last).to.deep.include({ from: 'm5', to: 'm4', source: 'bulk', actorId: 'm1' });
  });

  it('Keep theirs writes nothing and leaves their version; focus goes to the card', async () => {
    const setup = await mountBoard({ subscribe: false });
    const lead = setup.store.cardsIn('contacted').find((l) => l.assigneeId !== 'm4' && l.assigneeId !== 'm5')!;
    await manager(setup).assign([lead.id], 'm5');
    await setup.store.assign([lead.id], 'm4', { source: 'manual' });
    await waitUntil(() => toastTexts(setup.el).includes(`${lead.name} was changed by someone else`), 'told');
    await waitUntil(() => changes(setup)[0]?.includes('this lead'), 'what happened');
    expect(changes(setup)).to.deep.equal([`${name(setup, 'm2')} ${lead.assigneeId ? 'reassigned' : 'assigned'} this lead to ${name(setup, 'm5')} now`]);
    const writes = setup.fault.calls.assign;
    choice(panel(setup), 'Keep theirs').click();
    await waitUntil(() => !panel(setup), 'dismissed');
    await rendered(setup.el);
    expect(setup.fault.calls.assign).to.equal(writes);
    expect((await setup.backend.getLead(lead.id)).assigneeId).to.equal('m5');
    expect(setup.store.lead(lead.id)!.assigneeId, 'the board shows theirs').to.equal('m5');
    expect(deepActive()?.closest<HTMLElement>('[part~="card"]')?.getAttribute('data-lead-id')).to.equal(lead.id);
  });

  it('a move that meets a newer version: Keep mine moves it again, against their version', async () => {
    const setup = await mountBoard({ subscribe: false });
    const lead = setup.store.cardsIn('new')[0]!;
    await manager(setup).updateLead(lead.id, { status: 'lost' }, lead.version);
    cardButton(setup.el, lead.id).focus();
    await chord('Control', 'ArrowRight'); // to Contacted, from a stale copy
    await waitUntil(() => toastTexts(setup.el).includes(`${lead.name} was changed by someone else`), 'told');
    await waitUntil(() => changes(setup)[0]?.includes('moved this lead to Lost'), 'what happened');
    expect(changes(setup)).to.deep.equal([`${name(setup, 'm2')} moved this lead to Lost now`]);
    choice(panel(setup), 'Keep mine').click();
    await waitUntil(() => toastTexts(setup.el).includes(`${lead.name} moved to Contacted`), 'moved');
    await settle(setup.el);
    expect((await setup.backend.getLead(lead.id)).status).to.equal('contacted');
  });

  it('in the drawer: who changed it and when, Keep mine and Keep theirs, and no toast on top', async () => {
    const setup = await mountBoard({ subscribe: false });
    const lead = setup.store.cardsIn('qualified').find((l) => l.assigneeId !== 'm4' && l.assigneeId !== 'm5')!;
    const opened = await openCard(setup.el, lead.id);
    await manager(setup).assign([lead.id], 'm5');
    await choosePerson(drawerRoot(opened).querySelector('assign-picker')!, name(setup, 'm4'), true);
    await waitUntil(() => drawerRoot(opened).querySelector('.conflict #conflict-text')?.textContent?.includes('this lead'), 'said');
    const said = drawerRoot(opened).querySelector('#conflict-text')!.textContent!.trim();
    expect(said).to.equal(`${name(setup, 'm2')} ${lead.assigneeId ? 'reassigned' : 'assigned'} this lead to ${name(setup, 'm5')} now`);
    expect(toastTexts(setup.el)).to.deep.equal([]);
    choice(drawerRoot(opened).querySelector('.conflict'), 'Keep mine').click();
    await waitUntil(() => drawerRoot(opened).querySelector('.assign-status.saved'), 'saved');
    expect((await setup.backend.getLead(lead.id)).assigneeId).to.equal('m4');
    expect(drawerRoot(opened).querySelector('.conflict')).to.equal(null);
  });
});
