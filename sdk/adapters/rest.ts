/**
 * LeadAdapter over the REST API of the reference server in demo/server (its routes are listed in
 * demo/server/app.ts; docs/architecture.md describes them), or of any backend that speaks it. Runs in browsers and in Node ≥ 20.
 *
 * - Every answer is parsed with the schemas of schema.ts before it is returned: a malformed answer becomes
 *   `AdapterError('invalid')` naming the field, and nothing of it is handed to the caller.
 * - HTTP errors become AdapterError codes (400/413 invalid with `issues`, 401 unauthorized, 403 forbidden,
 *   404 not_found, 409 conflict with `current`); no answer, a timeout or a 5xx is `network`.
 * - Reads (GET) are retried with exponential backoff. Writes (PATCH, POST) carry an `Idempotency-Key`, one per
 *   call, which the server honours: a retry of one (ky's own, after a lost answer, a timeout, a 5xx) sends
 *   the same key and gets the first answer instead of writing again. Signing in is never retried.
 * - Every method accepts `{ signal }`; aborting rejects with the signal's reason (an `AbortError`), not an
 *   AdapterError, so callers can tell "cancelled" from "failed".
 * - `subscribe()` reads `GET /api/events`: with `EventSource` where it exists and no custom `fetch` was
 *   given (browsers; the token then travels as `?token=` since EventSource cannot send headers), otherwise
 *   by streaming `fetch` with the Authorization header (Node 20 has no EventSource). Both reconnect with
 *   backoff (rest-events.ts); `onReconnect` tells the host that changes may have been missed while the
 *   stream was down.
 */
import type * as Ky from 'ky';
import type { HTTPError, KyInstance } from 'ky';
import type { AssignOptions, ImportOptions, LeadAdapter, LeadListQuery, SubscribeHooks } from '../adapter.js';
import { AdapterError, importTooLargeError, parseOrThrow } from '../adapter.js';
import { importSizeProblem } from '../import-fields.js';
import type {
  Activity,
  AssignmentRules,
  AssignResponse,
  ChangeEvent,
  CreateOptions,
  ErrorCode,
  FieldIssue,
  ImportInput,
  ImportResult,
  Lead,
  NewLead,
  LeadPatch,
  Member,
  MemberWithLoad,
  Parser,
  Source,
} from '../schema.js';
import {
  ActivityListSchema,
  ActivitySchema,
  AssignBodySchema,
  AssignmentRulesSchema,
  AssignResponseSchema,
  ChangeEventSchema,
  CreateOptionsSchema,
  ERROR_CODES,
  ImportRequestSchema,
  ImportResultSchema,
  IssueSchema,
  LeadSchema,
  LeadsResponseSchema,
  MemberSchema,
  MembersListSchema,
  MembersResponseSchema,
  NewLeadSchema,
  NoteBodySchema,
  PatchLeadBodySchema,
  PresenceBodySchema,
  PresenceSchema,
  SessionResponseSchema,
} from '../schema.js';
import * as z from 'zod/mini';
import type { EventStream, FetchLike } from './rest-events.js';
import { subscribeWithEventSource, subscribeWithFetch } from './rest-events.js';

export { EventStreamParser } from './rest-events.js';

export type { FetchLike } from './rest-events.js';

export interface RestAdapterOptions {
  /** Where the API lives: `'/api'` (same origin, browsers) or `'http://host:port/api'` (required in Node). */
  baseUrl: string;
  /** Bearer token, or a function read before every request (so a host can refresh it). */
  token?: string | (() => string | undefined);
  /** A fetch implementation (default: the global one). */
  fetch?: FetchLike;
  /** Milliseconds for each attempt of a call (default 10 000). */
  timeout?: number;
  /** How many times a failed call is retried (default 2): reads, and writes under their idempotency key. */
  retries?: number;
  /** Transport of `subscribe()`: 'auto' (default), 'eventsource', 'fetch', or 'off' (subscribe is a no-op). */
  events?: 'auto' | 'eventsource' | 'fetch' | 'off';
  /** The event stream came back after a drop: changes made meanwhile were not delivered (reload to catch up). */
  onReconnect?: () => void;
  /** An event that failed to parse was dropped (never half-applied). */
  onEventError?: (error: AdapterError) => void;
}

