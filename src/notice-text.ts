/**
 * The one place where the elements turn the SDK's structures — assignment outcomes and store notices, which
 * carry codes, counts and ids, never words — into localized text (see docs/architecture.md, "Notices").
 */
import type { AssignOutcome, StoreNotice } from '../sdk/index.js';
import { messages } from './l10n.js';

export type NoticeKind = 'success' | 'warning' | 'error';

/** Names for the ids a text mentions; an unknown id is shown as itself. */
export interface Names {
  lead(id: string): string | undefined;
  member(id: string): string | undefined;
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
    parts.push(assignee === null ? msg.outcomeUnassigned(outcome.ok.length) : msg.outcomeAssigned(outcome.ok.length, assignee));
  }
  if (outcome.conflict.length) parts.push(msg.outcomeConflict(outcome.conflict.length));
  if (outcome.forbidden.length) parts.push(msg.outcomeForbidden(outcome.forbidden.length));
  if (outcome.notFound.length) parts.push(msg.outcomeNotFound(outcome.notFound.length));
  const kind: NoticeKind = refused === 0 ? 'success' : outcome.ok.length === 0 ? 'error' : 'warning';
  return { text: parts.join(' · '), kind };
}

/** An undo that went through for every lead: "Assignment of 3 leads undone"; otherwise as any outcome. */
export function undoText(outcome: AssignOutcome, names: Names): { text: string; kind: NoticeKind } {
  const refused = outcome.conflict.length + outcome.forbidden.length + outcome.notFound.length;
  if (outcome.error || refused > 0) return outcomeText(outcome, names);
  return { text: messages().undone(outcome.ok.length), kind: 'success' };
}

/** The text of a store notice, or null for a notice that has nothing to say in words (it never happens today). */
export function noticeText(notice: StoreNotice, names: Names): string | null {
  const msg = messages();
  switch (notice.code) {
    case 'settled':
    case 'failed':
      if (notice.outcome) return outcomeText(notice.outcome, names).text;
      if (notice.command === 'move') {
        const id = notice.leadIds[0] ?? '';
        return msg.moveFailed(names.lead(id) ?? id, detail(notice.error));
      }
      if (notice.command === 'load') return msg.loadFailed(detail(notice.error));
      return msg.saveFailed(detail(notice.error));
    case 'lead-unavailable':
      return msg.leadUnavailable;
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
