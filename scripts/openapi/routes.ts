/**
 * The REST contract as data: one entry per route of the reference server (demo/server/routes/). The OpenAPI
 * document (`npm run openapi` → openapi.json) is built from this table and the zod schemas of sdk/schema.ts,
 * and the contract test (test/contract/) calls every route listed here. A new route joins with one entry.
 *
 * Shapes come from the SDK's schemas, never from a copy: `body` is read as zod's input (what a client may
 * send), response schemas as its output (what the server answers). Error answers that routes share (400 for
 * a body or query, 401 behind a token, 413 and 415 with a body, 422 with an idempotency key, 429, 500) are
 * added by document.ts.
 */
import type * as z from 'zod/mini';
import {
  ActivityListSchema,
  ActivitySchema,
  AssignBodySchema,
  AssignmentRulesSchema,
  AssignResponseSchema,
  ChangeEventSchema,
  CreateOptionsSchema,
  ImportQuerySchema,
  ImportRequestSchema,
  ImportResultSchema,
  EventsQuerySchema,
  LeadQuerySchema,
  LeadSchema,
  LeadsResponseSchema,
  MemberSchema,
  MembersListSchema,
  MAX_IMPORT_BYTES,
  MembersResponseSchema,
  NewLeadSchema,
  NoteBodySchema,
  PatchLeadBodySchema,
  PresenceBodySchema,
  PresenceSchema,
  SessionBodySchema,
  SessionResponseSchema,
  UpdateOptionsSchema,
} from '../../sdk/schema.js';

export type Method = 'get' | 'post' | 'patch' | 'put' | 'delete';

/** Who may call: a bearer token, the token also as `?token=` (EventSource sends no headers), or anyone. */
export type Access = 'bearer' | 'bearer-or-query-token' | 'public';

export interface Answer {
  description: string;
  /** A JSON body; absent with `stream`. */
  schema?: z.ZodMiniType;
  /** `text/event-stream` whose `data:` lines each hold one value of this schema. */
  stream?: z.ZodMiniType;
}

export interface Route {
  method: Method;
  /** OpenAPI path template: `/api/leads/{id}`. */
  path: string;
  operationId: string;
  summary: string;
  tag: 'session' | 'members' | 'leads' | 'assignments' | 'assignment-rules' | 'events' | 'presence';
  access: Access;
  /** Only while the server runs in demo mode (`DEMO=0` answers 404). */
  demoOnly?: boolean;
  /** Query parameters, each property one parameter. */
  query?: z.ZodMiniObject;
  /** JSON request body. */
  body?: z.ZodMiniType;
  /** The body may also be a CSV file (`text/csv`, UTF-8): what it holds. */
  csvBody?: string;
  /** Largest body in bytes (default: the server's general limit, 1 MB); larger is 413. */
  bodyLimit?: number;
  /**
   * Honours an `Idempotency-Key` header (demo/server/idempotency.ts): a retry with the same key answers the
   * first answer and writes nothing; the same key with another request is 422.
   */
  idempotent?: boolean;
  /** Rate limited per client (429 with Retry-After) although public: signing in. */
  rateLimited?: boolean;
  /** The success answer(s) and the errors particular to this route. */
  answers: Partial<Record<200 | 201 | 204 | 401 | 403 | 404 | 409 | 413 | 415, Answer>>;
}

const leadId = 'No such lead, or one the caller may not see (never its data)';

