/**
 * Shared by the server tests: a real server (demo/server/start.ts) on an ephemeral port over a fresh
 * database of the engine under test (databases.ts), a small fetch helper, and an SSE reader. Not a test file.
 */
import { request } from 'node:http';
import { startServer, type RunningServer, type StartOptions } from '../../demo/server/start.js';
import { EventStreamParser, RestAdapter } from '../../sdk/adapters/rest.js';
import type { ContractBackend } from '../contract/adapter-contract.js';
import type { ChangeEvent, Member } from '../../sdk/schema.js';
import { seed, type SeedOptions } from '../../sdk/seed.js';
import { createDatabase, ENGINE as ENGINE_UNDER_TEST, type Engine, type TestDatabase } from './databases.js';

export { ENGINE } from './databases.js';

export const SEED: SeedOptions = { leads: 120, members: 12, seed: 7 };

/** The seeded people (deterministic): m1 admin, m2 manager, m3..m11 members, m12 inactive. */
export const people = (() => {
  const { members } = seed(SEED);
  const byId = (id: string) => members.find((m) => m.id === id)!;
  return { all: members, admin: byId('m1'), manager: byId('m2'), alice: byId('m3'), bob: byId('m4'),
    inactive: byId('m12') };
})();

export interface TestServer extends RunningServer {
  api: string;
  /** The database beside the server: raw SQL for checks and injected faults. */
  db: TestDatabase;
  /** A demo session token for the member. */
  login(member: Member): Promise<string>;
  /** The member's live `GET /api/events` stream (asserted open), closed by restart and dispose. */
  stream(token: string): Promise<EventReader>;
  /** Stops this server and starts a new one on the same database (the same options): a restart. */
  restart(): Promise<TestServer>;
  dispose(): Promise<void>;
}

/**
 * Rate limits are off unless a test asks for them (limits.ts): suites make hundreds of requests with one
 * token in seconds. Every other limit keeps its default.
 */
export const NO_RATE_LIMITS = { sessionRate: false, authFailureRate: false, writeRate: false } as const;

/** A server over a fresh database of `engine` (default: the engine under test, TEST_DB). */
export async function startTestServer(options: Partial<StartOptions> = {}, engine: Engine = ENGINE_UNDER_TEST):
  Promise<TestServer> {
  return serverOn(await createDatabase(engine), options);
}

async function serverOn(db: TestDatabase, options: Partial<StartOptions>): Promise<TestServer> {
  let server: RunningServer;
  try {
    server = await startServer({ ...db.options, seed: SEED, port: 0, log: false, ...options,
      limits: { ...NO_RATE_LIMITS, ...options.limits } });
  } catch (error) {
    await db.drop();
    throw error;
  }
  const api = `${server.url}/api`;
  const streams: EventReader[] = [];
  const closeStreams = () => streams.splice(0).forEach((stream) => stream.close());
  return {
    ...server,
    api,
    db,
    async stream(token) {
      const reader = await openEvents(`${api}/events`, { headers: { Authorization: `Bearer ${token}` } });
      if (reader.status !== 200) throw new Error(`GET /api/events answered ${reader.status}`);
      streams.push(reader);
      return reader;
    },
    async restart() {
      closeStreams();
      await server.close();
      return serverOn(db, options);
    },
    async login(member) {
      const response = await call(api, 'POST', '/session', { body: { email: member.email } });
      if (response.status !== 200) throw new Error(`login ${member.email}: ${response.status}`);
      return (response.body as { token: string }).token;
    },
    async dispose() {
      closeStreams();
      await server.close();
      await db.drop();
    },
  };
}

/** The adapter contract's backend (test/contract/adapter-contract.ts): RestAdapters on a fresh test server. */
export function restContractBackend(name: string): ContractBackend {
  return {
    name,
    async start(options) {
      const server = await startTestServer({ seed: options });
      return {
        as: (member) => RestAdapter.login(server.api, member.email, { events: 'fetch' }),
        close: () => server.dispose(),
      };
    },
  };
}

export interface CallResult {
  status: number;
  body: any; // eslint-disable-line @typescript-eslint/no-explicit-any -- tests read answers freely
  headers: Headers;
}

