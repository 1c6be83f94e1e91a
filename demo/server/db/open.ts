/**
 * Picks the engine: a `postgres://` (or `postgresql://`) URL opens PostgreSQL, anything else the SQLite file.
 * There is no fallback: a URL that cannot be reached fails the start.
 */
import type { SeedOptions } from '../../../sdk/seed.js';
import { openPostgres } from './postgres.js';
import { redactUrl } from './postgres-errors.js';
import type { Repository } from './repository.js';
import { openSqlite } from './sqlite.js';

export interface DatabaseOptions {
  /** PostgreSQL connection URL; when set, `databasePath` is ignored. */
  databaseUrl?: string;
  /** PostgreSQL connections of this instance's pool (default 10). */
  poolSize?: number;
  /** SQLite file (created with its folder when missing). */
  databasePath?: string;
  /** Demo data for a database without members (default 500 leads). */
  seed?: SeedOptions;
}

export const DEFAULT_DATABASE_PATH = './data/leads.db';

export const isPostgresUrl = (url: string) => /^postgres(ql)?:\/\//i.test(url.trim());

export async function openRepository(options: DatabaseOptions): Promise<Repository> {
  if (options.databaseUrl) {
    if (!isPostgresUrl(options.databaseUrl)) throw new Error('DATABASE_URL: expected a postgres:// URL');
    return openPostgres(options.databaseUrl, { seed: options.seed, poolSize: options.poolSize });
  }
  return openSqlite(options.databasePath ?? DEFAULT_DATABASE_PATH, { seed: options.seed });
}

/** Where the data lives, for the start-up line (never a password). */
export function describeDatabase(options: DatabaseOptions): string {
  return options.databaseUrl ? `PostgreSQL ${redactUrl(options.databaseUrl)}`
    : `SQLite ${options.databasePath ?? DEFAULT_DATABASE_PATH}`;
}
