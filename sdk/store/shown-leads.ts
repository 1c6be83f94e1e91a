/**
 * The leads the board shows (confirmed state with in-flight overlays applied): by id, counted by status, the
 * open-unassigned count and the oldest open unassigned lead, and — built on first use — their ids by status and
 * by assignee. Every index moves by the one lead that changed, never by a scan; the oldest open unassigned lead
 * is looked for again (one pass) only after it changed itself.
 *
 * The id sets are not built by a load: a first frame needs counts, not sets (each set of 50,000 ids is a
 * hash insert per lead), and the column index sorts its lists from what the load hands it (see fill).
 */
import { CARD_ORDERS } from '../internal/card-order.js';
import type { Lead } from '../schema.js';
import { isOpen, rememberListValue, sameLead } from './lead-values.js';

type IdGroups = Map<string | null, Set<string>>;

export class ShownLeads {
  private readonly byId = new Map<string, Lead>();
  private readonly statusCounts = new Map<string, number>();
  /** Ids by status and by assignee: null until first asked for, then kept by replace(). */
  private byStatus: IdGroups | null = null;
  private byAssignee: IdGroups | null = null;
  /** Open unassigned leads shown. */
  unassignedOpen = 0;
  /** The oldest open unassigned lead; undefined: not known (it changed since it was found). */
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
  countWithStatus(status: string): number {
    return this.statusCounts.get(status) ?? 0;
  }
  idsWithStatus(status: string): ReadonlySet<string> | undefined {
    this.byStatus ??= this.group((lead) => lead.status);
    return this.byStatus.get(status);
  }
  idsAssignedTo(memberId: string | null): ReadonlySet<string> | undefined {
    this.byAssignee ??= this.group((lead) => lead.assigneeId);
    return this.byAssignee.get(memberId);
  }

  /** The open unassigned lead created first (the one that has waited longest), or null when there is none. */
  oldestUnassignedOpen(): Lead | null {
    if (this.oldest !== undefined) return this.oldest;
    let oldest: Lead | null = null;
    const unassigned = this.byAssignee?.get(null);
    for (const lead of unassigned ? [...unassigned].map((id) => this.byId.get(id)!) : this.byId.values()) {
      if (lead.assigneeId === null && isOpen(lead) && older(lead, oldest)) oldest = lead;
    }
    return (this.oldest = oldest);
  }

  /**
   * Shows a whole listing at once: what replace() would do lead by lead, in one pass. Only for an empty
   * state, with unique ids. Returns the leads by status in listing order (a backend lists them in card
   * order, so the column index sorts presorted lists), each list's total value known (listValue).
   */
  fill(leads: readonly Lead[]): Map<string, Lead[]> {
    if (this.byId.size > 0) throw new Error('ShownLeads.fill: only an empty state is filled');
    // Each status's list with its total value, summed in this pass (a column's header shows it in the first frame).
    const columns = new Map<string, { list: Lead[]; value: number }>();
    let unassignedOpen = 0;
    let oldest: Lead | null = null;
    for (const lead of leads) {
      this.byId.set(lead.id, lead);
      const column = columns.get(lead.status);
      if (column) {
        column.list.push(lead);
        column.value += lead.value ?? 0;
      } else columns.set(lead.status, { list: [lead], value: lead.value ?? 0 });
      if (lead.assigneeId === null && isOpen(lead)) {
        unassignedOpen++;
        if (older(lead, oldest)) oldest = lead;
      }
    }
    const lists = new Map<string, Lead[]>();
    for (const [status, { list, value }] of columns) {
      this.statusCounts.set(status, list.length);
      rememberListValue(list, value); // the column index sorts the list in place: the same leads, the same sum
      lists.set(status, list);
    }
    this.unassignedOpen = unassignedOpen;
    this.byStatus = this.byAssignee = null;
    this.oldest = oldest;
    return lists;
  }

  /** Back to showing nothing (a fill whose listing held an id twice). */
  clear(): void {
    this.byId.clear();
    this.statusCounts.clear();
    this.byStatus = this.byAssignee = null;
    this.unassignedOpen = 0;
    this.oldest = null;
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
    if (this.oldest !== undefined) {
      if (prev && prev.id === this.oldest?.id) this.oldest = undefined; // the oldest itself changed: looked for when asked
      else if (next && next.assigneeId === null && isOpen(next) && older(next, this.oldest)) this.oldest = next;
    }
    if (prev) {
      if (prev.assigneeId === null && isOpen(prev)) this.unassignedOpen--;
      if (prev.status !== next?.status) {
        this.statusCounts.set(prev.status, this.countWithStatus(prev.status) - 1);
        this.byStatus?.get(prev.status)?.delete(id);
      }
      if (prev.assigneeId !== next?.assigneeId) this.byAssignee?.get(prev.assigneeId)?.delete(id);
    }
    if (next) {
      if (next.assigneeId === null && isOpen(next)) this.unassignedOpen++;
      if (next.status !== prev?.status) this.statusCounts.set(next.status, this.countWithStatus(next.status) + 1);
      if (this.byStatus) add(this.byStatus, next.status, id);
      if (this.byAssignee) add(this.byAssignee, next.assigneeId, id);
    }
    return true;
  }

  /** The shown ids grouped by one field, in one pass (an index built on first use). */
  private group(key: (lead: Lead) => string | null): IdGroups {
    const groups: IdGroups = new Map();
    for (const lead of this.byId.values()) add(groups, key(lead), lead.id);
    return groups;
  }
}

/** Whether `lead` has waited longer than `than` (null: than nobody). */
function older(lead: Lead, than: Lead | null): boolean {
  return than === null || CARD_ORDERS.oldest(lead, than) < 0;
}

function add(groups: IdGroups, key: string | null, id: string): void {
  const set = groups.get(key);
  if (set) set.add(id);
  else groups.set(key, new Set([id]));
}