/** One HTTP call; `body` is sent as JSON unless `raw` (a string) is given. */
export async function call(
  api: string,
  method: string,
  path: string,
  options: { token?: string; body?: unknown; raw?: string; headers?: Record<string, string> } = {},
): Promise<CallResult> {
  const headers: Record<string, string> = { ...options.headers };
  if (options.token) headers.Authorization = `Bearer ${options.token}`;
  let body: string | undefined = options.raw;
  if (options.body !== undefined) {
    body = JSON.stringify(options.body);
    headers['Content-Type'] = 'application/json';
  }
  const response = await fetch(`${api}${path}`, { method, headers, body });
  const text = await response.text();
  let parsed: unknown = text;
  try {
    parsed = text ? JSON.parse(text) : undefined;
  } catch {
    // not JSON: left as text
  }
  return { status: response.status, body: parsed, headers: response.headers };
}

/**
 * A call over a connection of its own, with headers fetch would not send as given (`Host`): for answers that
 * end the connection (a 413 is answered before the body is read, which leaves a kept-alive connection
 * unusable — fetch would hand it to the next call) and for Host checks.
 */
export function callOnOwnConnection(url: string, options: { method?: string; headers?: Record<string, string>; body?: string } = {}):
  Promise<CallResult> {
  return new Promise((resolve, reject) => {
    const req = request(url, { method: options.method ?? 'GET', agent: false, headers: options.headers }, (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (text += chunk));
      res.on('end', () => {
        const headers = new Headers();
        for (const [name, value] of Object.entries(res.headers)) if (typeof value === 'string') headers.set(name, value);
        let body: unknown = text;
        try {
          body = text ? JSON.parse(text) : undefined;
        } catch {
          // not JSON: left as text
        }
        resolve({ status: res.statusCode ?? 0, body, headers });
      });
    });
    // The server may close while the rest of the body is still going out; its answer has arrived by then.
    req.on('error', (error: NodeJS.ErrnoException) => (error.code === 'EPIPE' || error.code === 'ECONNRESET' ? undefined : reject(error)));
    req.end(options.body);
  });
}

/** A live `GET /api/events` reader collecting parsed events. */
export interface EventReader {
  events: ChangeEvent[];
  /** Resolves when the server ends the stream (closed, or the connection cut); never on close() below. */
  ended: Promise<void>;
  /** Resolves with the first collected event matching; rejects after `ms` as a guard against hanging. */
  waitFor(match: (event: ChangeEvent) => boolean, ms?: number): Promise<ChangeEvent>;
  close(): void;
}

export async function openEvents(url: string, init: RequestInit = {}): Promise<EventReader & { status: number }> {
  const controller = new AbortController();
  const response = await fetch(url, { ...init, signal: controller.signal });
  const events: ChangeEvent[] = [];
  const waiters = new Set<() => void>();
  let serverEnded = () => {};
  const ended = new Promise<void>((resolve) => (serverEnded = resolve));
  if (response.ok && response.body) {
    const parser = new EventStreamParser((data) => {
      events.push(JSON.parse(data) as ChangeEvent);
      for (const wake of waiters) wake();
    });
    const decoder = new TextDecoder();
    const reader = response.body.getReader();
    void (async () => {
      try {
        for (;;) {
          const { done, value } = await reader.read();
          if (done) return serverEnded();
          parser.push(decoder.decode(value, { stream: true }));
        }
      } catch {
        if (!controller.signal.aborted) serverEnded(); // cut by the server, not aborted by close()
      }
    })();
  }
  return {
    status: response.status,
    events,
    ended,
    waitFor(match, ms = 5000) {
      return new Promise((resolve, reject) => {
        // Each check looks only at events it has not seen: a stream of 30,000 events stays linear.
        let scanned = 0;
        const check = () => {
          let found: ChangeEvent | undefined;
          while (!found && scanned < events.length) {
            const event = events[scanned++]!;
            if (match(event)) found = event;
          }
          if (!found) return;
          cleanup();
          resolve(found);
        };
        const timer = setTimeout(() => {
          cleanup();
          reject(new Error(`no matching event within ${ms} ms; got ${JSON.stringify(events.map((e) => e.type))}`));
        }, ms);
        const cleanup = () => {
          clearTimeout(timer);
          waiters.delete(check);
        };
        waiters.add(check);
        check();
      });
    },
    close: () => controller.abort(),
  };
}

/** Resolves when `condition` holds, polling; a guard timeout turns a hang into a clear failure. */
export async function eventually(condition: () => boolean, what: string, ms = 5000): Promise<void> {
  const until = Date.now() + ms;
  while (!condition()) {
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 10));
  }
}
