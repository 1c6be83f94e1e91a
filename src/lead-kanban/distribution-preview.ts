/** The rows of the Distribute dialog's preview table, from a plan and the store's current loads. Pure. */
import { CLOSED_STATUSES, type DistributionPlan, type Lead, type MemberWithLoad } from '../../sdk/index.js';

export interface PreviewRow {
  member: MemberWithLoad;
  /** Leads of this distribution the member receives. */
  receives: number;
  /** Open leads now, and once the plan is applied (leads handed from one person to another move both). */
  before: number;
  after: number;
}

/**
 * One row per member who receives leads (in the plan's order), then one per member who only gives some up
 * (a lead they hold goes to someone else). A closed (won, lost) lead moves no open-lead count.
 */
export function previewRows(
  plan: DistributionPlan,
  lead: (id: string) => Lead | undefined,
  member: (id: string) => MemberWithLoad | undefined,
): PreviewRow[] {
  const delta = new Map<string, number>();
  const move = (id: string, by: number) => delta.set(id, (delta.get(id) ?? 0) + by);
  for (const { leadId, memberId } of plan.assignments) {
    const current = lead(leadId);
    if (!current || CLOSED_STATUSES.includes(current.status) || current.assigneeId === memberId) continue;
    if (current.assigneeId !== null) move(current.assigneeId, -1);
    move(memberId, 1);
  }
  const ids = [...Object.keys(plan.perMember), ...[...delta.keys()].filter((id) => !(id in plan.perMember))];
  const rows: PreviewRow[] = [];
  for (const id of ids) {
    const m = member(id);
    if (!m) continue;
    rows.push({ member: m, receives: plan.perMember[id] ?? 0, before: m.openLeads, after: m.openLeads + (delta.get(id) ?? 0) });
  }
  return rows;
}
