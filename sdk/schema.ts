/**
 * The single source of data shapes: zod (mini) schemas and the types inferred from them.
 * Used by the store, both adapters, the reference server and the tests, so a shape changes in one place.
 *
 * zod/mini keeps the client bundle small (~6 kB gzip instead of ~24 kB). How a value is parsed with the SDK's
 * messages and how its issues become FieldIssues with codes is sdk/parse.ts, re-exported here.
 */
import * as z from 'zod/mini';
import { ID_MAX_LENGTH, isStorable } from './internal/id-rule.js';

// How values are parsed and their issues reported (messages, codes): sdk/parse.ts, part of this module's surface.
export * from './parse.js';

// `z` itself is deliberately not exported: re-exported through the public index it kept the whole zod/mini
// namespace (every locale included) in a host's bundle. Modules that need zod import 'zod/mini' themselves.

/** Every string field holds storable text (sdk/internal/id-rule.ts); the one rule for client and server. */
const storable = z.refine<string>(isStorable, {
  error: 'Invalid string: contains a lone UTF-16 surrogate or a NUL character',
});
/** A string field: any text that can be stored and read back exactly. */
const str = () => z.string().check(storable);

/** Longest id the SDK accepts; with the shortest (1), the id rule that internal/id-rule.ts also follows. */
export { ID_MAX_LENGTH };
/** The id rule, for every id (lead, member, activity, batch): a string of 1 to ID_MAX_LENGTH characters. */
export const IdSchema = z.string().check(z.minLength(1), z.maxLength(ID_MAX_LENGTH), storable);
const isoDate = () => z.iso.datetime({ offset: true });
const text = (max: number) => z.string().check(z.trim(), z.minLength(1), z.maxLength(max), storable);

export const ROLES = ['admin', 'manager', 'member'] as const;
export const RoleSchema = z.enum(ROLES);
export type Role = z.infer<typeof RoleSchema>;

export const MemberSchema = z.object({
  id: IdSchema,
  name: text(200),
  email: z.email(),
  role: RoleSchema,
  avatarUrl: z.optional(str().check(z.maxLength(2000))),
  active: z.boolean(),
  /** How many open leads this member should carry at most; used by capacity-aware distribution. */
  capacity: z.optional(z.int().check(z.minimum(0))),
});
export type Member = z.infer<typeof MemberSchema>;

/** A member as `GET /api/members` answers: with the number of open leads (not won or lost) they hold. */
export const MemberWithLoadSchema = z.extend(MemberSchema, { openLeads: z.int().check(z.minimum(0)) });
export type MemberWithLoad = z.infer<typeof MemberWithLoadSchema>;

export const ColumnKeySchema = z.string().check(z.regex(/^[a-z0-9][a-z0-9_-]{0,63}$/i));
export const ColumnSchema = z.object({ key: ColumnKeySchema, label: text(100) });
export type Column = z.infer<typeof ColumnSchema>;
export const ColumnsSchema = z.array(ColumnSchema).check(z.minLength(1));

export const DEFAULT_COLUMNS: readonly Column[] = Object.freeze([
  { key: 'new', label: 'New' },
  { key: 'contacted', label: 'Contacted' },
  { key: 'qualified', label: 'Qualified' },
  { key: 'proposal', label: 'Proposal' },
  { key: 'won', label: 'Won' },
  { key: 'lost', label: 'Lost' },
]);
/** Statuses whose leads no longer count as open work (workload, openLeads). */
export const CLOSED_STATUSES: readonly string[] = Object.freeze(['won', 'lost']);

/** The rules of the fields a person enters, shared by the lead, a new lead and a patch. */
const leadField = {
  name: text(200),
  company: str().check(z.maxLength(200)),
  email: z.email(),
  phone: str().check(z.maxLength(50)),
  value: z.number().check(z.minimum(0)),
};

