/**
 * One column list's leads by assignee (null: unassigned), each group in list order, so the cards of an
 * "Assigned to …" or "Unassigned" filter are one lookup instead of a pass over the column (at 50,000 leads
 * that pass ran unoptimized code: 5-10 ms). Built in idle time (see FilterState) for a list that is replaced,
 * never changed, when its column changes, and kept with that list.
 */
import type { Lead } from '../schema.js';
import { EMPTY, listValue } from './lead-values.js';

export class AssigneeGroups {
  private readonly groups = new Map<string | null, Lead[]>();

  constructor(list: readonly Lead[]) {
    for (const lead of list) {
      const group = this.groups.get(lead.assigneeId);
      if (group) group.push(lead);
      else this.groups.set(lead.assigneeId, [lead]);
    }
    // Each group's total value, summed here in idle time: a column filtered to one assignee shows it at once.
    for (const group of this.groups.values()) listValue(group);
  }

  /** The leads `assigneeId` holds (null: the unassigned ones), in list order. */
  cardsOf(assigneeId: string | null): readonly Lead[] {
    return this.groups.get(assigneeId) ?? EMPTY;
  }
}
