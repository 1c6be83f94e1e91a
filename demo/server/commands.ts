/**
 * The writes: each runs in ONE SQLite transaction (a throw anywhere rolls back every row it wrote), appends
 * its history rows in the same transaction, and publishes to the event hub only after the commit.
 */
import { randomUUID } from 'node:crypto';
import type { Activity, AssignBody, AssignResponse, AssignResult, Lead, Member, PatchLeadBody, Source } from
  '../../sdk/schema.js';
import { canEdit, canReceive, decideAssignment } from '../../sdk/policy.js';
import type { EventHub, LeadChange } from './events.js';
import { ApiError, invalid, notFound } from './http.js';
import { timeOrderedId } from './ids.js';
import type { Repository } from './repository.js';

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
    private readonly hub: EventHub,
    /** Column keys a lead's status may take. */
    private readonly statuses: readonly string[],
  ) {}

  updateLead(viewer: Member, id: string, body: PatchLeadBody, source: Source = 'manual'): Lead {
    const { expectedVersion, ...patch } = body;
    if (patch.status !== undefined && !this.statuses.includes(patch.status)) {
      throw invalid([{ path: 'status', message: `Unknown column "${patch.status}"` }], 'body');
    }
    const { lead, change } = this.repo.db.transaction((): { lead: Lead; change?: LeadChange } => {
      const lead = this.repo.visibleLead(viewer, id);
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
      if (changed.length === 0) return { lead }; // nothing differs: nothing written, nothing logged

      const at = now();
      next.version = lead.version + 1;
      next.updatedAt = at;
      if (!this.repo.writeLead(next, lead.version)) {
        // Only another process writing the same file could get here; never answer with a lead now hidden.
        const latest = this.repo.visibleLead(viewer, id);
        throw latest ? conflict(latest, expectedVersion) : notFound();
      }

      const activities: Activity[] = [];
      const base = { leadId: id, actorId: viewer.id, at, source };
      if (changed.includes('status')) {
        activities.push({ ...base, id: timeOrderedId(), type: 'status_changed', from: lead.status, to: next.status });
      }
      // A move carries its new position; position is named only when it changed on its own (a reorder).
      const others = changed.filter((f) => f !== 'status' && !(f === 'position' && changed.includes('status')));
      if (others.length > 0) activities.push({ ...base, id: timeOrderedId(), type: 'updated', text: others.join(', ') });
      for (const activity of activities) this.repo.appendActivity(activity);
      return { lead: next, change: { before: lead, after: next, activities } };
    })();
    if (change) this.hub.publish([change]);
    return lead;
  }

  assign(viewer: Member, body: AssignBody): AssignResponse {
    const assignee = body.assigneeId === null ? null : this.repo.member(body.assigneeId);
    if (body.assigneeId !== null && !canReceive(assignee ?? undefined)) {
      throw invalid([{ path: 'assigneeId', message: 'Not an active member' }], 'body');
    }
    const batchId = body.batchId ?? randomUUID();
    const source = body.source ?? 'manual';
    const leadIds = [...new Set(body.leadIds)];

    const type = body.assigneeId === null ? 'unassigned' : 'assigned';
    const { results, changes } = this.repo.db.transaction(() => {
      const results: AssignResult[] = [];
      const changes: LeadChange[] = [];
      /** The leads to write, as read (their version is the one the write expects), and their history rows. */
      const toWrite: Lead[] = [];
      const history: { id: string; leadId: string; from: string | null }[] = [];
      const at = now();
      // One read for the whole batch; the decision is still made lead by lead, in the order asked.
      const visible = this.repo.visibleLeads(viewer, leadIds);
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
      // read above in this transaction at the version it is written from; fewer rows written means another
      // process changed one meanwhile, and the throw rolls the whole batch back.
      const written = this.repo.writeAssignments(toWrite, body.assigneeId, at);
      if (written !== toWrite.length) {
        throw new Error(`${toWrite.length - written} of ${toWrite.length} leads changed inside the transaction`);
      }
      this.repo.appendAssignmentHistory({ type, actorId: viewer.id, at, to: body.assigneeId, source, batchId }, history);
      return { results, changes };
    })();
    this.hub.publish(changes);
    return { batchId, results };
  }

  addNote(viewer: Member, leadId: string, text: string): Activity {
    const lead = this.repo.visibleLead(viewer, leadId);
    if (!lead || !canEdit(viewer, lead)) throw notFound();
    const activity: Activity = { id: timeOrderedId(), leadId, type: 'note', actorId: viewer.id, at: now(), text,
      source: 'manual' };
    this.repo.appendActivity(activity);
    this.hub.publish([{ before: lead, after: lead, activities: [activity] }]);
    return activity;
  }
}
