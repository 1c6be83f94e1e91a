/** `GET /api/me`, `GET /api/members` (with each member's open-lead count). */
import { Hono } from 'hono';
import type { AppEnv } from '../auth.js';
import type { Services } from './services.js';

export function memberRoutes({ repo, authed }: Services): Hono<AppEnv> {
  return new Hono<AppEnv>()
    .get('/me', authed, (c) => c.json(c.get('viewer')))
    .get('/members', authed, async (c) => c.json(await repo.membersWithLoad()));
}
