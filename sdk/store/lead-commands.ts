/**
 * The write commands on leads a LeadStore offers: assign (and "keep mine" after a conflict), move, update,
 * addNote. Each validates its input first — a malformed argument is reported like any failure, never sent —
 * then runs as one write through the assignment engine (assignment-batch.ts) or one lead update
 * (lead-update.ts), and reports what happened as a notice.
 */
import { AdapterError, parseOrThrow } from '../adapter.js';
import type { Activity, Lead, LeadPatch, Source } from '../schema.js';
import { ColumnKeySchema, IdSchema, LeadPatchSchema, NoteBodySchema, SourceSchema } from '../schema.js';
import * as z from 'zod/mini';
import { isIdList } from '../internal/id-rule.js';
import { runAssignments, type AssignmentCommand, type AssignmentGroup, type BatchOptions } from './assignment-batch.js';
import { planMoveOf } from './board-view.js';
import { asAdapterError } from './command-notices.js';
import { fieldConflict, sendUpdate, type SentUpdate, type UpdateOptions } from './lead-update.js';
import type { StoreCore } from './store-core.js';
import type { AssignOutcome } from './types.js';
import { newMoveActionId } from './undo-history.js';

const LeadIdsSchema = z.array(IdSchema);
const AssigneeSchema = z.nullable(IdSchema);
const MoveOptionsSchema = z.object({ index: z.optional(z.int().check(z.minimum(0))), source: z.optional(SourceSchema) });

/** The assignment engine (see assignment-batch.ts) run on this store's parts. */
export function assignGroups(
  core: StoreCore,
  command: AssignmentCommand,
  groups: AssignmentGroup[],
  source: Source,
  options: BatchOptions,
): Promise<AssignOutcome> {
  return runAssignments(core.host, command, groups, source, options);
}

export async function assign(
  core: StoreCore,
  leadIds: readonly string[],
  assigneeId: string | null,
  options: { source?: Source },
): Promise<AssignOutcome> {
  let ids: string[], assignee: string | null, source: Source;
  try {
    // A plain loop for the usual list (zod's per-element checks were a third of a 1,000-lead batch's script);
    // anything it declines goes to the schema, whose error names the field.
    ids = [...new Set(isIdList(leadIds) ? leadIds : parseOrThrow(LeadIdsSchema, leadIds, 'leadIds'))];
    assignee = parseOrThrow(AssigneeSchema, assigneeId, 'assigneeId');
    source = parseOrThrow(SourceSchema, options.source ?? 'manual', 'source');
  } catch (error) {
    return core.failedOutcome('assign', [...leadIds].map(String), assigneeId, asAdapterError(error));
  }
  return assignGroups(core, 'assign', [{ assigneeId: assignee, leadIds: ids }], source, { assignee });
}

export function keepMine(core: StoreCore, outcome: AssignOutcome, leadIds: readonly string[]): Promise<AssignOutcome> {
  const groups = new Map<string | null, string[]>();
  for (const id of leadIds) {
    const to = outcome.wanted?.[id];
    if (to === undefined) continue;
    const group = groups.get(to);
    if (group) group.push(id);
    else groups.set(to, [id]);
  }
  const command = outcome.source === 'distribute' ? 'distribute' : 'assign';
  return assignGroups(core, command, [...groups].map(([assigneeId, ids]) => ({ assigneeId, leadIds: ids })),
    outcome.source ?? 'manual', { assignee: groups.size === 1 ? [...groups.keys()][0]! : null });
}

export async function move(
  core: StoreCore,
  leadId: string,
  status: string,
  options: { index?: number; source?: Source },
): Promise<Lead> {
  let opts: { index?: number; source?: Source };
  try {
    parseOrThrow(ColumnKeySchema, status, 'status');
    opts = parseOrThrow(MoveOptionsSchema, options, 'options');
    if (!core.columns.some((c) => c.key === status)) {
      throw new AdapterError('invalid', `status: unknown column "${status}"`, { issues: [{ path: 'status', message: 'Unknown column', code: 'invalid_option' }] });
    }
  } catch (error) {
    throw core.commandFailed('move', [leadId], asAdapterError(error));
  }
  const lead = core.shown.get(leadId);
  if (!lead) throw core.commandFailed('move', [leadId], new AdapterError('not_found', `Lead ${leadId} not found`));
  const source = opts.source ?? 'drag';

  const plan = planMoveOf(core, lead, status, opts.index);
  if (plan.kind === 'stay') return lead;
  const patch: LeadPatch = lead.status === status ? { position: plan.position } : { status, position: plan.position };
  const from = { status: lead.status, position: lead.position };
  const to = { status, position: plan.position };
  const moved = runUpdate(core, 'move', leadId, patch, source, ({ result, expected }) => {
    // Kept for undo, and said as a settled move the user can undo.
    const id = newMoveActionId();
    core.undoHistory.remember({
      id, kind: 'move', command: 'move', leadIds: [leadId], entries: [{ leadId, from, to, version: result.version, base: expected }],
    });
    core.notify({ kind: 'success', code: 'settled', command: 'move', leadIds: [leadId], undoId: id });
  });
  if (plan.kind === 'renumber') {
    for (const { lead: other, position } of plan.others) {
      runUpdate(core, 'move', other.id, { position }, source).catch(() => undefined); // reported by notice
    }
  }
  return moved;
}

export async function update(core: StoreCore, leadId: string, patch: LeadPatch, options: { base?: Lead }): Promise<Lead> {
  let parsed: LeadPatch;
  try {
    parsed = parseOrThrow(LeadPatchSchema, patch, 'patch');
  } catch (error) {
    throw core.commandFailed('update', [leadId], asAdapterError(error));
  }
  const lead = core.shown.get(leadId);
  if (!lead) throw core.commandFailed('update', [leadId], new AdapterError('not_found', `Lead ${leadId} not found`));
  const base = options.base;
  if (!base) return runUpdate(core, 'update', leadId, parsed, undefined);
  const refused = fieldConflict(base, lead, parsed);
  if (refused) throw core.commandFailed('update', [leadId], refused);
  return runUpdate(core, 'update', leadId, parsed, undefined, undefined, (current) => fieldConflict(base, current, parsed));
}

export async function addNote(core: StoreCore, leadId: string, text: string): Promise<Activity> {
  try {
    const body = parseOrThrow(NoteBodySchema, { text }, 'note');
    if (!core.shown.has(leadId)) throw new AdapterError('not_found', `Lead ${leadId} not found`);
    const note = await core.adapter.addNote(leadId, body.text);
    core.activity.record(note);
    core.flush();
    return note;
  } catch (error) {
    const failure = asAdapterError(error);
    if (failure.code === 'not_found') core.ledger.forget(leadId);
    throw core.commandFailed('addNote', [leadId], failure);
  }
}

/**
 * One lead update (lead-update.ts); `saved` runs once it went through, before listeners hear of it.
 * `rebase`: on a stale version, whether to send it again on the current lead (see UpdateOptions).
 */
async function runUpdate(
  core: StoreCore,
  command: 'move' | 'update',
  leadId: string,
  patch: LeadPatch,
  source: Source | undefined,
  saved?: (update: SentUpdate) => void,
  rebase?: UpdateOptions['rebase'],
): Promise<Lead> {
  let sent: SentUpdate;
  try {
    sent = await sendUpdate(core.host, leadId, patch, source, rebase ? { rebase } : {});
  } catch (error) {
    throw core.commandFailed(command, [leadId], asAdapterError(error));
  }
  core.afterWrite([leadId]);
  saved?.(sent);
  core.flush();
  return core.shown.get(leadId) ?? sent.result;
}
