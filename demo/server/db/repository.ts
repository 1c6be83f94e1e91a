/**
 * The one storage interface of the reference server, implemented for SQLite (sqlite.ts, the embedded default)
 * and PostgreSQL (postgres.ts, several instances on one database). Everything is async so both fit.
 *
 * Rules every implementation keeps:
 * - Visibility lives in the SQL (the `viewer` argument becomes a WHERE clause): a member's query cannot even
 *   read another member's lead. The per-lead decisions are made by the callers with sdk/policy.ts.
 * - A write is `transaction(work)`: everything `work` does through its `Transaction` commits together or not
 *   at all. Reads for a write take `{ lock: true }`, so the version read is the version written over
 *   (PostgreSQL: `FOR UPDATE` row locks; SQLite: the transaction holds the database's write lock from BEGIN).
 * - History (`activity`) is append-only: no statement here updates or deletes it, and the database refuses to.
 * - Every committed change reaches `onChanges` listeners once, in commit order, on every instance sharing the
 *   database (SQLite: this process; PostgreSQL: through the change log and LISTEN/NOTIFY, see change-feed.ts).
 */
import type { Activity, AssignmentRules, Lead, Member, MemberWithLoad } from '../../../sdk/schema.js';

/** One lead's committed change: who could see it before (for "left your view"), its state after, the rows written. */
export interface LeadChange {
  before: Pick<Lead, 'assigneeId'> | undefined;
  after: Lead;
  activities: readonly Activity[];
}

export interface LeadListFilter {
  statuses?: readonly string[];
  /** 'any' | 'me' | 'unassigned' | member id */
  assignee?: string;
  q?: string;
}

export interface ReadOptions {
  /** Inside a transaction: hold the rows read until commit, so nobody else writes them meanwhile. */
  lock?: boolean;
}

/** What both a plain read and a transaction can ask. */
export interface Reads {
  member(id: string): Promise<Member | undefined>;
  /** The lead, or undefined when it does not exist or `viewer` may not see it. */
  visibleLead(viewer: Member, id: string, options?: ReadOptions): Promise<Lead | undefined>;
  /** The leads among `ids` that `viewer` may see, by id, in one query; hidden or unknown ids are absent. */
  visibleLeads(viewer: Member, ids: readonly string[], options?: ReadOptions): Promise<Map<string, Lead>>;
}

/** The assignment rules as stored (the defaults until someone saves some) and the rotation position. */
export interface StoredAssignment {
  rules: AssignmentRules;
  /** The member who received the last lead the rules placed (RulePlan.cursor), null before the first. */
  cursor: string | null;
}

/**
 * What leads arriving (created, imported) read, on the pool and inside a transaction alike. In a
 * transaction, `assignment({ lock: true })` holds the rules row until commit: every writer of new leads takes
 * it first, so rotation positions are handed out one writer at a time, across instances.
 */
export interface IntakeReads {
  /** Every member, in name order. */
  members(): Promise<Member[]>;
  /** Every member with the number of open (not won or lost) leads they hold. */
  membersWithLoad(): Promise<MemberWithLoad[]>;
  assignment(options?: ReadOptions): Promise<StoredAssignment>;
  /** Every lead's email, lower-cased, to the id of the oldest lead having it (created first, then by id). */
  leadEmails(): Promise<Map<string, string>>;
  /** The lowest position in each column that holds leads (its top card). */
  columnTops(): Promise<Map<string, number>>;
}

/** What leads arriving write: whole leads and their history in one statement each, and the rules row. */
export interface IntakeWrites {
  /** Inserts new leads (version 1), one statement for all. */
  insertLeads(leads: readonly Lead[]): Promise<void>;
  /** Appends history rows in the given order (`seq` follows it), one statement for all. */
  appendActivities(activities: readonly Activity[]): Promise<void>;
  writeAssignmentRules(rules: AssignmentRules): Promise<void>;
  writeRuleCursor(cursor: string | null): Promise<void>;
}

/** The fields shared by every history row of one assignment batch. */
export type AssignmentShared = Pick<Activity, 'type' | 'actorId' | 'at' | 'source' | 'batchId'> & { to: string | null };

/** A keyed write's answer, as stored for its retries (idempotency.ts). */
export interface StoredAnswer {
  fingerprint: string;
  status: number;
  body: string;
}

/** Who sent which key for which request (the fingerprint: method, path and body). */
export interface IdempotencyClaim {
  memberId: string;
  key: string;
  fingerprint: string;
  createdAt: number;
}

