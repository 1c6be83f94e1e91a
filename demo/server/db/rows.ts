/**
 * Rows as both engines return them, and their mapping to the schema's shapes. Lead queries answer arrays
 * (better-sqlite3 raw mode, node-postgres `rowMode: 'array'`) in the order of LEAD_COLUMNS: building a keyed
 * object per row in the driver took about a third of a 1,000-lead read.
 */
import type { Activity, Lead, Member } from '../../../sdk/schema.js';
import { AssignmentRulesSchema, DEFAULT_ASSIGNMENT_RULES, describeIssues, safeParseWithMessages, toFieldIssues } from
  '../../../sdk/schema.js';
import { foldText } from '../../../sdk/internal/match.js';
import type { StoredAssignment } from './repository.js';

export interface MemberRow {
  id: string; name: string; email: string; role: Member['role']; avatar_url: string | null;
  /** SQLite answers 0/1, PostgreSQL a boolean. */
  active: number | boolean;
  capacity: number | null;
}

export const LEAD_COLUMNS = ['id', 'name', 'company', 'email', 'phone', 'value', 'status', 'position', 'assignee_id',
  'created_at', 'updated_at', 'version'] as const;
export type LeadRow = [id: string, name: string, company: string | null, email: string | null, phone: string | null,
  value: number | null, status: string, position: number, assigneeId: string | null, createdAt: string,
  updatedAt: string, version: number];
/** Selects a LeadRow from `leads AS l` (qualified: the id lists joined in batch reads have an `id` too). */
export const SELECT_LEAD = `SELECT ${LEAD_COLUMNS.map((c) => `l.${c}`).join(', ')}`;

export interface ActivityRow {
  id: string; lead_id: string; type: Activity['type']; actor_id: string; at: string; from_value: string | null;
  to_value: string | null; text: string | null; source: Activity['source'] | null; batch_id: string | null;
}
export const ACTIVITY_COLUMNS = 'id, lead_id, type, actor_id, at, from_value, to_value, text, source, batch_id';

/** Activity types whose `from`/`to` are meaningful (and may be null: "from nobody"). */
const TRANSITIONS = new Set<Activity['type']>(['assigned', 'unassigned', 'status_changed']);

export function toMember(row: MemberRow): Member {
  const member: Member = { id: row.id, name: row.name, email: row.email, role: row.role,
    active: row.active === true || row.active === 1 };
  if (row.avatar_url !== null) member.avatarUrl = row.avatar_url;
  if (row.capacity !== null) member.capacity = row.capacity;
  return member;
}

export function toLead(row: LeadRow): Lead {
  // Built in the schema's key order, so answers read naturally.
  const lead: Partial<Lead> = { id: row[0], name: row[1] };
  if (row[2] !== null) lead.company = row[2];
  if (row[3] !== null) lead.email = row[3];
  if (row[4] !== null) lead.phone = row[4];
  if (row[5] !== null) lead.value = row[5];
  lead.status = row[6];
  lead.position = row[7];
  lead.assigneeId = row[8];
  lead.createdAt = row[9];
  lead.updatedAt = row[10];
  lead.version = row[11];
  return lead as Lead;
}

export function toActivity(row: ActivityRow): Activity {
  const activity: Activity = { id: row.id, leadId: row.lead_id, type: row.type, actorId: row.actor_id, at: row.at };
  // An `updated` entry carries old → new of its one field (sdk/history.ts); entries written before that rule
  // named several fields without values (both columns NULL, which no real change of one field can be).
  const fieldChange = row.type === 'updated' && (row.from_value !== null || row.to_value !== null);
  if (TRANSITIONS.has(row.type) || fieldChange) {
    activity.from = row.from_value;
    activity.to = row.to_value;
  }
  if (row.text !== null) activity.text = row.text;
  if (row.source !== null) activity.source = row.source;
  if (row.batch_id !== null) activity.batchId = row.batch_id;
  return activity;
}

/** Parameters of a lead row (optional fields as NULL), by column name. */
export function leadParams(lead: Lead) {
  return { ...lead, company: lead.company ?? null, email: lead.email ?? null, phone: lead.phone ?? null,
    value: lead.value ?? null, searchText: searchTextOf(lead) };
}

/** Parameters of an activity row (optional fields as NULL), by column name. */
export function activityParams(activity: Activity) {
  return { ...activity, from: activity.from ?? null, to: activity.to ?? null, text: activity.text ?? null,
    source: activity.source ?? null, batchId: activity.batchId ?? null };
}

/**
 * What a search (`?q=`) looks into: name, company and email, each folded by the SDK's `foldText` (the same
 * folding the store and MemoryAdapter use), joined by U+001F. Computed here, in one place, and stored in
 * `leads.search_text`, so both engines match exactly the same leads and neither needs a SQL re-implementation
 * of the folding. The SQLite migration that added the column fills it with the same function (`fold()`).
 */
export const SEARCH_SEPARATOR = '\u001f';
export function searchTextOf(lead: Pick<Lead, 'name' | 'company' | 'email'>): string {
  return [lead.name, lead.company ?? '', lead.email ?? ''].map(foldText).join(SEARCH_SEPARATOR);
}

/** A `LIKE … ESCAPE '\'` pattern finding `q` (folded; `%`, `_` and `\` taken literally) anywhere. */
export function searchPattern(q: string): string {
  return `%${foldText(q).replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

export interface AssignmentRow {
  rules: string | null;
  cursor_member_id: string | null;
}

/**
 * The rules row as the API hands it out: the defaults while nothing was saved (or the row is missing). A
 * stored value that no longer parses is a fault of the database, not of the caller: it fails loudly (500).
 */
export function toAssignment(row: AssignmentRow | undefined): StoredAssignment {
  const cursor = row?.cursor_member_id ?? null;
  if (!row || row.rules === null) return { rules: { ...DEFAULT_ASSIGNMENT_RULES, memberIds: [] }, cursor };
  const parsed = safeParseWithMessages(AssignmentRulesSchema, JSON.parse(row.rules));
  if (!parsed.success) {
    throw new Error(`stored assignment rules are malformed: ${describeIssues(toFieldIssues(parsed.error.issues))}`);
  }
  return { rules: parsed.data, cursor };
}
