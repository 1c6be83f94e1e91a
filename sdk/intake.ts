/**
 * What happens to leads as they arrive (created one by one or imported), decided once for every backend:
 * which column, where in it, who receives them, and which history entries record it. Pure functions; the
 * MemoryAdapter and the reference server both run them (see eslint.config.js) and only add ids and times.
 */
import type { ArrivingLead, RuleMember } from './assignment-rules.js';
import { planRuleAssignments } from './assignment-rules.js';
import { POSITION_STEP } from './internal/positions.js';
import type { ActivityType, AssignmentRules, Column, FieldIssue, Member, NewLead, Source } from './schema.js';

/** Where arriving leads are placed and who may receive them, as the backend holds it at this moment. */
export interface IntakeState {
  columns: readonly Pick<Column, 'key'>[];
  rules: AssignmentRules;
  /** Members with their current open leads (the rules need them; see RuleMember). */
  members: readonly RuleMember[];
  /** The rotation position the backend persisted (RulePlan.cursor). */
  cursor: string | null;
  /** The lowest position in a column now (its top card), or undefined when the column is empty. */
  topPosition(status: string): number | undefined;
}

export interface PlannedLead {
  status: string;
  position: number;
  assigneeId: string | null;
  /** Who chose the assignee: the creator (NewLead.assigneeId), the assignment rules, or nobody. */
  assignedBy: 'creator' | 'rule' | null;
}

export interface IntakePlan {
  leads: PlannedLead[];
  /** The rotation position after these leads: persist it with them, in the same transaction. */
  cursor: string | null;
  /** Indexes of leads the rules took but could not place (everyone full or inactive): left unassigned. */
  unplaced: number[];
}

/** The column a new lead goes to: the one it names, else the first. */
export const newLeadStatus = (lead: Pick<NewLead, 'status'>, columns: readonly Pick<Column, 'key'>[]): string =>
  lead.status ?? columns[0]!.key;

/**
 * Why a parsed NewLead cannot be created on this board, as issues naming the field: a column that does not
 * exist (`unknown_status`), an assignee who is unknown or inactive (`inactive_assignee`). (Its shape is
 * NewLeadSchema's to check.)
 */
export function newLeadIssues(
  lead: NewLead,
  columns: readonly Pick<Column, 'key'>[],
  member: (id: string) => Pick<Member, 'active'> | undefined,
): FieldIssue[] {
  const issues: FieldIssue[] = [];
  if (lead.status !== undefined && !columns.some((c) => c.key === lead.status)) {
    issues.push({ path: 'status', code: 'unknown_status', message: `Unknown column "${lead.status}"` });
  }
  if (lead.assigneeId != null && !member(lead.assigneeId)?.active) {
    issues.push({ path: 'assigneeId', code: 'inactive_assignee', message: 'The assignee is not an active member' });
  }
  return issues;
}

/**
 * Places arriving leads and picks their assignees. Each column's new leads go above its current top card,
 * in the order given (the first row of a file ends up at the very top); leads without an assignee get one
 * from the rules when the rules take them.
 */
export function planNewLeads(leads: readonly NewLead[], state: IntakeState): IntakePlan {
  const arriving: Required<ArrivingLead>[] = leads.map((lead) => ({
    status: newLeadStatus(lead, state.columns),
    assigneeId: lead.assigneeId ?? null,
  }));
  const rules = planRuleAssignments(state.rules, state.members, arriving, state.cursor);
  const perColumn = new Map<string, number>();
  for (const { status } of arriving) perColumn.set(status, (perColumn.get(status) ?? 0) + 1);
  const placed = new Map<string, number>();
  const planned = arriving.map(({ status, assigneeId }, i): PlannedLead => {
    const count = perColumn.get(status)!;
    const nth = placed.get(status) ?? 0;
    placed.set(status, nth + 1);
    const top = state.topPosition(status);
    const position = top === undefined ? (nth + 1) * POSITION_STEP : top - (count - nth) * POSITION_STEP;
    const byRule = rules.assignees[i] ?? null;
    if (assigneeId !== null) return { status, position, assigneeId, assignedBy: 'creator' };
    return { status, position, assigneeId: byRule, assignedBy: byRule === null ? null : 'rule' };
  });
  return { leads: planned, cursor: rules.cursor, unplaced: rules.unplaced };
}

/** A history entry of a new lead, without what the backend adds (id, lead id, actor, time). */
export interface NewLeadEntry {
  type: Extract<ActivityType, 'created' | 'assigned'>;
  source: Source;
  from?: null;
  to?: string;
}

/**
 * The history of a new lead, oldest first: `created` with how it came (`manual`, `api`, `import`), then, if it
 * has an assignee, `assigned` from nobody with `source: 'rule'` when the rules chose them, else the creator's
 * source. The actor of both is the member who created the lead.
 */
export function newLeadHistory(lead: PlannedLead, source: Extract<Source, 'manual' | 'api' | 'import'>): NewLeadEntry[] {
  const entries: NewLeadEntry[] = [{ type: 'created', source }];
  if (lead.assigneeId !== null) {
    entries.push({ type: 'assigned', from: null, to: lead.assigneeId, source: lead.assignedBy === 'rule' ? 'rule' : source });
  }
  return entries;
}
