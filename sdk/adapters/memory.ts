/**
 * The embedded default backend: a real implementation of the LeadAdapter contract held in memory.
 *
 * `MemoryDatabase` (memory-database.ts) is the shared "server": members, leads and the append-only activity
 * log, optionally persisted to localStorage. `MemoryAdapter` is one session on it, acting as one member, and enforces
 * sdk/policy.ts exactly as the reference server does (invisible leads do not exist, stale versions conflict,
 * inactive members cannot receive leads). Several adapters on one database behave like several users:
 * each receives change events for the leads it may see. Leads arriving (create, import, assignment rules)
 * are memory-intake.ts, on the rules the reference server shares.
 */
import type { AssignOptions, ImportOptions, LeadAdapter, LeadListQuery } from '../adapter.js';
import { AdapterError, parseOrThrow } from '../adapter.js';
import { plainAssignBody } from '../internal/id-checks.js';
import { matchesAssignee, searchableText, foldText } from '../internal/match.js';
import { editEntries } from '../history.js';
import { canEdit, canSee, decideAssignment } from '../policy.js';
import type {
  Activity,
  AssignmentRules,
  AssignResponse,
  AssignResult,
  ChangeEvent,
  CreateOptions,
  ImportInput,
  ImportResult,
  Lead,
  LeadPatch,
  Member,
  MemberWithLoad,
  NewLead,
  Source,
} from '../schema.js';
import {
  AssignBodySchema,
  ColumnKeySchema,
  IdSchema,
  LeadQuerySchema,
  NoteBodySchema,
  PatchLeadBodySchema,
  UpdateOptionsSchema,
} from '../schema.js';
import * as z from 'zod/mini';
import type { SeedOptions } from '../seed.js';
import type { Commit, KeyValueStorage } from './memory-database.js';
import { copyActivity } from './activity-log.js';
import { MemoryDatabase, copyLead } from './memory-database.js';
import * as intake from './memory-intake.js';

export { MemoryDatabase } from './memory-database.js';
export type { KeyValueStorage, MemoryData, MemoryDatabaseOptions } from './memory-database.js';

export interface MemoryAdapterOptions {
  database: MemoryDatabase;
  /** The member this session acts as. */
  as: string;
  /** Simulated network delay in milliseconds for every call and every pushed event (demo). */
  latency?: number;
}

export interface SeededMemoryAdapterOptions extends SeedOptions {
  /** Member id to act as; default the first admin. */
  as?: string;
  latency?: number;
  storageKey?: string;
  storage?: KeyValueStorage;
}

const ListQuerySchema = z.extend(LeadQuerySchema, { status: z.optional(z.array(ColumnKeySchema)) });
const PATCH_NULLABLE = new Set(['company', 'email', 'phone', 'value']);

/** One member's session on a MemoryDatabase. */
export class MemoryAdapter implements LeadAdapter {
  readonly database: MemoryDatabase;
  readonly memberId: string;
  readonly latency: number;

  constructor(options: MemoryAdapterOptions) {
    this.database = options.database;
    this.memberId = parseOrThrow(IdSchema, options.as, 'as');
    this.latency = Math.max(0, options.latency ?? 0);
  }

  /** A new database with demo data and a session on it (by default as the admin). */
  static seeded(options: SeededMemoryAdapterOptions = {}): MemoryAdapter {
    const { as, latency, storageKey, storage, ...seedOptions } = options;
    const database = MemoryDatabase.seeded(seedOptions, { storageKey, storage });
    const admin = [...database.allMembers()].find((m) => m.role === 'admin' && m.active);
    return new MemoryAdapter({ database, as: as ?? admin?.id ?? 'm1', latency });
  }

  /** Another session on the same database, acting as another member (another user, another tab). */
  session(memberId: string, options: { latency?: number } = {}): MemoryAdapter {
    return new MemoryAdapter({ database: this.database, as: memberId, latency: options.latency ?? this.latency });
  }

  async me(): Promise<Member> {
    await this.wait();
    return { ...this.viewer() };
  }

  async listMembers(): Promise<MemberWithLoad[]> {
    await this.wait();
    this.viewer();
    const load = this.database.openLeadCounts();
    return [...this.database.allMembers()].map((m) => ({ ...m, openLeads: load.get(m.id) ?? 0 }));
  }

