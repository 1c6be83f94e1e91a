/**
 * Tabs on one persisted in-memory backend: MemoryDatabases under one storage key stay in step (memory-sync.ts),
 * live — a store on one shows what the other wrote, as a REST board does — and no save drops another tab's
 * changes. Runs in Node and in Chromium (both have BroadcastChannel).
 */
import { expect } from 'chai';
import { LeadStore } from '../../sdk/index.js';
import { MemoryAdapter, MemoryDatabase, seed } from '../../sdk/memory.js';
import { memoryStorage, settle } from './helpers.js';

let opened: MemoryDatabase[] = [];
afterEach(() => {
  for (const database of opened) database.close();
  opened = [];
});

/** Two "tabs" on one storage key, each a database (as each tab has) with the admin's session and a store. */
async function twoTabs(key: string) {
  const storage = memoryStorage();
  const open = () => {
    const database = new MemoryDatabase(seed({ leads: 30, members: 6, seed: 4 }), { storageKey: key, storage, sync: true });
    opened.push(database);
    return database;
  };
  const [a, b] = [open(), open()];
  const stores = [new LeadStore(new MemoryAdapter({ database: a, as: 'm1' })), new LeadStore(new MemoryAdapter({ database: b, as: 'm2' }))] as const;
  await Promise.all(stores.map((s) => s.load()));
  return { storage, open, a, b, stores };
}

const waitFor = async (done: () => boolean, what: string) => {
  for (let i = 0; i < 50 && !done(); i++) await settle(2);
  if (!done()) throw new Error(`${what}: not after 50 rounds`);
};

describe('MemoryDatabase: tabs on one storage key', () => {
  it('an assignment in one tab shows live on the other tab’s board, and a reload keeps both tabs’ changes', async () => {
    const { open, stores } = await twoTabs('tabs-live');
    const [inA, inB] = stores;
    const lead = inA.cardsIn('new').find((l) => l.assigneeId === null)!;
    await inA.assign([lead.id], 'm3');
    await waitFor(() => inB.lead(lead.id)?.assigneeId === 'm3', 'tab B shows the assignment');

    // Tab B writes afterwards; its save does not drop tab A's assignment.
    const other = inB.cardsIn('contacted')[0]!;
    await inB.move(other.id, 'won', { source: 'drag' });
    await waitFor(() => inA.lead(other.id)?.status === 'won', 'tab A shows the move');
    await settle(3);
    const reloaded = open();
    const leads = reloaded.snapshot().leads;
    expect(leads.find((l) => l.id === lead.id)!.assigneeId).to.equal('m3');
    expect(leads.find((l) => l.id === other.id)!.status).to.equal('won');
    expect(reloaded.snapshot().activities.filter((a) => a.leadId === lead.id && a.type === 'assigned').at(-1)!.to).to.equal('m3');
  });

  it('notes and history reach the other tab; ids made in both at once never clash', async () => {
    const { a, b, stores } = await twoTabs('tabs-notes');
    const [inA, inB] = stores;
    const lead = inA.cardsIn('qualified')[0]!;
    await inB.loadActivity(lead.id);
    const [x, y] = await Promise.all([inA.addNote(lead.id, 'From tab A'), inB.addNote(lead.id, 'From tab B')]);
    expect(x.id).not.to.equal(y.id);
    await waitFor(() => (inB.activityOf(lead.id) ?? []).some((e) => e.text === 'From tab A'), 'tab B has tab A’s note');
    await settle(3);
    const ids = (database: MemoryDatabase) => database.snapshot().activities.map((e) => e.id).sort();
    expect(ids(a)).to.deep.equal(ids(b));
  });

  it('two tabs writing one lead at once end on the same lead, in both databases and both stores', async () => {
    const { a, b, stores } = await twoTabs('tabs-race');
    const [inA, inB] = stores;
    const lead = inA.cardsIn('new')[2]!;
    // Both write from the same version before either hears of the other.
    await Promise.all([inA.update(lead.id, { company: 'From A' }), inB.update(lead.id, { company: 'From B' })]);
    await settle(6);
    const inDb = [a, b].map((d) => d.snapshot().leads.find((l) => l.id === lead.id)!);
    expect(inDb[0]).to.deep.equal(inDb[1]);
    expect(['From A', 'From B']).to.include(inDb[0]!.company);
    expect(inA.lead(lead.id)).to.deep.equal(inDb[0]);
    expect(inB.lead(lead.id)).to.deep.equal(inDb[0]);
    // Both edits are history in both tabs.
    const edits = (d: MemoryDatabase) => d.snapshot().activities.filter((e) => e.leadId === lead.id && e.text === 'company').map((e) => e.to).sort();
    expect(edits(a)).to.deep.equal(['From A', 'From B']);
    expect(edits(b)).to.deep.equal(['From A', 'From B']);
  });

  it('with the storage event only (no BroadcastChannel), another tab’s save is merged in', async function () {
    if (typeof dispatchEvent !== 'function' || typeof StorageEvent !== 'function') return this.skip(); // Node: no window
    const storage = memoryStorage();
    const key = 'tabs-storage-event';
    const channel = globalThis.BroadcastChannel;
    Object.defineProperty(globalThis, 'BroadcastChannel', { configurable: true, writable: true, value: undefined });
    let mine: MemoryDatabase;
    try {
      mine = new MemoryDatabase(seed({ leads: 10, members: 4, seed: 2 }), { storageKey: key, storage, sync: true });
      opened.push(mine);
    } finally {
      Object.defineProperty(globalThis, 'BroadcastChannel', { configurable: true, writable: true, value: channel });
    }
    const theirs = new MemoryDatabase(seed({ leads: 10, members: 4, seed: 2 }), { storageKey: `${key}-elsewhere`, storage });
    const session = new MemoryAdapter({ database: theirs, as: 'm1' });
    const lead = (await session.listLeads())[0]!;
    await session.updateLead(lead.id, { name: 'Renamed elsewhere' }, lead.version);
    theirs.saveNow();
    const heard: string[] = [];
    new MemoryAdapter({ database: mine, as: 'm1' }).subscribe((e) => heard.push(e.type));
    dispatchEvent(new StorageEvent('storage', { key, newValue: storage.getItem(`${key}-elsewhere`) }));
    await settle(2);
    expect(mine.snapshot().leads.find((l) => l.id === lead.id)!.name).to.equal('Renamed elsewhere');
    expect(heard).to.include('lead');
  });
});
