/**
 * The assignment engine behind assign, distribute and undo: optimistic overlays for every lead, then one
 * adapter call per group (assign: exactly one), then each lead settled by its own result, so a partial
 * outcome rolls back exactly the leads that were refused.
 */
import type { LeadAdapter } from '../adapter.js';
import { AdapterError } from '../adapter.js';
import type { Lead, MemberWithLoad, Source } from '../schema.js';
import { asAdapterError } from './command-notices.js';
import type { AssignOutcome } from './types.js';
import type { AssignmentUndoEntry } from './undo-history.js';
import type { PendingWrite, WriteLedger } from './write-ledger.js';

export type AssignmentCommand = 'assign' | 'distribute' | 'undo';

/** The parts of the store the engine works with. */
export interface AssignmentHost {
  readonly adapter: LeadAdapter;
  readonly ledger: WriteLedger;
  isShown(leadId: string): boolean;
  /** False before members are known: assignees cannot be checked locally then. */
  membersKnown(): boolean;
  member(memberId: string): MemberWithLoad | undefined;
  flush(): void;
  /** Keeps a batch that went through for some leads in the undo history. */
  remember(batchId: string, command: 'assign' | 'distribute', entries: AssignmentUndoEntry[]): void;
  afterWrite(leadIds: readonly string[]): void;
  /** Reports the outcome (notice, flush) and returns it. */
  report(command: AssignmentCommand, outcome: AssignOutcome, leadIds: string[]): AssignOutcome;
  fail(command: AssignmentCommand, leadIds: string[], error: AdapterError, outcome: AssignOutcome): AssignOutcome;
}

export interface AssignmentGroup {
  assigneeId: string | null;
  leadIds: string[];
}

let batchCounter = 0;
function newBatchId(): string {
  const random = Math.random().toString(36).slice(2, 10);
  return `b-${Date.now().toString(36)}-${(++batchCounter).toString(36)}-${random}`;
}

export interface BatchOptions {
  /** The outcome's `assigneeId`: the one assignee of the batch, or null when it has several. */
  assignee: string | null;
  /** Versions to expect instead of the confirmed ones (undo expects the versions its action produced). */
  fixedExpected?: ReadonlyMap<string, number>;
  /** Leads already refused by the caller, reported with the rest. */
  preset?: { conflict?: string[]; notFound?: string[] };
  /** undo: what kind of action it undoes (said in its outcome). */
  undone?: 'assign' | 'move';
}

/** Runs one batch of groups (one adapter call per group, one batch id for all). */
export async function runAssignments(
  host: AssignmentHost,
  command: AssignmentCommand,
  groups: AssignmentGroup[],
  source: Source,
  options: BatchOptions,
): Promise<AssignOutcome> {
  const { ledger } = host;
  const { fixedExpected, preset = {} } = options;
  const outcome: AssignOutcome = {
    batchId: null,
    assigneeId: options.assignee,
    ok: [],
    conflict: [...(preset.conflict ?? [])],
    forbidden: [],
    notFound: [...(preset.notFound ?? [])],
    source,
    ...(options.undone ? { undone: options.undone } : {}),
  };
  // Leads we do not hold do not exist for us: answered locally.
  const sendable = groups
    .map((g) => ({ assigneeId: g.assigneeId, leadIds: g.leadIds.filter((id) => host.isShown(id) || (outcome.notFound.push(id), false)) }))
    .filter((g) => g.leadIds.length > 0);
  // The notice names every lead of the batch, those the caller refused up front included (an undo whose
  // leads all changed since sends nothing, yet must say which leads it left alone).
  const allIds = [...new Set([...(preset.conflict ?? []), ...(preset.notFound ?? []), ...groups.flatMap((g) => g.leadIds)])];
  if (sendable.length === 0) return host.report(command, outcome, allIds);

  // Refuse assignees we know cannot receive leads before touching anything.
  if (host.membersKnown()) {
    for (const g of sendable) {
      const member = g.assigneeId === null ? null : host.member(g.assigneeId);
      if (member !== null && (!member || !member.active)) {
        const error = new AdapterError('invalid', 'assigneeId: the assignee is not an active member', {
          issues: [{ path: 'assigneeId', message: 'The assignee is not an active member' }],
        });
        return host.fail(command, allIds, error, outcome);
      }
    }
  }

  const batchId = newBatchId();
  outcome.batchId = batchId;
  const writes = new Map<string, PendingWrite>();
  for (const g of sendable) {
    const to = g.assigneeId;
    const overlay = (lead: Lead): Lead => (lead.assigneeId === to ? lead : { ...lead, assigneeId: to });
    for (const id of g.leadIds) writes.set(id, ledger.begin(id, overlay, fixedExpected?.get(id)));
  }
  host.flush();
  const waits: Promise<void>[] = [];
  for (const w of writes.values()) if (w.after) waits.push(w.after);
  if (waits.length > 0) await Promise.all(waits);

  const undoEntries: AssignmentUndoEntry[] = [];
  const calls = sendable.map(async (g) => {
    const expectedVersions: Record<string, number> = {};
    const from = new Map<string, string | null>();
    for (const id of g.leadIds) {
      expectedVersions[id] = writes.get(id)!.expected;
      from.set(id, ledger.confirmedLead(id)?.assigneeId ?? null);
    }
    try {
      const response = await host.adapter.assign(g.leadIds, g.assigneeId, { expectedVersions, source, batchId });
      const results = new Map(response.results.map((r) => [r.leadId, r]));
      for (const id of g.leadIds) {
        const write = writes.get(id)!;
        const result = results.get(id);
        if (!result) {
          // The backend skipped it: roll back and report it as not found rather than guess.
          ledger.finish(write, {});
          outcome.notFound.push(id);
          continue;
        }
        switch (result.status) {
          case 'ok':
            outcome.ok.push(id);
            if (result.lead && from.get(id) !== result.lead.assigneeId) {
              undoEntries.push({
                leadId: id, from: from.get(id) ?? null, to: result.lead.assigneeId, version: result.lead.version,
                base: expectedVersions[id]!,
              });
            }
            ledger.finish(write, { lead: result.lead, success: true });
            break;
          case 'conflict':
            outcome.conflict.push(id);
            // What "keep mine" writes again, against the version the lead has now.
            (outcome.wanted ??= {})[id] = g.assigneeId;
            ledger.finish(write, { lead: result.lead });
            break;
          case 'forbidden':
            outcome.forbidden.push(id);
            ledger.finish(write, {});
            break;
          case 'not_found':
            outcome.notFound.push(id);
            ledger.finish(write, { gone: true });
            break;
        }
      }
    } catch (error) {
      // The whole call failed: every lead of it rolls back.
      outcome.error ??= asAdapterError(error);
      for (const id of g.leadIds) ledger.finish(writes.get(id)!, {});
    }
  });
  await Promise.all(calls);

  if (command !== 'undo' && undoEntries.length > 0) host.remember(batchId, command, undoEntries);
  host.afterWrite(outcome.ok);
  return host.report(command, outcome, allIds);
}
