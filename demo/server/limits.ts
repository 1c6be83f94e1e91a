/**
 * The abuse limits of one server instance, in one place: how fast a client may sign in, guess tokens and
 * write, how many event streams a token may hold and how far behind one may fall, how large and how slow a
 * request may be, how long sessions and idempotency records live. Defaults suit a team board; the host sets
 * them from the environment (config.ts, documented in README.md) and tests per app instance.
 */
import type { Context } from 'hono';

/** `count` requests per `perMs`, as a token bucket: a burst of `count`, then `count` per `perMs` on average. */
export interface Rate {
  count: number;
  perMs: number;
}

export interface Limits {
  /** `POST /api/session` per client address (signing in, and guessing emails). */
  sessionRate: Rate | false;
  /** Requests with a missing-but-attempted, unknown or expired token, per client address (guessing tokens). */
  authFailureRate: Rate | false;
  /** Authenticated writes (POST, PATCH, DELETE) per token. */
  writeRate: Rate | false;
  /** Open event streams per token; opening one more ends the oldest (a reconnecting client is never locked out). */
  streamsPerToken: number;
  /** Bytes an event stream may hold that its client has not read; beyond that the client is cut off. */
  eventQueueBytes: number;
  /** Largest request body (413 beyond). */
  bodyBytes: number;
  /** Time to receive a whole request, headers and body; a slower client is cut off (408). */
  readTimeoutMs: number;
  /** Demo session lifetime; an event stream ends when its session does. */
  sessionTtlMs: number;
  /** Live demo sessions per member; creating one more ends the oldest, so the table stays bounded. */
  sessionsPerMember: number;
  /** How long a write's answer is kept for a retry carrying the same Idempotency-Key. */
  idempotencyTtlMs: number;
  /** How often expired sessions and idempotency records are deleted (and streams' sessions re-checked). */
  sweepEveryMs: number;
}

const MINUTE = 60_000;

export const DEFAULT_LIMITS: Readonly<Limits> = Object.freeze({
  sessionRate: { count: 20, perMs: MINUTE },
  authFailureRate: { count: 30, perMs: MINUTE },
  writeRate: { count: 600, perMs: MINUTE },
  streamsPerToken: 5,
  eventQueueBytes: 4 * 1024 * 1024,
  bodyBytes: 1024 * 1024,
  readTimeoutMs: 30_000,
  sessionTtlMs: 12 * 60 * MINUTE,
  sessionsPerMember: 20,
  idempotencyTtlMs: 24 * 60 * MINUTE,
  sweepEveryMs: MINUTE,
});

/** What a refused take answers: when the next request would be allowed. */
export interface Refusal {
  retryAfterMs: number;
}

/** Buckets kept at most; full ones are forgotten first (a full bucket is the same as none). */
const MAX_KEYS = 20_000;

/**
 * Token buckets by key (a client address or a token hash), in memory: each instance limits on its own, so
 * behind a load balancer a client gets the rate once per instance. Memory stays bounded by MAX_KEYS.
 */
export class RateLimiter {
  private readonly buckets = new Map<string, { tokens: number; at: number }>();

  constructor(private readonly rate: Rate | false) {}

  /** Takes one request for `key`: undefined when allowed, else how long to wait. */
  take(key: string, now = Date.now()): Refusal | undefined {
    return this.spend(key, now, true);
  }

  /** Whether `key` could take one now, without taking it (undefined when it could). */
  peek(key: string, now = Date.now()): Refusal | undefined {
    return this.spend(key, now, false);
  }

  private spend(key: string, now: number, take: boolean): Refusal | undefined {
    const { rate } = this;
    if (!rate) return undefined;
    const bucket = this.buckets.get(key);
    const tokens = bucket ? Math.min(rate.count, bucket.tokens + ((now - bucket.at) * rate.count) / rate.perMs) : rate.count;
    if (tokens < 1) return { retryAfterMs: Math.ceil(((1 - tokens) * rate.perMs) / rate.count) };
    if (take) {
      if (!bucket && this.buckets.size >= MAX_KEYS) this.forgetFull(now);
      this.buckets.set(key, { tokens: tokens - 1, at: now });
    }
    return undefined;
  }

  private forgetFull(now: number): void {
    const rate = this.rate as Rate;
    for (const [key, bucket] of this.buckets) {
      if (bucket.tokens + ((now - bucket.at) * rate.count) / rate.perMs >= rate.count) this.buckets.delete(key);
    }
    // Still full of busy clients: the oldest entries go (a Map iterates in insertion order).
    for (const key of this.buckets.keys()) {
      if (this.buckets.size < MAX_KEYS) break;
      this.buckets.delete(key);
    }
  }
}

/** The node request behind a hono context, when served by @hono/node-server (main.ts, the vite plugin). */
function socketAddress(c: Context): string | undefined {
  const env = c.env as { incoming?: { socket?: { remoteAddress?: string } } } | undefined;
  return env?.incoming?.socket?.remoteAddress;
}

/**
 * Who is asking, for per-client limits: the connection's address, or with `trustProxy` (the server sits
 * behind a reverse proxy of the host's) the address that proxy saw, the last entry of X-Forwarded-For.
 */
export function clientAddress(c: Context, trustProxy: boolean): string {
  if (trustProxy) {
    const forwarded = c.req.header('x-forwarded-for')?.split(',').at(-1)?.trim();
    if (forwarded) return forwarded;
  }
  return socketAddress(c) ?? 'unknown';
}
