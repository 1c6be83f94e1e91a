/**
 * Members and their open-lead counts. The backend gives the counts on load; afterwards each change of a
 * shown lead moves at most two counts (its old and new holder), and only the member objects whose count
 * really differs are rebuilt, so views keyed on the others need not re-render.
 */
import type { Member, MemberWithLoad } from '../schema.js';
import { assignableMembers } from '../policy.js';
import type { ChangeBatch } from './change-batch.js';

/**
 * The member objects of one state of the counts. `assignable` (active members in name order) is sorted when
 * first read, not when the objects are built: it takes a locale collator, whose first use on a page costs
 * several ms, and a board's first frame needs only members by id (its chips and pickers follow later).
 */
class MemberObjects {
  private sorted: readonly MemberWithLoad[] | undefined;

  constructor(
    readonly all: readonly MemberWithLoad[],
    readonly byId: Map<string, MemberWithLoad>,
    /** The name order of the objects these replace, when it was sorted already (names did not change). */
    private readonly order?: readonly MemberWithLoad[],
  ) {}

  get assignable(): readonly MemberWithLoad[] {
    this.sorted ??= this.order ? this.order.map((m) => this.byId.get(m.id)!) : assignableMembers(this.all);
    return this.sorted;
  }

  /** The name order, if it has been sorted (for the objects that replace these). */
  get sortedOrder(): readonly MemberWithLoad[] | undefined {
    return this.sorted;
  }
}

export class MemberLoads {
  private list: Member[] = [];
  private readonly loads = new Map<string, number>();
  private objects: MemberObjects | null = null;
  /** Members whose open-lead count moved since the member objects were built (their objects are rebuilt). */
  private readonly moved = new Set<string>();

  constructor(private readonly batch: ChangeBatch) {}

  /** Whether any member is known (before the first load, assignees cannot be checked locally). */
  get known(): boolean {
    return this.list.length > 0;
  }

  /** Takes members with the backend's counts, replacing everything held. */
  set(members: readonly MemberWithLoad[]): void {
    this.list = members.map(({ openLeads: _openLeads, ...member }) => member);
    this.loads.clear();
    for (const m of members) this.loads.set(m.id, m.openLeads);
    this.moved.clear();
    this.objects = null;
    this.batch.members = true;
  }

  /**
   * Takes the backend's counts pushed after a change (`member_loads`), keeping the members: only those whose
   * count differs get new objects (see sync).
   */
  setLoads(loads: readonly { memberId: string; openLeads: number }[]): void {
    for (const { memberId, openLeads } of loads) {
      this.loads.set(memberId, openLeads);
      this.moved.add(memberId);
    }
  }

  /** One open lead changed hands (null: nobody, or not open): only the two members' counts move. */
  move(from: string | null, to: string | null): void {
    if (from === to) return; // a move within open columns, a rename...: no count changes, no member re-renders
    if (from !== null) {
      this.loads.set(from, Math.max(0, (this.loads.get(from) ?? 0) - 1));
      this.moved.add(from);
    }
    if (to !== null) {
      this.loads.set(to, (this.loads.get(to) ?? 0) + 1);
      this.moved.add(to);
    }
  }

  /**
   * Member objects with their counts. After count deltas only the members whose count really differs get
   * new objects; the others keep their identity, and the name order of `assignable` is reused since names
   * did not change.
   */
  current(): MemberObjects {
    this.sync();
    if (!this.objects) {
      const all = this.list.map((m) => Object.freeze({ ...m, openLeads: this.loads.get(m.id) ?? 0 }));
      this.objects = new MemberObjects(all, new Map(all.map((m) => [m.id, m])));
    }
    return this.objects;
  }

  /** Applies pending count deltas to the member objects; flags `members` only when some count really moved. */
  sync(): void {
    if (this.moved.size === 0) return;
    const moved = [...this.moved];
    this.moved.clear();
    const cache = this.objects;
    if (!cache) {
      this.batch.members = true; // built fresh on the next read
      return;
    }
    const byId = new Map(cache.byId);
    let changed = false;
    for (const id of moved) {
      const old = byId.get(id);
      const openLeads = this.loads.get(id) ?? 0;
      if (!old || old.openLeads === openLeads) continue;
      byId.set(id, Object.freeze({ ...old, openLeads }));
      changed = true;
    }
    if (!changed) return;
    this.objects = new MemberObjects(cache.all.map((m) => byId.get(m.id)!), byId, cache.sortedOrder);
    this.batch.members = true;
  }
}
