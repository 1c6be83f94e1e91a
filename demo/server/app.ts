/**
 * `createApp` builds the reference server's hono app (the REST contract of sdk/schema.ts and
 * sdk/adapters/rest.ts) around an open repository, SQLite or PostgreSQL alike. It does not listen: main.ts,
 * the vite plugin and the tests each mount `app.fetch` their own way.
 */
import { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { cors } from 'hono/cors';
import { HTTPException } from 'hono/http-exception';
import type { Column } from '../../sdk/schema.js';
import { DEFAULT_COLUMNS } from '../../sdk/schema.js';
import { Auth, type AppEnv } from './auth.js';
import { Commands } from './commands.js';
import { DatabaseUnavailableError, type Repository } from './db/repository.js';
import { EventHub } from './events.js';
import { hostCheck, securityHeaders } from './guards.js';
import { ApiError, errorResponse, notFound } from './http.js';
import { Intake } from './intake.js';
import { assignmentRuleRoutes } from './routes/assignment-rules.js';
import { StoredAnswerReplay } from './idempotency.js';
import { DEFAULT_LIMITS, type Limits } from './limits.js';
import { assignmentRoutes } from './routes/assignments.js';
import { batchRoutes } from './routes/batches.js';
import { presenceRoutes } from './routes/presence.js';
import { Presence } from './presence.js';
import { eventRoutes } from './routes/events.js';
import { leadRoutes } from './routes/leads.js';
import { memberRoutes } from './routes/members.js';
import { isImportRequest, newLeadRoutes } from './routes/new-leads.js';
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
  /**
   * Demo mode: `POST /api/session`, `GET /api/demo-users`, and demo sessions authenticate. Default: on unless
   * host tokens are given — never both (a demo login next to host tokens hands an admin token to anyone).
   */
  demo?: boolean;
  /** Origins allowed cross-origin; none (default) keeps CORS closed. */
  corsOrigins?: readonly string[];
  /** Host-issued tokens: token → member id. */
  apiTokens?: Record<string, string>;
  /**
   * Host names the API answers to besides IP addresses and localhost names (guards.ts `hostAllowed`);
   * `true` answers any (the vite plugin: vite checks Host itself, `server.allowedHosts`). Default: none.
   */
  allowedHosts?: readonly string[] | true;
  /** Abuse limits (limits.ts); each defaults to DEFAULT_LIMITS. */
  limits?: Partial<Limits>;
  /** Per-client limits read the client's address from X-Forwarded-For (behind the host's reverse proxy). */
  trustProxy?: boolean;
  /** Interval of SSE heartbeat comments, and of re-checking each stream's session (default 15 s). */
  heartbeatMs?: number;
  /** How long a client's presence lasts without being renewed (default 60 s). */
  presenceTtlMs?: number;
  /** Column keys a lead's status may take (default: the keys of `columns`). */
  statuses?: readonly string[];
  /** The board's columns (default DEFAULT_COLUMNS): new leads go to one; an import's status names a key or label. */
  columns?: readonly Column[];
  /** Request log: a sink for one line per request; `false` is quiet (tests). Default: JSON lines to stdout. */
  log?: false | ((line: RequestLogLine) => void);
}

/**
 * The hono app, plus its event hub so the host can end open streams on shutdown, the presence table, and
 * `stop()` for the timers it runs (the sweep of expired sessions and idempotency records, presence's). The
 * host closes the repository itself.
 */
export type LeadApp = Hono<AppEnv> & {
  events: EventHub; repo: Repository; presence: Presence; limits: Readonly<Limits>; stop(): void;
};

const writeLogLine = (line: RequestLogLine) => process.stdout.write(`${JSON.stringify(line)}\n`);

/** Whether demo mode is on: as asked, else on only without host tokens; both at once is refused. */
export function demoMode(demo: boolean | undefined, apiTokens: Record<string, string>): boolean {
  const hostTokens = Object.keys(apiTokens).length > 0;
  if (demo && hostTokens) {
    throw new Error('Demo mode and API_TOKENS together would give anyone a session next to the host tokens: ' +
      'turn demo mode off (DEMO=0) or remove API_TOKENS');
  }
  return demo ?? !hostTokens;
}

