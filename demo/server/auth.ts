/**
 * Bearer tokens. Demo sessions are random 256-bit tokens whose sha256 is stored with an expiry; host tokens
 * (`API_TOKENS`) are hashed at startup. Either way the raw token is never kept, and a member who has been
 * deactivated stops being authenticated at once.
 */
import { createHash, randomBytes } from 'node:crypto';
import type { MiddlewareHandler } from 'hono';
import type { Member } from '../../sdk/schema.js';
import { ApiError } from './http.js';
import type { Repository } from './db/repository.js';

export type AppEnv = { Variables: { viewer: Member } };

export const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');

export class Auth {
  private readonly hostTokens = new Map<string, string>();

  constructor(
    private readonly repo: Repository,
    hostTokens: Record<string, string>,
    private readonly sessionTtlMs: number,
  ) {
    for (const [token, memberId] of Object.entries(hostTokens)) this.hostTokens.set(hashToken(token), memberId);
  }

  /** A new demo session for `member`; returns the token (only its hash is stored). */
  async createSession(member: Member): Promise<string> {
    const token = randomBytes(32).toString('base64url');
    await this.repo.addSession(hashToken(token), member.id, Date.now() + this.sessionTtlMs);
    return token;
  }

  /**
   * The active member `token` authenticates, if any: one query either way. Sessions live in the database,
   * so a token issued by one instance works on every instance sharing it.
   */
  async memberFor(token: string): Promise<Member | undefined> {
    const hash = hashToken(token);
    const hostMemberId = this.hostTokens.get(hash);
    const member = hostMemberId !== undefined
      ? await this.repo.member(hostMemberId)
      : await this.repo.sessionMember(hash, Date.now());
    return member?.active ? member : undefined;
  }

  /**
   * Requires `Authorization: Bearer <token>`. `allowQueryToken` also accepts `?token=` — only for the event
   * stream, because EventSource cannot send headers (the request log never prints query strings).
   */
  require(options: { allowQueryToken?: boolean } = {}): MiddlewareHandler<AppEnv> {
    return async (c, next) => {
      const header = c.req.header('authorization');
      const match = header ? /^Bearer\s+(\S+)\s*$/i.exec(header) : null;
      const token = match?.[1] ?? (options.allowQueryToken ? c.req.query('token') : undefined);
      const member = token ? await this.memberFor(token) : undefined;
      if (!member) {
        c.header('WWW-Authenticate', 'Bearer');
        throw new ApiError(401, 'unauthorized', token ? 'Invalid or expired token' : 'Missing bearer token');
      }
      c.set('viewer', member);
      await next();
    };
  }
}
