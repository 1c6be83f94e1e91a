/**
 * Opens the SQLite file, creates the schema and seeds the demo data on first start.
 * Activity is append-only: triggers make SQLite itself refuse any UPDATE or DELETE of a history row.
 */
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';
import type { Activity, Lead, Member } from '../../sdk/schema.js';
import { seed, type SeedOptions } from '../../sdk/seed.js';

export type Db = Database.Database;

const SCHEMA = `
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
);
`;

export interface OpenOptions {
  /** Options for the demo data written into an empty database (default: 500 leads). */
  seed?: SeedOptions;
}

/** Opens (creating the folder, schema and seed data as needed) the database at `path` (':memory:' works). */
export function openDatabase(path: string, options: OpenOptions = {}): Db {
  if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
  const db = new Database(path);
  db.pragma('journal_mode = WAL');
  // The standard WAL setting (and better-sqlite3's build default), named here so it does not depend on the
  // build: a commit is not fsynced, but the WAL keeps every committed transaction across a crash of the
  // server; only a power loss or OS crash may lose the last commits (never corrupt the file).
  db.pragma('synchronous = NORMAL');
  db.pragma('foreign_keys = ON');
  db.pragma('busy_timeout = 5000');
  db.exec(SCHEMA);
  const { count } = db.prepare('SELECT COUNT(*) AS count FROM members').get() as { count: number };
  if (count === 0) insertSeed(db, seed({ leads: 500, ...options.seed }));
  return db;
}

function insertSeed(db: Db, data: { members: Member[]; leads: Lead[]; activities: Activity[] }): void {
  const member = db.prepare(`INSERT INTO members (id, name, email, role, avatar_url, active, capacity)
    VALUES (@id, @name, @email, @role, @avatarUrl, @active, @capacity)`);
  const lead = db.prepare(`INSERT INTO leads (id, name, company, email, phone, value, status, position, assignee_id,
    created_at, updated_at, version) VALUES (@id, @name, @company, @email, @phone, @value, @status, @position,
    @assigneeId, @createdAt, @updatedAt, @version)`);
  const activity = db.prepare(`INSERT INTO activity (id, lead_id, type, actor_id, at, from_value, to_value, text,
    source, batch_id) VALUES (@id, @leadId, @type, @actorId, @at, @from, @to, @text, @source, @batchId)`);
  db.transaction(() => {
    for (const m of data.members) {
      member.run({ avatarUrl: null, capacity: null, ...m, active: m.active ? 1 : 0 });
    }
    for (const l of data.leads) lead.run({ company: null, email: null, phone: null, value: null, ...l });
    for (const a of data.activities) {
      activity.run({ from: null, to: null, text: null, source: null, batchId: null, ...a });
    }
  })();
}
