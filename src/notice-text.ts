/**
 * The one place where the elements turn the SDK's structures — assignment outcomes and store notices, which
 * carry codes, counts and ids, never words — into localized text (see docs/architecture.md, "Notices"). Not
 * up front: the board reaches it through its collaboration chunk (lead-kanban/collaboration-parts.ts), the drawer through its
 * content; the words it says (l10n/notices-late.ts) arrive with it.
 */
import type { AssignOutcome, StoreNotice } from '../sdk/index.js';
import { messages } from './l10n.js';
import './l10n/notices-late.js';

export type NoticeKind = 'success' | 'warning' | 'error' | 'info';

/** Names for the ids a text mentions; an unknown id is shown as itself. */
export interface Names {
  lead(id: string): string | undefined;
  member(id: string): string | undefined;
  /** The label of the column a lead is in now. */
  columnOf?(leadId: string): string | undefined;
}

/** A short list of lead names for a sentence: "Acme Corp, Beta Ltd and 3 more". */
export function leadNames(ids: readonly string[], names: Names, max = 3): string {
  const shown = ids.slice(0, ids.length > max ? max - 1 : max).map((id) => names.lead(id) ?? id);
  return messages().nameList(shown, ids.length - shown.length);
}

/** The words of an AdapterError's detail: the backend's own explanation, or nothing. */
const detail = (error: { message: string } | undefined) => error?.message ?? '';

/**
 * One line describing a settled assignment: "47 leads assigned to Dana Ruiz · 3 changed by someone else ·
 * 1 not allowed". `success` when every lead went through, `warning` for a partial result, `error` when none did.
 */
export function outcomeText(outcome: AssignOutcome, names: Names): { text: string; kind: NoticeKind } {
  const msg = messages();
  if (outcome.error) return { text: msg.outcomeFailed(detail(outcome.error)), kind: 'error' };
  const refused = outcome.conflict.length + outcome.forbidden.length + outcome.notFound.length;
  const parts: string[] = [];
  if (outcome.ok.length > 0 || refused === 0) {
    const assignee = outcome.assigneeId === null ? null : (names.member(outcome.assigneeId) ?? outcome.assigneeId);
    const one = outcome.ok.length === 1 && refused === 0 ? names.lead(outcome.ok[0]!) : undefined;
    if (outcome.source === 'distribute') parts.push(msg.leadsDistributed(outcome.ok.length));
    else if (one !== undefined) parts.push(assignee === null ? msg.leadUnassigned(one) : msg.leadAssignedTo(one, assignee));
    else parts.push(assignee === null ? msg.outcomeUnassigned(outcome.ok.length) : msg.outcomeAssigned(outcome.ok.length, assignee));
  }
  if (outcome.conflict.length) parts.push(msg.outcomeConflict(outcome.conflict.length));
  if (outcome.forbidden.length) parts.push(msg.outcomeForbidden(outcome.forbidden.length));
  if (outcome.notFound.length) parts.push(msg.outcomeNotFound(outcome.notFound.length));
  const kind: NoticeKind = refused === 0 ? 'success' : outcome.ok.length === 0 ? 'error' : 'warning';
  return { text: parts.join(' · '), kind };
}

/**
 * An undo: "Assignment of Acme Corp undone", "Move of Acme Corp undone", "Assignment of 3 leads undone"; leads
 * it left alone because they changed since are named ("Undone for 2 leads · Not undone, changed since: Acme Corp").
 */
export function undoText(outcome: AssignOutcome, names: Names): { text: string; kind: NoticeKind } {
  const msg = messages();
  if (outcome.error) return outcomeText(outcome, names);
  const refused = [...outcome.conflict, ...outcome.forbidden, ...outcome.notFound];
  const ok = outcome.ok;
  if (refused.length === 0) {
    const one = ok.length === 1 ? (names.lead(ok[0]!) ?? ok[0]!) : null;
    if (one !== null) return { text: outcome.undone === 'move' ? msg.moveOfUndone(one) : msg.assignmentOfUndone(one), kind: 'success' };
    return { text: msg.undone(ok.length), kind: 'success' };
  }
  const parts = ok.length > 0 ? [msg.undoneFor(ok.length)] : [];
  parts.push(msg.notUndone(leadNames(refused, names)));
  return { text: parts.join(' · '), kind: ok.length > 0 ? 'warning' : 'error' };
}

/**
 * The words of a settled action, for its toast: an assignment or distribution (named when it is one lead), a
 * move ("Acme Corp moved to Won"), an undo. Null for a notice that is not about a settled action.
 */
export function settledText(notice: StoreNotice, names: Names): { text: string; kind: NoticeKind } | null {
  if (notice.code !== 'settled') return null;
  if (notice.command === 'move') {
    const id = notice.leadIds[0] ?? '';
    return { text: messages().leadMoved(names.lead(id) ?? id, names.columnOf?.(id) ?? ''), kind: 'success' };
  }
  if (!notice.outcome) return null;
  return notice.command === 'undo' ? undoText(notice.outcome, names) : outcomeText(notice.outcome, names);
}

/** "Dana Ruiz assigned you 3 leads" / "The assignment rules gave you Acme Corp". */
export function assignedToYouText(notice: StoreNotice, names: Names): string {
  const msg = messages();
  const n = notice.leadIds.length;
  const first = notice.leadIds[0] ?? '';
  const lead = names.lead(first) ?? first;
  if (notice.source === 'rule' || !notice.actorId) return msg.rulesAssignedYou(n, lead);
  return msg.assignedYou(names.member(notice.actorId) ?? msg.someone, n, lead);
}

/** The text of a store notice, or null for a notice that has nothing to say in words (it never happens today). */
export function noticeText(notice: StoreNotice, names: Names): string | null {
  const msg = messages();
  switch (notice.code) {
    case 'settled':
    case 'failed':
      if (notice.code === 'settled') return settledText(notice, names)?.text ?? null;
      if (notice.outcome) return outcomeText(notice.outcome, names).text;
      if (notice.command === 'move') {
        const id = notice.leadIds[0] ?? '';
        return msg.moveFailed(names.lead(id) ?? id, detail(notice.error));
      }
      if (notice.command === 'load') return msg.loadFailed(detail(notice.error));
      return msg.saveFailed(detail(notice.error));
    case 'lead-unavailable':
      return msg.leadsUnavailable(leadNames(notice.leadIds, names), notice.leadIds.length);
    case 'left-view':
      return msg.leftFilterRemote(leadNames(notice.leadIds, names), notice.leadIds.length);
    case 'assigned-to-you':
      return assignedToYouText(notice, names);
    default:
      return null;
  }
}

/**
 * The drawer's inline status after its own assignment of one lead: null when it went through, else why not
 * ("Could not assign: …", changed by someone else, not allowed, no longer available).
 */
export function assignmentProblem(outcome: AssignOutcome, leadId: string): string | null {
  const msg = messages();
  if (outcome.ok.includes(leadId)) return null;
  if (outcome.error) return msg.assignFailed(detail(outcome.error));
  if (outcome.conflict.length) return msg.assignConflict;
  if (outcome.forbidden.length) return msg.assignForbidden;
  return msg.assignNotFound;
}
