/** `GET /api/events`: the caller's filtered change stream (text/event-stream), presence included. */
import { Hono } from 'hono';
import type { AppEnv } from '../auth.js';
import { EventsQuerySchema } from '../../../sdk/schema.js';
import { ApiError, parseWith } from '../http.js';
import type { Services } from './services.js';

export function eventRoutes({ hub, auth, repo, presence }: Services): Hono<AppEnv> {
  return new Hono<AppEnv>().get('/events', auth.require({ allowQueryToken: true }), (c) => {
    // While the change feed reconnects, a new stream would silently miss changes: refuse it, the client retries.
    if (!repo.following) throw new ApiError(503, 'unavailable', 'Live updates are reconnecting; try again shortly');
    // `?client=`: the id the client's presence goes by (presence.ts); optional, a malformed one is a 400.
    const { client } = parseWith(EventsQuerySchema, { client: c.req.query('client') }, 'query');
    const viewer = c.get('viewer');
    return new Response(hub.open(viewer.id, presence.streamHooks(viewer, client)), {
      headers: {
        'Content-Type': 'text/event-stream; charset=utf-8',
        'Cache-Control': 'no-cache, no-transform',
        Connection: 'keep-alive',
        // Reverse proxies (nginx) would otherwise buffer the stream.
        'X-Accel-Buffering': 'no',
      },
    });
  });
}
