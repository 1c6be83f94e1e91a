/** A real board for store tests: a seeded MemoryDatabase, a fault-injecting wrapper, and a loaded LeadStore. */
import { expect } from 'chai';
import { LeadStore } from '../../sdk/index.js';
import { MemoryAdapter, MemoryDatabase, seed } from '../../sdk/memory.js';
import type { Member, StoreChange, StoreNotice } from '../../sdk/index.js';
import type { SeedData } from '../../sdk/memory.js';
import { FaultAdapter } from './fault-adapter.js';
import { settle, sortedById } from './helpers.js';

export interface Board {
  /** The session the store talks to (through `fault`). */
  backend: MemoryAdapter;
  fault: FaultAdapter;
  store: LeadStore;
  /** Another user on the same database (the admin unless the store is the admin... then the manager). */
  other: MemoryAdapter;
  members: Member[];
  /** Active plain members. */
  alice: Member;
  bob: Member;
  inactive: Member;
  changes: StoreChange[];
  notices: StoreNotice[];
}

export interface BoardOptions {
  leads?: number;
  /** Who the store acts as: the admin (default) or a plain member. */
  as?: 'admin' | 'alice';
  /** false: the store gets no pushed events (its copy can go stale). */
  subscribe?: boolean;
  seed?: number;
  /** Adjusts the seeded data before the database is built (e.g. capacities). */
  prepare?: (data: SeedData) => void;
}

export async function board(options: BoardOptions = {}): Promise<Board> {
  const data = seed({ leads: options.leads ?? 60, members: 6, seed: options.seed ?? 5 });
  options.prepare?.(data);
  const admin = new MemoryAdapter({ database: new MemoryDatabase(data), as: 'm1' });
  const members = admin.database.snapshot().members;
  const plain = members.filter((m) => m.role === 'member' && m.active);
  const alice = plain[0]!;
  const bob = plain[1]!;
  const inactive = members.find((m) => !m.active)!;
  const backend = options.as === 'alice' ? admin.session(alice.id) : admin;
  const other = options.as === 'alice' ? admin : admin.session(members.find((m) => m.role === 'manager')!.id);
  const fault = new FaultAdapter(backend, { subscribe: options.subscribe });
  const store = new LeadStore(fault);
  const changes: StoreChange[] = [];
  const notices: StoreNotice[] = [];
  store.subscribe((c) => changes.push(c));
  store.onNotice((n) => notices.push(n));
  await store.load();
  return { backend, fault, store, other, members, alice, bob, inactive, changes, notices };
}

/**
 * After everything settles, the store holds exactly what the backend answers a fresh request with:
 * same leads (every field, version included) and the same open-lead counts per member.
 */
export async function expectStoreEqualsBackend(b: Board): Promise<void> {
  await settle(5);
  const fresh = b.backend.session(b.backend.memberId, { latency: 0 });
  const leads = await fresh.listLeads();
  expect(leads, 'leads the backend holds').not.to.be.empty;
  expect(b.store.leadCount).to.equal(leads.length);
  for (const lead of leads) expect(b.store.lead(lead.id), lead.id).to.deep.equal(lead);
  const members = await fresh.listMembers();
  expect(sortedById(b.store.members).map((m) => [m.id, m.openLeads])).to.deep.equal(sortedById(members).map((m) => [m.id, m.openLeads]));
  for (const lead of leads) expect(b.store.isPending(lead.id)).to.equal(false);
}
