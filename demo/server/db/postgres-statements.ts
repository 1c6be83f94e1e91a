/**
 * Every SQL statement of the PostgreSQL engine, run on a pool (plain reads) or on one client (inside a
 * transaction). Visibility lives in the WHERE clauses (`visibleTo`). Text is ordered with COLLATE "C", the
 * byte order SQLite uses, so both engines answer lists in the same order whatever the cluster's locale.
 */
import type pg from 'pg';
import type { Activity, Lead, Member, MemberWithLoad } from '../../../sdk/schema.js';
import { CLOSED_STATUSES, MAX_BATCH } from '../../../sdk/schema.js';
import { seesAll } from '../../../sdk/policy.js';
import { storageError } from './postgres-errors.js';
import type { AssignmentShared, IdempotencyClaim, LeadListFilter, ReadOptions, StoredAnswer } from './repository.js';
import {
  ACTIVITY_COLUMNS, activityParams, leadParams, searchPattern, SELECT_LEAD, toActivity, toLead, toMember,
  type ActivityRow, type LeadRow, type MemberRow,
} from './rows.js';

/** A pool or a checked-out client: both run queries. */
export type Runner = Pick<pg.Pool | pg.PoolClient, 'query'>;

/** Positional parameters built alongside the SQL text: `p.add(value)` answers its `$n`. */
class Params {
  readonly values: unknown[] = [];
  add(value: unknown): string {
    this.values.push(value);
    return `$${this.values.length}`;
  }
}

/** The WHERE fragment limiting `leads AS l` to what `viewer` may see (sdk/policy.ts `canSee`). */
function visibleTo(viewer: Member, p: Params): string {
  if (!viewer.active) return 'false';
  if (seesAll(viewer)) return 'true';
  return `(l.assignee_id IS NULL OR l.assignee_id = ${p.add(viewer.id)})`;
}

/**
 * Each distinct SQL text becomes a named prepared statement, parsed and planned once per connection. The
 * texts are built from a few fixed shapes (filters add clauses, never values), so the set stays small.
 */
const statementNames = new Map<string, string>();
/** Distinct SQL texts named so far in this process (see Repository.preparedStatements). */
export const preparedStatements = () => statementNames.size;
function named(text: string): string {
  let name = statementNames.get(text);
  if (!name) {
    name = `lead_kanban_${statementNames.size + 1}`;
    statementNames.set(text, name);
  }
  return name;
}

export async function rows<R>(runner: Runner, text: string, values: unknown[] = []): Promise<R[]> {
  try {
    return (await runner.query<R & pg.QueryResultRow>({ name: named(text), text, values })).rows;
  } catch (error) {
    throw storageError(error);
  }
}

async function leadRows(runner: Runner, text: string, values: unknown[]): Promise<LeadRow[]> {
  try {
    return (await runner.query<LeadRow>({ name: named(text), text, values, rowMode: 'array' })).rows;
  } catch (error) {
    throw storageError(error);
  }
}

export async function run(runner: Runner, text: string, values: unknown[]): Promise<number> {
  try {
    return (await runner.query({ name: named(text), text, values })).rowCount ?? 0;
  } catch (error) {
    throw storageError(error);
  }
}

const lockClause = (options?: ReadOptions) => (options?.lock ? ' FOR UPDATE OF l' : '');

export async function member(runner: Runner, id: string): Promise<Member | undefined> {
  const [row] = await rows<MemberRow>(runner, 'SELECT * FROM members WHERE id = $1', [id]);
  return row && toMember(row);
}

export async function memberByEmail(runner: Runner, email: string): Promise<Member | undefined> {
  const [row] = await rows<MemberRow>(runner, 'SELECT * FROM members WHERE lower(email) = lower($1)', [email]);
  return row && toMember(row);
}

export async function members(runner: Runner, onlyActive = false): Promise<Member[]> {
  const where = onlyActive ? 'WHERE active ' : '';
  return (await rows<MemberRow>(runner, `SELECT * FROM members ${where}ORDER BY name COLLATE "C"`)).map(toMember);
}

export async function membersWithLoad(runner: Runner): Promise<MemberWithLoad[]> {
  const result = await rows<MemberRow & { open_leads: number }>(runner, `SELECT m.*, (SELECT count(*)::int
    FROM leads l WHERE l.assignee_id = m.id AND l.status <> ALL ($1::text[])) AS open_leads
    FROM members m ORDER BY m.name COLLATE "C"`, [CLOSED_STATUSES]);
  return result.map((row) => ({ ...toMember(row), openLeads: row.open_leads }));
}

