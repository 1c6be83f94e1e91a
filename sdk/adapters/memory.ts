/**
 * The embedded default backend: a real implementation of the LeadAdapter contract held in memory.
 *
 * `MemoryDatabase` is the shared "server": members, leads and the append-only activity log, optionally
 * persisted to localStorage. `MemoryAdapter` is one session on it, acting as one member, and enforces
 * sdk/policy.ts exactly as the reference server does (invisible leads do not exist, stale versions conflict,
 * inactive members cannot receive leads). Several adapters on one database behave like several users:
 * each receives change events for the leads it may see.
 */
import type { AssignOptions, LeadAdapter, LeadListQuery } from '../adapter.js';
import { AdapterError, parseOrThrow } from '../adapter.js';
import { plainAssignBody } from '../internal/id-checks.js';
import { matchesAssignee, searchableText, foldText } from '../internal/match.js';
import { canAssign, canEdit, canSee, decideAssignment } from '../policy.js';
import type {
  Activity,
  AssignResponse,
  AssignResult,
  ChangeEvent,
  Lead,
  LeadPatch,
  Member,
  MemberWithLoad,
  NewLead,
  Source,
} from '../schema.js';
import {
  ActivitySchema,
  AssignBodySchema,
  CLOSED_STATUSES,
  ColumnKeySchema,
  IdSchema,
  LeadQuerySchema,
  LeadSchema,
  MemberSchema,
  NewLeadSchema,
  NoteBodySchema,
  PatchLeadBodySchema,
  SourceSchema,
} from '../schema.js';
import * as z from 'zod/mini';
import type { SeedOptions } from '../seed.js';
import { seed } from '../seed.js';

export interface MemoryData {
  members: Member[];
  leads: Lead[];
  /** History, oldest first. */
  activities?: Activity[];
}

/** The part of the Web Storage API persistence uses (localStorage in a browser; anything alike in tests). */
export interface KeyValueStorage {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
}

export interface MemoryDatabaseOptions {
  /** Persist to storage under this key; the stored data, when present and valid, replaces `data`. */
  storageKey?: string;
  /** Defaults to `globalThis.localStorage` when it exists (absent in Node: persistence is then skipped). */
  storage?: KeyValueStorage;
}

type Subscriber = { memberId: string; onChange: (event: ChangeEvent) => void; latency: number };

/** One committed write, as subscribers are told about it. */
interface Commit {
  before?: Lead;
  after?: Lead;
  activities: Activity[];
}

const copyLead = (lead: Lead): Lead => ({ ...lead });
const copyActivity = (activity: Activity): Activity => ({ ...activity });

function defaultStorage(): KeyValueStorage | undefined {
  try {
    const candidate = (globalThis as { localStorage?: KeyValueStorage }).localStorage;
    return candidate ?? undefined;
  } catch {
    return undefined; // some sandboxes throw on access
  }
}

const StoredDataSchema = z.object({
  members: z.array(MemberSchema),
  leads: z.array(LeadSchema),
  activities: z.optional(z.array(ActivitySchema)),
});

/** Shared state of every MemoryAdapter session on it. */
export class MemoryDatabase {
  private readonly memberMap = new Map<string, Member>();
  private readonly leadMap = new Map<string, Lead>();
  private readonly history = new Map<string, Activity[]>();
  private readonly activityIds = new Set<string>();
  private readonly subscribers = new Set<Subscriber>();
  private readonly storage: KeyValueStorage | undefined;
  private readonly storageKey: string | undefined;
  private saveScheduled = false;
  private counter = 0;
  private stampAt = -1;
  private stamp = '';

  constructor(data: MemoryData, options: MemoryDatabaseOptions = {}) {
    this.storageKey = options.storageKey;
    this.storage = options.storageKey ? (options.storage ?? defaultStorage()) : undefined;
    const initial = this.readStored() ?? parseOrThrow(StoredDataSchema, data, 'data');
    for (const member of initial.members) this.memberMap.set(member.id, { ...member });
    for (const lead of initial.leads) this.leadMap.set(lead.id, copyLead(lead));
    for (const activity of initial.activities ?? []) this.append(copyActivity(activity));
  }

  /** A database filled with deterministic demo data (see `seed`). */
  static seeded(options: SeedOptions = {}, databaseOptions: MemoryDatabaseOptions = {}): MemoryDatabase {
    return new MemoryDatabase(seed(options), databaseOptions);
  }

