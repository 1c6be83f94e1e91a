/**
 * Sessions. Demo mode: pick a seeded person and get a token (`POST /api/session`, rate limited per client
 * address) and the people to pick from (`GET /api/demo-users`). Always: `DELETE /api/session` ends the
 * caller's session (logout) and its event streams.
 */
import { Hono } from 'hono';
import { SessionBodySchema } from '../../../sdk/schema.js';
import type { AppEnv } from '../auth.js';
import { ApiError, parseWith, readJson, tooManyRequests } from '../http.js';
import { clientAddress, RateLimiter } from '../limits.js';
import type { Services } from './services.js';

export function sessionRoutes({ repo, auth, hub, authed, limits, trustProxy }: Services, { demo }: { demo: boolean }):
  Hono<AppEnv> {
  const routes = new Hono<AppEnv>().delete('/session', authed, async (c) => {
    const credential = c.get('credential');
    await auth.endSession(credential);
    hub.closeToken(credential.tokenHash);
    return c.body(null, 204);
  });
  if (!demo) return routes;
  const signIns = new RateLimiter(limits.sessionRate);
  return routes
    .get('/demo-users', async (c) => c.json(await repo.activeMembers()))
    .post('/session', async (c) => {
      const refused = signIns.take(clientAddress(c, trustProxy));
      if (refused) throw tooManyRequests('sign-ins', refused.retryAfterMs);
      const { email } = parseWith(SessionBodySchema, await readJson(c), 'body');
      const member = await repo.memberByEmail(email);
      if (!member?.active) throw new ApiError(401, 'unauthorized', 'No active member with that email');
      return c.json({ token: await auth.createSession(member), member });
    });
}
