/**
 * The database under test, chosen by `TEST_DB` (`sqlite`, the default, or `postgres`): the same server tests
 * run against both (scripts/test-node.sh runs test/server twice). Each call gives a fresh database — a
 * temporary SQLite file, or a new database in the run's PostgreSQL cluster (`TEST_DATABASE_URL`, else
 * `DATABASE_URL`, else a throwaway cluster this process starts once) — plus raw SQL access beside the
 * server, for checks of what is stored and for faults the API cannot cause.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import pg from 'pg';
import type { DatabaseOptions } from '../../demo/server/db/open.js';
import { startCluster, type Cluster } from './postgres-cluster.js';

export type Engine = 'sqlite' | 'postgres';
export const ENGINE: Engine = process.env.TEST_DB === 'postgres' ? 'postgres' : 'sqlite';

export interface TestDatabase {
  engine: Engine;
  /** What to pass to startServer / openRepository. */
  options: DatabaseOptions;
  /** Environment variables selecting this database for a child process (main.ts). */
  env: Record<string, string>;
  /** Rows of a statement written with `?` placeholders (PostgreSQL gets `$1…`). */
  query<R = Record<string, unknown>>(text: string, params?: unknown[]): Promise<R[]>;
  /** `SELECT COUNT(*) …` as a number on both engines. */
  count(text: string, params?: unknown[]): Promise<number>;
  /** Makes the database fail (`abort`) or silently skip (`skip`) UPDATEs of one lead; answers the undo. */
  faultOnUpdate(leadId: string, kind: 'abort' | 'skip'): Promise<() => Promise<void>>;
  /** Makes the database fail INSERTs into `table` of rows where `condition` (SQL on NEW) holds; answers the undo. */
  faultOnInsert(table: 'leads' | 'activity', condition: string): Promise<() => Promise<void>>;
  drop(): Promise<void>;
}

let cluster: Promise<Cluster> | undefined;
/**
 * The admin URL of the run's PostgreSQL; a cluster started here is stopped when this process exits.
 * `durable` (the bench) keeps fsync on, as a production server has it; tests run without.
 */
export function postgresAdminUrl(options: { durable?: boolean } = {}): Promise<string> {
  const given = process.env.TEST_DATABASE_URL || process.env.DATABASE_URL;
  if (given) return Promise.resolve(given);
  cluster ??= startCluster(options).then((started) => {
    process.once('exit', () => started.stop());
    for (const signal of ['SIGINT', 'SIGTERM'] as const) {
      process.once(signal, () => {
        started.stop();
        process.exit(1);
      });
    }
    return started;
  });
  return cluster.then((c) => c.url);
}

let counter = 0;
const placeholders = (text: string) => {
  let n = 0;
  return text.replace(/\?/g, () => `$${++n}`);
};

/** A fresh database of the engine under test. */
export function createTestDatabase(): Promise<TestDatabase> {
  return createDatabase(ENGINE);
}

export async function createDatabase(engine: Engine, options: { durable?: boolean } = {}): Promise<TestDatabase> {
  return engine === 'postgres' ? createPostgresDatabase(options) : createSqliteDatabase();
}

function createSqliteDatabase(): TestDatabase {
  const dir = mkdtempSync(join(tmpdir(), 'lead-kanban-test-'));
  const databasePath = join(dir, 'leads.db');
  let db: Database.Database | undefined;
  // A second connection beside the server's (WAL allows it); opened on first use, after the server made the file.
  const open = () => (db ??= new Database(databasePath, { fileMustExist: true }));
  const query = async <R>(text: string, params: unknown[] = []) => {
    const statement = open().prepare(text);
    return (statement.reader ? statement.all(...params) : (statement.run(...params), [])) as R[];
  };
  return {
    engine: 'sqlite',
    options: { databasePath },
    env: { DATABASE_PATH: databasePath },
    query,
    count: async (text, params) => Number(Object.values((await query<Record<string, unknown>>(text, params))[0]!)[0]),
    async faultOnUpdate(leadId, kind) {
      const name = `fault_${++counter}`;
      // RAISE(IGNORE) skips the row silently, as if its version had moved since it was read.
      const action = kind === 'abort' ? "RAISE(ABORT, 'injected failure')" : 'RAISE(IGNORE)';
      open().exec(`CREATE TRIGGER ${name} BEFORE UPDATE ON leads WHEN NEW.id = '${leadId}' BEGIN SELECT ${action}; END`);
      return async () => void open().exec(`DROP TRIGGER ${name}`);
    },
    async faultOnInsert(table, condition) {
      const name = `fault_${++counter}`;
      open().exec(`CREATE TRIGGER ${name} BEFORE INSERT ON ${table} WHEN ${condition}
        BEGIN SELECT RAISE(ABORT, 'injected failure'); END`);
      return async () => void open().exec(`DROP TRIGGER ${name}`);
    },
    async drop() {
      db?.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

async function createPostgresDatabase(options: { durable?: boolean }): Promise<TestDatabase> {
  const adminUrl = await postgresAdminUrl(options);
  const name = `lead_kanban_test_${process.pid}_${++counter}`;
  const admin = new pg.Client(adminUrl);
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE ${name}`);
  } finally {
    await admin.end();
  }
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  const databaseUrl = url.toString();
  let client: Promise<pg.Client> | undefined;
  const open = () => (client ??= (async () => {
    const c = new pg.Client(databaseUrl);
    c.on('error', () => {}); // a test that restarts the database reconnects through a new client
    await c.connect();
    return c;
  })());
  const query = async <R>(text: string, params: unknown[] = []) =>
    (await (await open()).query(placeholders(text), params)).rows as R[];
  return {
    engine: 'postgres',
    options: { databaseUrl },
    env: { DATABASE_URL: databaseUrl },
    query,
    count: async (text, params) => Number(Object.values((await query<Record<string, unknown>>(text, params))[0]!)[0]),
    async faultOnUpdate(leadId, kind) {
      const name = `fault_${++counter}`;
      // Returning NULL from a BEFORE trigger skips the row silently, as if its version had moved.
      const body = kind === 'abort' ? "RAISE EXCEPTION 'injected failure';" : 'RETURN NULL;';
      const c = await open();
      await c.query(`CREATE FUNCTION ${name}() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN ${body} END $$`);
      await c.query(`CREATE TRIGGER ${name} BEFORE UPDATE ON leads FOR EACH ROW WHEN (NEW.id = '${leadId}')
        EXECUTE FUNCTION ${name}()`);
      return async () => {
        await c.query(`DROP TRIGGER ${name} ON leads`);
        await c.query(`DROP FUNCTION ${name}()`);
      };
    },
    async faultOnInsert(table, condition) {
      const name = `fault_${++counter}`;
      const c = await open();
      await c.query(`CREATE FUNCTION ${name}() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN RAISE EXCEPTION 'injected failure'; END $$`);
      await c.query(`CREATE TRIGGER ${name} BEFORE INSERT ON ${table} FOR EACH ROW WHEN (${condition})
        EXECUTE FUNCTION ${name}()`);
      return async () => {
        await c.query(`DROP TRIGGER ${name} ON ${table}`);
        await c.query(`DROP FUNCTION ${name}()`);
      };
    },
    async drop() {
      if (client) await (await client).end().catch(() => {});
      const cleanup = new pg.Client(adminUrl);
      await cleanup.connect();
      try {
        await cleanup.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      } finally {
        await cleanup.end();
      }
    },
  };
}
