/**
 * Visibility and permission rules as pure functions, the one definition shared by the MemoryAdapter, the
 * reference server and the UI (which uses them only to warn; backends enforce them).
 */
import type { Activity, Lead, Member } from './schema.js';

/** Admins and managers see every lead. */
export function seesAll(viewer: Pick<Member, 'role'>): boolean {
  return viewer.role === 'admin' || viewer.role === 'manager';
}

/** A member sees the leads assigned to them and unassigned ones; admins and managers see all. */
export function canSee(viewer: Pick<Member, 'id' | 'role' | 'active'>, lead: Pick<Lead, 'assigneeId'>): boolean {
  if (!viewer.active) return false;
  return seesAll(viewer) || lead.assigneeId === null || lead.assigneeId === viewer.id;
}

/** Editing fields and adding notes follow visibility. */
export const canEdit = canSee;

/** Only active members can receive leads. */
export function canReceive(member: Pick<Member, 'active'> | undefined): boolean {
  return member !== undefined && member.active;
}

export type AssignDecision =
  | { ok: true }
  | { ok: false; code: 'not_found' | 'forbidden' | 'invalid'; reason: string };

/**
 * Whether `viewer` may assign `lead` to `assignee` (null = unassign). An invisible lead is `not_found`
 * (it does not exist for the viewer); an inactive or unknown assignee is `invalid`.
 */
export function canAssign(
  viewer: Pick<Member, 'id' | 'role' | 'active'>,
  lead: Pick<Lead, 'assigneeId'>,
  assignee: Pick<Member, 'id' | 'active'> | null | undefined,
): AssignDecision {
  if (!viewer.active) return { ok: false, code: 'forbidden', reason: 'Inactive members cannot assign leads' };
  if (!canSee(viewer, lead)) return { ok: false, code: 'not_found', reason: 'Lead not found' };
  if (assignee === null) return { ok: true };
  if (!canReceive(assignee ?? undefined)) {
    return { ok: false, code: 'invalid', reason: 'The assignee is not an active member' };
  }
  return { ok: true };
}

/**
 * Any active member may create a lead, for themselves, unassigned, or for someone else: a lead created for
 * another member leaves the creator's view at once, as a hand-off does (allowed for the same reason).
 */
export function canCreateLead(viewer: Pick<Member, 'active'>): boolean {
  return viewer.active;
}

/**
 * Importing is for admins and managers. An import routes many leads at once (through the assignment rules,
 * which are theirs to set), and its duplicate check compares emails with every lead of the board, leads a
 * member may not see among them: it would tell a member that a lead they cannot see exists.
 */
export function canImportLeads(viewer: Pick<Member, 'role' | 'active'>): boolean {
  return viewer.active && seesAll(viewer);
}

/** Every active member may read the assignment rules; only admins and managers may change them. */
export function canChangeAssignmentRules(viewer: Pick<Member, 'role' | 'active'>): boolean {
  return viewer.active && seesAll(viewer);
}

let nameCollator: Intl.Collator | undefined;

/** The members a picker offers: active ones, in name order. */
export function assignableMembers<M extends Pick<Member, 'active' | 'name'>>(members: readonly M[]): M[] {
  // One collator for every sort: localeCompare builds locale data on each call (~10 ms for the first list).
  // Same default locale and options as localeCompare, so the order is the same.
  nameCollator ??= new Intl.Collator();
  const compare = nameCollator.compare;
  return members.filter((m) => m.active).sort((a, b) => compare(a.name, b.name));
}

/** True when assigning `lead` to `assigneeId` takes it out of `viewer`'s view (the UI warns first). */
export function losesSight(viewer: Pick<Member, 'id' | 'role' | 'active'>, assigneeId: string | null): boolean {
  return !seesAll(viewer) && assigneeId !== null && assigneeId !== viewer.id;
}

/** What an assignment batch does with one lead; the same decision on every backend. */
export type AssignmentStep = 'not_found' | 'forbidden' | 'conflict' | 'unchanged' | 'write';

/**
 * Decides one lead of an assignment batch, after the assignee itself was checked: an invisible lead is
 * `not_found`, a lead whose version is not the one the caller saw is `conflict`, a lead already held by the
 * assignee is `unchanged` (answered ok, nothing written or logged); otherwise `write`.
 */
export function decideAssignment(
  viewer: Pick<Member, 'id' | 'role' | 'active'>,
  lead: Pick<Lead, 'assigneeId' | 'version'> | undefined,
  assignee: Pick<Member, 'id' | 'active'> | null,
  expectedVersion: number | undefined,
): AssignmentStep {
  if (!lead) return 'not_found';
  const decision = canAssign(viewer, lead, assignee);
  if (!decision.ok) return decision.code === 'forbidden' ? 'forbidden' : 'not_found';
  if (expectedVersion !== undefined && expectedVersion !== lead.version) return 'conflict';
  return lead.assigneeId === (assignee?.id ?? null) ? 'unchanged' : 'write';
}

/**
 * Whether a committed change can move members' open-lead counts (and so is followed by a `member_loads`
 * event): a new lead, another holder, or a status change (which may close or reopen it). Notes and field
 * edits never do.
 */
export function movesLoads(
  before: Pick<Lead, 'assigneeId'> | undefined,
  after: Pick<Lead, 'assigneeId'>,
  activities: readonly Pick<Activity, 'type'>[],
): boolean {
  return !before || before.assigneeId !== after.assigneeId || activities.some((a) => a.type === 'status_changed');
}
