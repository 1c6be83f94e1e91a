/**
 * `PUT /api/presence`: this client (the id it gave its event stream, `?client=`) now views a lead, or nothing.
 * A lead the caller may not see answers 404, like every other path. Presence itself is presence.ts.
 */
import { Hono } from 'hono';
import { PresenceBodySchema } from '../../../sdk/schema.js';
import type { AppEnv } from '../auth.js';
import { notFound, parseWith, readJson } from '../http.js';
import type { Services } from './services.js';

export function presenceRoutes({ repo, presence, authed }: Services): Hono<AppEnv> {
  return new Hono<AppEnv>().put('/presence', authed, async (c) => {
    const viewer = c.get('viewer');
    const { clientId, leadId } = parseWith(PresenceBodySchema, await readJson(c), 'body');
    if (leadId !== null && !(await repo.visibleLead(viewer, leadId))) throw notFound();
    return c.json({ leadId, viewerIds: await presence.set(viewer, clientId, leadId) });
  });
}
