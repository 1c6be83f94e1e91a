/**
 * The writes: each runs in ONE database transaction (a throw anywhere rolls back every row it wrote), reads
 * the leads it writes with a lock (so the version checked is the version written over, whichever instance
 * writes concurrently), appends its history rows and records its changes in the same transaction; the event
 * streams hear of them through the repository's change feed, only once committed. Each returns the answer
 * its route sends, so a request's Idempotency-Key stores exactly that answer with the write (`write` below).
 */
import { randomUUID } from 'node:crypto';
import type { Activity, AssignBody, AssignResponse, AssignResult, Lead, Member, PatchLeadBody, Source } from
  '../../sdk/schema.js';
import { editEntries } from '../../sdk/history.js';
import { canEdit, canReceive, decideAssignment } from '../../sdk/policy.js';
import type { LeadChange, Repository, Transaction } from './db/repository.js';
import { ApiError, invalid, notFound } from './http.js';
import { keyedWrite } from './idempotency.js';
import { timeOrderedId } from './ids.js';

/** Fields of a lead a PATCH may change (LeadPatchSchema), in the order they are named in history. */
const PATCHABLE = ['name', 'company', 'email', 'phone', 'value', 'status', 'position'] as const;
type Patchable = (typeof PATCHABLE)[number];

const now = () => new Date().toISOString();

function conflict(current: Lead, expected: number): ApiError {
  return new ApiError(409, 'conflict',
    `Lead ${current.id} was changed by someone else (version ${current.version}, expected ${expected})`,
    { current });
}

export class Commands {
  constructor(
    private readonly repo: Repository,
    /** Column keys a lead's status may take. */
    private readonly statuses: readonly string[],
  ) {}

  /** Every write's transaction: the request's idempotency key (if any) is claimed and answered in it. */
  private write<T>(work: (tx: Transaction) => Promise<T>): Promise<T> {
    return this.repo.transaction((tx) => keyedWrite(tx, () => work(tx)));
  }

  async updateLead(viewer: Member, id: string, body: PatchLeadBody, source: Source = 'manual'): Promise<Lead> {
    const { expectedVersion, ...patch } = body;
    if (patch.status !== undefined && !this.statuses.includes(patch.status)) {
      throw invalid([{ path: 'status', message: `Unknown column "${patch.status}"`, code: 'invalid_option' }], 'body');
    }
    return this.write(async (tx) => {
      const lead = await tx.visibleLead(viewer, id, { lock: true });
      if (!lead || !canEdit(viewer, lead)) throw notFound();
      if (lead.version !== expectedVersion) throw conflict(lead, expectedVersion);

      const next: Lead = { ...lead };
      const changed: Patchable[] = [];
      for (const field of PATCHABLE) {
        const value = patch[field];
        if (value === undefined || value === lead[field]) continue;
        if (value === null) {
          if (lead[field] === undefined) continue;
          delete next[field as 'company'];
        } else {
          (next as Record<Patchable, unknown>)[field] = value;
        }
        changed.push(field);
      }
      if (changed.length === 0) return lead; // nothing differs: nothing written, nothing logged

      const at = now();
      next.version = lead.version + 1;
      next.updatedAt = at;
      if (!(await tx.writeLead(next, lead.version))) {
        // The lead was read locked, so only a database that broke that promise gets here: roll back.
        throw new Error(`Lead ${id} changed inside the transaction`);
      }

      // One entry per logged change (sdk/history.ts: the MemoryAdapter writes the same).
      const base = { leadId: id, actorId: viewer.id, at, source };
      const activities: Activity[] = editEntries(lead, next).map((entry) => ({ ...base, id: timeOrderedId(), ...entry }));
      for (const activity of activities) await tx.appendActivity(activity);
      await tx.recordChanges([{ before: lead, after: next, activities }]);
      return next;
    });
  }

  async assign(viewer: Member, body: AssignBody): Promise<AssignResponse> {
    const assignee = body.assigneeId === null ? null : await this.repo.member(body.assigneeId);
    if (body.assigneeId !== null && !canReceive(assignee ?? undefined)) {
      throw invalid([{ path: 'assigneeId', message: 'Not an active member' }], 'body');
    }
    const batchId = body.batchId ?? randomUUID();
    const source = body.source ?? 'manual';
    const leadIds = [...new Set(body.leadIds)];

    const type = body.assigneeId === null ? 'unassigned' : 'assigned';
    return this.write(async (tx): Promise<AssignResponse> => {
      const results: AssignResult[] = [];
      const changes: LeadChange[] = [];
      /** The leads to write, as read (their version is the one the write expects), and their history rows. */
      const toWrite: Lead[] = [];
      const history: { id: string; leadId: string; from: string | null }[] = [];
      const at = now();
      // One read for the whole batch; the decision is still made lead by lead, in the order asked.
      const visible = await tx.visibleLeads(viewer, leadIds, { lock: true });
      for (const leadId of leadIds) {
        const lead = visible.get(leadId);
        const step = decideAssignment(viewer, lead, assignee ?? null, body.expectedVersions?.[leadId]);
        if (step === 'not_found' || step === 'forbidden' || !lead) {
          results.push({ leadId, status: step === 'forbidden' ? 'forbidden' : 'not_found' });
          continue;
        }
        if (step !== 'write') {
          // conflict: the lead as it now is; unchanged: already so, nothing to write or log
          results.push({ leadId, status: step === 'conflict' ? 'conflict' : 'ok', lead });
          continue;
        }
        const next: Lead = { ...lead, assigneeId: body.assigneeId, version: lead.version + 1, updatedAt: at };
        const activity: Activity = {
          id: timeOrderedId(), leadId, type, actorId: viewer.id, at, from: lead.assigneeId, to: body.assigneeId, source,
          batchId,
        };
        results.push({ leadId, status: 'ok', lead: next });
        changes.push({ before: lead, after: next, activities: [activity] });
        toWrite.push(lead);
        history.push({ id: activity.id, leadId, from: lead.assigneeId });
      }
      // Then the writes, one statement for all leads and one for all history rows. Every lead to write was
      // read locked above, at the version it is written from; fewer rows written means the database let one
      // change anyway, and the throw rolls the whole batch back.
      const written = await tx.writeAssignments(toWrite, body.assigneeId, at);
      if (written !== toWrite.length) {
        throw new Error(`${toWrite.length - written} of ${toWrite.length} leads changed inside the transaction`);
      }
      await tx.appendAssignmentHistory({ type, actorId: viewer.id, at, to: body.assigneeId, source, batchId }, history);
      await tx.recordChanges(changes);
      return { batchId, results };
    });
  }

  async addNote(viewer: Member, leadId: string, text: string): Promise<Activity> {
    return this.write(async (tx) => {
      // Locked, so the lead cannot leave the author's view between this check and the note's commit.
      const lead = await tx.visibleLead(viewer, leadId, { lock: true });
      if (!lead || !canEdit(viewer, lead)) throw notFound();
      const activity: Activity = { id: timeOrderedId(), leadId, type: 'note', actorId: viewer.id, at: now(), text,
        source: 'manual' };
      await tx.appendActivity(activity);
      await tx.recordChanges([{ before: lead, after: lead, activities: [activity] }]);
      return activity;
    });
  }
}
