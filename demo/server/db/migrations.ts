/**
 * The schema, as versioned migrations: ONE list for both engines, each step with the SQL of each engine.
 * An engine applies, in order, every version its `schema_migrations` table does not hold yet, while holding
 * a lock that makes other instances wait (PostgreSQL: `pg_advisory_lock`; SQLite: one `BEGIN IMMEDIATE`
 * transaction), then seeds the demo data if there are no members yet, under the same lock: two instances
 * starting at once neither race nor seed twice.
 *
 * Append new steps at the end; never edit a step that has shipped. An empty string means "nothing to do on
 * this engine" (the version is still recorded, so both engines share the numbering).
 */
export interface Migration {
  version: number;
  name: string;
  sqlite: string;
  postgres: string;
}

export const MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    name: 'members, leads, append-only activity, sessions',
    // IF NOT EXISTS: files created before migrations existed already hold exactly this schema.
    sqlite: `
      CREATE TABLE IF NOT EXISTS members (
        id TEXT PRIMARY KEY,
        name TEXT NOT NULL,
        email TEXT NOT NULL UNIQUE COLLATE NOCASE,
        role TEXT NOT NULL CHECK (role IN ('admin', 'manager', 'member')),
        avatar_url TEXT,
        active INTEGER NOT NULL CHECK (active IN (0, 1)),
        capacity INTEGER CHECK (capacity IS NULL OR capacity >= 0)
      );
      CREATE TABLE IF NOT EXISTS leads (
        id TEXT PRIMARY KEY,
        name TEXT NOT NULL,
        company TEXT,
        email TEXT,
        phone TEXT,
        value REAL CHECK (value IS NULL OR value >= 0),
        status TEXT NOT NULL,
        position REAL NOT NULL,
        assignee_id TEXT REFERENCES members(id),
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        version INTEGER NOT NULL CHECK (version >= 1)
      );
      CREATE INDEX IF NOT EXISTS leads_by_assignee ON leads(assignee_id);
      CREATE INDEX IF NOT EXISTS leads_by_status ON leads(status, position);
      -- seq keeps insertion order, so "oldest first" holds even when two entries share a timestamp.
      CREATE TABLE IF NOT EXISTS activity (
        seq INTEGER PRIMARY KEY AUTOINCREMENT,
        id TEXT NOT NULL UNIQUE,
        lead_id TEXT NOT NULL REFERENCES leads(id),
        type TEXT NOT NULL CHECK (type IN ('created', 'assigned', 'unassigned', 'status_changed', 'updated', 'note')),
        actor_id TEXT NOT NULL REFERENCES members(id),
        at TEXT NOT NULL,
        from_value TEXT,
        to_value TEXT,
        text TEXT,
        source TEXT,
        batch_id TEXT
      );
      CREATE INDEX IF NOT EXISTS activity_by_lead ON activity(lead_id, seq);
      CREATE TRIGGER IF NOT EXISTS activity_is_append_only_update BEFORE UPDATE ON activity
      BEGIN SELECT RAISE(ABORT, 'activity is append-only'); END;
      CREATE TRIGGER IF NOT EXISTS activity_is_append_only_delete BEFORE DELETE ON activity
      BEGIN SELECT RAISE(ABORT, 'activity is append-only'); END;
      -- Demo-mode sessions: only a sha256 of each token is stored.
      CREATE TABLE IF NOT EXISTS sessions (
        token_hash TEXT PRIMARY KEY,
        member_id TEXT NOT NULL REFERENCES members(id),
        expires_at INTEGER NOT NULL
      );`,
    // Timestamps stay ISO text, as in SQLite, so a lead reads back exactly as written on either engine.
    postgres: `
      CREATE TABLE members (
        id text PRIMARY KEY,
        name text NOT NULL,
        email text NOT NULL,
        role text NOT NULL CHECK (role IN ('admin', 'manager', 'member')),
        avatar_url text,
        active boolean NOT NULL,
        capacity integer CHECK (capacity IS NULL OR capacity >= 0)
      );
      CREATE UNIQUE INDEX members_by_email ON members (lower(email));
      CREATE TABLE leads (
        id text PRIMARY KEY,
        name text NOT NULL,
        company text,
        email text,
        phone text,
        value double precision CHECK (value IS NULL OR value >= 0),
        status text NOT NULL,
        position double precision NOT NULL,
        assignee_id text REFERENCES members(id),
        created_at text NOT NULL,
        updated_at text NOT NULL,
        version integer NOT NULL CHECK (version >= 1),
        search_text text NOT NULL DEFAULT ''
      );
      CREATE INDEX leads_by_assignee ON leads (assignee_id);
      CREATE INDEX leads_by_status ON leads (status, position);
      CREATE TABLE activity (
        seq bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        id text NOT NULL UNIQUE,
        lead_id text NOT NULL REFERENCES leads(id),
        type text NOT NULL CHECK (type IN ('created', 'assigned', 'unassigned', 'status_changed', 'updated', 'note')),
        actor_id text NOT NULL REFERENCES members(id),
        at text NOT NULL,
        from_value text,
        to_value text,
        text text,
        source text,
        batch_id text
      );
      CREATE INDEX activity_by_lead ON activity (lead_id, seq);
      CREATE FUNCTION activity_is_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'activity is append-only' USING ERRCODE = 'restrict_violation';
      END $$;
      CREATE TRIGGER activity_is_append_only BEFORE UPDATE OR DELETE ON activity
        FOR EACH ROW EXECUTE FUNCTION activity_is_append_only();
      CREATE TRIGGER activity_is_append_only_truncate BEFORE TRUNCATE ON activity
        FOR EACH STATEMENT EXECUTE FUNCTION activity_is_append_only();
      CREATE TABLE sessions (
        token_hash text PRIMARY KEY,
        member_id text NOT NULL REFERENCES members(id),
        expires_at bigint NOT NULL
      );`,
  },
  {
    version: 2,
    name: 'folded search text per lead; sessions by expiry',
    // fold() is the SDK's foldText, registered on every SQLite connection (sqlite.ts). PostgreSQL databases
    // start at this project version, so their leads table was created with the column.
    sqlite: `
      ALTER TABLE leads ADD COLUMN search_text TEXT NOT NULL DEFAULT '';
      UPDATE leads SET search_text = fold(name) || char(31) || fold(coalesce(company, '')) || char(31) ||
        fold(coalesce(email, ''));
      CREATE INDEX IF NOT EXISTS sessions_by_expiry ON sessions(expires_at);`,
    postgres: `CREATE INDEX sessions_by_expiry ON sessions (expires_at);`,
  },
  {
    version: 3,
    name: 'change log for the cross-instance feed',
    // SQLite serves one process, whose commits go straight to its own event hub.
    sqlite: '',
    postgres: `
      CREATE TABLE change_log (
        id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        created_at timestamptz NOT NULL DEFAULT now(),
        payload text NOT NULL
      );
      CREATE INDEX change_log_by_time ON change_log (created_at);
      -- Rows live for minutes and are read once per instance: storing them uncompressed saves the CPU.
      ALTER TABLE change_log ALTER COLUMN payload SET STORAGE EXTERNAL;`,
  },
  {
    version: 4,
    name: 'assignment rules with their rotation position',
    // One row, there from the start: a writer locks it (PostgreSQL: FOR UPDATE) before reading the rotation
    // position, so two instances never hand out the same slot. `rules` is AssignmentRulesSchema as JSON, NULL
    // until someone saves rules (the defaults apply); `cursor_member_id` is the member who got the last lead.
    sqlite: `
      CREATE TABLE assignment_rules (
        id INTEGER PRIMARY KEY CHECK (id = 1),
        rules TEXT,
        cursor_member_id TEXT
      );
      INSERT INTO assignment_rules (id) VALUES (1);`,
    postgres: `
      CREATE TABLE assignment_rules (
        id integer PRIMARY KEY CHECK (id = 1),
        rules text,
        cursor_member_id text
      );
      INSERT INTO assignment_rules (id) VALUES (1);`,
  },
  {
    version: 5,
    name: 'sessions by member; idempotency keys',
    // A member's sessions in expiry order: creating one more ends the oldest beyond the limit by index.
    // An idempotency record holds the answer a keyed write gave, for a retry of it; written in the write's
    // own transaction, so the answer exists exactly when the write does.
    sqlite: `
      CREATE INDEX IF NOT EXISTS sessions_by_member ON sessions(member_id, expires_at);
      CREATE TABLE IF NOT EXISTS idempotency_keys (
        member_id TEXT NOT NULL,
        key TEXT NOT NULL,
        fingerprint TEXT NOT NULL,
        status INTEGER NOT NULL,
        body TEXT NOT NULL,
        created_at INTEGER NOT NULL,
        PRIMARY KEY (member_id, key)
      ) WITHOUT ROWID;
      CREATE INDEX IF NOT EXISTS idempotency_by_age ON idempotency_keys(created_at);`,
    postgres: `
      CREATE INDEX sessions_by_member ON sessions (member_id, expires_at);
      CREATE TABLE idempotency_keys (
        member_id text NOT NULL,
        key text NOT NULL,
        fingerprint text NOT NULL,
        status integer NOT NULL,
        body text NOT NULL,
        created_at bigint NOT NULL,
        PRIMARY KEY (member_id, key)
      );
      CREATE INDEX idempotency_by_age ON idempotency_keys (created_at);`,
  },
  {
    version: 6,
    name: 'history by batch',
    // GET /api/batches/:id reads one batch's rows (a bulk assignment, a distribution, an undo) in order.
    sqlite: `CREATE INDEX IF NOT EXISTS activity_by_batch ON activity(batch_id, seq) WHERE batch_id IS NOT NULL;`,
    postgres: `CREATE INDEX activity_by_batch ON activity (batch_id, seq) WHERE batch_id IS NOT NULL;`,
  },
  {
    version: 7,
    name: 'leads by assignee and status',
    // Members' open-lead counts (GET /api/members, the member_loads event after every change that moves
    // them) are read from this index alone, without visiting each lead's row for its status: at 10,000 leads
    // ~2.5 -> ~1 ms a read on SQLite. It replaces the index on assignee_id, whose lookups it serves as well.
    sqlite: `CREATE INDEX IF NOT EXISTS leads_by_assignee_status ON leads(assignee_id, status);
      DROP INDEX IF EXISTS leads_by_assignee;`,
    postgres: `CREATE INDEX leads_by_assignee_status ON leads (assignee_id, status);
      DROP INDEX IF EXISTS leads_by_assignee;`,
  },
];

/** The steps not yet applied, in order. */
export function pendingMigrations(applied: ReadonlySet<number>): Migration[] {
  return MIGRATIONS.filter((m) => !applied.has(m.version));
}

/** Demo data goes into a database that has no members yet, as the last step under the migration lock. */
export const SEED_LEADS_DEFAULT = 500;
