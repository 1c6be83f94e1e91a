/**
 * Undoing one action of the undo history (undo-history.ts): a real write with source 'undo' and its own
 * history entries, through the same engine as the action itself — an assignment batch goes back to each lead's
 * previous assignee (assignment-batch.ts), a move puts the card back where it was (lead-update.ts). Leads
 * changed since the action are refused up front (or by the backend, when the change has not reached us yet)
 * and reported with the rest, by id, so the UI can name them.
 */
import type { LeadPatch } from '../schema.js';
import { runAssignments, type AssignmentHost } from './assignment-batch.js';
import { asAdapterError } from './command-notices.js';
import { sendUpdate, type UpdateHost } from './lead-update.js';
import type { AssignOutcome } from './types.js';
import { planAssignmentUndo, type UndoHistory, type UndoRecord } from './undo-history.js';

export interface UndoHost extends AssignmentHost, UpdateHost {
  readonly history: UndoHistory;
}

export async function runUndo(host: UndoHost, record: UndoRecord): Promise<AssignOutcome> {
  return record.kind === 'assign' ? undoAssignments(host, record) : undoMove(host, record);
}

async function undoAssignments(host: UndoHost, record: Extract<UndoRecord, { kind: 'assign' }>): Promise<AssignOutcome> {
  const plan = planAssignmentUndo(record.entries, (id) => host.ledger.confirmedLead(id), (id) => host.isShown(id));
  const groups = [...plan.groups].map(([assigneeId, leadIds]) => ({ assigneeId, leadIds }));
  const outcome = await runAssignments(host, 'undo', groups, 'undo', {
    assignee: plan.groups.size === 1 ? [...plan.groups.keys()][0]! : null,
    fixedExpected: plan.expected,
    preset: { conflict: plan.changedSince, notFound: plan.gone },
    undone: 'assign',
  });
  for (const id of outcome.ok) {
    const entry = record.entries.find((e) => e.leadId === id);
    const now = host.ledger.confirmedLead(id);
    if (entry && now) host.history.rebase(id, entry.base, now.version);
  }
  return outcome;
}

async function undoMove(host: UndoHost, record: Extract<UndoRecord, { kind: 'move' }>): Promise<AssignOutcome> {
  const outcome: AssignOutcome = {
    batchId: null, assigneeId: null, ok: [], conflict: [], forbidden: [], notFound: [], source: 'undo', undone: 'move',
  };
  const ids = record.entries.map((e) => e.leadId);
  for (const entry of record.entries) {
    const current = host.ledger.confirmedLead(entry.leadId);
    if (!current || !host.isShown(entry.leadId)) {
      outcome.notFound.push(entry.leadId);
      continue;
    }
    if (current.version !== entry.version) {
      outcome.conflict.push(entry.leadId);
      continue;
    }
    const { status, position } = entry.from;
    const patch: LeadPatch = current.status === status ? { position } : { status, position };
    try {
      const { result } = await sendUpdate(host, entry.leadId, patch, 'undo', { fixedExpected: entry.version });
      outcome.ok.push(entry.leadId);
      host.history.rebase(entry.leadId, entry.base, result.version);
    } catch (error) {
      const failure = asAdapterError(error);
      if (failure.code === 'conflict') outcome.conflict.push(entry.leadId);
      else if (failure.code === 'not_found') outcome.notFound.push(entry.leadId);
      else if (failure.code === 'forbidden') outcome.forbidden.push(entry.leadId);
      else outcome.error ??= failure;
    }
  }
  host.afterWrite(outcome.ok);
  return host.report('undo', outcome, ids);
}
