/**
 * What the store tells the user about a command: errors normalized to AdapterError, and the English
 * fallback message of an assignment outcome (the notice is structured, so a UI may localize instead).
 */
import { AdapterError } from '../adapter.js';
import type { AssignOutcome, StoreNotice } from './types.js';

/** Anything a command caught, as an AdapterError (an unknown failure is treated as a network one). */
export function asAdapterError(error: unknown): AdapterError {
  if (error instanceof AdapterError) return error;
  const message = error instanceof Error ? error.message : String(error);
  return new AdapterError('network', message || 'Request failed', { cause: error });
}

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

/**
 * The notice for an assignment batch (assign, distribute, undo): an error when the call failed, a warning
 * (or error, if nothing went through) when some leads were refused, success otherwise; null when nothing
 * happened. `nameOf` is asked only for a success message.
 */
export function outcomeNotice(
  command: 'assign' | 'distribute' | 'undo',
  outcome: AssignOutcome,
  leadIds: string[],
  nameOf: (memberId: string) => string,
): StoreNotice | null {
  const refused = outcome.conflict.length + outcome.forbidden.length + outcome.notFound.length;
  if (outcome.error) {
    return { kind: 'error', command, leadIds, message: outcome.error.message, error: outcome.error, outcome };
  }
  if (refused > 0) {
    const parts = [`${plural(outcome.ok.length, 'lead')} ${command === 'undo' ? 'restored' : 'assigned'}`];
    if (outcome.conflict.length) parts.push(`${outcome.conflict.length} changed by someone else`);
    if (outcome.forbidden.length) parts.push(`${outcome.forbidden.length} not permitted`);
    if (outcome.notFound.length) parts.push(`${outcome.notFound.length} no longer available`);
    return { kind: outcome.ok.length > 0 ? 'warning' : 'error', command, leadIds, message: parts.join(', '), outcome };
  }
  if (outcome.ok.length === 0) return null;
  const who = outcome.assigneeId === null ? null : nameOf(outcome.assigneeId);
  const message =
    command === 'undo'
      ? `Undid assignment of ${plural(outcome.ok.length, 'lead')}`
      : who === null && command === 'assign'
        ? `${plural(outcome.ok.length, 'lead')} unassigned`
        : `${plural(outcome.ok.length, 'lead')} assigned${who ? ` to ${who}` : ''}`;
  return { kind: 'success', command, leadIds, message, outcome };
}
