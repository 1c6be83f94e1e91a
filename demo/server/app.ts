/**
 * `createApp` builds the reference server's hono app (the REST contract of sdk/schema.ts and
 * sdk/adapters/rest.ts) around an open repository, SQLite or PostgreSQL alike. It does not listen: main.ts,
 * the vite plugin and the tests each mount `app.fetch` their own way.
 */
import { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { cors } from 'hono/cors';
import { HTTPException } from 'hono/http-exception';
import { DEFAULT_COLUMNS } from '../../sdk/schema.js';
import { Auth, type AppEnv } from './auth.js';
import { Commands } from './commands.js';
import { DatabaseUnavailableError, type Repository } from './db/repository.js';
import { EventHub } from './events.js';
import { ApiError, errorResponse, notFound } from './http.js';
import { assignmentRoutes } from './routes/assignments.js';
import { batchRoutes } from './routes/batches.js';
import { presenceRoutes } from './routes/presence.js';
import { Presence } from './presence.js';
import { eventRoutes } from './routes/events.js';
import { leadRoutes } from './routes/leads.js';
import { memberRoutes } from './routes/members.js';
import { sessionRoutes } from './routes/session.js';
import type { Services } from './routes/services.js';

export interface RequestLogLine {
  time: string;
  method: string;
  path: string;
  status: number;
  ms: number;
}

export interface AppOptions {
  /** The open database (db/open.ts); the app does not close it. */
  repo: Repository;
  /** Demo mode: `POST /api/session` and `GET /api/demo-users` (default true). */
  demo?: boolean;
  /** Origins allowed cross-origin; none (default) keeps CORS closed. */
  corsOrigins?: readonly string[];
  /** Host-issued tokens: token → member id. */
  apiTokens?: Record<string, string>;
  /** Demo session lifetime (default 12 h). */
  sessionTtlMs?: number;
  /** Largest accepted request body (default 1 MB; larger → 413). */
  bodyLimitBytes?: number;
  /** Interval of SSE heartbeat comments (default 15 s). */
  heartbeatMs?: number;
  /** How long a client's presence lasts without being renewed (default 60 s). */
  presenceTtlMs?: number;
  /** Column keys a lead's status may take (default: DEFAULT_COLUMNS). */
  statuses?: readonly string[];
  /** Request log: a sink for one line per request; `false` is quiet (tests). Default: JSON lines to stdout. */
  log?: false | ((line: RequestLogLine) => void);
}

/** The hono app, plus its event hub so the host can end open streams on shutdown. */
export type LeadApp = Hono<AppEnv> & { events: EventHub; repo: Repository; presence: Presence };

const writeLogLine = (line: RequestLogLine) => process.stdout.write(`${JSON.stringify(line)}\n`);

export function createApp(options: AppOptions): LeadApp {
  const { repo } = options;
  const hub = new EventHub(() => repo.members(), options.heartbeatMs);
  // Every committed change, from this instance or another one on the same database, reaches the streams
  // through this one path; when the feed may have missed some, streams end and clients reload.
  repo.onChanges((changes) => void hub.publish(changes), () => hub.closeAll());
  const statuses = options.statuses ?? DEFAULT_COLUMNS.map((c) => c.key);
  const auth = new Auth(repo, options.apiTokens ?? {}, options.sessionTtlMs ?? 12 * 3600_000);
  const presence = new Presence(repo, hub, options.presenceTtlMs);
  const services: Services = { repo, hub, presence, auth, commands: new Commands(repo, statuses), authed: auth.require() };
  const log = options.log === undefined ? writeLogLine : options.log;

  const app = new Hono<AppEnv>();

  if (log) {
    app.use('*', async (c, next) => {
      const started = performance.now();
      await next();
      // The path only: query strings may carry the event-stream token.
      log({ time: new Date().toISOString(), method: c.req.method, path: c.req.path, status: c.res.status,
        ms: Math.round((performance.now() - started) * 10) / 10 });
    });
  }

  const origins = options.corsOrigins ?? [];
  if (origins.length > 0) {
    app.use('/api/*', cors({
      origin: (origin) => (origins.includes(origin) ? origin : null),
      allowMethods: ['GET', 'POST', 'PATCH', 'PUT', 'OPTIONS'],
      allowHeaders: ['Authorization', 'Content-Type'],
      maxAge: 600,
    }));
  }

  app.use('/api/*', bodyLimit({
    maxSize: options.bodyLimitBytes ?? 1024 * 1024,
    onError: (c) => errorResponse(c, new ApiError(413, 'invalid', 'Request body too large')),
  }));

  if (options.demo ?? true) app.route('/api', sessionRoutes(services));
  app.route('/api', memberRoutes(services));
  app.route('/api', leadRoutes(services));
  app.route('/api', assignmentRoutes(services));
  app.route('/api', eventRoutes(services));
  app.route('/api', batchRoutes(services));
  app.route('/api', presenceRoutes(services));

  app.notFound((c) => errorResponse(c, notFound('Route')));
  app.onError((error, c) => {
    if (error instanceof ApiError) return errorResponse(c, error);
    if (error instanceof DatabaseUnavailableError) {
      console.error('[lead-kanban server]', error.message);
      c.header('Retry-After', '2');
      return errorResponse(c, new ApiError(503, 'unavailable', 'The database is unavailable; try again shortly'));
    }
    if (error instanceof HTTPException && error.status < 500) {
      return errorResponse(c, new ApiError(error.status, 'invalid', error.message || 'Bad request'));
    }
    console.error('[lead-kanban server]', error);
    return errorResponse(c, new ApiError(500, 'internal', 'Internal server error'));
  });

  return Object.assign(app, { events: hub, repo, presence });
}