export interface RequestOptions {
  signal?: AbortSignal;
}

type Method = 'get' | 'post' | 'patch' | 'put';

/** 429 (too many requests, still so after the retries) is transient like a lost connection. */
const STATUS_CODES: Record<number, ErrorCode> = {
  400: 'invalid', 401: 'unauthorized', 403: 'forbidden', 404: 'not_found', 409: 'conflict', 413: 'invalid',
  415: 'invalid', 422: 'invalid', 429: 'network',
};

/**
 * A new Idempotency-Key: 128 random bits, base64url. crypto.getRandomValues exists in every browser (also
 * on plain http pages, where randomUUID does not) and in Node 20.
 */
function newIdempotencyKey(): string {
  const bytes = globalThis.crypto.getRandomValues(new Uint8Array(16));
  return btoa(String.fromCharCode(...bytes)).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

const IssuesSchema = z.array(IssueSchema);

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** The global fetch, called unbound-safe (some browsers throw "Illegal invocation" on a detached fetch). */
const globalFetch: FetchLike = (input, init) => globalThis.fetch(input, init);

type KyModule = typeof Ky;
let kyModule: Promise<KyModule> | undefined;
/**
 * ky is loaded on the first request rather than with this module: the SDK index (and the elements bundle
 * that re-exports it) always carries RestAdapter, but a board on the MemoryAdapter never makes a request,
 * so it should not pay ~5 KB gzip for an HTTP client. Bundlers emit ky as a separate chunk.
 */
function loadKy(): Promise<KyModule> {
  kyModule ??= import('ky').catch((error: unknown) => {
    kyModule = undefined; // a failed chunk load may succeed later
    throw error;
  });
  return kyModule;
}

/** Turns an error answer into an AdapterError, reading the body leniently (it may not be ours). */
async function fromHttpError(error: HTTPError, what: string): Promise<AdapterError> {
  const status = error.response.status;
  const body: unknown = await error.response.json().catch(() => undefined);
  const envelope = isRecord(body) && isRecord(body.error) ? body.error : undefined;
  const bodyCode = ERROR_CODES.find((c) => c === envelope?.code);
  const code: ErrorCode = STATUS_CODES[status] ?? (status >= 500 ? 'network' : bodyCode ?? 'invalid');
  const message = typeof envelope?.message === 'string' ? envelope.message : `${what}: HTTP ${status}`;
  const parsedIssues = IssuesSchema.safeParse(envelope?.issues);
  const issues: FieldIssue[] | undefined = parsedIssues.success ? parsedIssues.data : undefined;
  let current: Lead | undefined;
  if (code === 'conflict' && isRecord(body) && body.current !== undefined) {
    // A conflict's `current` replaces local state, so it is held to the same standard as any answer.
    current = parseOrThrow(LeadSchema, body.current, `${what}: current`);
  }
  return new AdapterError(code, message, { status, cause: error, ...(issues ? { issues } : {}),
    ...(current ? { current } : {}) });
}

function isAbort(error: unknown, signal: AbortSignal | undefined): boolean {
  return signal?.aborted === true || (error instanceof Error && error.name === 'AbortError');
}



/** Presence is renewed this often while a lead is open (the server forgets it after a minute without). */
const PRESENCE_RENEW_MS = 25_000;

const newClientId = () =>
  typeof crypto !== 'undefined' && 'randomUUID' in crypto ? crypto.randomUUID() : `c-${Date.now().toString(36)}-${Math.random().toString(36).slice(2)}`;

export class RestAdapter implements LeadAdapter {
  /** The API root without a trailing slash. */
  readonly baseUrl: string;
  /** This adapter's name for its presence: given to its event stream (`?client=`) and to `PUT /api/presence`. */
  readonly clientId = newClientId();
  private http: KyInstance | undefined;
  private readonly fetchImpl: FetchLike;
  /** The lead this session has open (presence), renewed while set. */
  private viewingLead: string | null = null;
  private renewal: ReturnType<typeof setInterval> | undefined;

  constructor(private readonly options: RestAdapterOptions) {
    this.baseUrl = options.baseUrl.replace(/\/+$/, '');
    this.fetchImpl = options.fetch ?? globalFetch;
  }

  /** The configured ky instance, created with the first request (see loadKy). */
  private client(ky: KyModule['default']): KyInstance {
    const { options } = this;
    return ky.create({
      prefixUrl: this.baseUrl,
      fetch: this.fetchImpl,
      timeout: options.timeout ?? 10_000,
      // Writes are retried only because each carries its idempotency key (request() below; unkeyed ones, like
      // signing in, are sent with no retry): a retried write is then answered, never applied twice.
      retry: {
        limit: options.retries ?? 2,
        methods: ['get', 'post', 'patch'],
        statusCodes: [408, 429, 500, 502, 503, 504],
        retryOnTimeout: true,
        maxRetryAfter: 5000,
        backoffLimit: 3000,
        jitter: true,
      },
      hooks: {
        beforeRequest: [
          (request) => {
            const token = this.token;
            if (token) request.headers.set('Authorization', `Bearer ${token}`);
          },
        ],
      },
    });
  }

  /** The bearer token currently sent, if any. */
  get token(): string | undefined {
    const { token } = this.options;
    return typeof token === 'function' ? token() : token;
  }

  /**
   * Demo mode: starts a session as the member with `email` (`POST /api/session`) and returns an adapter
   * acting as them; read the token from `adapter.token` to keep it (e.g. in sessionStorage).
   */
  static async login(
    baseUrl: string,
    email: string,
    options: Omit<RestAdapterOptions, 'baseUrl' | 'token'> & RequestOptions = {},
  ): Promise<RestAdapter> {
    const anonymous = new RestAdapter({ ...options, baseUrl });
    const session = await anonymous.request('post', 'session', SessionResponseSchema, 'session', {
      json: { email }, signal: options.signal, unkeyed: true,
    });
    return new RestAdapter({ ...options, baseUrl, token: session.token });
  }

  /** Demo mode: the people one may log in as (`GET /api/demo-users`). */
  static listDemoUsers(
    baseUrl: string,
    options: Omit<RestAdapterOptions, 'baseUrl' | 'token'> & RequestOptions = {},
  ): Promise<Member[]> {
    return new RestAdapter({ ...options, baseUrl }).request('get', 'demo-users', MembersListSchema, 'demo users', {
      signal: options.signal,
    });
  }

  me(options: RequestOptions = {}): Promise<Member> {
    return this.request('get', 'me', MemberSchema, 'me', options);
  }

  listMembers(options: RequestOptions = {}): Promise<MemberWithLoad[]> {
    return this.request('get', 'members', MembersResponseSchema, 'members', options);
  }

  async listLeads(query: LeadListQuery = {}, options: RequestOptions = {}): Promise<Lead[]> {
    const searchParams: Record<string, string> = {};
    if (query.status && query.status.length > 0) searchParams.status = query.status.join(',');
    if (query.assignee) searchParams.assignee = query.assignee;
    if (query.q) searchParams.q = query.q;
    const { leads } = await this.request('get', 'leads', LeadsResponseSchema, 'leads', { ...options, searchParams });
    return leads;
  }

  getLead(id: string, options: RequestOptions = {}): Promise<Lead> {
    return this.request('get', `leads/${encodeURIComponent(id)}`, LeadSchema, 'lead', options);
  }

  /** `POST /api/leads` (201): the lead as created, its assignee possibly chosen by the assignment rules. */
  async createLead(lead: NewLead, options: CreateOptions & RequestOptions = {}): Promise<Lead> {
    const json = parseOrThrow(NewLeadSchema, lead, 'lead');
    const { source } = parseOrThrow(CreateOptionsSchema, options.source ? { source: options.source } : {}, 'options');
    return this.request('post', 'leads', LeadSchema, 'lead', {
      json, signal: options.signal, searchParams: source ? { source } : undefined,
    });
  }

  /**
   * `POST /api/leads/import` (`?dryRun=1` for the preview): CSV text travels as it is (`text/csv`), so the
   * server reads the very file with the same parser; rows travel as JSON `{ rows }`. An input over the limits
   * is refused here, before it is uploaded, with the error the server would answer (413).
   */
  async importLeads(input: ImportInput, options: ImportOptions & RequestOptions = {}): Promise<ImportResult> {
    const problem = importSizeProblem(input);
    if (problem) throw importTooLargeError(problem);
    const searchParams = options.dryRun ? { dryRun: '1' } : undefined;
    const what = options.dryRun ? 'import preview' : 'import';
    if (typeof input === 'string') {
      return this.request('post', 'leads/import', ImportResultSchema, what, {
        body: input, headers: { 'Content-Type': 'text/csv; charset=utf-8' }, searchParams, signal: options.signal,
      });
    }
    const json = parseOrThrow(ImportRequestSchema, { rows: input }, 'import');
    return this.request('post', 'leads/import', ImportResultSchema, what, { json, searchParams, signal: options.signal });
  }

  getAssignmentRules(options: RequestOptions = {}): Promise<AssignmentRules> {
    return this.request('get', 'assignment-rules', AssignmentRulesSchema, 'assignment rules', options);
  }

  async setAssignmentRules(rules: AssignmentRules, options: RequestOptions = {}): Promise<AssignmentRules> {
    const json = parseOrThrow(AssignmentRulesSchema, rules, 'rules');
    return this.request('put', 'assignment-rules', AssignmentRulesSchema, 'assignment rules', { json, signal: options.signal });
  }

  async updateLead(
    id: string,
    patch: LeadPatch,
    expectedVersion: number,
    options: { source?: Source } & RequestOptions = {},
  ): Promise<Lead> {
    // Checked here with the server's own schema: a bad patch fails fast, naming the field, with no request.
    const json = parseOrThrow(PatchLeadBodySchema, { ...patch, expectedVersion }, 'patch');
    return this.request('patch', `leads/${encodeURIComponent(id)}`, LeadSchema, 'lead', {
      json, signal: options.signal, searchParams: options.source ? { source: options.source } : undefined,
    });
  }

  async assign(
    leadIds: readonly string[],
    assigneeId: string | null,
    options: AssignOptions & RequestOptions = {},
  ): Promise<AssignResponse> {
    const json = parseOrThrow(AssignBodySchema, {
      leadIds: [...leadIds],
      assigneeId,
      ...(options.expectedVersions ? { expectedVersions: options.expectedVersions } : {}),
      ...(options.source ? { source: options.source } : {}),
      ...(options.batchId ? { batchId: options.batchId } : {}),
    }, 'assignment');
    return this.request('post', 'assignments', AssignResponseSchema, 'assignment', { json, signal: options.signal });
  }

  listActivity(leadId: string, options: RequestOptions = {}): Promise<Activity[]> {
    return this.request('get', `leads/${encodeURIComponent(leadId)}/activity`, ActivityListSchema, 'activity', options);
  }

  /** `GET /api/batches/:batchId`: the entries of one batch on leads the caller may see. */
  listBatch(batchId: string, options: RequestOptions = {}): Promise<Activity[]> {
    return this.request('get', `batches/${encodeURIComponent(batchId)}`, ActivityListSchema, 'batch', options);
  }

  async addNote(leadId: string, text: string, options: RequestOptions = {}): Promise<Activity> {
    const json = parseOrThrow(NoteBodySchema, { text }, 'note');
    return this.request('post', `leads/${encodeURIComponent(leadId)}/notes`, ActivitySchema, 'note', {
      json, signal: options.signal,
    });
  }

  /**
   * Presence: `PUT /api/presence` with this adapter's client id, renewed every 25 s while a lead is open, sent
   * again when the event stream comes back (the server ended it with the stream). Rejects as any write does.
   */
  async setViewing(leadId: string | null, options: RequestOptions = {}): Promise<void> {
    this.viewingLead = leadId;
    clearInterval(this.renewal);
    this.renewal = undefined;
    if (leadId !== null) {
      this.renewal = setInterval(() => void this.sendPresence().catch(() => undefined), PRESENCE_RENEW_MS);
      (this.renewal as { unref?: () => void }).unref?.();
    }
    await this.sendPresence(options);
  }

  private async sendPresence(options: RequestOptions = {}): Promise<void> {
    const json = parseOrThrow(PresenceBodySchema, { clientId: this.clientId, leadId: this.viewingLead }, 'presence');
    await this.request('put', 'presence', PresenceSchema, 'presence', { json, signal: options.signal });
  }

  subscribe(onChange: (event: ChangeEvent) => void, hooks: SubscribeHooks = {}): () => void {
    const mode = this.options.events ?? 'auto';
    if (mode === 'off') return () => {};
    const useEventSource = mode === 'eventsource' ||
      (mode === 'auto' && typeof globalThis.EventSource === 'function' && !this.options.fetch);
    const deliver = (data: string) => {
      let event: ChangeEvent;
      try {
        event = parseOrThrow(ChangeEventSchema, JSON.parse(data), 'event');
      } catch (error) {
        // Dropped whole: a malformed event never reaches the store half-applied.
        this.options.onEventError?.(AdapterError.is(error) ? error : new AdapterError('invalid', 'event: not JSON'));
        return;
      }
      onChange(event);
    };
    const reconnected = () => {
      // The server ended our presence with the old stream: say it again.
      if (this.viewingLead !== null) void this.sendPresence().catch(() => undefined);
      this.options.onReconnect?.();
      hooks.onReconnect?.();
    };
    const url = `${this.baseUrl}/events?client=${encodeURIComponent(this.clientId)}`;
    const stream: EventStream = { url, token: () => this.token, fetch: this.fetchImpl };
    const stop = useEventSource
      ? subscribeWithEventSource(stream, deliver, reconnected)
      : subscribeWithFetch(stream, deliver, reconnected);
    return () => {
      // Presence ends with the stream; nothing renews it after.
      clearInterval(this.renewal);
      this.renewal = undefined;
      this.viewingLead = null;
      stop();
    };
  }

  /**
   * One call: ky with retries, the answer parsed with `schema`, every failure an AdapterError. A write gets a
   * fresh Idempotency-Key, which ky's retries of it resend (they clone the request); `unkeyed` writes are
   * sent once.
   */
  private async request<T>(
    method: Method,
    path: string,
    schema: Parser<T>,
    what: string,
    init: RequestOptions & {
      json?: unknown;
      body?: string;
      headers?: Record<string, string>;
      searchParams?: Record<string, string> | undefined;
      /** A write the server does not key (signing in): sent once, never retried. */
      unkeyed?: boolean;
    },
  ): Promise<T> {
    let response: Response;
    let lib: KyModule | undefined;
    try {
      lib = await loadKy();
      this.http ??= this.client(lib.default);
      const write = method !== 'get';
      const headers: Record<string, string> = { ...init.headers };
      if (write && !init.unkeyed) headers['Idempotency-Key'] = newIdempotencyKey();
      response = await this.http(path, {
        method,
        headers,
        ...(write && init.unkeyed ? { retry: { limit: 0 } } : {}),
        ...(init.json !== undefined ? { json: init.json } : {}),
        ...(init.body !== undefined ? { body: init.body } : {}),
        ...(init.searchParams ? { searchParams: init.searchParams } : {}),
        ...(init.signal ? { signal: init.signal } : {}),
      });
    } catch (error) {
      if (isAbort(error, init.signal)) throw init.signal?.reason ?? error;
      if (lib && error instanceof lib.HTTPError) throw await fromHttpError(error, what);
      if (lib && error instanceof lib.TimeoutError) throw new AdapterError('network', `${what}: timed out`, { cause: error });
      if (error instanceof AdapterError) throw error;
      throw new AdapterError('network', `${what}: ${error instanceof Error ? error.message : 'request failed'}`,
        { cause: error });
    }
    let body: unknown;
    try {
      body = await response.json();
    } catch (error) {
      if (isAbort(error, init.signal)) throw init.signal?.reason ?? error;
      throw new AdapterError('invalid', `${what}: the answer is not JSON`, { status: response.status, cause: error });
    }
    return parseOrThrow(schema, body, what);
  }
}
