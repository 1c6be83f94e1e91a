/**
 * Host configuration read from the environment, in one place, so the standalone entry (main.ts) and the
 * vite plugin behind `npm start` behave the same.
 */
import { DEFAULT_DATABASE_PATH, isPostgresUrl } from './db/open.js';

export interface ServerConfig {
  /**
   * `DATABASE_URL=postgres://…` selects PostgreSQL (several instances may share it); unset, the SQLite file
   * at `databasePath` is used. Never both, never a fallback from one to the other.
   */
  databaseUrl?: string;
  /** PostgreSQL connections per instance (`DATABASE_POOL_SIZE`, default 10), plus one that listens. */
  databasePoolSize?: number;
  /** SQLite file; created (with its folder) and seeded on first start. */
  databasePath: string;
  /** Demo mode offers `POST /api/session` and `GET /api/demo-users`; `DEMO=0` turns it off. */
  demo: boolean;
  /** Origins allowed to call the API from another origin; empty = CORS closed. */
  corsOrigins: string[];
  /** Static bearer tokens from the host (`API_TOKENS=token:memberId,token2:memberId2`). */
  apiTokens: Record<string, string>;
  /** Turns the JSON request log off (`LOG=0`). */
  quiet: boolean;
}

const off = (value: string | undefined) => value !== undefined && /^(0|false|no|off)$/i.test(value.trim());

function list(value: string | undefined): string[] {
  return (value ?? '').split(',').map((s) => s.trim()).filter(Boolean);
}

/** Parses `token:memberId` pairs; a malformed entry stops the start rather than silently locking someone out. */
export function parseApiTokens(value: string | undefined): Record<string, string> {
  const tokens: Record<string, string> = {};
  for (const entry of list(value)) {
    const at = entry.lastIndexOf(':');
    const token = entry.slice(0, at).trim();
    const memberId = entry.slice(at + 1).trim();
    if (at <= 0 || !token || !memberId) throw new Error('API_TOKENS: expected "token:memberId" entries separated by commas');
    tokens[token] = memberId;
  }
  return tokens;
}

export function readConfig(env: NodeJS.ProcessEnv = process.env): ServerConfig {
  const databaseUrl = env.DATABASE_URL?.trim();
  if (databaseUrl && !isPostgresUrl(databaseUrl)) {
    throw new Error('DATABASE_URL: expected postgres://user:password@host:port/database (unset it to use SQLite)');
  }
  const poolSize = env.DATABASE_POOL_SIZE?.trim();
  if (poolSize && !/^[1-9]\d{0,3}$/.test(poolSize)) throw new Error('DATABASE_POOL_SIZE: expected a whole number from 1');
  return {
    ...(databaseUrl ? { databaseUrl } : {}),
    ...(poolSize ? { databasePoolSize: Number(poolSize) } : {}),
    databasePath: env.DATABASE_PATH?.trim() || DEFAULT_DATABASE_PATH,
    demo: !off(env.DEMO),
    corsOrigins: list(env.CORS_ORIGINS),
    apiTokens: parseApiTokens(env.API_TOKENS),
    quiet: off(env.LOG),
  };
}