export const LeadSchema = z.object({
  id: IdSchema,
  name: leadField.name,
  company: z.optional(leadField.company),
  email: z.optional(leadField.email),
  phone: z.optional(leadField.phone),
  value: z.optional(leadField.value),
  status: ColumnKeySchema,
  /** Orders cards within a column; fractional so a move between two cards writes one lead. */
  position: z.number(),
  assigneeId: z.nullable(IdSchema),
  createdAt: isoDate(),
  updatedAt: isoDate(),
  /** Incremented by every write; writes carry the version the user saw and stale ones are refused. */
  version: z.int().check(z.minimum(1)),
});
export type Lead = z.infer<typeof LeadSchema>;

/**
 * Fields a PATCH may change. `null` clears an optional field. `assigneeId` is deliberately absent:
 * assignment has one path (`POST /api/assignments`), and the strict object rejects it by name.
 */
export const LeadPatchSchema = z.strictObject({
  name: z.optional(leadField.name),
  company: z.optional(z.nullable(leadField.company)),
  email: z.optional(z.nullable(leadField.email)),
  phone: z.optional(z.nullable(leadField.phone)),
  value: z.optional(z.nullable(leadField.value)),
  status: z.optional(ColumnKeySchema),
  position: z.optional(z.number()),
});
export type LeadPatch = z.infer<typeof LeadPatchSchema>;

/** `PATCH /api/leads/:id` body. */
export const PatchLeadBodySchema = z.extend(LeadPatchSchema, { expectedVersion: z.int().check(z.minimum(1)) });
export type PatchLeadBody = z.infer<typeof PatchLeadBodySchema>;

/**
 * A lead to create: the lead's own fields a person enters, as the lead has them, and optionally an assignee.
 * Only `name` is required; without `status` the lead goes to the first column. The backend gives the rest
 * (id, position at the top of its column, timestamps, version) and, when the lead comes without an assignee
 * and the assignment rules are on, the assignee they pick (sdk/assignment-rules.ts).
 */
export const NewLeadSchema = z.strictObject({
  ...z.pick(LeadSchema, { name: true, company: true, email: true, phone: true, value: true }).shape,
  status: z.optional(ColumnKeySchema),
  assigneeId: z.optional(LeadSchema.shape.assigneeId),
});
export type NewLead = z.infer<typeof NewLeadSchema>;

/** How a lead came to be created, as its `created` history entry says: a person in a UI, or a program. */
export const CREATE_SOURCES = ['manual', 'api'] as const;
/** Options of `createLead` (`POST /api/leads?source=`): the source defaults to 'api' on the server. */
export const CreateOptionsSchema = z.strictObject({ source: z.optional(z.enum(CREATE_SOURCES)) });
export type CreateOptions = z.infer<typeof CreateOptionsSchema>;

export const ACTIVITY_TYPES = ['created', 'assigned', 'unassigned', 'status_changed', 'updated', 'note'] as const;
export const ActivityTypeSchema = z.enum(ACTIVITY_TYPES);
export type ActivityType = z.infer<typeof ActivityTypeSchema>;

/** The sources a client's write may name (assignments, edits): what the user did. */
export const WRITE_SOURCES = ['manual', 'bulk', 'distribute', 'drag', 'keyboard', 'undo', 'api'] as const;
/** Every source a history entry may carry: also 'rule' and 'import', which only a backend records. */
export const SOURCES = [...WRITE_SOURCES, 'rule', 'import'] as const;
export const SourceSchema = z.enum(SOURCES);
export type Source = z.infer<typeof SourceSchema>;
export const WriteSourceSchema = z.enum(WRITE_SOURCES);
export type WriteSource = z.infer<typeof WriteSourceSchema>;
/**
 * Options of `updateLead` (`PATCH /api/leads/:id?source=`; the body is strict, so the source travels in the
 * query): where the change came from, as the user made it.
 */
export const UpdateOptionsSchema = z.object({ source: z.optional(WriteSourceSchema) });

