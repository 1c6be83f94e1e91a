/**
 * The PostgreSQL engine (node-postgres): several stateless instances share one database. Plain reads use
 * the pool; a transaction holds one client from BEGIN to COMMIT at READ COMMITTED, and its locked reads
 * (`SELECT … FOR UPDATE`) make concurrent writers of the same leads — on this instance or another — wait
 * for its commit and then see what it wrote, so no update is lost and every stale write is a conflict.
 * Committed changes reach every instance through change-feed.ts. A dropped connection makes requests fail
 * with DatabaseUnavailableError (503) until the pool reconnects by itself.
 */
import pg from 'pg';
import type { SeedOptions } from '../../../sdk/seed.js';
import { seed as makeSeed } from '../../../sdk/seed.js';
import type { Lead } from '../../../sdk/schema.js';
import { CHANGE_CHANNEL, ChangeFeed, PRESENCE_CHANNEL, serializeChanges } from './change-feed.js';
import { pendingMigrations, SEED_LEADS_DEFAULT } from './migrations.js';
import { redactUrl, storageError } from './postgres-errors.js';
import * as intake from './postgres-intake.js';
import * as sql from './postgres-statements.js';
import type { LeadChange, LeadListFilter, ReadOptions, Repository, Transaction } from './repository.js';
import type { Member } from '../../../sdk/schema.js';

export interface PostgresOptions {
  /** Demo data written into a database without members (default: 500 leads). */
  seed?: SeedOptions;
  /** Connections per instance (default 10). */
  poolSize?: number;
  /** How long to wait for a connection before answering 503 / failing the start (default 5 s). */
  connectTimeoutMs?: number;
}

/** One lock for the whole schema: instances starting at once migrate and seed one after the other. */
const MIGRATION_LOCK = `hashtext('lead-kanban schema migrations')`;

export class PostgresRepository implements Repository {
  readonly engine = 'postgres' as const;
  private readonly listeners = new Set<{ deliver: (changes: readonly LeadChange[]) => void; lost?: () => void }>();
  private readonly presenceListeners = new Set<(message: string) => void>();
  private closed: Promise<void> | undefined;

  constructor(readonly pool: pg.Pool, private readonly feed: ChangeFeed) {}

  get following(): boolean {
    return this.feed.following;
  }

  get preparedStatements(): number {
    return sql.preparedStatements();
  }

  /** Called by the feed (see openPostgres). */
  deliver(changes: readonly LeadChange[]): void {
    for (const listener of this.listeners) listener.deliver(changes);
  }

  lost(): void {
    for (const listener of this.listeners) listener.lost?.();
  }

  /** Called by the feed for each presence notification (from any instance, this one included). */
  deliverPresence(message: string): void {
    for (const listener of this.presenceListeners) listener(message);
  }

  async publishPresence(message: string): Promise<void> {
    try {
      await this.pool.query('SELECT pg_notify($1, $2)', [PRESENCE_CHANNEL, message]);
    } catch (error) {
      throw storageError(error);
    }
  }

  onPresence(listener: (message: string) => void): () => void {
    this.presenceListeners.add(listener);
    return () => this.presenceListeners.delete(listener);
  }

  member = (id: string) => sql.member(this.pool, id);
  visibleLead = (viewer: Member, id: string) => sql.visibleLead(this.pool, viewer, id);
  visibleLeads = (viewer: Member, ids: readonly string[]) => sql.visibleLeads(this.pool, viewer, ids);
  memberByEmail = (email: string) => sql.memberByEmail(this.pool, email);
  activeMembers = () => sql.members(this.pool, true);
  members = () => sql.members(this.pool);
  membersWithLoad = () => sql.membersWithLoad(this.pool);
  listLeads = (viewer: Member, filter: LeadListFilter) => sql.listLeads(this.pool, viewer, filter);
  activityOf = (leadId: string) => sql.activityOf(this.pool, leadId);
  batchActivity = (viewer: Member, batchId: string) => sql.batchActivity(this.pool, viewer, batchId);
  addSession = (tokenHash: string, memberId: string, expiresAt: number, keepPerMember: number) =>
    sql.addSession(this.pool, tokenHash, memberId, expiresAt, keepPerMember);
  session = (tokenHash: string, now: number) => sql.session(this.pool, tokenHash, now);
  deleteSession = (tokenHash: string) => sql.deleteSession(this.pool, tokenHash);
  liveSessions = (tokenHashes: readonly string[], now: number) => sql.liveSessions(this.pool, tokenHashes, now);
  sweep = (now: number, idempotentBefore: number) => sql.sweep(this.pool, now, idempotentBefore);
  assignment = () => intake.assignment(this.pool);
  leadEmails = () => intake.leadEmails(this.pool);
  columnTops = () => intake.columnTops(this.pool);

