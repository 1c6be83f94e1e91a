/**
 * MemoryDatabase: the shared "server" behind every MemoryAdapter session — members, leads, the append-only
 * activity log, the board's columns and the assignment rules with their rotation position, optionally
 * persisted to localStorage (or any storage alike). Sessions read it and commit writes through its internal
 * API; it tells each subscriber about the leads that member may see.
 */
import { parseOrThrow } from '../adapter.js';
import { canSee, movesLoads } from '../policy.js';
import type { Activity, AssignmentRules, ChangeEvent, Column, Lead, Member } from '../schema.js';
import {
  ActivitySchema,
  AssignmentRulesSchema,
  CLOSED_STATUSES,
  ColumnsSchema,
  DEFAULT_ASSIGNMENT_RULES,
  DEFAULT_COLUMNS,
  IdSchema,
  LeadSchema,
  MemberSchema,
} from '../schema.js';
import * as z from 'zod/mini';
import type { SeedOptions } from '../seed.js';
import { seed } from '../seed.js';
import { isValidated, markValidated } from '../internal/validated.js';
import { ActivityLog, copyActivity } from './activity-log.js';
import { TabSync, merged, type SyncMessage } from './memory-sync.js';

export interface MemoryData {
  members: Member[];
  leads: Lead[];
  /** History, oldest first. */
  activities?: Activity[];
  /** Who receives arriving leads (default: off). */
  assignmentRules?: AssignmentRules;
  /** The member who received the last lead the rules assigned: where the rotation goes on. */
  ruleCursor?: string | null;
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
  /** The board's columns: a lead's status must be one of their keys (default DEFAULT_COLUMNS). */
  columns?: readonly Column[];
  /**
   * Keep in step with the other databases persisting under the same key (the page's other tabs), live
   * (memory-sync.ts). Default: on when persisting to the global localStorage, off for a storage given.
   */
  sync?: boolean;
}

type Subscriber = {
  memberId: string;
  onChange: (event: ChangeEvent) => void;
  latency: number;
  /** The session (adapter) subscribing: its presence ends with the subscription. */
  session?: object;
};

/** One committed write, as subscribers are told about it. */
export interface Commit {
  before?: Lead;
  after?: Lead;
  activities: Activity[];
}

export const copyLead = (lead: Lead): Lead => ({ ...lead });

/** Adds `by` to the count of the lead's holder, if it is held and open. */
function countOpen(counts: Map<string, number>, lead: Lead, by: 1 | -1): void {
  if (lead.assigneeId === null || CLOSED_STATUSES.includes(lead.status)) return;
  counts.set(lead.assigneeId, (counts.get(lead.assigneeId) ?? 0) + by);
}
const copyRules = (rules: AssignmentRules): AssignmentRules => ({
  ...rules,
  memberIds: [...rules.memberIds],
  ...(rules.statuses ? { statuses: [...rules.statuses] } : {}),
});

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
  assignmentRules: z.optional(AssignmentRulesSchema),
  ruleCursor: z.optional(z.nullable(IdSchema)),
});

/** Shared state of every MemoryAdapter session on it. */
export class MemoryDatabase {
  private readonly memberMap = new Map<string, Member>();
  private readonly leadMap = new Map<string, Lead>();
  /**
   * Open leads per member, counted once when first asked for and then moved by every lead written (putLead):
   * a bulk assignment or a move across columns is followed by every member's count (`member_loads`), and
   * counting 10,000 leads afresh for each was a pass over all of them per write.
   */
  private openCounts: Map<string, number> | null = null;
  private readonly log: ActivityLog;
  private readonly subscribers = new Set<Subscriber>();
  /** Presence: which lead each session has open, and as whom. */
  private readonly presence = new Map<object, { memberId: string; leadId: string }>();
  private readonly storage: KeyValueStorage | undefined;
  private readonly storageKey: string | undefined;
  /** The board's columns (statuses a lead may have). */
  readonly columns: readonly Column[];
  private rules: AssignmentRules;
  private cursor: string | null;
  private saveScheduled = false;
  /** The other tabs on this storage key, when in step with them. */
  private readonly tabs: TabSync | undefined;
  /** Set in step with other tabs, so ids made in two tabs at the same millisecond differ. */
  private readonly idTag: string;
  private counter = 0;
  private stampAt = -1;
  private stamp = '';

