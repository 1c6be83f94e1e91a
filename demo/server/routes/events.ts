/** `GET /api/events`: the caller's filtered change stream (text/event-stream), presence included. */
import { Hono } from 'hono';
import type { AppEnv } from '../auth.js';
import { EventsQuerySchema } from '../../../sdk/schema.js';
import { ApiError, parseWith } from '../http.js';
import type { Services } from './services.js';

const STREAM_HEADERS = {
  'Content-Type': 'text/event-stream; charset=utf-8',
  'Cache-Control': 'no-cache, no-transform',
  Connection: 'keep-alive',
  // Reverse proxies (nginx) would otherwise buffer the stream.
  'X-Accel-Buffering': 'no',
};

/** The node response under @hono/node-server (main.ts, the vite plugin); absent elsewhere. */
type NodeBindings = { outgoing?: { destroy(): void } } | undefined;

export function eventRoutes({ hub, auth, repo, presence }: Services): Hono<AppEnv> {
  return new Hono<AppEnv>().get('/events', auth.require({ allowQueryToken: true }), (c) => {
    // hono answers HEAD with the GET handler and drops the body unread: a stream opened for it would never be
    // read nor cancelled. HEAD gets the headers and nothing is subscribed.
    if (c.req.raw.method === 'HEAD') return new Response(null, { headers: STREAM_HEADERS });
    // While the change feed reconnects, a new stream would silently miss changes: refuse it, the client retries.
    if (!repo.following) throw new ApiError(503, 'unavailable', 'Live updates are reconnecting; try again shortly');
    // `?client=`: the id the client's presence goes by (presence.ts); optional, a malformed one is a 400.
    const { client } = parseWith(EventsQuerySchema, { client: c.req.query('client') }, 'query');
    const viewer = c.get('viewer');
    const outgoing = (c.env as NodeBindings)?.outgoing;
    const stream = hub.open({
      memberId: viewer.id,
      credential: c.get('credential'),
      hooks: presence.streamHooks(viewer, client),
      // Cutting off a client that stopped reading closes its socket, dropping what the connection holds.
      ...(outgoing ? { cut: () => outgoing.destroy() } : {}),
    });
    return new Response(stream, { headers: STREAM_HEADERS });
  });
}