  async listLeads(query: LeadListQuery = {}): Promise<Lead[]> {
    await this.wait();
    const viewer = this.viewer();
    const q = parseOrThrow(ListQuerySchema, query, 'query');
    const statuses = q.status && q.status.length > 0 ? new Set(q.status) : null;
    const text = q.q ? foldText(q.q) : '';
    const out: Lead[] = [];
    for (const lead of this.database.allLeads()) {
      if (!canSee(viewer, lead)) continue;
      if (statuses && !statuses.has(lead.status)) continue;
      if (!matchesAssignee(lead.assigneeId, q.assignee, viewer.id)) continue;
      if (text && !searchableText(lead).includes(text)) continue;
      out.push(copyLead(lead));
    }
    return out;
  }

  async getLead(id: string): Promise<Lead> {
    await this.wait();
    return copyLead(this.visibleLead(parseOrThrow(IdSchema, id, 'id')));
  }

  async createLead(lead: NewLead, options: CreateOptions = {}): Promise<Lead> {
    await this.wait();
    return intake.createLead(this.intakeSession(), lead, options);
  }

  async importLeads(input: ImportInput, options: ImportOptions = {}): Promise<ImportResult> {
    await this.wait();
    return intake.importLeads(this.intakeSession(), input, options);
  }

  async getAssignmentRules(): Promise<AssignmentRules> {
    await this.wait();
    return intake.getAssignmentRules(this.intakeSession());
  }

  async setAssignmentRules(rules: AssignmentRules): Promise<AssignmentRules> {
    await this.wait();
    return intake.setAssignmentRules(this.intakeSession(), rules);
  }

  async updateLead(id: string, patch: LeadPatch, expectedVersion: number, options: { source?: Source } = {}): Promise<Lead> {
    await this.wait();
    const viewer = this.viewer();
    const leadId = parseOrThrow(IdSchema, id, 'id');
    const body = parseOrThrow(PatchLeadBodySchema, { ...patch, expectedVersion }, 'patch');
    const { source } = parseOrThrow(UpdateOptionsSchema, options, 'options');
    const current = this.visibleLead(leadId);
    if (!canEdit(viewer, current)) throw new AdapterError('not_found', `Lead ${leadId} not found`);
    if (current.version !== body.expectedVersion) {
      throw new AdapterError('conflict', `Lead ${leadId} was changed by someone else (version ${current.version})`, {
        current: copyLead(current),
      });
    }
    const next: Record<string, unknown> = { ...current };
    const changed: string[] = [];
    for (const [key, value] of Object.entries(body)) {
      if (key === 'expectedVersion' || value === undefined) continue;
      if (value === null && PATCH_NULLABLE.has(key)) {
        if (key in next) {
          delete next[key];
          changed.push(key);
        }
      } else if (next[key] !== value) {
        next[key] = value;
        changed.push(key);
      }
    }
    // Nothing differs: not a write (no version bump, no history), like assigning to the current assignee.
    if (changed.length === 0) return copyLead(current);
    const at = new Date().toISOString();
    const after = { ...next, version: current.version + 1, updatedAt: at } as Lead;
    // One entry per logged change (sdk/history.ts: the reference server writes the same).
    const activities = editEntries(current, after).map(({ type, ...entry }) => this.activity(leadId, type, at, { ...entry, source }));
    this.database.commit([{ before: current, after, activities }]);
    return copyLead(after);
  }

