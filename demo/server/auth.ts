/**
 * Bearer tokens. Demo sessions are random 256-bit tokens whose sha256 is stored with an expiry; host tokens
 * (`API_TOKENS`) are hashed at startup. Either way the raw token is never kept, and a member who has been
 * deactivated stops being authenticated at once. Demo sessions count only while demo mode is on: a token
 * handed out in a demo stops working when the host turns demo mode off.
 *
 * Also the per-client limits that hang on authentication: token guessing (failed attempts per client
 * address) and writes per token (limits.ts).
 */
import { createHash, randomBytes } from 'node:crypto';
import type { MiddlewareHandler } from 'hono';
import type { Member } from '../../sdk/schema.js';
import { ApiError, tooManyRequests } from './http.js';
import { clientAddress, RateLimiter, type Limits } from './limits.js';
import type { Repository } from './db/repository.js';

/** How a request authenticated: by which token (its hash), and until when. */
export interface Credential {
  tokenHash: string;
  kind: 'session' | 'host';
  /** Sessions only: epoch ms after which the token no longer authenticates. */
  expiresAt?: number;
}

export type AppEnv = { Variables: { viewer: Member; credential: Credential } };

export const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');

const WRITE_METHODS = new Set(['POST', 'PATCH', 'PUT', 'DELETE']);

export interface AuthOptions {
  /** Host-issued tokens: token → member id. */
  hostTokens: Record<string, string>;
  /** Whether demo sessions authenticate (demo mode). */
  sessions: boolean;
  limits: Pick<Limits, 'authFailureRate' | 'writeRate' | 'sessionTtlMs' | 'sessionsPerMember'>;
  /** Client addresses come from X-Forwarded-For (limits.ts clientAddress). */
  trustProxy: boolean;
}

export class Auth {
  private readonly hostTokens = new Map<string, string>();
  private readonly failures: RateLimiter;
  private readonly writes: RateLimiter;
  /** The last expiry handed out: each new session expires later, so "the oldest" is never a tie. */
  private lastExpiry = 0;

  constructor(private readonly repo: Repository, private readonly options: AuthOptions) {
    for (const [token, memberId] of Object.entries(options.hostTokens)) this.hostTokens.set(hashToken(token), memberId);
    this.failures = new RateLimiter(options.limits.authFailureRate);
    this.writes = new RateLimiter(options.limits.writeRate);
  }

  /** A new demo session for `member`; returns the token (only its hash is stored). */
  async createSession(member: Member): Promise<string> {
    const token = randomBytes(32).toString('base64url');
    const { sessionTtlMs, sessionsPerMember } = this.options.limits;
    this.lastExpiry = Math.max(Date.now() + sessionTtlMs, this.lastExpiry + 1);
    await this.repo.addSession(hashToken(token), member.id, this.lastExpiry, sessionsPerMember);
    return token;
  }

  /** Ends the session of `credential` (logout). Host tokens are the host's to revoke: 403. */
  async endSession(credential: Credential): Promise<void> {
    if (credential.kind === 'host') {
      throw new ApiError(403, 'forbidden', 'A host token (API_TOKENS) is revoked by the host, not by logging out');
    }
    await this.repo.deleteSession(credential.tokenHash);
  }

  /**
   * The active member `token` authenticates, if any: one query either way. Sessions live in the database,
   * so a token issued by one instance works on every instance sharing it.
   */
  async verify(token: string): Promise<{ member: Member; credential: Credential } | undefined> {
    const tokenHash = hashToken(token);
    const hostMemberId = this.hostTokens.get(tokenHash);
    if (hostMemberId !== undefined) {
      const member = await this.repo.member(hostMemberId);
      return member?.active ? { member, credential: { tokenHash, kind: 'host' } } : undefined;
    }
    if (!this.options.sessions) return undefined;
    const session = await this.repo.session(tokenHash, Date.now());
    return session?.member.active
      ? { member: session.member, credential: { tokenHash, kind: 'session', expiresAt: session.expiresAt } }
      : undefined;
  }

  /**
   * Of `credentials`, the token hashes that still authenticate an active member (a stream outlives no logout,
   * expiry or deactivation, on whichever instance it happened): one query for the sessions, one for members.
   */
  async stillValid(credentials: readonly { tokenHash: string; memberId: string }[]): Promise<Set<string>> {
    const sessions = credentials.filter((c) => !this.hostTokens.has(c.tokenHash)).map((c) => c.tokenHash);
    const [live, members] = await Promise.all([
      sessions.length > 0 && this.options.sessions ? this.repo.liveSessions(sessions, Date.now()) : new Set<string>(),
      this.repo.members(),
    ]);
    const active = new Set(members.filter((m) => m.active).map((m) => m.id));
    return new Set(credentials.filter((c) => active.has(c.memberId) &&
      (this.hostTokens.get(c.tokenHash) === c.memberId || live.has(c.tokenHash))).map((c) => c.tokenHash));
  }

  /**
   * Requires `Authorization: Bearer <token>`. `allowQueryToken` also accepts `?token=` — only for the event
   * stream, because EventSource cannot send headers (the request log never prints query strings). A client
   * whose tokens keep failing is refused for a while (429) without the token being looked at; a token's
   * writes are limited per token.
   */
  require(options: { allowQueryToken?: boolean } = {}): MiddlewareHandler<AppEnv> {
    return async (c, next) => {
      const header = c.req.header('authorization');
      const match = header ? /^Bearer\s+(\S+)\s*$/i.exec(header) : null;
      const token = match?.[1] ?? (options.allowQueryToken ? c.req.query('token') : undefined);
      if (!token) throw unauthorized('Missing bearer token');
      const address = clientAddress(c, this.options.trustProxy);
      const blocked = this.failures.peek(address);
      if (blocked) throw tooManyRequests('failed sign-ins', blocked.retryAfterMs);
      const found = await this.verify(token);
      if (!found) {
        this.failures.take(address);
        throw unauthorized('Invalid or expired token');
      }
      if (WRITE_METHODS.has(c.req.method)) {
        const refused = this.writes.take(found.credential.tokenHash);
        if (refused) throw tooManyRequests('writes', refused.retryAfterMs);
      }
      c.set('viewer', found.member);
      c.set('credential', found.credential);
      await next();
    };
  }
}

function unauthorized(message: string): ApiError {
  return new ApiError(401, 'unauthorized', message, { headers: { 'WWW-Authenticate': 'Bearer' } });
}
