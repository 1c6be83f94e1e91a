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
import type { AssignOptions, ImportOptions, LeadAdapter, LeadListQuery, SubscribeHooks } from '../adapter.js';
import { AdapterError, parseOrThrow } from '../adapter.js';
import { latePartsFor, loadLateParts } from '../internal/late.js';
import type {
  Activity,
  AssignmentRules,
  AssignResponse,
  ChangeEvent,
  CreateOptions,
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
  AssignResponseSchema,
  ChangeEventSchema,
  LeadSchema,
  LeadsResponseSchema,
  MemberSchema,
  MembersListSchema,
  MembersResponseSchema,
  NoteBodySchema,
  PatchLeadBodySchema,
  PresenceBodySchema,
  PresenceSchema,
  SessionResponseSchema,
} from '../schema.js';
import type { CallInit, Method, RestLink } from './rest-call.js';
import type { EventStream, FetchLike } from './rest-event-parser.js';

export { EventStreamParser } from './rest-event-parser.js';

export type { FetchLike } from './rest-event-parser.js';

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

/** The global fetch, called unbound-safe (some browsers throw "Illegal invocation" on a detached fetch). */
const globalFetch: FetchLike = (input, init) => globalThis.fetch(input, init);

/**
 * One call (rest-call.ts, with ky), the event stream's transports and the intake routes are in the SDK's late
 * chunk, loaded with the first request or subscription rather than with this module: the SDK entry (which
 * every page loads) always carries RestAdapter, but a board on another backend never makes a request, and a
 * REST board's first frame waits for its lists anyway. One chunk, so the event stream still opens before the
 * first lists are asked for, as the store subscribes before it loads.
 */

/** Presence is renewed this often while a lead is open (the server forgets it after a minute without). */
const PRESENCE_RENEW_MS = 25_000;

const newClientId = () =>
  typeof crypto !== 'undefined' && 'randomUUID' in crypto ? crypto.randomUUID() : `c-${Date.now().toString(36)}-${Math.random().toString(36).slice(2)}`;

export class RestAdapter implements LeadAdapter {
  /** The API root without a trailing slash. */
  readonly baseUrl: string;
  /** This adapter's name for its presence: given to its event stream (`?client=`) and to `PUT /api/presence`. */
  readonly clientId = newClientId();
  /** What each call needs (rest-call.ts): where the API is, how to reach it, and the client made by the first call. */
  private readonly link: RestLink;
  /** The lead this session has open (presence), renewed while set. */
  private viewingLead: string | null = null;
  private renewal: ReturnType<typeof setInterval> | undefined;

  constructor(private readonly options: RestAdapterOptions) {
    this.baseUrl = options.baseUrl.replace(/\/+$/, '');
    this.link = {
      baseUrl: this.baseUrl,
      fetch: options.fetch ?? globalFetch,
      timeout: options.timeout,
      retries: options.retries,
      token: () => this.token,
    };
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
    return (await latePartsFor('lead', options.signal)).restIntake.createLead(this.link, lead, options);
  }

  /**
   * `POST /api/leads/import` (`?dryRun=1` for the preview): CSV text travels as it is (`text/csv`), so the
   * server reads the very file with the same parser; rows travel as JSON `{ rows }`. An input over the limits
   * is refused before it is uploaded, with the error the server would answer (413).
   */
  async importLeads(input: ImportInput, options: ImportOptions & RequestOptions = {}): Promise<ImportResult> {
    return (await latePartsFor('import', options.signal)).restIntake.importLeads(this.link, input, options);
  }

  async getAssignmentRules(options: RequestOptions = {}): Promise<AssignmentRules> {
    return (await latePartsFor('assignment rules', options.signal)).restIntake.getAssignmentRules(this.link, options);
  }

  async setAssignmentRules(rules: AssignmentRules, options: RequestOptions = {}): Promise<AssignmentRules> {
    return (await latePartsFor('assignment rules', options.signal)).restIntake.setAssignmentRules(this.link, rules, options);
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
    const stream: EventStream = { url, token: () => this.token, fetch: this.link.fetch };
    let stop: (() => void) | undefined;
    let stopped = false;
    let retryTimer: ReturnType<typeof setTimeout> | undefined;
    // The transports are in the SDK's late chunk: the stream opens when it is here. A chunk that failed to arrive is
    // asked for again with backoff, as a dropped stream is, and the stream that finally opens says it came back.
    const open = (attempt: number) => {
      loadLateParts().then(
        (late) => {
          if (stopped) return;
          stop = useEventSource
            ? late.subscribeWithEventSource(stream, deliver, reconnected)
            : late.subscribeWithFetch(stream, deliver, reconnected);
          if (attempt > 0) reconnected();
        },
        () => {
          if (!stopped) retryTimer = setTimeout(() => open(attempt + 1), Math.min(30_000, 500 * 2 ** attempt));
        },
      );
    };
    open(0);
    return () => {
      // Presence ends with the stream; nothing renews it after.
      stopped = true;
      clearTimeout(retryTimer);
      clearInterval(this.renewal);
      this.renewal = undefined;
      this.viewingLead = null;
      stop?.();
    };
  }

  /** One call (rest-call.ts): ky with retries, the answer parsed with `schema`, every failure an AdapterError. */
  private async request<T>(method: Method, path: string, schema: Parser<T>, what: string, init: CallInit): Promise<T> {
    return (await latePartsFor(what, init.signal)).call(this.link, method, path, schema, what, init);
  }
}