export const ROUTES: readonly Route[] = [
  {
    method: 'post', path: '/api/session', operationId: 'createSession', tag: 'session', access: 'public', demoOnly: true,
    summary: 'Sign in as a seeded person (demo mode): a bearer token for them. Limited per client address',
    body: SessionBodySchema,
    rateLimited: true,
    answers: {
      200: { description: 'A new session', schema: SessionResponseSchema },
      401: { description: 'No active member has that email' },
    },
  },
  {
    method: 'delete', path: '/api/session', operationId: 'deleteSession', tag: 'session', access: 'bearer',
    summary: "Log out: the caller's session ends at once, and with it every event stream it opened",
    answers: {
      204: { description: 'The session is gone: the token no longer authenticates' },
      403: { description: 'A host token (API_TOKENS): the host revokes those, not a logout' },
    },
  },
  {
    method: 'get', path: '/api/demo-users', operationId: 'listDemoUsers', tag: 'session', access: 'public', demoOnly: true,
    summary: 'The active seeded people one may sign in as (demo mode)',
    answers: { 200: { description: 'Active members', schema: MembersListSchema } },
  },
  {
    method: 'get', path: '/api/me', operationId: 'getMe', tag: 'members', access: 'bearer',
    summary: 'The member the token belongs to',
    answers: { 200: { description: 'The caller', schema: MemberSchema } },
  },
  {
    method: 'get', path: '/api/members', operationId: 'listMembers', tag: 'members', access: 'bearer',
    summary: 'Every member, active or not, with the number of open leads (not won or lost) each holds',
    answers: { 200: { description: 'Members with their open-lead counts', schema: MembersResponseSchema } },
  },
  {
    method: 'get', path: '/api/leads', operationId: 'listLeads', tag: 'leads', access: 'bearer',
    summary: 'The leads the caller may see, narrowed by status (comma-separated keys), assignee and text',
    query: LeadQuerySchema,
    answers: { 200: { description: 'Visible leads', schema: LeadsResponseSchema } },
  },
  {
    method: 'get', path: '/api/leads/{id}', operationId: 'getLead', tag: 'leads', access: 'bearer',
    summary: 'One visible lead',
    answers: { 200: { description: 'The lead', schema: LeadSchema }, 404: { description: leadId } },
  },
  {
    method: 'patch', path: '/api/leads/{id}', operationId: 'updateLead', tag: 'leads', access: 'bearer',
    summary: 'Change fields of a lead still at `expectedVersion`; a status change logs `status_changed`. ' +
      '`assigneeId` is refused: assignment has one path, POST /api/assignments',
    query: UpdateOptionsSchema,
    body: PatchLeadBodySchema,
    idempotent: true,
    answers: {
      200: { description: 'The lead after the write', schema: LeadSchema },
      404: { description: leadId },
      409: { description: 'The lead changed since `expectedVersion`; `current` is the lead as it now is' },
    },
  },
  {
    method: 'post', path: '/api/leads', operationId: 'createLead', tag: 'leads', access: 'bearer',
    summary: 'Create a lead at the top of its column (the first without `status`) and log `created` with `?source=` ' +
      '(default `api`). Without an assignee, the assignment rules pick one when they take it (logged `assigned`, ' +
      'source `rule`). An unknown column or an assignee who is not an active member is invalid input (400)',
    query: CreateOptionsSchema,
    body: NewLeadSchema,
    idempotent: true,
    answers: { 201: { description: 'The lead as created', schema: LeadSchema } },
  },
  {
    method: 'post', path: '/api/leads/import', operationId: 'importLeads', tag: 'leads', access: 'bearer',
    summary: 'Import leads from a CSV file (header row: name, company, email, phone, value, status, assignee) or ' +
      'JSON rows: every valid row becomes a lead, all in one transaction, through the assignment rules (source ' +
      '`import`); each invalid row is listed with its row number and field, rows repeating an email are flagged. ' +
      '`?dryRun=1` checks only (the preview). Admins and managers',
    query: ImportQuerySchema,
    body: ImportRequestSchema,
    csvBody: 'The CSV file as it is (UTF-8): a header row naming the columns, then one lead per row',
    bodyLimit: MAX_IMPORT_BYTES,
    // A real import only: a dry run writes nothing and needs no key.
    idempotent: true,
    answers: {
      200: { description: 'What was (or, with dryRun, would be) created, and every row that was not', schema: ImportResultSchema },
      403: { description: 'Only admins and managers import' },
      413: { description: `Over ${MAX_IMPORT_BYTES / 1024 / 1024} MB or 10,000 rows: refused whole, before the body is read where its size says so` },
      415: { description: 'Neither `text/csv` (UTF-8) nor `application/json`' },
    },
  },
  {
    method: 'get', path: '/api/assignment-rules', operationId: 'getAssignmentRules', tag: 'assignment-rules', access: 'bearer',
    summary: 'Who new leads without an assignee go to (any active member may read them; off until saved)',
    answers: { 200: { description: 'The rules', schema: AssignmentRulesSchema } },
  },
  {
    method: 'put', path: '/api/assignment-rules', operationId: 'setAssignmentRules', tag: 'assignment-rules', access: 'bearer',
    summary: 'Replace the assignment rules (the rotation position is kept). A member who is unknown, inactive or listed ' +
      'twice, or an unknown column, is invalid input naming the field (`memberIds.1`)',
    body: AssignmentRulesSchema,
    answers: {
      200: { description: 'The rules as saved', schema: AssignmentRulesSchema },
      403: { description: 'Only admins and managers change the rules' },
    },
  },
  {
    method: 'post', path: '/api/assignments', operationId: 'assign', tag: 'assignments', access: 'bearer',
    summary: 'Assign (or with `assigneeId: null` unassign) many leads in one transaction; a result per lead. ' +
      'An assignee who is not an active member is refused as invalid input (400, `assigneeId`)',
    body: AssignBodySchema,
    idempotent: true,
    answers: {
      200: { description: 'One result per lead: ok | conflict | forbidden | not_found', schema: AssignResponseSchema },
    },
  },
  {
    method: 'get', path: '/api/leads/{id}/activity', operationId: 'listActivity', tag: 'leads', access: 'bearer',
    summary: "The lead's history, oldest first (append-only)",
    answers: { 200: { description: 'History entries', schema: ActivityListSchema }, 404: { description: leadId } },
  },
  {
    method: 'post', path: '/api/leads/{id}/notes', operationId: 'addNote', tag: 'leads', access: 'bearer',
    summary: 'Add a note to the history of a visible lead',
    body: NoteBodySchema,
    idempotent: true,
    answers: { 201: { description: 'The note entry', schema: ActivitySchema }, 404: { description: leadId } },
  },
  {
    method: 'get', path: '/api/batches/{id}', operationId: 'listBatch', tag: 'assignments', access: 'bearer',
    summary: 'The history entries of one batch (a bulk assignment, a distribution, an undo) on leads the caller may see now',
    answers: { 200: { description: 'History entries, in the order they were written (none when nothing of it is visible)', schema: ActivityListSchema } },
  },
  {
    method: 'get', path: '/api/events', operationId: 'streamEvents', tag: 'events', access: 'bearer-or-query-token',
    summary: 'Server-sent events: changes to leads the caller may see (`lead_removed` when one leaves their view), and who has them open (`presence`)',
    query: EventsQuerySchema,
    answers: { 200: { description: 'An endless event stream; comment lines are heartbeats', stream: ChangeEventSchema } },
  },
  {
    method: 'put', path: '/api/presence', operationId: 'setPresence', tag: 'presence', access: 'bearer',
    summary: 'This client (the `client` id of its event stream) now has a lead open, or none; renew within a minute, it ends with the stream',
    body: PresenceBodySchema,
    answers: { 200: { description: 'Who has that lead open now (member ids, the caller included)', schema: PresenceSchema }, 404: { description: leadId } },
  },
];

/** `METHOD /path` — how tests and messages name a route. */
export const routeKey = (route: Pick<Route, 'method' | 'path'>): string => `${route.method.toUpperCase()} ${route.path}`;
