/**
 * The SQLite engine (better-sqlite3): one file, one process, the embedded default. Opening applies the
 * migrations and seeds the demo data in one `BEGIN IMMEDIATE` transaction. Statements are synchronous;
 * the async interface is kept honest by letting only one transaction run at a time and making plain reads
 * wait while one is open (they share the connection, so they would otherwise see its uncommitted rows).
 */
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';
import type { Lead, Member } from '../../../sdk/schema.js';
import { seed as makeSeed, type SeedOptions } from '../../../sdk/seed.js';
import { foldText } from '../../../sdk/internal/match.js';
import { pendingMigrations, SEED_LEADS_DEFAULT } from './migrations.js';
import type { LeadChange, Repository, Transaction } from './repository.js';
import { SqliteIntakeStatements } from './sqlite-intake.js';
import { SqliteStatements } from './sqlite-statements.js';

export type Db = Database.Database;

export interface SqliteOptions {
  /** Demo data written into a database without members (default: 500 leads). */
  seed?: SeedOptions;
}

export class SqliteRepository extends SqliteStatements implements Repository {
  readonly engine = 'sqlite' as const;
  /** One process owns the file: it hears of every change it commits, so the feed never falls behind. */
  readonly following = true;
  private open: Promise<void> | undefined;
  private readonly listeners = new Set<(changes: readonly LeadChange[]) => void>();
  private closed = false;
  /** The statements of leads arriving (sqlite-intake.ts). */
  private readonly intake: SqliteIntakeStatements;

  constructor(readonly db: Db) {
    super(db);
    this.intake = new SqliteIntakeStatements(db);
  }

  /**
   * Runs a read once no transaction is open on the shared connection. The check and the query run with no
   * await between them, so no transaction can begin in that gap (transaction() keeps the same rule).
   */
  private async read<T>(query: () => T): Promise<T> {
    while (this.open) await this.open;
    return query();
  }

  member = (id: string) => this.read(() => this.memberNow(id));
  visibleLead = (viewer: Member, id: string) => this.read(() => this.visibleLeadNow(viewer, id));
  visibleLeads = (viewer: Member, ids: readonly string[]) => this.read(() => this.visibleLeadsNow(viewer, ids));
  memberByEmail = (email: string) => this.read(() => this.memberByEmailNow(email));
  activeMembers = () => this.read(() => this.activeMembersNow());
  members = () => this.read(() => this.membersNow());
  membersWithLoad = () => this.read(() => this.membersWithLoadNow());
  listLeads = (viewer: Member, filter: Parameters<SqliteStatements['listLeadsNow']>[1]) =>
    this.read(() => this.listLeadsNow(viewer, filter));
  activityOf = (leadId: string) => this.read(() => this.activityOfNow(leadId));
  batchActivity = (viewer: Member, batchId: string) => this.read(() => this.batchActivityNow(viewer, batchId));
  addSession = (tokenHash: string, memberId: string, expiresAt: number, keepPerMember: number) =>
    this.read(() => this.addSessionNow(tokenHash, memberId, expiresAt, keepPerMember));
  session = (tokenHash: string, now: number) => this.read(() => this.sessionNow(tokenHash, now));
  deleteSession = (tokenHash: string) => this.read(() => this.deleteSessionNow(tokenHash));
  liveSessions = (tokenHashes: readonly string[], now: number) => this.read(() => this.liveSessionsNow(tokenHashes, now));
  sweep = (now: number, idempotentBefore: number) => this.read(() => this.sweepNow(now, idempotentBefore));
  assignment = () => this.read(() => this.intake.assignment());
  leadEmails = () => this.read(() => this.intake.leadEmails());
  columnTops = () => this.read(() => this.intake.columnTops());

  async transaction<T>(work: (tx: Transaction) => Promise<T>): Promise<T> {
    while (this.open) await this.open;
    let done!: () => void;
    this.open = new Promise((resolve) => (done = resolve));
    const recorded: LeadChange[] = [];
    // BEGIN IMMEDIATE takes the write lock now: what the transaction reads cannot change before it commits.
    const tx: Transaction = {
      member: async (id) => this.memberNow(id),
      visibleLead: async (viewer, id) => this.visibleLeadNow(viewer, id),
      visibleLeads: async (viewer, ids) => this.visibleLeadsNow(viewer, ids),
      writeLead: async (lead, expectedVersion) => this.writeLeadNow(lead, expectedVersion),
      writeAssignments: async (leads, assigneeId, at) => this.writeAssignmentsNow(leads, assigneeId, at),
      appendAssignmentHistory: async (shared, rows) => this.appendAssignmentHistoryNow(shared, rows),
      appendActivity: async (activity) => this.appendActivityNow(activity),
      recordChanges: async (changes) => void recorded.push(...changes),
      members: async () => this.membersNow(),
      membersWithLoad: async () => this.membersWithLoadNow(),
      // The transaction holds the file's write lock from BEGIN IMMEDIATE: the rules row needs no lock of its own.
      assignment: async () => this.intake.assignment(),
      leadEmails: async () => this.intake.leadEmails(),
      columnTops: async () => this.intake.columnTops(),
      insertLeads: async (leads) => this.intake.insertLeads(leads),
      appendActivities: async (activities) => this.intake.appendActivities(activities),
      writeAssignmentRules: async (rules) => this.intake.writeAssignmentRules(rules),
      writeRuleCursor: async (cursor) => this.intake.writeRuleCursor(cursor),
      claimIdempotency: async (claim) => this.claimIdempotencyNow(claim),
      completeIdempotency: async (memberId, key, status, body) =>
        this.completeIdempotencyNow(memberId, key, status, body),
    };
    try {
      this.db.exec('BEGIN IMMEDIATE');
      let result: T;
      try {
        result = await work(tx);
        this.db.exec('COMMIT');
      } catch (error) {
        if (this.db.inTransaction) this.db.exec('ROLLBACK');
        throw error;
      }
      if (recorded.length > 0) for (const listener of this.listeners) listener(recorded);
      return result;
    } finally {
      this.open = undefined;
      done();
    }
  }