export interface Transaction extends Reads, IntakeReads, IntakeWrites {
  /** Writes every field of `lead` where its version is still `expectedVersion`; false when it was not. */
  writeLead(lead: Lead, expectedVersion: number): Promise<boolean>;
  /**
   * Writes one assignment to many leads in one statement: assignee, `updatedAt`, version + 1, each where its
   * version is still the one given. Answers how many were written, so the caller can tell one changed
   * underneath (fewer than asked) and roll back.
   */
  writeAssignments(leads: readonly { id: string; version: number }[], assigneeId: string | null,
    updatedAt: string): Promise<number>;
  /** Appends the history rows of one assignment batch in one statement, in the given order. */
  appendAssignmentHistory(shared: AssignmentShared,
    rows: readonly { id: string; leadId: string; from: string | null }[]): Promise<void>;
  appendActivity(activity: Activity): Promise<void>;
  /** Announces what this transaction changed; listeners hear of it only once it has committed. */
  recordChanges(changes: readonly LeadChange[]): Promise<void>;
  /**
   * Claims an idempotency key for this transaction's write: undefined when it is new (the key is now this
   * transaction's, released again if it rolls back), else the answer stored by the write that holds it. A
   * concurrent claim of the same key waits for that write's commit or rollback (PostgreSQL: the unique index;
   * SQLite: one writer at a time), so two copies of one request never both write.
   */
  claimIdempotency(claim: IdempotencyClaim): Promise<StoredAnswer | undefined>;
  /** Stores the answer of the write that claimed the key, committed with it. */
  completeIdempotency(memberId: string, key: string, status: number, body: string): Promise<void>;
}

export interface Repository extends Reads, IntakeReads {
  readonly engine: 'sqlite' | 'postgres';
  memberByEmail(email: string): Promise<Member | undefined>;
  activeMembers(): Promise<Member[]>;
  /** Every member, in name order. */
  members(): Promise<Member[]>;
  /** Every member with the number of open (not won or lost) leads they hold. */
  membersWithLoad(): Promise<MemberWithLoad[]>;
  listLeads(viewer: Member, filter: LeadListFilter): Promise<Lead[]>;
  activityOf(leadId: string): Promise<Activity[]>;
  /** The history rows of one batch (one user action) on leads `viewer` may see now, in order; at most MAX_BATCH. */
  batchActivity(viewer: Member, batchId: string): Promise<Activity[]>;
  /**
   * Stores a session by the hash of its token, purging expired ones on the way (by index) and ending the
   * member's oldest sessions beyond `keepPerMember`, so the table cannot grow without bound.
   */
  addSession(tokenHash: string, memberId: string, expiresAt: number, keepPerMember: number): Promise<void>;
  /** The member of an unexpired session and its expiry, in one query. */
  session(tokenHash: string, now: number): Promise<{ member: Member; expiresAt: number } | undefined>;
  /** Ends a session (logout). */
  deleteSession(tokenHash: string): Promise<void>;
  /** Which of `tokenHashes` are unexpired sessions, in one query. */
  liveSessions(tokenHashes: readonly string[], now: number): Promise<Set<string>>;
  /** Deletes expired sessions and idempotency records created before `idempotentBefore` (both by index). */
  sweep(now: number, idempotentBefore: number): Promise<{ sessions: number; idempotency: number }>;

  transaction<T>(work: (tx: Transaction) => Promise<T>): Promise<T>;

  /**
   * Listens to committed changes (see the rules above). `onLost` is told when changes may have been missed
   * (the PostgreSQL feed lost its connection): open event streams must then be ended so clients reload.
   */
  onChanges(listener: (changes: readonly LeadChange[]) => void, onLost?: () => void): () => void;
  /** False while changes cannot be followed (the feed is reconnecting): a new event stream would miss some. */
  readonly following: boolean;
  /**
   * How many distinct SQL texts have been prepared. A fixed set: filters and batches change parameters,
   * never the text, so no input can make the server compile statement after statement.
   */
  readonly preparedStatements: number;

  /**
   * Short-lived messages between the instances sharing the database (presence, demo/server/presence.ts): one
   * published on any instance reaches `onPresence` listeners on every instance, this one included. Nothing is
   * stored; a message lost while the feed reconnects is made good by the next renewal.
   */
  publishPresence(message: string): Promise<void>;
  onPresence(listener: (message: string) => void): () => void;

  /** Releases the database. Safe to call twice. */
  close(): Promise<void>;
}

/**
 * The database cannot be reached right now (refused, dropped or timed-out connection): the request answers
 * 503 and may be retried; the engine reconnects by itself once the database is back.
 */
export class DatabaseUnavailableError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'DatabaseUnavailableError';
  }
}
