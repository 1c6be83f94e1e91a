/**
 * The append-only history of a MemoryDatabase, indexed by lead and by batch. The history a database starts
 * with (two entries per seeded lead: 100,000 at 50,000 leads) is indexed when first needed — the first read,
 * append or id check — not while the database is built: a board's first frame reads leads and members only,
 * and indexing that history was most of the construction time.
 */
import type { Activity } from '../schema.js';

export const copyActivity = (activity: Activity): Activity => ({ ...activity });

export class ActivityLog {
  private readonly ids = new Set<string>();
  private readonly byLead = new Map<string, Activity[]>();
  /** History entries by batch id, in the order they were appended. */
  private readonly byBatch = new Map<string, Activity[]>();
  /** The starting history, not indexed yet (copied when it is, so the caller's objects are never shared). */
  private initial: readonly Activity[] | null;

  constructor(initial: readonly Activity[] = []) {
    this.initial = initial.length > 0 ? [...initial] : null;
  }

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
      for (const activity of pending) this.add(copyActivity(activity));
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