export async function visibleLead(runner: Runner, viewer: Member, id: string, options?: ReadOptions) {
  const p = new Params();
  const idParam = p.add(id);
  const [row] = await leadRows(runner,
    `${SELECT_LEAD} FROM leads AS l WHERE l.id = ${idParam} AND ${visibleTo(viewer, p)}${lockClause(options)}`,
    p.values);
  return row && toLead(row);
}

/**
 * Locked reads take their rows in id order, so two batches sharing leads always lock them in the same order
 * and cannot deadlock; each waits for the other's commit and then reads the committed version (READ
 * COMMITTED re-checks the visibility clause against it).
 */
export async function visibleLeads(runner: Runner, viewer: Member, ids: readonly string[], options?: ReadOptions) {
  const p = new Params();
  const idsParam = p.add(ids);
  const order = options?.lock ? ' ORDER BY l.id' : '';
  const result = await leadRows(runner, `${SELECT_LEAD} FROM leads AS l WHERE l.id = ANY (${idsParam}::text[])
    AND ${visibleTo(viewer, p)}${order}${lockClause(options)}`, p.values);
  return new Map(result.map((row) => [row[0], toLead(row)]));
}

export async function listLeads(runner: Runner, viewer: Member, filter: LeadListFilter): Promise<Lead[]> {
  const p = new Params();
  const where = [visibleTo(viewer, p)];
  if (filter.statuses && filter.statuses.length > 0) where.push(`l.status = ANY (${p.add(filter.statuses)}::text[])`);
  const assignee = filter.assignee === 'me' ? viewer.id : filter.assignee;
  if (assignee === 'unassigned') where.push('l.assignee_id IS NULL');
  else if (assignee && assignee !== 'any') where.push(`l.assignee_id = ${p.add(assignee)}`);
  const q = filter.q?.trim();
  if (q) where.push(`l.search_text LIKE ${p.add(searchPattern(q))} ESCAPE '\\'`);
  const result = await leadRows(runner, `${SELECT_LEAD} FROM leads AS l WHERE ${where.join(' AND ')}
    ORDER BY l.status COLLATE "C", l.position, l.id COLLATE "C"`, p.values);
  return result.map(toLead);
}

export async function writeLead(runner: Runner, lead: Lead, expectedVersion: number): Promise<boolean> {
  const l = leadParams(lead);
  return (await run(runner, `UPDATE leads SET name = $2, company = $3, email = $4, phone = $5, value = $6,
    status = $7, position = $8, assignee_id = $9, updated_at = $10, version = $11, search_text = $12
    WHERE id = $1 AND version = $13`, [l.id, l.name, l.company, l.email, l.phone, l.value, l.status, l.position,
    l.assigneeId, l.updatedAt, l.version, l.searchText, expectedVersion])) === 1;
}

export async function writeAssignments(runner: Runner, leads: readonly { id: string; version: number }[],
  assigneeId: string | null, updatedAt: string): Promise<number> {
  if (leads.length === 0) return 0;
  return run(runner, `UPDATE leads AS l SET assignee_id = $1, updated_at = $2, version = l.version + 1
    FROM unnest($3::text[], $4::int[]) AS j(id, version) WHERE l.id = j.id AND l.version = j.version`,
  [assigneeId, updatedAt, leads.map((l) => l.id), leads.map((l) => l.version)]);
}

/** What every row shares is bound once; the per-row columns travel as three arrays, in order (`seq` follows). */
export async function appendAssignmentHistory(runner: Runner, shared: AssignmentShared,
  history: readonly { id: string; leadId: string; from: string | null }[]): Promise<void> {
  if (history.length === 0) return;
  await run(runner, `INSERT INTO activity (${ACTIVITY_COLUMNS})
    SELECT j.id, j.lead_id, $1, $2, $3, j.from_value, $4, NULL, $5, $6
    FROM unnest($7::text[], $8::text[], $9::text[]) WITH ORDINALITY AS j(id, lead_id, from_value, n) ORDER BY j.n`,
  [shared.type, shared.actorId, shared.at, shared.to, shared.source ?? null, shared.batchId ?? null,
    history.map((r) => r.id), history.map((r) => r.leadId), history.map((r) => r.from)]);
}

export async function appendActivity(runner: Runner, activity: Activity): Promise<void> {
  const a = activityParams(activity);
  await run(runner, `INSERT INTO activity (${ACTIVITY_COLUMNS}) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)`,
    [a.id, a.leadId, a.type, a.actorId, a.at, a.from, a.to, a.text, a.source, a.batchId]);
}