/**
 * One append-only history entry. For assigned/unassigned, `from`/`to` are member ids (null = nobody);
 * for status_changed they are column keys; for `updated`, `text` lists the changed fields ("company, value");
 * for `note`, `text` is the note.
 */
export const ActivitySchema = z.object({
  id: IdSchema,
  leadId: IdSchema,
  type: ActivityTypeSchema,
  actorId: IdSchema,
  at: isoDate(),
  from: z.optional(z.nullable(str())),
  to: z.optional(z.nullable(str())),
  text: z.optional(str()),
  source: z.optional(SourceSchema),
  batchId: z.optional(str()),
});
export type Activity = z.infer<typeof ActivitySchema>;

/** Board filters. `assignee` is 'any', 'me', 'unassigned' or a member id. */
export const LeadFilterSchema = z.object({
  assignee: str().check(z.minLength(1)),
  status: z.array(ColumnKeySchema),
  q: str().check(z.maxLength(200)),
});
export type LeadFilter = z.infer<typeof LeadFilterSchema>;
export const EMPTY_FILTER: Readonly<LeadFilter> = Object.freeze({ assignee: 'any', status: [], q: '' });

/**
 * How a board orders the cards of each column: `manual` by position (the order people arrange by moving
 * cards), `newest` and `oldest` by creation time (oldest first: the lead that has waited longest), `value`
 * highest first. A view setting, not a filter: no backend query carries it.
 */
export const LEAD_SORTS = ['manual', 'newest', 'oldest', 'value'] as const;
export const LeadSortSchema = z.enum(LEAD_SORTS);
export type LeadSort = z.infer<typeof LeadSortSchema>;

/** Query of `GET /api/leads`: all optional; `status` is a comma-separated list of column keys. */
export const LeadQuerySchema = z.object({
  status: z.optional(str()),
  assignee: z.optional(str().check(z.minLength(1))),
  q: z.optional(str().check(z.maxLength(200))),
});
export type LeadQuery = z.infer<typeof LeadQuerySchema>;

export const MAX_BATCH = 10_000;

/** `POST /api/assignments` body. `expectedVersions` maps lead id → the version the caller saw. */
export const AssignBodySchema = z.strictObject({
  leadIds: z.array(IdSchema).check(z.minLength(1), z.maxLength(MAX_BATCH)),
  assigneeId: z.nullable(IdSchema),
  expectedVersions: z.optional(z.record(z.string(), z.int().check(z.minimum(1)))),
  source: z.optional(WriteSourceSchema),
  batchId: z.optional(IdSchema),
});
export type AssignBody = z.infer<typeof AssignBodySchema>;

export const ASSIGN_RESULT_STATUSES = ['ok', 'conflict', 'forbidden', 'not_found'] as const;
export const AssignResultStatusSchema = z.enum(ASSIGN_RESULT_STATUSES);
export type AssignResultStatus = z.infer<typeof AssignResultStatusSchema>;

/** Per-lead outcome: `lead` is the lead after the write (ok) or as it now is (conflict); absent otherwise. */
export const AssignResultSchema = z.object({
  leadId: IdSchema,
  status: AssignResultStatusSchema,
  lead: z.optional(LeadSchema),
});
export type AssignResult = z.infer<typeof AssignResultSchema>;

export const AssignResponseSchema = z.object({ batchId: IdSchema, results: z.array(AssignResultSchema) });
export type AssignResponse = z.infer<typeof AssignResponseSchema>;

export const NoteBodySchema = z.strictObject({ text: text(5000) });
export type NoteBody = z.infer<typeof NoteBodySchema>;

export const SessionBodySchema = z.strictObject({ email: z.email() });
export const SessionResponseSchema = z.object({ token: z.string().check(z.minLength(16)), member: MemberSchema });
export type SessionResponse = z.infer<typeof SessionResponseSchema>;