  onChanges(listener: (changes: readonly LeadChange[]) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  // One process per file: presence goes round in this process, delivered later like a message from afar.
  private readonly presenceListeners = new Set<(message: string) => void>();
  async publishPresence(message: string): Promise<void> {
    queueMicrotask(() => {
      for (const listener of this.presenceListeners) listener(message);
    });
  }
  onPresence(listener: (message: string) => void): () => void {
    this.presenceListeners.add(listener);
    return () => this.presenceListeners.delete(listener);
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    while (this.open) await this.open;
    this.db.close();
  }
}

/** Opens (creating the folder, schema and demo data as needed) the database at `path` (':memory:' works). */
export function openSqlite(path: string, options: SqliteOptions = {}): SqliteRepository {
  if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
  const db = new Database(path);
  try {
    // First, so that every lock below waits for another process instead of failing at once.
    db.pragma(`busy_timeout = ${BUSY_TIMEOUT_MS}`);
    useWal(db);
    // The standard WAL setting (and better-sqlite3's build default), named here so it does not depend on the
    // build: a commit is not fsynced, but the WAL keeps every committed transaction across a crash of the
    // server; only a power loss or OS crash may lose the last commits (never corrupt the file).
    db.pragma('synchronous = NORMAL');
    db.pragma('foreign_keys = ON');
    // SQL `fold(x)`: the SDK's folding (lower-case, accents stripped), used by the migration filling search_text.
    db.function('fold', { deterministic: true }, (value: unknown) => (typeof value === 'string' ? foldText(value) : null));
    migrate(db, options.seed);
  } catch (error) {
    db.close();
    throw error;
  }
  return new SqliteRepository(db);
}

/** How long a statement waits for another process's lock before it fails with SQLITE_BUSY. */
const BUSY_TIMEOUT_MS = 5000;

/**
 * Puts the file in WAL mode (kept in the file: a no-op once done). Switching takes an exclusive lock, and when
 * two processes open a new file at the same moment both hold a shared lock while asking for it: SQLite then
 * refuses one of them at once, SQLITE_BUSY without waiting (waiting would deadlock), and the other switches a
 * moment later. So the refused one pauses and tries again, up to the busy timeout; before this, the second of
 * two instances started together on a new file could stop with "database is locked".
 */
function useWal(db: Db): void {
  const deadline = Date.now() + BUSY_TIMEOUT_MS;
  for (let pause = 5; ; pause = Math.min(pause * 2, 200)) {
    try {
      db.pragma('journal_mode = WAL');
      return;
    } catch (error) {
      if ((error as { code?: string }).code !== 'SQLITE_BUSY' || Date.now() + pause > deadline) throw error;
      // Opening is synchronous (the server starts once it is done): block this thread for the pause.
      Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, pause + Math.random() * pause);
    }
  }
}

/** Applies pending migrations, then seeds an empty database: one IMMEDIATE transaction, so other processes wait. */
function migrate(db: Db, seedOptions: SeedOptions | undefined): void {
  db.transaction(() => {
    db.exec(`CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL,
      applied_at TEXT NOT NULL)`);
    const rows = db.prepare('SELECT version FROM schema_migrations').all() as { version: number }[];
    for (const migration of pendingMigrations(new Set(rows.map((r) => r.version)))) {
      if (migration.sqlite) db.exec(migration.sqlite);
      db.prepare('INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)')
        .run(migration.version, migration.name, new Date().toISOString());
    }
    const { count } = db.prepare('SELECT COUNT(*) AS count FROM members').get() as { count: number };
    if (count === 0) insertSeed(db, makeSeed({ leads: SEED_LEADS_DEFAULT, ...seedOptions }));
  }).immediate();
}

/** The demo data: members one by one (a dozen), leads and history as leads arriving are written. */
function insertSeed(db: Db, data: ReturnType<typeof makeSeed>): void {
  const member = db.prepare(`INSERT INTO members (id, name, email, role, avatar_url, active, capacity)
    VALUES (@id, @name, @email, @role, @avatarUrl, @active, @capacity)`);
  for (const m of data.members) member.run({ avatarUrl: null, capacity: null, ...m, active: m.active ? 1 : 0 });
  const statements = new SqliteIntakeStatements(db);
  statements.insertLeads(data.leads as Lead[]);
  statements.appendActivities(data.activities);
}