export function createApp(options: AppOptions): LeadApp {
  const { repo } = options;
  const limits: Limits = { ...DEFAULT_LIMITS, ...options.limits };
  const apiTokens = options.apiTokens ?? {};
  const demo = demoMode(options.demo, apiTokens);
  const trustProxy = options.trustProxy ?? false;
  const auth = new Auth(repo, { hostTokens: apiTokens, sessions: demo, limits, trustProxy });
  const hub = new EventHub({
    members: () => repo.members(),
    loads: async () => (await repo.membersWithLoad()).map((m) => ({ memberId: m.id, openLeads: m.openLeads })),
    heartbeatMs: options.heartbeatMs,
    queueBytes: limits.eventQueueBytes,
    streamsPerToken: limits.streamsPerToken,
    stillValid: (credentials) => auth.stillValid(credentials),
  });
  // Every committed change, from this instance or another one on the same database, reaches the streams
  // through this one path; when the feed may have missed some, streams end and clients reload.
  repo.onChanges((changes) => void hub.publish(changes), () => hub.closeAll());
  const columns = options.columns ?? DEFAULT_COLUMNS;
  const statuses = options.statuses ?? columns.map((c) => c.key);
  const presence = new Presence(repo, hub, options.presenceTtlMs);
  const services: Services = {
    repo, hub, presence, auth, statuses, limits, trustProxy, commands: new Commands(repo, statuses),
    intake: new Intake(repo, columns), authed: auth.require(),
  };
  const log = options.log === undefined ? writeLogLine : options.log;
  const sweeper = startSweeper(repo, limits);

  const app = new Hono<AppEnv>();

  if (log) {
    app.use('*', async (c, next) => {
      const started = performance.now();
      await next();
      // The path only: query strings may carry the event-stream token (and search text).
      log({ time: new Date().toISOString(), method: c.req.method, path: c.req.path, status: c.res.status,
        ms: Math.round((performance.now() - started) * 10) / 10 });
    });
  }

  app.use('*', securityHeaders());
  if (options.allowedHosts !== true) app.use('*', hostCheck(options.allowedHosts ?? []));

  const origins = options.corsOrigins ?? [];
  if (origins.length > 0) {
    app.use('/api/*', cors({
      origin: (origin) => (origins.includes(origin) ? origin : null),
      allowMethods: ['GET', 'POST', 'PATCH', 'PUT', 'DELETE', 'OPTIONS'],
      allowHeaders: ['Authorization', 'Content-Type', 'Idempotency-Key'],
      exposeHeaders: ['Retry-After', 'Idempotency-Replayed'],
      maxAge: 600,
    }));
  }

  const generalBodyLimit = bodyLimit({
    maxSize: limits.bodyBytes,
    onError: (c) => {
      // Answered before the rest of the body was read: the connection cannot carry another request.
      c.header('Connection', 'close');
      return errorResponse(c, new ApiError(413, 'invalid', 'Request body too large'));
    },
  });
  // An import has its own, larger limit (MAX_IMPORT_BYTES), checked in its route after the role is (403 first).
  app.use('/api/*', (c, next) => (isImportRequest(c) ? next() : generalBodyLimit(c, next)));

  app.route('/api', sessionRoutes(services, { demo }));
  app.route('/api', memberRoutes(services));
  app.route('/api', leadRoutes(services));
  app.route('/api', newLeadRoutes(services));
  app.route('/api', assignmentRuleRoutes(services));
  app.route('/api', assignmentRoutes(services));
  app.route('/api', eventRoutes(services));
  app.route('/api', batchRoutes(services));
  app.route('/api', presenceRoutes(services));

  app.notFound((c) => errorResponse(c, notFound('Route')));
  app.onError((error, c) => {
    if (error instanceof ApiError) return errorResponse(c, error);
    if (error instanceof StoredAnswerReplay) return error.response();
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

  return Object.assign(app, {
    events: hub,
    repo,
    presence,
    limits,
    stop: () => {
      clearInterval(sweeper);
      presence.close();
      hub.closeAll();
    },
  });
}

/**
 * Deletes expired sessions and old idempotency records now and then (each instance does; the deletes are by
 * index and harmless twice), so neither table grows without bound however long the server runs.
 */
function startSweeper(repo: Repository, limits: Limits): ReturnType<typeof setInterval> {
  const timer = setInterval(() => {
    const now = Date.now();
    repo.sweep(now, now - limits.idempotencyTtlMs).catch(() => {
      // the database is away or closing; the next round tries again
    });
  }, limits.sweepEveryMs);
  timer.unref();
  return timer;
}
