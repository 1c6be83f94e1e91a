/**
 * Idempotency keys: a write that can be retried (its answer lost to a dropped connection, a timeout, a
 * proxy that sent it twice) carries `Idempotency-Key: <random>`; a repeat with the same key and the same
 * request answers the stored answer and writes nothing again. The same key with another request (method,
 * path, query or body) is refused with 422 (not 409: that means a version conflict here, with `current`).
 *
 * One mechanism for every keyed route: the route adds `idempotent(status)` (one line), and its command writes
 * through `keyedWrite` inside its transaction (Commands does for all of them). The key is claimed by the
 * write's own transaction and the answer stored in it, so the answer exists exactly when the write does: a
 * crash, a rollback or a failed write leaves no record (a retry then runs it afresh; failures write nothing),
 * and two copies arriving at once are serialized by the database (see Transaction.claimIdempotency) — one
 * writes, the other answers what it wrote. Keys are per member (one member's key never meets another's
 * answer) and records are swept after `idempotencyTtlMs` (app.ts).
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import { createHash } from 'node:crypto';
import type { MiddlewareHandler } from 'hono';
import type { AppEnv } from './auth.js';
import type { Transaction } from './db/repository.js';
import { ApiError } from './http.js';

interface Scope {
  memberId: string;
  key: string;
  fingerprint: string;
  /** The status the route answers on success, stored with the body. */
  status: number;
  used: boolean;
}

/** The key of the request being served, seen by its command's transaction. */
const current = new AsyncLocalStorage<Scope>();

/** 1 to 200 visible ASCII characters: a UUID, a ULID, any random string. */
const KEY_FORMAT = /^[\x21-\x7e]{1,200}$/;

/** Thrown inside a write's transaction when its key already holds an answer: app.ts sends that answer. */
export class StoredAnswerReplay extends Error {
  constructor(readonly status: number, readonly body: string) {
    super('replay of a stored answer');
  }

  response(): Response {
    return new Response(this.body, {
      status: this.status,
      headers: { 'Content-Type': 'application/json', 'Idempotency-Replayed': 'true' },
    });
  }
}

const keyIssue = (message: string) => ({ issues: [{ path: 'Idempotency-Key', message }] });

/** Route middleware (after `authed`): honours an `Idempotency-Key` header; `status` is the route's success status. */
export function idempotent(status: 200 | 201): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const key = c.req.header('idempotency-key');
    if (key === undefined) return next();
    if (!KEY_FORMAT.test(key)) {
      throw new ApiError(400, 'invalid', 'Idempotency-Key: expected 1 to 200 visible ASCII characters',
        keyIssue('Expected 1 to 200 visible ASCII characters'));
    }
    const url = new URL(c.req.url);
    // hono keeps the body it read: the route's own readJson reads the same text again.
    const fingerprint = createHash('sha256').update(`${c.req.method} ${url.pathname}${url.search}\n`)
      .update(await c.req.text()).digest('base64url');
    const scope: Scope = { memberId: c.get('viewer').id, key, fingerprint, status, used: false };
    await current.run(scope, next);
    if (!scope.used && c.res.status < 400) {
      // A route that took a key must write through keyedWrite; anything else would write again on a retry.
      throw new Error(`${c.req.method} ${c.req.routePath} took an Idempotency-Key but its write ignored it`);
    }
  };
}

/**
 * Runs a command's `work` inside its transaction `tx`, honouring the request's key if it has one: claims it
 * first (a key already answered throws StoredAnswerReplay, or 422 for another request), then stores the
 * answer `work` returns (the route's JSON body) in the same transaction.
 */
export async function keyedWrite<T>(tx: Transaction, work: () => Promise<T>): Promise<T> {
  const scope = current.getStore();
  if (!scope || scope.used) return work();
  const stored = await tx.claimIdempotency({ memberId: scope.memberId, key: scope.key, fingerprint: scope.fingerprint,
    createdAt: Date.now() });
  scope.used = true;
  if (stored) {
    if (stored.fingerprint !== scope.fingerprint) {
      throw new ApiError(422, 'invalid', 'Idempotency-Key: already used for a different request',
        keyIssue('Already used for a different request'));
    }
    throw new StoredAnswerReplay(stored.status, stored.body);
  }
  const result = await work();
  await tx.completeIdempotency(scope.memberId, scope.key, scope.status, JSON.stringify(result));
  return result;
}
