/**
 * The leads the board shows (confirmed state with in-flight overlays applied), indexed by status and by
 * assignee, with the open-unassigned count. Every index moves by the one lead that changed, never by a scan;
 * the oldest open unassigned lead is found by one pass over the unassigned ones, only after one of them changed.
 */
import { CARD_ORDERS } from '../internal/card-order.js';
import type { Lead } from '../schema.js';
import { isOpen, sameLead } from './lead-values.js';

export class ShownLeads {
  private readonly byId = new Map<string, Lead>();
  private readonly byStatus = new Map<string, Set<string>>();
  private readonly byAssignee = new Map<string | null, Set<string>>();
  /** Open unassigned leads shown. */
  unassignedOpen = 0;
  /** The oldest open unassigned lead; undefined: not known (an unassigned lead changed since it was found). */
  private oldest: Lead | null | undefined = null;

  get(id: string): Lead | undefined {
    return this.byId.get(id);
  }
  has(id: string): boolean {
    return this.byId.has(id);
  }
  get size(): number {
    return this.byId.size;
  }
  ids(): IterableIterator<string> {
    return this.byId.keys();
  }
  idsWithStatus(status: string): ReadonlySet<string> | undefined {
    return this.byStatus.get(status);
  }
  idsAssignedTo(memberId: string | null): ReadonlySet<string> | undefined {
    return this.byAssignee.get(memberId);
  }

  /** The open unassigned lead created first (the one that has waited longest), or null when there is none. */
  oldestUnassignedOpen(): Lead | null {
    if (this.oldest !== undefined) return this.oldest;
    let oldest: Lead | null = null;
    for (const id of this.byAssignee.get(null) ?? []) {
      const lead = this.byId.get(id)!;
      if (isOpen(lead) && (oldest === null || CARD_ORDERS.oldest(lead, oldest) < 0)) oldest = lead;
    }
    return (this.oldest = oldest);
  }

  /**
   * Shows `next` (undefined: nothing) in place of `prev`, which must be what get(id) returns. Returns false
   * when they are the same lead field for field: the old object is kept, so nothing re-renders.
   */
  replace(id: string, prev: Lead | undefined, next: Lead | undefined): boolean {
    if (prev === next) return false;
    if (prev && next && sameLead(prev, next)) return false;
    if (next) this.byId.set(id, next);
    else this.byId.delete(id);
    if (prev?.assigneeId === null || next?.assigneeId === null) this.oldest = undefined;
    if (prev) {
      if (prev.assigneeId === null && isOpen(prev)) this.unassignedOpen--;
      if (prev.status !== next?.status) this.byStatus.get(prev.status)?.delete(id);
      if (prev.assigneeId !== next?.assigneeId) this.byAssignee.get(prev.assigneeId)?.delete(id);
    }
    if (next) {
      if (next.assigneeId === null && isOpen(next)) this.unassignedOpen++;
      let s = this.byStatus.get(next.status);
      if (!s) this.byStatus.set(next.status, (s = new Set()));
      s.add(id);
      let a = this.byAssignee.get(next.assigneeId);
      if (!a) this.byAssignee.set(next.assigneeId, (a = new Set()));
      a.add(id);
    }
    return true;
  }
}