  constructor(data: MemoryData, options: MemoryDatabaseOptions = {}) {
    this.storageKey = options.storageKey;
    this.storage = options.storageKey ? (options.storage ?? defaultStorage()) : undefined;
    this.columns = options.columns ? parseOrThrow(ColumnsSchema, options.columns, 'columns') : DEFAULT_COLUMNS;
    // Data the SDK made to its schemas (seed, snapshot) is not checked again; anything else is.
    const initial = this.readStored() ?? (isValidated(data) ? data : parseOrThrow(StoredDataSchema, data, 'data'));
    this.rules = copyRules(initial.assignmentRules ?? DEFAULT_ASSIGNMENT_RULES);
    this.cursor = initial.ruleCursor ?? null;
    for (const member of initial.members) this.memberMap.set(member.id, { ...member });
    for (const lead of initial.leads) this.leadMap.set(lead.id, copyLead(lead)); // counted when first asked for
    this.log = new ActivityLog(initial.activities);
    const synced = this.storage && this.storageKey && (options.sync ?? this.storage === defaultStorage());
    this.tabs = synced
      ? new TabSync(this.storageKey!, (message) => this.receive(message), (text) => this.mergeStored(text))
      : undefined;
    this.idTag = this.tabs ? `${this.tabs.id.slice(0, 4)}.` : '';
  }

  /** Stops keeping in step with other tabs (their changes no longer arrive; this one's are still saved). */
  close(): void {
    this.tabs?.close();
  }

  /** A database filled with deterministic demo data (see `seed`). */
  static seeded(options: SeedOptions = {}, databaseOptions: MemoryDatabaseOptions = {}): MemoryDatabase {
    return new MemoryDatabase(seed(options), databaseOptions);
  }

  /** Copies of everything, e.g. to compare with a client's state or to start another database. */
  snapshot(): Required<MemoryData> {
    return markValidated({
      members: [...this.memberMap.values()].map((m) => ({ ...m })),
      leads: [...this.leadMap.values()].map(copyLead),
      activities: this.log.all(),
      assignmentRules: copyRules(this.rules),
      ruleCursor: this.cursor,
    });
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
    return this.log.of(leadId);
  }
  /** @internal The history entries of one batch, in the order they were written. */
  batchActivities(batchId: string): Activity[] {
    return this.log.batch(batchId);
  }

  /** @internal Open leads (not won or lost) per member id, for listMembers and the assignment rules. */
  openLeadCounts(): ReadonlyMap<string, number> {
    if (!this.openCounts) {
      const counts = new Map<string, number>();
      for (const lead of this.leadMap.values()) countOpen(counts, lead, 1);
      this.openCounts = counts;
    }
    return this.openCounts;
  }

  /** Stores a lead (a new one or a new version), moving the open-lead counts if they are kept already. */
  private putLead(lead: Lead): void {
    if (this.openCounts) {
      const previous = this.leadMap.get(lead.id);
      if (previous) countOpen(this.openCounts, previous, -1);
      countOpen(this.openCounts, lead, 1);
    }
    this.leadMap.set(lead.id, lead);
  }

  /** @internal The assignment rules and the rotation position (a copy). */
  assignment(): { rules: AssignmentRules; cursor: string | null } {
    return { rules: copyRules(this.rules), cursor: this.cursor };
  }

  /** @internal Replaces the rules (already checked by the caller) and persists them. */
  setAssignmentRules(rules: AssignmentRules): void {
    this.rules = copyRules(rules);
    this.tabs?.post({ commits: [], rules: copyRules(rules) });
    this.scheduleSave();
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
    do id = `${prefix}${this.stamp}-${this.idTag}${(++this.counter).toString(36)}`;
    while (this.leadMap.has(id) || this.log.has(id));
    return id;
  }

  /**
   * @internal Applies a set of writes at once (callers validate everything first, so a batch is atomic),
   * appends their history, tells subscribers and persists. `ruleCursor`: the rotation position the rules
   * reached with these writes, saved with them.
   */
  commit(commits: Commit[], options: { ruleCursor?: string | null } = {}): void {
    if (options.ruleCursor !== undefined) this.cursor = options.ruleCursor;
    for (const c of commits) {
      if (c.after) this.putLead(c.after);
      for (const activity of c.activities) this.log.append(activity);
    }
    if (commits.length === 0) return;
    const loads = this.loadsAfter(commits);
    for (const subscriber of this.subscribers) this.notify(subscriber, commits, loads);
    this.tabs?.post({
      commits: commits.flatMap((c) => (c.after ? [{ after: copyLead(c.after), activities: c.activities.map(copyActivity) }] : [])),
      activities: commits.flatMap((c) => (c.after ? [] : c.activities.map(copyActivity))),
      ...(options.ruleCursor !== undefined ? { ruleCursor: options.ruleCursor } : {}),
    });
    this.scheduleSave();
  }

  /** Another tab's commits: what this tab did not have is applied and told to its sessions. */
  private receive(message: SyncMessage): void {
    const applied: Commit[] = [];
    for (const c of message.commits) this.take(c.after, c.activities, applied);
    for (const activity of message.activities ?? []) this.take(undefined, [activity], applied);
    if (message.rules) this.rules = copyRules(message.rules);
    if (message.ruleCursor !== undefined) this.cursor = message.ruleCursor;
    this.applied(applied);
  }

