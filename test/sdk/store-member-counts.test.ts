/**
 * Members' open-lead counts as the backend keeps them, whatever the change feed did meanwhile: after a
 * reconnect and quiet reload (changes that raced the reload counted once), on a member's board for leads the
 * member cannot see (moved between others), and an undo refused for every lead still names those leads.
 */
import { expect } from 'chai';
import { until, settle } from './helpers.js';
import { board, expectStoreEqualsBackend } from './store-setup.js';

describe('LeadStore member counts stay the backend\'s', () => {
  it('counts a change that raced the reload after a reconnect once, not twice', async () => {
    const b = await board();
    const { store, fault, other } = b;
    const [x, y] = store.cardsIn('new').filter((l) => l.assigneeId === null);
    fault.disconnectFeed();
    await other.assign([x!.id], b.alice.id, { expectedVersions: { [x!.id]: x!.version } });
    // The reload's members list answers only after another change was made (and pushed) meanwhile.
    const members = fault.inject('listMembers', { hold: 'request' });
    const listed = fault.calls.listLeads;
    fault.reconnectFeed();
    await until(() => fault.calls.listLeads > listed, 'the reload lists the leads');
    await settle();
    await other.assign([y!.id], b.bob.id, { expectedVersions: { [y!.id]: y!.version } });
    await settle();
    members.release();
    await until(() => store.lead(y!.id)?.assigneeId === b.bob.id, 'the racing change shows');
    await expectStoreEqualsBackend(b);
  });

  it('a members list asked for before counts were pushed does not put back the counts of before them', async () => {
    const b = await board({ as: 'alice' });
    const { store, fault, other: admin } = b;
    const open = (l: { status: string }) => l.status !== 'won' && l.status !== 'lost';
    const alices = store.cardsIn('new').filter((l) => l.assigneeId === b.alice.id);
    expect(alices.length, 'an open lead of alice').to.be.greaterThan(0);
    // Alice's lead goes to bob: it leaves her view, and her board asks for the members again. That list is
    // taken at once but answers only later, after another change has pushed newer counts.
    const answer = fault.inject('listMembers', { hold: 'response' });
    const listed = fault.calls.listMembers;
    const lead = alices[0]!;
    await admin.assign([lead.id], b.bob.id, { expectedVersions: { [lead.id]: lead.version } });
    await settle();
    const asked = fault.calls.listMembers > listed;
    const carol = b.members.find((m) => m.role === 'member' && m.active && ![b.alice.id, b.bob.id].includes(m.id))!;
    const bobs = (await admin.listLeads()).filter((l) => l.assigneeId === b.bob.id && open(l));
    const carolBefore = store.member(carol.id)!.openLeads;
    await admin.assign([bobs[0]!.id], carol.id, { expectedVersions: { [bobs[0]!.id]: bobs[0]!.version } });
    await until(() => store.member(carol.id)!.openLeads === carolBefore + 1, 'the pushed counts');
    answer.release();
    await settle();
    const server = await admin.listMembers();
    for (const m of server) expect(store.member(m.id)?.openLeads, `${m.name}'s count (asked again: ${asked})`).to.equal(m.openLeads);
  });

  it('keeps counts live on a member\'s board when leads the member cannot see change hands', async () => {
    const b = await board({ as: 'alice' });
    const { store, other } = b;
    const admin = other;
    const bobs = (await admin.listLeads()).filter((l) => l.assigneeId === b.bob.id && l.status !== 'won' && l.status !== 'lost');
    expect(bobs.length, 'open leads of bob').to.be.greaterThan(1);
    const carol = b.members.find((m) => m.role === 'member' && m.active && m.id !== b.alice.id && m.id !== b.bob.id)!;
    const before = { bob: store.member(b.bob.id)!.openLeads, carol: store.member(carol.id)!.openLeads };
    const moved = bobs.slice(0, 2);
    await admin.assign(moved.map((l) => l.id), carol.id, { expectedVersions: Object.fromEntries(moved.map((l) => [l.id, l.version])) });
    await until(() => store.member(carol.id)!.openLeads === before.carol + 2, 'carol\'s count follows');
    expect(store.member(b.bob.id)!.openLeads).to.equal(before.bob - 2);
    // Nothing of those leads reached the member's store.
    for (const lead of moved) expect(store.lead(lead.id)).to.equal(undefined);
    await expectStoreEqualsBackend(b);
  });

  it('an undo refused for every lead names them all and undoes nothing', async () => {
    const b = await board();
    const { store, other } = b;
    const leads = store.cardsIn('new').filter((l) => l.assigneeId === null).slice(0, 2);
    await store.assign(leads.map((l) => l.id), b.alice.id);
    for (const lead of leads) {
      const now = await other.getLead(lead.id);
      await other.assign([lead.id], b.bob.id, { expectedVersions: { [lead.id]: now.version } });
    }
    await settle();
    const outcome = (await store.undo())!;
    expect(outcome.ok).to.deep.equal([]);
    expect([...outcome.conflict].sort()).to.deep.equal(leads.map((l) => l.id).sort());
    const notice = b.notices.at(-1)!;
    expect(notice).to.deep.include({ kind: 'error', code: 'settled', command: 'undo' });
    expect([...notice.leadIds].sort()).to.deep.equal(leads.map((l) => l.id).sort());
    expect(notice.counts).to.deep.equal({ ok: 0, conflict: 2, forbidden: 0, notFound: 0 });
    for (const lead of leads) expect(store.lead(lead.id)!.assigneeId).to.equal(b.bob.id);
    await expectStoreEqualsBackend(b);
  });
});
