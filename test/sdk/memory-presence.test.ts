/**
 * Presence on the MemoryAdapter, across the sessions of one database: a session viewing a lead is shown to
 * the other sessions that may see it (never to a member who may not), and ends when its session unsubscribes.
 */
import { expect } from 'chai';
import { AdapterError, LeadStore } from '../../sdk/index.js';
import { MemoryAdapter } from '../../sdk/memory.js';
import { rejection, settle } from './helpers.js';

describe('MemoryAdapter presence', () => {
  it('is shared across sessions, filtered by what each may see, and ends with the subscription', async () => {
    const admin = MemoryAdapter.seeded({ leads: 40, members: 6, seed: 4 });
    const members = admin.database.snapshot().members.filter((m) => m.role === 'member' && m.active);
    const [alice, bob] = members;
    const leads = await admin.listLeads();
    const shared = leads.find((l) => l.assigneeId === null)!;
    const bobs = leads.find((l) => l.assigneeId === bob!.id)!;
    const stores = [admin, admin.session(alice!.id), admin.session(bob!.id)].map((a) => new LeadStore(a));
    await Promise.all(stores.map((s) => s.load()));
    const [adminStore, aliceStore, bobStore] = stores as [LeadStore, LeadStore, LeadStore];

    adminStore.viewing(shared.id);
    await settle();
    expect(aliceStore.viewersOf(shared.id).map((m) => m.id)).to.deep.equal(['m1']);
    expect(bobStore.viewersOf(shared.id).map((m) => m.id)).to.deep.equal(['m1']);
    expect(adminStore.viewersOf(shared.id), 'not told about oneself').to.deep.equal([]);

    adminStore.viewing(bobs.id);
    await settle();
    expect(aliceStore.viewersOf(shared.id)).to.deep.equal([]);
    expect(bobStore.viewersOf(bobs.id).map((m) => m.id)).to.deep.equal(['m1']);
    expect(aliceStore.viewersOf(bobs.id), 'Alice may not see it').to.deep.equal([]);

    const refused = await rejection(admin.session(alice!.id).setViewing(bobs.id));
    expect(AdapterError.is(refused, 'not_found')).to.equal(true);

    // A session joining later hears who views what now.
    const late = new LeadStore(admin.session(bob!.id));
    await late.load();
    await settle();
    expect(late.viewersOf(bobs.id).map((m) => m.id)).to.deep.equal(['m1']);

    adminStore.dispose();
    await settle();
    expect(bobStore.viewersOf(bobs.id)).to.deep.equal([]);
    for (const s of [aliceStore, bobStore, late]) s.dispose();
  });
});
