import type { AssignOutcome } from '../../sdk/index.js';
import { messages } from '../l10n.js';

export type ToastKind = 'success' | 'warning' | 'error';

/**
 * One line describing a settled assignment: "47 leads assigned to Dana Ruiz · 3 changed by someone else ·
 * 1 not allowed". `success` when every lead went through, `warning` for a partial result, `error` when none did.
 */
export function describeOutcome(outcome: AssignOutcome, assigneeName: string | null): { text: string; kind: ToastKind } {
  const msg = messages();
  if (outcome.error) return { text: msg.outcomeFailed(outcome.error.message), kind: 'error' };
  const parts: string[] = [];
  if (outcome.ok.length > 0 || (outcome.conflict.length + outcome.forbidden.length + outcome.notFound.length === 0)) {
    parts.push(assigneeName === null ? msg.outcomeUnassigned(outcome.ok.length) : msg.outcomeAssigned(outcome.ok.length, assigneeName));
  }
  if (outcome.conflict.length) parts.push(msg.outcomeConflict(outcome.conflict.length));
  if (outcome.forbidden.length) parts.push(msg.outcomeForbidden(outcome.forbidden.length));
  if (outcome.notFound.length) parts.push(msg.outcomeNotFound(outcome.notFound.length));
  const failed = outcome.conflict.length + outcome.forbidden.length + outcome.notFound.length;
  const kind: ToastKind = failed === 0 ? 'success' : outcome.ok.length === 0 ? 'error' : 'warning';
  return { text: parts.join(' · '), kind };
}
