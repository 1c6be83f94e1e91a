/**
 * Automatic assignment of arriving leads, as pure functions: the one definition the MemoryAdapter and the
 * reference server both run (see eslint.config.js), so a lead lands with the same member on every backend.
 *
 * The rules (AssignmentRulesSchema) name the members taking part in rotation order and a strategy:
 * - `round_robin`: each lead goes to the next member after the one who got the previous lead;
 * - `balanced`: to the member holding the fewest open leads (not won or lost), counting those given in this
 *   same batch; ties go to whoever comes first after the previous receiver, so they rotate rather than
 *   always favouring the top of the list;
 * - `capacity`: as balanced, but never above a member's `capacity` (a member without one has no limit);
 *   leads nobody has room for stay unassigned, and the plan says which.
 * Inactive members are skipped (whatever the saved rules say). The position in the rotation is the
 * `cursor`: the id of the member who received the last lead. Backends persist it, so rotation is fair across
 * calls and restarts; when that member has left the list the rotation starts again from its top.
 */
import type { AssignmentRules, FieldIssue, Member } from './schema.js';
import { CLOSED_STATUSES } from './schema.js';

/** What the engine knows of a member: whether they may receive leads, their limit and current open leads. */
export interface RuleMember {
  id: string;
  active: boolean;
  capacity?: number;
  /** Open leads (not won or lost) the member holds now. */
  openLeads: number;
}

/** A lead arriving: its column, and the assignee its creator chose (the rules leave those alone). */
export interface ArrivingLead {
  status: string;
  assigneeId?: string | null;
}

export interface RulePlan {
  /**
   * Per arriving lead, in order: the member the rules give it to, or null when they do not take it (rules
   * off, its column not covered, it came with an assignee) or cannot place it (see `unplaced`).
   */
  assignees: (string | null)[];
  /** Indexes of leads the rules took but could not place: nobody taking part is active, or all are full. */
  unplaced: number[];
  /** The member who received the last lead: persist it and pass it to the next call. */
  cursor: string | null;
}

const isOpen = (status: string) => !CLOSED_STATUSES.includes(status);

/**
 * Who receives each of `leads` under `rules`, given the members' current load and the rotation `cursor`.
 * Deterministic: the same input always gives the same plan. Leads that came with an assignee count towards
 * that member's load for the leads after them (balanced and capacity see the whole batch).
 */
export function planRuleAssignments(
  rules: AssignmentRules,
  members: readonly RuleMember[],
  leads: readonly ArrivingLead[],
  cursor: string | null,
): RulePlan {
  const plan: RulePlan = { assignees: [], unplaced: [], cursor };
  const byId = new Map(members.map((m) => [m.id, m]));
  const load = new Map(members.map((m) => [m.id, Math.max(0, m.openLeads)]));
  const order = [...new Set(rules.memberIds)].filter((id) => byId.has(id));
  const statuses = rules.statuses ? new Set(rules.statuses) : null;
  for (let i = 0; i < leads.length; i++) {
    const lead = leads[i]!;
    const given = lead.assigneeId ?? null;
    if (given !== null || !rules.enabled || (statuses && !statuses.has(lead.status))) {
      plan.assignees.push(null);
      if (given !== null && isOpen(lead.status)) load.set(given, (load.get(given) ?? 0) + 1);
      continue;
    }
    const chosen = pick(rules.strategy, order, byId, load, plan.cursor);
    plan.assignees.push(chosen);
    if (chosen === null) {
      plan.unplaced.push(i);
      continue;
    }
    plan.cursor = chosen;
    if (isOpen(lead.status)) load.set(chosen, load.get(chosen)! + 1);
  }
  return plan;
}

/** One lead's receiver: among the eligible, the least loaded (round robin: any), nearest after the cursor. */
function pick(
  strategy: AssignmentRules['strategy'],
  order: readonly string[],
  byId: ReadonlyMap<string, RuleMember>,
  load: ReadonlyMap<string, number>,
  cursor: string | null,
): string | null {
  const n = order.length;
  const start = cursor === null ? 0 : order.indexOf(cursor) + 1; // not in the list: -1 + 1, from the top
  let best: string | null = null;
  let bestLoad = Infinity;
  for (let step = 0; step < n; step++) {
    const id = order[(start + step) % n]!;
    const member = byId.get(id)!;
    if (!member.active) continue;
    const held = load.get(id)!;
    if (strategy === 'capacity' && member.capacity !== undefined && held >= member.capacity) continue;
    if (strategy === 'round_robin') return id;
    if (held < bestLoad) {
      best = id;
      bestLoad = held;
    }
  }
  return best;
}

/**
 * Why `rules` cannot be saved, as issues naming the field ("memberIds.1") with a code: a member who is
 * unknown, inactive or named twice (`unknown_member`, `inactive_member`, `duplicate_member`); rules switched on
 * with nobody to receive leads (`no_members`); a column that does not exist (`unknown_status`).
 */
export function assignmentRuleIssues(
  rules: AssignmentRules,
  members: readonly Pick<Member, 'id' | 'name' | 'active'>[],
  columnKeys: readonly string[],
): FieldIssue[] {
  const issues: FieldIssue[] = [];
  const byId = new Map(members.map((m) => [m.id, m]));
  const seen = new Set<string>();
  rules.memberIds.forEach((id, i) => {
    const member = byId.get(id);
    const path = `memberIds.${i}`;
    if (!member) issues.push({ path, code: 'unknown_member', message: `Unknown member "${id}"` });
    else if (!member.active) issues.push({ path, code: 'inactive_member', message: `${member.name} is not an active member` });
    else if (seen.has(id)) issues.push({ path, code: 'duplicate_member', message: `${member.name} is listed twice` });
    seen.add(id);
  });
  if (rules.enabled && rules.memberIds.length === 0) {
    issues.push({ path: 'memberIds', code: 'no_members', message: 'Choose at least one member to receive new leads' });
  }
  rules.statuses?.forEach((key, i) => {
    if (!columnKeys.includes(key)) issues.push({ path: `statuses.${i}`, code: 'unknown_status', message: `Unknown column "${key}"` });
  });
  return issues;
}