  async transaction<T>(work: (tx: Transaction) => Promise<T>): Promise<T> {
    let client: pg.PoolClient;
    try {
      client = await this.pool.connect();
    } catch (error) {
      throw storageError(error);
    }
    const changeIds: string[] = [];
    const tx: Transaction = {
      member: (id) => sql.member(client, id),
      visibleLead: (viewer, id, options?: ReadOptions) => sql.visibleLead(client, viewer, id, options),
      visibleLeads: (viewer, ids, options?: ReadOptions) => sql.visibleLeads(client, viewer, ids, options),
      writeLead: (lead: Lead, expectedVersion) => sql.writeLead(client, lead, expectedVersion),
      writeAssignments: (leads, assigneeId, at) => sql.writeAssignments(client, leads, assigneeId, at),
      appendAssignmentHistory: (shared, rows) => sql.appendAssignmentHistory(client, shared, rows),
      appendActivity: (activity) => sql.appendActivity(client, activity),
      members: () => sql.members(client),
      membersWithLoad: () => sql.membersWithLoad(client),
      assignment: (options?: ReadOptions) => intake.assignment(client, options),
      leadEmails: () => intake.leadEmails(client),
      columnTops: () => intake.columnTops(client),
      insertLeads: (leads) => intake.insertLeads(client, leads),
      appendActivities: (activities) => intake.appendActivities(client, activities),
      writeAssignmentRules: (rules) => intake.writeAssignmentRules(client, rules),
      writeRuleCursor: (cursor) => intake.writeRuleCursor(client, cursor),
      claimIdempotency: (claim) => sql.claimIdempotency(client, claim),
      completeIdempotency: (memberId, key, status, body) => sql.completeIdempotency(client, memberId, key, status, body),
      recordChanges: async (changes) => {
        if (changes.length === 0) return;
        let id: string;
        try {
          // The id is the whole NOTIFY payload; the notification goes out when (and only if) this commits.
          const result = await client.query<{ id: string }>(`WITH c AS (INSERT INTO change_log (payload) VALUES ($1)
            RETURNING id) SELECT c.id::text AS id, pg_notify('${CHANGE_CHANNEL}', c.id::text) FROM c`,
          [serializeChanges(changes)]);
          id = result.rows[0]!.id;
        } catch (error) {
          throw storageError(error);
        }
        changeIds.push(id);
        this.feed.expect(id, changes);
      },
    };
    let broken: unknown;
    try {
      // Explicit: the locking reads rely on READ COMMITTED (re-read the committed row after waiting), whatever
      // default_transaction_isolation the database was given.
      await query(client, 'BEGIN ISOLATION LEVEL READ COMMITTED');
      const result = await work(tx);
      await query(client, 'COMMIT');
      return result;
    } catch (error) {
      this.feed.forget(changeIds);
      try {
        await client.query('ROLLBACK');
      } catch (rollbackError) {
        broken = rollbackError; // the connection is gone: the server rolls back on its own; drop the client
      }
      throw storageError(error);
    } finally {
      client.release(broken instanceof Error ? broken : undefined);
    }
  }

  onChanges(deliver: (changes: readonly LeadChange[]) => void, lost?: () => void): () => void {
    const listener = { deliver, lost };
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  close(): Promise<void> {
    return (this.closed ??= (async () => {
      await this.feed.stop();
      await this.pool.end();
    })());
  }
}

async function query(client: pg.PoolClient, text: string): Promise<void> {
  try {
    await client.query(text);
  } catch (error) {
    throw storageError(error);
  }
}

/**
 * Connects, applies pending migrations and seeds an empty database (both under an advisory lock), starts
 * the change feed. Rejects with a message naming the (password-less) URL when the database cannot be
 * reached: the server must not start, and never falls back to SQLite.
 */
export async function openPostgres(url: string, options: PostgresOptions = {}): Promise<PostgresRepository> {
  const config: pg.ClientConfig = {
    connectionString: url,
    connectionTimeoutMillis: options.connectTimeoutMs ?? 5000,
    application_name: 'lead-kanban',
  };
  const pool = new pg.Pool({ ...config, max: options.poolSize ?? 10, idleTimeoutMillis: 30_000 });
  // An idle client whose connection dies emits here; without a listener that would crash the process.
  pool.on('error', (error) => console.error('[lead-kanban server] idle database connection failed:', error.message));
  let repo: PostgresRepository | undefined;
  const feed = new ChangeFeed(config, pool, {
    deliver: (changes) => repo?.deliver(changes),
    lost: () => repo?.lost(),
    presence: (message) => repo?.deliverPresence(message),
  });
  try {
    await migrate(pool, options.seed);
    await feed.start();
  } catch (error) {
    await feed.stop();
    await pool.end().catch(() => {});
    const reason = error instanceof Error ? error.message || (error as { code?: string }).code : String(error);
    throw new Error(`Cannot use PostgreSQL at ${redactUrl(url)}: ${reason}`, { cause: error });
  }
  repo = new PostgresRepository(pool, feed);
  return repo;
}

async function migrate(pool: pg.Pool, seedOptions: SeedOptions | undefined): Promise<void> {
  const client = await pool.connect();
  try {
    // Session-level lock on this connection; a second instance waits here until the first is done.
    await client.query(`SELECT pg_advisory_lock(${MIGRATION_LOCK})`);
    try {
      await client.query(`CREATE TABLE IF NOT EXISTS schema_migrations (version integer PRIMARY KEY,
        name text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())`);
      const applied = await client.query<{ version: number }>('SELECT version FROM schema_migrations');
      for (const migration of pendingMigrations(new Set(applied.rows.map((r) => r.version)))) {
        await client.query('BEGIN');
        try {
          if (migration.postgres) await client.query(migration.postgres);
          await client.query('INSERT INTO schema_migrations (version, name) VALUES ($1, $2)',
            [migration.version, migration.name]);
          await client.query('COMMIT');
        } catch (error) {
          await client.query('ROLLBACK').catch(() => {});
          throw new Error(`migration ${migration.version} (${migration.name}) failed: ${(error as Error).message}`,
            { cause: error });
        }
      }
      const { rows } = await client.query<{ count: number }>('SELECT count(*)::int AS count FROM members');
      if (rows[0]!.count === 0) {
        await client.query('BEGIN');
        try {
          await intake.insertSeed(client, makeSeed({ leads: SEED_LEADS_DEFAULT, ...seedOptions }));
          await client.query('COMMIT');
        } catch (error) {
          await client.query('ROLLBACK').catch(() => {});
          throw error;
        }
      }
    } finally {
      await client.query(`SELECT pg_advisory_unlock(${MIGRATION_LOCK})`).catch(() => {});
    }
  } finally {
    client.release();
  }
}
