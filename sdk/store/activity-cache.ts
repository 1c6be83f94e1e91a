/**
 * Cached lead histories. A history is cached only once fetched in full; afterwards local commands and
 * pushed events extend it, and a partial history is never started (it would mislead).
 */
import type { Activity } from '../schema.js';
import type { ChangeBatch } from './change-batch.js';

export class ActivityCache {
  private readonly byLead = new Map<string, Activity[]>();

  constructor(private readonly batch: ChangeBatch) {}

  of(leadId: string): readonly Activity[] | undefined {
    return this.byLead.get(leadId);
  }
  has(leadId: string): boolean {
    return this.byLead.has(leadId);
  }

  /** Takes a fetched history; entries pushed while the request was in flight are kept after it. */
  fetched(leadId: string, fetched: readonly Activity[]): readonly Activity[] {
    const known = new Set(fetched.map((a) => a.id));
    const extra = (this.byLead.get(leadId) ?? []).filter((a) => !known.has(a.id));
    const list = [...fetched, ...extra];
    this.byLead.set(leadId, list);
    this.batch.activity.add(leadId);
    return list;
  }

  /** Appends to a cached history (only when one is cached), once per activity id. Returns whether it did. */
  record(activity: Activity): boolean {
    const list = this.byLead.get(activity.leadId);
    if (!list || list.some((a) => a.id === activity.id)) return false;
    this.byLead.set(activity.leadId, [...list, activity]);
    this.batch.activity.add(activity.leadId);
    return true;
  }
}
