/**
 * What the store tells the user about a command, as structure only (a code, the command, counts, lead ids,
 * the AdapterError): the elements turn it into words in their own language (src/notice-text.ts).
 */
import { AdapterError } from '../adapter.js';
import type { AssignOutcome, CommandName, StoreNotice } from './types.js';

/** Anything a command caught, as an AdapterError (an unknown failure is treated as a network one). */
export function asAdapterError(error: unknown): AdapterError {
  if (error instanceof AdapterError) return error;
  const message = error instanceof Error ? error.message : String(error);
  return new AdapterError('network', message || 'Request failed', { cause: error });
}

/** The notice for a command whose call failed: `error.code` says why. */
export function failureNotice(command: CommandName, leadIds: string[], error: AdapterError, outcome?: AssignOutcome): StoreNotice {
  return { kind: 'error', code: 'failed', command, leadIds, error, ...(outcome ? { outcome } : {}) };
}

/**
 * The notice for a settled assignment batch (assign, distribute, undo): 'failed' when the call failed, else
 * 'settled' with the counts — a warning when some leads were refused (an error if none went through), success
 * otherwise; null when the batch touched nothing.
 */
export function outcomeNotice(command: 'assign' | 'distribute' | 'undo', outcome: AssignOutcome, leadIds: string[]): StoreNotice | null {
  if (outcome.error) return failureNotice(command, leadIds, outcome.error, outcome);
  const counts = {
    ok: outcome.ok.length,
    conflict: outcome.conflict.length,
    forbidden: outcome.forbidden.length,
    notFound: outcome.notFound.length,
  };
  const refused = counts.conflict + counts.forbidden + counts.notFound;
  if (refused === 0 && counts.ok === 0) return null;
  const kind = refused === 0 ? 'success' : counts.ok > 0 ? 'warning' : 'error';
  return { kind, code: 'settled', command, leadIds, counts, outcome };
}
