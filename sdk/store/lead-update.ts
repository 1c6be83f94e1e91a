/**
 * One lead update as every command that changes a lead's fields sends it (move, update, the undo of a move):
 * an optimistic overlay at once, ONE adapter call once the lead's earlier writes have settled, then the lead
 * settles on the answer — confirmed, or rolled back with what the backend said (a conflict's current lead, a
 * lead that is gone). Rejects with the AdapterError after the rollback. A field edit may instead be sent again
 * on the newer version when none of its own fields changed meanwhile (`rebase`, see fieldConflict).
 */
import { AdapterError, type LeadAdapter } from '../adapter.js';
import type { Lead, LeadPatch, Source } from '../schema.js';
import { asAdapterError } from './command-notices.js';
import { applyPatch, fieldsChangedSince } from './lead-values.js';
import type { WriteLedger } from './write-ledger.js';

export interface UpdateHost {
  readonly adapter: LeadAdapter;
  readonly ledger: WriteLedger;
  flush(): void;
}

export interface SentUpdate {
  /** The lead as the backend returned it. */
  result: Lead;
  /** The version the write expected (what it was written over). */
  expected: number;
}

export interface UpdateOptions {
  /** The version to expect instead of the one the user saw (an undo expects what its action produced). */
  fixedExpected?: number;
  /**
   * On a stale version: null to send the patch again on the current lead, or the error to refuse with.
   * Without it a stale version is refused as it is.
   */
  rebase?: (current: Lead) => AdapterError | null;
}

/** How often a field edit is sent again on a newer version before the conflict is the user's to settle. */
const MAX_REBASES = 3;

/** A `conflict` naming the fields of `patch` changed between `base` and `current`, or null when none was. */
export function fieldConflict(base: Lead, current: Lead, patch: LeadPatch): AdapterError | null {
  const fields = fieldsChangedSince(base, current, patch);
  if (fields.length === 0) return null;
  return new AdapterError('conflict', `Lead ${current.id}: ${fields.join(', ')} changed by someone else since editing began`, {
    current,
    issues: fields.map((path) => ({ path, message: 'Changed by someone else since editing began', code: 'changed' })),
  });
}

export async function sendUpdate(
  host: UpdateHost,
  leadId: string,
  patch: LeadPatch,
  source: Source | undefined,
  options: UpdateOptions = {},
): Promise<SentUpdate> {
  const { ledger } = host;
  for (let attempt = 1; ; attempt++) {
    const write = ledger.begin(leadId, (lead) => applyPatch(lead, patch), options.fixedExpected);
    host.flush();
    if (write.after) await write.after;
    const expected = write.expected;
    try {
      const result = await host.adapter.updateLead(leadId, patch, expected, source ? { source } : undefined);
      ledger.finish(write, { lead: result, success: true });
      return { result, expected };
    } catch (error) {
      let failure = asAdapterError(error);
      if (failure.code === 'conflict' && failure.current) {
        ledger.finish(write, { lead: failure.current });
        const refused = options.rebase ? options.rebase(failure.current) : failure;
        if (!refused && attempt < MAX_REBASES) continue;
        failure = refused ?? failure;
      } else if (failure.code === 'not_found') ledger.finish(write, { gone: true });
      else ledger.finish(write, {});
      throw failure;
    }
  }
}