  /**
   * What another tab saved (the storage event where there is no BroadcastChannel; and before each save of
   * this one, so changes it missed are kept, not overwritten): merged lead by lead.
   */
  private mergeStored(text: string): void {
    let data: MemoryData;
    try {
      const parsed = StoredDataSchema.safeParse(JSON.parse(text));
      if (!parsed.success) return;
      data = parsed.data;
    } catch {
      return;
    }
    const applied: Commit[] = [];
    const history = new Map<string, Activity[]>();
    for (const a of data.activities ?? []) if (!this.log.has(a.id)) history.set(a.leadId, [...(history.get(a.leadId) ?? []), a]);
    for (const lead of data.leads) this.take(lead, history.get(lead.id) ?? [], applied);
    this.applied(applied);
  }

  /** Takes another tab's copy of a lead (when it wins: memory-sync.ts) and the history this tab lacks. */
  private take(lead: Lead | undefined, activities: readonly Activity[], applied: Commit[]): void {
    const leadId = lead?.id ?? activities[0]?.leadId;
    if (!leadId) return;
    const mine = this.leadMap.get(leadId);
    const after = lead ? merged(mine, lead) : null;
    const fresh = activities.filter((a) => !this.log.has(a.id)).map(copyActivity);
    if (after) this.putLead(copyLead(after));
    for (const activity of fresh) this.log.append(activity);
    if (after || fresh.length > 0) applied.push({ before: mine, after: after ? copyLead(after) : undefined, activities: fresh });
  }

  /** Tells this tab's sessions what came from another tab (a note's commit has the lead as `before`). */
  private applied(commits: Commit[]): void {
    if (commits.length === 0) return;
    const loads = this.loadsAfter(commits);
    for (const subscriber of this.subscribers) this.notify(subscriber, commits, loads);
    this.scheduleSave();
  }

  /** @internal A subscriber hears changes from now on, and at once who views which lead it may see. */
  addSubscriber(subscriber: Subscriber): () => void {
    this.subscribers.add(subscriber);
    const viewed = new Set([...this.presence.values()].map((p) => p.leadId));
    for (const leadId of viewed) this.tellPresence(leadId, subscriber);
    return () => {
      this.subscribers.delete(subscriber);
      if (subscriber.session) this.setPresence(subscriber.session, subscriber.memberId, null);
    };
  }

  /** @internal `session` (acting as `memberId`) now has `leadId` open, or nothing; every subscriber who may see the lead hears it. */
  setPresence(session: object, memberId: string, leadId: string | null): void {
    const before = this.presence.get(session)?.leadId;
    if (leadId === null) this.presence.delete(session);
    else this.presence.set(session, { memberId, leadId });
    for (const id of new Set([before, leadId])) {
      if (id === undefined || id === null || (id === before && id === leadId)) continue;
      for (const subscriber of this.subscribers) this.tellPresence(id, subscriber);
    }
  }

  private tellPresence(leadId: string, subscriber: Subscriber): void {
    const viewer = this.memberMap.get(subscriber.memberId);
    const lead = this.leadMap.get(leadId);
    if (!viewer || !lead || !canSee(viewer, lead)) return;
    const viewerIds = [...new Set([...this.presence.values()].filter((p) => p.leadId === leadId).map((p) => p.memberId))].sort();
    this.deliver(subscriber, [{ type: 'presence', leadId, viewerIds }]);
  }


  /**
   * Every member's open-lead count after commits that moved counts (null: none did), told to every subscriber
   * after the leads: a member's board keeps counts right for leads it cannot see (see ChangeEventSchema).
   */
  private loadsAfter(commits: readonly Commit[]): ChangeEvent | null {
    if (!commits.some((c) => c.after && movesLoads(c.before, c.after, c.activities))) return null;
    const open = this.openLeadCounts();
    return { type: 'member_loads', loads: [...this.memberMap.keys()].map((memberId) => ({ memberId, openLeads: open.get(memberId) ?? 0 })) };
  }

  /** Each subscriber hears about the leads it may see, judged with its member's current role and state. */
  private notify(subscriber: Subscriber, commits: readonly Commit[], loads: ChangeEvent | null): void {
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
    if (loads) events.push(loads);
    if (events.length === 0) return;
    this.deliver(subscriber, events);
  }

  /** Delivered asynchronously, like a server push: never inside the writer's call stack. */
  private deliver(subscriber: Subscriber, events: readonly ChangeEvent[]): void {
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
    if (this.tabs) {
      // In step with other tabs: what they saved and this one missed is merged first, never overwritten.
      const stored = this.storage.getItem(this.storageKey);
      if (stored) this.mergeStored(stored);
    }
    try {
      this.storage.setItem(this.storageKey, JSON.stringify(this.snapshot()));
    } catch {
      // Quota exceeded or storage disabled: the data stays in memory; persistence is best effort.
    }
  }
}