export async function activityOf(runner: Runner, leadId: string): Promise<Activity[]> {
  return (await rows<ActivityRow>(runner, `SELECT ${ACTIVITY_COLUMNS} FROM activity WHERE lead_id = $1 ORDER BY seq`,
    [leadId])).map(toActivity);
}

export async function batchActivity(runner: Runner, viewer: Member, batchId: string): Promise<Activity[]> {
  const p = new Params();
  const batch = p.add(batchId);
  const columns = ACTIVITY_COLUMNS.split(', ').map((c) => `a.${c}`).join(', ');
  return (await rows<ActivityRow>(runner, `SELECT ${columns} FROM activity AS a JOIN leads AS l ON l.id = a.lead_id
    WHERE a.batch_id = ${batch} AND ${visibleTo(viewer, p)} ORDER BY a.seq LIMIT ${MAX_BATCH}`, p.values)).map(toActivity);
}

// Sessions (demo mode): only hashes are stored; expired ones are purged (by index) as new ones arrive, and a
// member's oldest beyond the limit end.
export async function addSession(runner: Runner, tokenHash: string, memberId: string, expiresAt: number,
  keepPerMember: number) {
  await run(runner, 'DELETE FROM sessions WHERE expires_at <= $1', [Date.now()]);
  await run(runner, 'INSERT INTO sessions (token_hash, member_id, expires_at) VALUES ($1, $2, $3)',
    [tokenHash, memberId, expiresAt]);
  await run(runner, `DELETE FROM sessions WHERE member_id = $1 AND token_hash NOT IN (SELECT token_hash
    FROM sessions WHERE member_id = $1 ORDER BY expires_at DESC LIMIT $2)`, [memberId, keepPerMember]);
}

export async function session(runner: Runner, tokenHash: string, now: number) {
  const [row] = await rows<MemberRow & { session_expires_at: string }>(runner, `SELECT m.*,
    s.expires_at AS session_expires_at FROM sessions s JOIN members m ON m.id = s.member_id
    WHERE s.token_hash = $1 AND s.expires_at > $2`, [tokenHash, now]);
  // bigint arrives as a string (node-postgres keeps 64-bit integers exact); epoch ms fit a double.
  return row && { member: toMember(row), expiresAt: Number(row.session_expires_at) };
}

export async function deleteSession(runner: Runner, tokenHash: string): Promise<void> {
  await run(runner, 'DELETE FROM sessions WHERE token_hash = $1', [tokenHash]);
}

export async function liveSessions(runner: Runner, tokenHashes: readonly string[], now: number): Promise<Set<string>> {
  const result = await rows<{ token_hash: string }>(runner,
    'SELECT token_hash FROM sessions WHERE token_hash = ANY ($1::text[]) AND expires_at > $2', [tokenHashes, now]);
  return new Set(result.map((r) => r.token_hash));
}

export async function sweep(runner: Runner, now: number, idempotentBefore: number) {
  return {
    sessions: await run(runner, 'DELETE FROM sessions WHERE expires_at <= $1', [now]),
    idempotency: await run(runner, 'DELETE FROM idempotency_keys WHERE created_at < $1', [idempotentBefore]),
  };
}

// Idempotency records (idempotency.ts), inside a write's transaction. ON CONFLICT waits for a concurrent
// transaction holding the same key to end, then does nothing if it committed.
export async function claimIdempotency(runner: Runner, claim: IdempotencyClaim): Promise<StoredAnswer | undefined> {
  const inserted = await run(runner, `INSERT INTO idempotency_keys (member_id, key, fingerprint, status, body,
    created_at) VALUES ($1, $2, $3, 0, '', $4) ON CONFLICT DO NOTHING`,
  [claim.memberId, claim.key, claim.fingerprint, claim.createdAt]);
  if (inserted === 1) return undefined;
  const [row] = await rows<StoredAnswer>(runner,
    'SELECT fingerprint, status, body FROM idempotency_keys WHERE member_id = $1 AND key = $2', [claim.memberId, claim.key]);
  return row;
}

export async function completeIdempotency(runner: Runner, memberId: string, key: string, status: number,
  body: string): Promise<void> {
  await run(runner, 'UPDATE idempotency_keys SET status = $3, body = $4 WHERE member_id = $1 AND key = $2',
    [memberId, key, status, body]);
}