export const LeadsResponseSchema = z.object({ leads: z.array(LeadSchema) });
export const MembersResponseSchema = z.array(MemberWithLoadSchema);
export const MembersListSchema = z.array(MemberSchema);
export const ActivityListSchema = z.array(ActivitySchema);

// ---- leads arriving: assignment rules and import (the rules behind them: assignment-rules.ts, lead-import.ts)

export const ASSIGNMENT_STRATEGIES = ['round_robin', 'balanced', 'capacity'] as const;
export const AssignmentStrategySchema = z.enum(ASSIGNMENT_STRATEGIES);
export type AssignmentStrategy = z.infer<typeof AssignmentStrategySchema>;

/**
 * Who new leads go to when they arrive without an assignee (`GET`/`PUT /api/assignment-rules`).
 * `memberIds`: the members taking part, in rotation order; `statuses`: only leads arriving in these columns
 * (absent: every column; when present, at least one).
 */
export const AssignmentRulesSchema = z.strictObject({
  enabled: z.boolean(),
  strategy: AssignmentStrategySchema,
  memberIds: z.array(IdSchema).check(z.maxLength(1000)),
  statuses: z.optional(z.array(ColumnKeySchema).check(z.minLength(1), z.maxLength(200))),
});
export type AssignmentRules = z.infer<typeof AssignmentRulesSchema>;
/** The rules of a backend nobody has configured yet: off. */
export const DEFAULT_ASSIGNMENT_RULES: Readonly<AssignmentRules> = Object.freeze({
  enabled: false,
  strategy: 'round_robin',
  memberIds: [],
});

/** An import holds at most this many data rows (10,000 must work); more is refused whole (HTTP 413). */
export const MAX_IMPORT_ROWS = 10_000;
/** And at most this many bytes of CSV (UTF-8) or JSON body; more is refused whole (HTTP 413). */
export const MAX_IMPORT_BYTES = 5 * 1024 * 1024;

/**
 * One JSON row of an import: the CSV columns as keys (name, company, email, phone, value, status, assignee —
 * matched as CSV headers are, ignoring case, spaces, "_" and "-"), each a string, a number or null.
 */
export const ImportRowSchema = z.record(z.string().check(z.maxLength(200)), z.nullable(z.union([z.string(), z.number()])));
export type ImportRow = z.infer<typeof ImportRowSchema>;
/** What an import takes: the text of a CSV file (its header row first) or JSON rows. */
export type ImportInput = string | readonly ImportRow[];
/** Query of `POST /api/leads/import`: `dryRun=1` (or `true`) asks for the preview, which writes nothing. */
export const ImportQuerySchema = z.object({ dryRun: z.optional(z.enum(['1', 'true', '0', 'false'])) });
/** `POST /api/leads/import` as JSON (the other form is the CSV file itself, `text/csv`). */
export const ImportRequestSchema = z.strictObject({ rows: z.array(ImportRowSchema) });
export type ImportRequest = z.infer<typeof ImportRequestSchema>;

/**
 * A row that will not be imported, and why. `row` counts as a person reading the file does: the header is
 * row 1, the first data row is row 2 (JSON rows likewise: `rows[0]` is row 2). `field` is the column (name,
 * company, email, phone, value, status, assignee) or '(row)' for the row as a whole; row 1 errors are about
 * the header. `code` lets a UI word it in its own language; `message` is the English text.
 */
export const ImportErrorSchema = z.object({
  row: z.int().check(z.minimum(1)),
  field: z.string(),
  code: z.optional(z.string()),
  message: z.string(),
});
export type ImportError = z.infer<typeof ImportErrorSchema>;

/**
 * A row whose email another lead already has: an earlier row of the same file (`firstRow`) or an existing lead
 * (`existingLeadId`). Flagged, still imported: the same person may be a lead twice on purpose.
 */
export const ImportDuplicateSchema = z.object({
  row: z.int().check(z.minimum(2)),
  email: z.string(),
  firstRow: z.optional(z.int().check(z.minimum(2))),
  existingLeadId: z.optional(IdSchema),
});
export type ImportDuplicate = z.infer<typeof ImportDuplicateSchema>;

