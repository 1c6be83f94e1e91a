/**
 * What pushed changes tell the user, gathered over one burst of events (a bulk change elsewhere arrives as
 * many; the store waits a moment for the rest) and said once: leads that left the user's view — taken away (handed to
 * someone they cannot see, deleted) or no longer matching the filter after someone else's change — and leads
 * someone else assigned to the user, per person and way ("Dana Ruiz assigned you 3 leads").
 */
import type { Activity, Source } from '../schema.js';
import type { StoreNotice } from './types.js';

export class PushedNotices {
  private removed: string[] = [];
  private left: string[] = [];
  private readonly assigned = new Map<string, { actorId: string; source: Source | undefined; leadIds: string[] }>();

  /** A shown lead was taken out of the user's view. */
  leadRemoved(leadId: string): void {
    this.removed.push(leadId);
  }

  /** A lead the filter showed does not match it any more, after someone else's change. */
  leadLeftFilter(leadId: string): void {
    this.left.push(leadId);
  }

  /** A pushed history entry: an assignment to `meId` by someone else is kept for the alert (true when it was). */
  activity(activity: Activity, meId: string | undefined): boolean {
    if (!meId || activity.type !== 'assigned' || activity.to !== meId || activity.actorId === meId) return false;
    const key = `${activity.actorId} ${activity.source ?? ''}`;
    const group = this.assigned.get(key);
    if (group) {
      if (!group.leadIds.includes(activity.leadId)) group.leadIds.push(activity.leadId);
    } else {
      this.assigned.set(key, { actorId: activity.actorId, source: activity.source, leadIds: [activity.leadId] });
    }
    return true;
  }

  /** The notices of the burst so far (and forgets them). */
  take(): StoreNotice[] {
    const notices: StoreNotice[] = [];
    if (this.removed.length > 0) {
      notices.push({ kind: 'warning', code: 'lead-unavailable', command: 'load', leadIds: this.removed });
      this.removed = [];
    }
    if (this.left.length > 0) {
      notices.push({ kind: 'info', code: 'left-view', command: 'load', leadIds: this.left });
      this.left = [];
    }
    for (const { actorId, source, leadIds } of this.assigned.values()) {
      notices.push({ kind: 'info', code: 'assigned-to-you', command: 'load', leadIds, actorId, ...(source ? { source } : {}) });
    }
    this.assigned.clear();
    return notices;
  }
}
