/** Demo mode only: pick a seeded person and get a token (`POST /api/session`, `GET /api/demo-users`). */
import { Hono } from 'hono';
import { SessionBodySchema } from '../../../sdk/schema.js';
import type { AppEnv } from '../auth.js';
import { ApiError, parseWith, readJson } from '../http.js';
import type { Services } from './services.js';

export function sessionRoutes({ repo, auth }: Services): Hono<AppEnv> {
  return new Hono<AppEnv>()
    .get('/demo-users', async (c) => c.json(await repo.activeMembers()))
    .post('/session', async (c) => {
      const { email } = parseWith(SessionBodySchema, await readJson(c), 'body');
      const member = await repo.memberByEmail(email);
      if (!member?.active) throw new ApiError(401, 'unauthorized', 'No active member with that email');
      return c.json({ token: await auth.createSession(member), member });
    });
}
