/**
 * The append-only history of a MemoryDatabase, indexed by lead and by batch. The history a database starts
 * with (two entries per seeded lead: 100,000 at 50,000 leads) is not indexed while the database is built — a
 * board's first frame reads leads and members only, and indexing that history was most of the construction
 * time — but in idle slices after it (so the first write does not pay for it either), and whatever is left at
 * the first read, append or id check before that is indexed then.
 */
import type { Activity } from '../schema.js';
import { whenIdle, type IdleDeadline } from '../internal/idle.js';

export const copyActivity = (activity: Activity): Activity => ({ ...activity });

export class ActivityLog {
  private readonly ids = new Set<string>();
  private readonly byLead = new Map<string, Activity[]>();
  /** History entries by batch id, in the order they were appended. */
  private readonly byBatch = new Map<string, Activity[]>();
  /** The starting history (copied as it is indexed, so the caller's objects are never shared), and how much of it is. */
  private initial: readonly Activity[] | null;
  private indexedUpTo = 0;

  constructor(initial: readonly Activity[] = []) {
    this.initial = initial.length > 0 ? [...initial] : null;
    if (this.initial) whenIdle(this.indexSome);
  }

  /** One idle slice of the starting history; another is asked for until it is all indexed. */
  private readonly indexSome = (deadline: IdleDeadline): void => {
    const pending = this.initial;
    if (!pending) return;
    const SLICE = 2000;
    // At least one chunk per call: a slice that ran because its timeout passed has no time left, and must
    // still make progress.
    do {
      const end = Math.min(pending.length, this.indexedUpTo + SLICE);
      for (let i = this.indexedUpTo; i < end; i++) this.add(copyActivity(pending[i]!));
      this.indexedUpTo = end;
    } while (this.indexedUpTo < pending.length && deadline.timeRemaining() > 1);
    if (this.indexedUpTo < pending.length) whenIdle(this.indexSome);
    else this.initial = null;
  };

  has(id: string): boolean {
    return this.indexed().ids.has(id);
  }

  of(leadId: string): readonly Activity[] {
    return this.indexed().byLead.get(leadId) ?? [];
  }

  batch(batchId: string): Activity[] {
    return this.indexed().byBatch.get(batchId) ?? [];
  }

  /** Every entry, oldest first (copies). */
  all(): Activity[] {
    return [...this.indexed().byLead.values()]
      .flat()
      .map(copyActivity)
      .sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : 0));
  }

  /** Adds an entry (the caller's object, kept as is) unless one with its id is there already. */
  append(activity: Activity): void {
    this.indexed().add(activity);
  }

  private indexed(): this {
    const pending = this.initial;
    if (pending) {
      this.initial = null;
      for (let i = this.indexedUpTo; i < pending.length; i++) this.add(copyActivity(pending[i]!));
    }
    return this;
  }

  private add(activity: Activity): void {
    if (this.ids.has(activity.id)) return;
    this.ids.add(activity.id);
    const list = this.byLead.get(activity.leadId);
    if (list) list.push(activity);
    else this.byLead.set(activity.leadId, [activity]);
    if (activity.batchId !== undefined) {
      const batch = this.byBatch.get(activity.batchId);
      if (batch) batch.push(activity);
      else this.byBatch.set(activity.batchId, [activity]);
    }
  }
}