  async assign(leadIds: readonly string[], assigneeId: string | null, options: AssignOptions = {}): Promise<AssignResponse> {
    await this.wait();
    const viewer = this.viewer();
    const body =
      plainAssignBody(leadIds, assigneeId, options) ??
      parseOrThrow(AssignBodySchema, { leadIds: [...leadIds], assigneeId, ...options }, 'assignment');
    if (!viewer.active) throw new AdapterError('forbidden', 'Inactive members cannot assign leads');
    const assignee = body.assigneeId === null ? null : this.database.member(body.assigneeId);
    if (assignee !== null && (!assignee || !assignee.active)) {
      throw new AdapterError('invalid', 'assignment: assigneeId: the assignee is not an active member', {
        issues: [{ path: 'assigneeId', message: 'The assignee is not an active member' }],
      });
    }
    const batchId = body.batchId ?? this.database.newId('b');
    const source = body.source ?? 'manual';
    const at = new Date().toISOString();
    const results: AssignResult[] = [];
    const commits: Commit[] = [];
    // Decide every lead first, then commit all at once: one call is one transaction.
    for (const leadId of new Set(body.leadIds)) {
      const lead = this.database.lead(leadId);
      const step = decideAssignment(viewer, lead, assignee, body.expectedVersions?.[leadId]);
      if (step === 'not_found' || step === 'forbidden' || !lead) {
        results.push({ leadId, status: step === 'forbidden' ? 'forbidden' : 'not_found' });
        continue;
      }
      if (step !== 'write') {
        // conflict: the lead as it now is; unchanged: already so, nothing to write or log
        results.push({ leadId, status: step === 'conflict' ? 'conflict' : 'ok', lead: copyLead(lead) });
        continue;
      }
      const after: Lead = { ...lead, assigneeId: body.assigneeId, version: lead.version + 1, updatedAt: at };
      const type = body.assigneeId === null ? 'unassigned' : 'assigned';
      commits.push({
        before: lead,
        after,
        activities: [this.activity(leadId, type, at, { from: lead.assigneeId, to: body.assigneeId, source, batchId })],
      });
      results.push({ leadId, status: 'ok', lead: copyLead(after) });
    }
    this.database.commit(commits);
    return { batchId, results };
  }

  async listActivity(leadId: string): Promise<Activity[]> {
    await this.wait();
    const lead = this.visibleLead(parseOrThrow(IdSchema, leadId, 'leadId'));
    return this.database.activitiesOf(lead.id).map(copyActivity);
  }

  async listBatch(batchId: string): Promise<Activity[]> {
    await this.wait();
    const viewer = this.viewer();
    const id = parseOrThrow(IdSchema, batchId, 'batchId');
    return this.database.batchActivities(id).filter((a) => {
      const lead = this.database.lead(a.leadId);
      return lead !== undefined && canSee(viewer, lead);
    }).map(copyActivity);
  }

  async addNote(leadId: string, text: string): Promise<Activity> {
    await this.wait();
    const viewer = this.viewer();
    const lead = this.visibleLead(parseOrThrow(IdSchema, leadId, 'leadId'));
    const body = parseOrThrow(NoteBodySchema, { text }, 'note');
    if (!canEdit(viewer, lead)) throw new AdapterError('not_found', `Lead ${lead.id} not found`);
    const activity = this.activity(lead.id, 'note', new Date().toISOString(), { text: body.text });
    this.database.commit([{ before: lead, activities: [activity] }]);
    return copyActivity(activity);
  }

  subscribe(onChange: (event: ChangeEvent) => void): () => void {
    return this.database.addSubscriber({ memberId: this.memberId, onChange, latency: this.latency, session: this });
  }

  /** Presence across the sessions of this database: the other sessions that may see the lead hear it. */
  async setViewing(leadId: string | null): Promise<void> {
    await this.wait();
    const id = leadId === null ? null : this.visibleLead(parseOrThrow(IdSchema, leadId, 'leadId')).id;
    this.database.setPresence(this, this.memberId, id);
  }

  // ---- helpers ----

  private intakeSession(): intake.IntakeSession {
    return { database: this.database, viewer: () => this.viewer(), activity: (...args) => this.activity(...args) };
  }

  private wait(): Promise<void> {
    return this.latency > 0 ? new Promise((resolve) => setTimeout(resolve, this.latency)) : Promise.resolve();
  }

  private viewer(): Member {
    const member = this.database.member(this.memberId);
    if (!member) throw new AdapterError('unauthorized', `Unknown member ${this.memberId}`);
    return member;
  }

  /** The lead if this member may see it; otherwise it does not exist for them (no data leaks). */
  private visibleLead(id: string): Lead {
    const lead = this.database.lead(id);
    if (!lead || !canSee(this.viewer(), lead)) throw new AdapterError('not_found', `Lead ${id} not found`);
    return lead;
  }

  private activity(
    leadId: string,
    type: Activity['type'],
    at: string,
    extra: { from?: string | null; to?: string | null; text?: string; source?: Source; batchId?: string },
  ): Activity {
    const activity: Activity = { id: this.database.newId('a'), leadId, type, actorId: this.memberId, at };
    if (extra.from !== undefined) activity.from = extra.from;
    if (extra.to !== undefined) activity.to = extra.to;
    if (extra.text !== undefined) activity.text = extra.text;
    if (extra.source !== undefined) activity.source = extra.source;
    if (extra.batchId !== undefined) activity.batchId = extra.batchId;
    return activity;
  }
}