  /** Copies of everything, e.g. to compare with a client's state or to start another database. */
  snapshot(): Required<MemoryData> {
    return {
      members: [...this.memberMap.values()].map((m) => ({ ...m })),
      leads: [...this.leadMap.values()].map(copyLead),
      activities: [...this.history.values()].flat().map(copyActivity).sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : 0)),
    };
  }

  // ---- internal API for sessions (not part of the public contract) ----

  /** @internal */ member(id: string): Member | undefined {
    return this.memberMap.get(id);
  }
  /** @internal */ allMembers(): Iterable<Member> {
    return this.memberMap.values();
  }
  /** @internal */ lead(id: string): Lead | undefined {
    return this.leadMap.get(id);
  }
  /** @internal */ allLeads(): Iterable<Lead> {
    return this.leadMap.values();
  }
  /** @internal */ activitiesOf(leadId: string): readonly Activity[] {
    return this.history.get(leadId) ?? [];
  }

  /** @internal A fresh id with a prefix, unique in this database. */
  newId(prefix: string): string {
    const now = Date.now();
    if (now !== this.stampAt) {
      // A batch of 1,000 writes happens within a few milliseconds: format the time once per millisecond.
      this.stampAt = now;
      this.stamp = now.toString(36);
    }
    let id: string;
    do id = `${prefix}${this.stamp}-${(++this.counter).toString(36)}`;
    while (this.leadMap.has(id) || this.activityIds.has(id));
    return id;
  }

  /**
   * @internal Applies a set of writes at once (callers validate everything first, so a batch is atomic),
   * appends their history, tells subscribers and persists.
   */
  commit(commits: Commit[]): void {
    for (const c of commits) {
      if (c.after) this.leadMap.set(c.after.id, c.after);
      for (const activity of c.activities) this.append(activity);
    }
    if (commits.length === 0) return;
    for (const subscriber of this.subscribers) this.notify(subscriber, commits);
    this.scheduleSave();
  }

  /** @internal */
  addSubscriber(subscriber: Subscriber): () => void {
    this.subscribers.add(subscriber);
    return () => this.subscribers.delete(subscriber);
  }

  private append(activity: Activity): void {
    if (this.activityIds.has(activity.id)) return;
    this.activityIds.add(activity.id);
    const list = this.history.get(activity.leadId);
    if (list) list.push(activity);
    else this.history.set(activity.leadId, [activity]);
  }

  /** Each subscriber hears about the leads it may see, judged with its member's current role and state. */
  private notify(subscriber: Subscriber, commits: readonly Commit[]): void {
    const viewer = this.memberMap.get(subscriber.memberId);
    if (!viewer) return;
    const events: ChangeEvent[] = [];
    for (const c of commits) {
      const lead = c.after ?? c.before;
      if (!lead) continue;
      const seesAfter = canSee(viewer, lead);
      if (c.after) {
        if (seesAfter) events.push({ type: 'lead', lead: copyLead(c.after) });
        else if (c.before && canSee(viewer, c.before)) events.push({ type: 'lead_removed', leadId: c.after.id });
      }
      if (seesAfter) for (const a of c.activities) events.push({ type: 'activity', activity: copyActivity(a) });
    }
    if (events.length === 0) return;
    // Delivered asynchronously, like a server push: never inside the writer's call stack.
    const deliver = () => {
      if (!this.subscribers.has(subscriber)) return;
      for (const event of events) subscriber.onChange(event);
    };
    if (subscriber.latency > 0) setTimeout(deliver, subscriber.latency);
    else queueMicrotask(deliver);
  }

  private readStored(): MemoryData | undefined {
    if (!this.storage || !this.storageKey) return undefined;
    try {
      const raw = this.storage.getItem(this.storageKey);
      if (!raw) return undefined;
      const parsed = StoredDataSchema.safeParse(JSON.parse(raw));
      return parsed.success ? parsed.data : undefined; // corrupt or outdated: start from `data`
    } catch {
      return undefined;
    }
  }

  /** Saves at most once per task, so a burst of writes costs one serialization. */
  private scheduleSave(): void {
    if (!this.storage || !this.storageKey || this.saveScheduled) return;
    this.saveScheduled = true;
    queueMicrotask(() => {
      this.saveScheduled = false;
      this.saveNow();
    });
  }

  /** Writes the current data to storage now (also called by the scheduled save). */
  saveNow(): void {
    if (!this.storage || !this.storageKey) return;
    try {
      this.storage.setItem(this.storageKey, JSON.stringify(this.snapshot()));
    } catch {
      // Quota exceeded or storage disabled: the data stays in memory; persistence is best effort.
    }
  }
}

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
const UpdateOptionsSchema = z.object({ source: z.optional(SourceSchema) });
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
    const load = new Map<string, number>();
    for (const lead of this.database.allLeads()) {
      if (lead.assigneeId !== null && !CLOSED_STATUSES.includes(lead.status)) {
        load.set(lead.assigneeId, (load.get(lead.assigneeId) ?? 0) + 1);
      }
    }
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

  async createLead(input: NewLead): Promise<Lead> {
    await this.wait();
    const viewer = this.viewer();
    const data = parseOrThrow(NewLeadSchema, input, 'lead');
    const assigneeId = data.assigneeId ?? null;
    if (assigneeId !== null) {
      const decision = canAssign(viewer, { assigneeId: null }, this.database.member(assigneeId));
      if (!decision.ok) throw new AdapterError(decision.code, `assigneeId: ${decision.reason}`);
    } else if (!viewer.active) {
      throw new AdapterError('forbidden', 'Inactive members cannot create leads');
    }
    let last = 0;
    for (const lead of this.database.allLeads()) if (lead.status === data.status) last = Math.max(last, lead.position);
    const at = new Date().toISOString();
    const lead: Lead = {
      id: this.database.newId('l'),
      name: data.name,
      status: data.status,
      position: last + 1000,
      assigneeId,
      createdAt: at,
      updatedAt: at,
      version: 1,
    };
    for (const key of ['company', 'email', 'phone', 'value'] as const) {
      if (data[key] !== undefined) (lead as Record<string, unknown>)[key] = data[key];
    }
    const activities = [this.activity(lead.id, 'created', at, { source: 'api' })];
    if (assigneeId !== null) activities.push(this.activity(lead.id, 'assigned', at, { from: null, to: assigneeId, source: 'api' }));
    this.database.commit([{ after: lead, activities }]);
    return copyLead(lead);
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
    const activities: Activity[] = [];
    if (changed.includes('status')) {
      activities.push(this.activity(leadId, 'status_changed', at, { from: current.status, to: after.status, source }));
    }
    // Position alone is card order, not worth a history line.
    const fields = changed.filter((k) => k !== 'status' && k !== 'position');
    if (fields.length > 0) activities.push(this.activity(leadId, 'updated', at, { text: fields.join(', '), source }));
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
    return this.database.addSubscriber({ memberId: this.memberId, onChange, latency: this.latency });
  }

  // ---- helpers ----

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
