/**
 * What the store tells a view beyond its data: notices as structure only (a code, the command, counts, lead
 * ids, the AdapterError — never a sentence), and the per-column marks revision a view re-renders a column by.
 */
import { expect } from 'chai';
import { AdapterError, DEFAULT_COLUMNS } from '../../sdk/index.js';
import type { LeadStore, StoreNotice } from '../../sdk/index.js';
import { rejection, settle, until } from './helpers.js';
import { board } from './store-setup.js';

/** Every column's marks revision now. */
const revisions = (store: LeadStore) => new Map(DEFAULT_COLUMNS.map((c) => [c.key, store.marksRevision(c.key)]));

/** The columns whose marks revision differs between two readings. */
function changed(before: ReadonlyMap<string, number>, store: LeadStore): string[] {
  return DEFAULT_COLUMNS.map((c) => c.key).filter((key) => store.marksRevision(key) !== before.get(key));
}

/** No notice carries words: every value is a code, a count, an id, or an error/outcome object. */
function expectNoWords(notice: StoreNotice): void {
  expect(notice).not.to.have.property('message');
  expect(Object.keys(notice).sort()).to.satisfy((keys: string[]) =>
    keys.every((k) => ['kind', 'code', 'command', 'leadIds', 'counts', 'error', 'outcome', 'undoId', 'actorId', 'source'].includes(k)),
  );
}

describe('LeadStore notices: structure, never words', () => {
  it('a failed load: code "failed", command "load", the AdapterError', async () => {
    const b = await board();
    b.fault.fail('listLeads', new AdapterError('unauthorized', 'token expired'));
    await b.store.load();
    const notice = b.notices.at(-1)!;
    expect(notice).to.deep.include({ kind: 'error', code: 'failed', command: 'load', leadIds: [] });
    expect(notice.error!.code).to.equal('unauthorized');
    expectNoWords(notice);
  });

  it('a refused move: code "failed" with the lead and the error code', async () => {
    const b = await board();
    const lead = b.store.cardsIn('new')[0]!;
    b.fault.fail('updateLead', new AdapterError('forbidden', 'not yours'));
    await rejection(b.store.move(lead.id, 'won'));
    const notice = b.notices.at(-1)!;
    expect(notice).to.deep.include({ kind: 'error', code: 'failed', command: 'move', leadIds: [lead.id] });
    expect(notice.error!.code).to.equal('forbidden');
    expectNoWords(notice);
  });

  it('a settled assignment: counts of what went through and why the rest did not', async () => {
    const b = await board();
    const ids = b.store.cardsIn('new').filter((l) => l.assigneeId === null).slice(0, 3).map((l) => l.id);
    expect(ids).to.have.length(3);
    b.fault.inject('assign', { conflict: [ids[0]!] });
    await b.store.assign(ids, b.alice.id, { source: 'bulk' });
    const partial = b.notices.at(-1)!;
    expect(partial).to.deep.include({ kind: 'warning', code: 'settled', command: 'assign', counts: { ok: 2, conflict: 1, forbidden: 0, notFound: 0 } });
    expect(partial.outcome!.conflict).to.deep.equal([ids[0]]);
    expectNoWords(partial);

    await b.store.undo();
    const undone = b.notices.at(-1)!;
    expect(undone).to.deep.include({ kind: 'success', code: 'settled', command: 'undo', counts: { ok: 2, conflict: 0, forbidden: 0, notFound: 0 } });
    expectNoWords(undone);
  });

  it('a lead the user was looking at leaving their view: code "lead-unavailable" with its id', async () => {
    const b = await board({ as: 'alice' });
    const mine = b.store.leadIdsAssignedTo(b.alice.id)[0]!;
    b.store.setSelected(mine, true);
    await b.other.assign([mine], b.bob.id);
    // Said once the burst is over (a moment later), as one notice.
    await until(() => b.notices.at(-1)?.code === 'lead-unavailable', 'the notice');
    const notice = b.notices.at(-1)!;
    expect(notice).to.deep.equal({ kind: 'warning', code: 'lead-unavailable', command: 'load', leadIds: [mine] });
  });
});

describe('LeadStore.marksRevision: which columns show new marks', () => {
  it('changes for the column of a lead whose selection changed, and for no other', async () => {
    const { store } = await board();
    const lead = store.cardsIn('qualified')[0]!;
    let before = revisions(store);
    store.setSelected(lead.id, true);
    expect(changed(before, store)).to.deep.equal(['qualified']);

    before = revisions(store);
    store.selectAllIn('contacted');
    expect(changed(before, store)).to.deep.equal(['contacted']);

    // Selecting one and deselecting another of the same column in one go still shows as a change there.
    const [a, c] = store.cardsIn('qualified').slice(1, 3);
    store.setSelected(a!.id, true);
    before = revisions(store);
    store.setSelected(c!.id, true);
    store.setSelected(a!.id, false);
    expect(changed(before, store)).to.deep.equal(['qualified']);

    before = revisions(store);
    store.clearSelection();
    expect(changed(before, store).sort()).to.deep.equal(['contacted', 'qualified']);
  });

  it('changes when a write starts and ends for a lead of the column, even when the lead itself does not change', async () => {
    const b = await board();
    const { store } = b;
    const lead = store.cardsIn('won').find((l) => l.assigneeId !== null)!;
    const cards = store.cardsIn('won');
    const held = b.fault.inject('assign', { hold: 'response' });
    let before = revisions(store);
    // Assigning to the person who already has it: nothing about the lead changes, but a write is in flight.
    const assigning = store.assign([lead.id], lead.assigneeId);
    expect(store.isPending(lead.id)).to.equal(true);
    expect(store.cardsIn('won')).to.equal(cards);
    expect(changed(before, store)).to.deep.equal(['won']);
    before = revisions(store);
    held.release();
    await assigning;
    await settle();
    expect(store.isPending(lead.id)).to.equal(false);
    expect(changed(before, store)).to.deep.equal(['won']);
  });
});
