/**
 * The REST contract as data: one entry per route of the reference server (demo/server/routes/). The OpenAPI
 * document (`npm run openapi` → openapi.json) is built from this table and the zod schemas of sdk/schema.ts,
 * and the contract test (test/contract/) calls every route listed here. A new route joins with one entry.
 *
 * Shapes come from the SDK's schemas, never from a copy: `body` is read as zod's input (what a client may
 * send), response schemas as its output (what the server answers). Error answers that every route shares
 * (400 for a body or query, 401 behind a token, 413, 500) are added by document.ts.
 */
import * as z from 'zod/mini';
import {
  ActivityListSchema,
  ActivitySchema,
  AssignBodySchema,
  AssignResponseSchema,
  ChangeEventSchema,
  EventsQuerySchema,
  LeadQuerySchema,
  LeadSchema,
  LeadsResponseSchema,
  MemberSchema,
  MembersListSchema,
  MembersResponseSchema,
  NoteBodySchema,
  PatchLeadBodySchema,
  PresenceBodySchema,
  PresenceSchema,
  SessionBodySchema,
  SessionResponseSchema,
  SourceSchema,
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
  tag: 'session' | 'members' | 'leads' | 'assignments' | 'events' | 'presence';
  access: Access;
  /** Only while the server runs in demo mode (`DEMO=0` answers 404). */
  demoOnly?: boolean;
  /** Query parameters, each property one parameter. */
  query?: z.ZodMiniObject;
  /** JSON request body. */
  body?: z.ZodMiniType;
  /** The success answer(s) and the errors particular to this route. */
  answers: Partial<Record<200 | 201 | 401 | 403 | 404 | 409, Answer>>;
}

const leadId = 'No such lead, or one the caller may not see (never its data)';

/** `?source=` on PATCH: the body is strict, so where a move came from (drag, keyboard) travels in the query. */
const PatchQuerySchema = z.object({ source: z.optional(SourceSchema) });

export const ROUTES: readonly Route[] = [
  {
    method: 'post', path: '/api/session', operationId: 'createSession', tag: 'session', access: 'public', demoOnly: true,
    summary: 'Sign in as a seeded person (demo mode): a bearer token for them',
    body: SessionBodySchema,
    answers: {
      200: { description: 'A new session', schema: SessionResponseSchema },
      401: { description: 'No active member has that email' },
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
    query: PatchQuerySchema,
    body: PatchLeadBodySchema,
    answers: {
      200: { description: 'The lead after the write', schema: LeadSchema },
      404: { description: leadId },
      409: { description: 'The lead changed since `expectedVersion`; `current` is the lead as it now is' },
    },
  },
  {
    method: 'post', path: '/api/assignments', operationId: 'assign', tag: 'assignments', access: 'bearer',
    summary: 'Assign (or with `assigneeId: null` unassign) many leads in one transaction; a result per lead. ' +
      'An assignee who is not an active member is refused as invalid input (400, `assigneeId`)',
    body: AssignBodySchema,
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