/**
 * The answer of an import. With `dryRun` (the preview) nothing was written and `created` says how many leads
 * the import would create; otherwise they were created, all in one transaction. `rowCount`: data rows read (blank
 * lines not counted); `ignoredColumns`: header cells that name no field, as written.
 */
export const ImportResultSchema = z.object({
  dryRun: z.boolean(),
  rowCount: z.int().check(z.minimum(0)),
  created: z.int().check(z.minimum(0)),
  errors: z.array(ImportErrorSchema),
  duplicates: z.array(ImportDuplicateSchema),
  ignoredColumns: z.array(z.string()),
});
export type ImportResult = z.infer<typeof ImportResultSchema>;

export const ERROR_CODES = ['invalid', 'unauthorized', 'forbidden', 'not_found', 'conflict', 'network'] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

/**
 * One failing field: its dotted `path`, the English `message`, and (for issues found by the schemas) a `code`
 * from ISSUE_CODES with the `limit` it broke. A backend may send codes of its own: `code` is any string here.
 */
export const IssueSchema = z.object({
  path: z.string(),
  message: z.string(),
  code: z.optional(z.string()),
  limit: z.optional(z.number()),
});
export type FieldIssue = z.infer<typeof IssueSchema>;
export const ErrorBodySchema = z.object({
  error: z.object({ code: z.enum(ERROR_CODES), message: z.string(), issues: z.optional(z.array(IssueSchema)) }),
  /** With 409: the lead as it now is. */
  current: z.optional(LeadSchema),
});
export type ErrorBody = z.infer<typeof ErrorBodySchema>;

/**
 * A change pushed by a backend (`GET /api/events`, `LeadAdapter.subscribe`). `lead_removed` tells a
 * subscriber that a lead left its view (e.g. a member's lead was handed to someone else) without its data.
 * `presence` says who has a lead open right now (member ids; only for leads the subscriber may see), when
 * that changes and when the stream opens. `member_loads` gives every member's open-lead count after changes
 * that moved counts — to every subscriber, since counts are what `GET /api/members` shows anyone: a member's
 * board keeps them right when leads it cannot see change hands, and no lead data comes with them.
 */
const MemberLoadSchema = z.object({ memberId: IdSchema, openLeads: z.int().check(z.minimum(0)) });
export const ChangeEventSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('lead'), lead: LeadSchema }),
  z.object({ type: z.literal('activity'), activity: ActivitySchema }),
  z.object({ type: z.literal('lead_removed'), leadId: IdSchema }),
  z.object({ type: z.literal('presence'), leadId: IdSchema, viewerIds: z.array(IdSchema).check(z.maxLength(1000)) }),
  z.object({ type: z.literal('member_loads'), loads: z.array(MemberLoadSchema).check(z.maxLength(10_000)) }),
]);
export type MemberLoad = z.infer<typeof MemberLoadSchema>;
export type PresenceEvent = Extract<ChangeEvent, { type: 'presence' }>;

/** Query of `GET /api/events`: `client` names the stream's presence (the id `PUT /api/presence` then gives). */
export const EventsQuerySchema = z.object({ client: z.optional(IdSchema) });

/** `PUT /api/presence`: this client (the id it gave its event stream) now views `leadId`, or nothing (null). */
export const PresenceBodySchema = z.strictObject({ clientId: IdSchema, leadId: z.nullable(IdSchema) });
export type PresenceBody = z.infer<typeof PresenceBodySchema>;
/** Its answer: who views that lead now (member ids, the caller included). */
export const PresenceSchema = z.object({ leadId: z.nullable(IdSchema), viewerIds: z.array(IdSchema) });
export type Presence = z.infer<typeof PresenceSchema>;
export type ChangeEvent = z.infer<typeof ChangeEventSchema>;
