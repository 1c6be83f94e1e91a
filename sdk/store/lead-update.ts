/**
 * One lead update as every command that changes a lead's fields sends it (move, update, the undo of a move):
 * an optimistic overlay at once, ONE adapter call once the lead's earlier writes have settled, then the lead
 * settles on the answer — confirmed, or rolled back with what the backend said (a conflict's current lead, a
 * lead that is gone). Rejects with the AdapterError after the rollback.
 */
import type { LeadAdapter } from '../adapter.js';
import type { Lead, LeadPatch, Source } from '../schema.js';
import { asAdapterError } from './command-notices.js';
import { applyPatch } from './lead-values.js';
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

/** `fixedExpected`: the version to expect instead of the one the user saw (an undo expects what its action produced). */
export async function sendUpdate(
  host: UpdateHost,
  leadId: string,
  patch: LeadPatch,
  source: Source | undefined,
  fixedExpected?: number,
): Promise<SentUpdate> {
  const { ledger } = host;
  const write = ledger.begin(leadId, (lead) => applyPatch(lead, patch), fixedExpected);
  host.flush();
  if (write.after) await write.after;
  const expected = write.expected;
  try {
    const result = await host.adapter.updateLead(leadId, patch, expected, source ? { source } : undefined);
    ledger.finish(write, { lead: result, success: true });
    return { result, expected };
  } catch (error) {
    const failure = asAdapterError(error);
    if (failure.code === 'conflict' && failure.current) ledger.finish(write, { lead: failure.current });
    else if (failure.code === 'not_found') ledger.finish(write, { gone: true });
    else ledger.finish(write, {});
    throw failure;
  }
}
