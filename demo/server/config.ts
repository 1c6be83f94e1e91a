/**
 * Host configuration read from the environment, in one place, so the standalone entry (main.ts) and the
 * vite plugin behind `npm start` behave the same.
 */
import { DEFAULT_DATABASE_PATH, isPostgresUrl } from './db/open.js';
import type { Limits, Rate } from './limits.js';

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
  /**
   * Demo mode offers `POST /api/session` and `GET /api/demo-users`; `DEMO=0` turns it off, and so does
   * `API_TOKENS` (asking for both stops the start).
   */
  demo: boolean;
  /** Origins allowed to call the API from another origin; empty = CORS closed. */
  corsOrigins: string[];
  /** Static bearer tokens from the host (`API_TOKENS=token:memberId,token2:memberId2`). */
  apiTokens: Record<string, string>;
  /** Turns the JSON request log off (`LOG=0`). */
  quiet: boolean;
  /** Host names the standalone server answers to besides IP addresses and localhost (`ALLOWED_HOSTS`). */
  allowedHosts: string[];
  /** Per-client limits use X-Forwarded-For (`TRUST_PROXY=1`: behind the host's reverse proxy). */
  trustProxy: boolean;
  /** The limits set in the environment (limits.ts names each; the rest keep their defaults). */
  limits: Partial<Limits>;
}

const off = (value: string | undefined) => value !== undefined && /^(0|false|no|off)$/i.test(value.trim());
const on = (value: string | undefined) => value !== undefined && /^(1|true|yes|on)$/i.test(value.trim());

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

const UNITS: Record<string, number> = { s: 1000, sec: 1000, min: 60_000, m: 60_000, h: 3_600_000, hour: 3_600_000 };

/** `RATE_LIMIT_*`: `20/min` (also `/s`, `/h`), or `0`/`off` for no limit. */
export function parseRate(name: string, value: string): Rate | false {
  if (off(value)) return false;
  const match = /^\s*(\d+)\s*\/\s*(s|sec|min|m|h|hour)\s*$/i.exec(value);
  if (!match || Number(match[1]) < 1) throw new Error(`${name}: expected a rate such as "20/min" (or 0 for no limit)`);
  return { count: Number(match[1]), perMs: UNITS[match[2]!.toLowerCase()]! };
}

function positive(name: string, value: string): number {
  if (!/^\s*[1-9]\d{0,12}\s*$/.test(value)) throw new Error(`${name}: expected a whole number from 1`);
  return Number(value);
}

/** The limits the environment sets: each variable, its parser and the limit it feeds. */
function readLimits(env: NodeJS.ProcessEnv): Partial<Limits> {
  const limits: Partial<Limits> = {};
  const rate = (name: string, key: 'sessionRate' | 'authFailureRate' | 'writeRate') => {
    const value = env[name]?.trim() || (off(env.RATE_LIMITS) ? '0' : undefined);
    if (value) limits[key] = parseRate(name, value);
  };
  rate('RATE_LIMIT_SESSIONS', 'sessionRate');
  rate('RATE_LIMIT_AUTH_FAILURES', 'authFailureRate');
  rate('RATE_LIMIT_WRITES', 'writeRate');
  const number = (name: string, key: Exclude<keyof Limits, 'sessionRate' | 'authFailureRate' | 'writeRate'>,
    scale = 1) => {
    const value = env[name]?.trim();
    if (value) limits[key] = positive(name, value) * scale;
  };
  number('STREAMS_PER_TOKEN', 'streamsPerToken');
  number('EVENT_QUEUE_BYTES', 'eventQueueBytes');
  number('BODY_LIMIT_BYTES', 'bodyBytes');
  number('READ_TIMEOUT_SECONDS', 'readTimeoutMs', 1000);
  number('SESSION_TTL_SECONDS', 'sessionTtlMs', 1000);
  number('SESSIONS_PER_MEMBER', 'sessionsPerMember');
  number('IDEMPOTENCY_TTL_SECONDS', 'idempotencyTtlMs', 1000);
  return limits;
}

export function readConfig(env: NodeJS.ProcessEnv = process.env): ServerConfig {
  const databaseUrl = env.DATABASE_URL?.trim();
  if (databaseUrl && !isPostgresUrl(databaseUrl)) {
    throw new Error('DATABASE_URL: expected postgres://user:password@host:port/database (unset it to use SQLite)');
  }
  const poolSize = env.DATABASE_POOL_SIZE?.trim();
  if (poolSize && !/^[1-9]\d{0,3}$/.test(poolSize)) throw new Error('DATABASE_POOL_SIZE: expected a whole number from 1');
  const apiTokens = parseApiTokens(env.API_TOKENS);
  const demo = env.DEMO?.trim() ? !off(env.DEMO) : Object.keys(apiTokens).length === 0;
  if (demo && Object.keys(apiTokens).length > 0) {
    throw new Error('DEMO: demo mode next to API_TOKENS would give anyone a session; set DEMO=0 or remove API_TOKENS');
  }
  return {
    ...(databaseUrl ? { databaseUrl } : {}),
    ...(poolSize ? { databasePoolSize: Number(poolSize) } : {}),
    databasePath: env.DATABASE_PATH?.trim() || DEFAULT_DATABASE_PATH,
    demo,
    corsOrigins: list(env.CORS_ORIGINS),
    apiTokens,
    quiet: off(env.LOG),
    allowedHosts: list(env.ALLOWED_HOSTS),
    trustProxy: on(env.TRUST_PROXY),
    limits: readLimits(env),
  };
}
