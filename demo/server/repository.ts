/**
 * Every SQL statement the server runs, and the mapping between rows and the schema's shapes.
 * Visibility lives in the WHERE clauses (`visibleTo`), so a member's query cannot even read another
 * member's lead; there is no UPDATE or DELETE of `activity` here (the database forbids it too).
 */
import type { Activity, Lead, Member, MemberWithLoad } from '../../sdk/schema.js';
import { CLOSED_STATUSES } from '../../sdk/schema.js';
import { seesAll } from '../../sdk/policy.js';
// The same folding the store and MemoryAdapter use, so a search matches the same leads on every backend.
import { foldText } from '../../sdk/internal/match.js';
import type { Statement } from 'better-sqlite3';
import type { Db } from './db.js';

interface MemberRow {
  id: string; name: string; email: string; role: Member['role']; avatar_url: string | null; active: number;
  capacity: number | null;
}
/**
 * The columns of `leads` in the order `toLead` reads them. Lead queries return rows as arrays (better-sqlite3
 * "raw" mode): building a keyed object per row in the driver took about a third of a 1,000-lead read.
 */
const LEAD_COLUMNS = ['id', 'name', 'company', 'email', 'phone', 'value', 'status', 'position', 'assignee_id',
  'created_at', 'updated_at', 'version'] as const;
type LeadRow = [id: string, name: string, company: string | null, email: string | null, phone: string | null,
  value: number | null, status: string, position: number, assigneeId: string | null, createdAt: string,
  updatedAt: string, version: number];
/** Selects a LeadRow from `leads AS l` (qualified: json_each, joined in visibleLeads, has an `id` too). */
const SELECT_LEAD = `SELECT ${LEAD_COLUMNS.map((c) => `l.${c}`).join(', ')}`;

interface ActivityRow {
  id: string; lead_id: string; type: Activity['type']; actor_id: string; at: string; from_value: string | null;
  to_value: string | null; text: string | null; source: Activity['source'] | null; batch_id: string | null;
}

/** Activity types whose `from`/`to` are meaningful (and may be null: "from nobody"). */
const TRANSITIONS = new Set<Activity['type']>(['assigned', 'unassigned', 'status_changed']);

function toMember(row: MemberRow): Member {
  const member: Member = { id: row.id, name: row.name, email: row.email, role: row.role, active: row.active === 1 };
  if (row.avatar_url !== null) member.avatarUrl = row.avatar_url;
  if (row.capacity !== null) member.capacity = row.capacity;
  return member;
}

function toLead(row: LeadRow): Lead {
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

function toActivity(row: ActivityRow): Activity {
  const activity: Activity = { id: row.id, leadId: row.lead_id, type: row.type, actorId: row.actor_id, at: row.at };
  if (TRANSITIONS.has(row.type)) {
    activity.from = row.from_value;
    activity.to = row.to_value;
  }
  if (row.text !== null) activity.text = row.text;
  if (row.source !== null) activity.source = row.source;
  if (row.batch_id !== null) activity.batchId = row.batch_id;
  return activity;
}

/** The WHERE fragment limiting `leads` to what `viewer` may see (DESIGN §4, sdk/policy.ts). */
function visibleTo(viewer: Member): { sql: string; params: Record<string, string> } {
  if (!viewer.active) return { sql: '0', params: {} };
  if (seesAll(viewer)) return { sql: '1', params: {} };
  return { sql: '(assignee_id IS NULL OR assignee_id = @viewerId)', params: { viewerId: viewer.id } };
}

export interface LeadListFilter {
  statuses?: readonly string[];
  /** 'any' | 'me' | 'unassigned' | member id */
  assignee?: string;
  q?: string;
}

/** Distinct SQL texts kept prepared; listLeads builds a few variants per filter shape, so this is ample. */
const MAX_STATEMENTS = 200;

export class Repository {
  /**
   * Prepared statements by SQL text. Preparing parses and plans the SQL each time: a batch assignment of
   * 1,000 leads prepared 3,000 statements (about half of its ~140 ms); now each text is prepared once.
   */
  private readonly statements = new Map<string, Statement>();

  constructor(readonly db: Db) {
    // SQL `fold(x)`: lower-case, accents stripped ("Müller" matches "muller").
    db.function('fold', { deterministic: true }, (value: unknown) => (typeof value === 'string' ? foldText(value) : null));
  }

  private sql(text: string): Statement {
    let statement = this.statements.get(text);
    if (!statement) {
      if (this.statements.size >= MAX_STATEMENTS) this.statements.clear();
      statement = this.db.prepare(text);
      this.statements.set(text, statement);
    }
    return statement;
  }

  /** `SELECT_LEAD <from>`: a query answering LeadRows (arrays, better-sqlite3 raw mode). */
  private leadQuery(from: string): Statement {
    return this.sql(`${SELECT_LEAD} ${from}`).raw(true);
  }

  member(id: string): Member | undefined {
    const row = this.sql('SELECT * FROM members WHERE id = ?').get(id) as MemberRow | undefined;
    return row && toMember(row);
  }

  memberByEmail(email: string): Member | undefined {
    const row = this.sql('SELECT * FROM members WHERE email = ?').get(email) as MemberRow | undefined;
    return row && toMember(row);
  }

  activeMembers(): Member[] {
    const rows = this.sql('SELECT * FROM members WHERE active = 1 ORDER BY name').all() as MemberRow[];
    return rows.map(toMember);
  }

  /** Every member with the number of open (not won or lost) leads they hold. */
  membersWithLoad(): MemberWithLoad[] {
    const closed = CLOSED_STATUSES.map((_, i) => `@closed${i}`).join(', ');
    const params = Object.fromEntries(CLOSED_STATUSES.map((s, i) => [`closed${i}`, s]));
    const rows = this.sql(`SELECT m.*, (SELECT COUNT(*) FROM leads l WHERE l.assignee_id = m.id
      AND l.status NOT IN (${closed || "''"})) AS open_leads FROM members m ORDER BY m.name`)
      .all(params) as (MemberRow & { open_leads: number })[];
    return rows.map((row) => ({ ...toMember(row), openLeads: row.open_leads }));
  }

  /** The lead, or undefined when it does not exist or `viewer` may not see it. */
  visibleLead(viewer: Member, id: string): Lead | undefined {
    const v = visibleTo(viewer);
    const row = this.leadQuery(`FROM leads AS l WHERE id = @id AND ${v.sql}`).get({ ...v.params, id }) as
      LeadRow | undefined;
    return row && toLead(row);
  }

  /**
   * The leads among `ids` that `viewer` may see, by id, in one query (the ids travel as one JSON parameter,
   * so there is no limit on bound variables); ids that do not exist or are hidden are simply absent.
   */
  visibleLeads(viewer: Member, ids: readonly string[]): Map<string, Lead> {
    const v = visibleTo(viewer);
    // CROSS JOIN keeps json_each as the outer loop, so each id is one primary-key lookup; without table
    // statistics the planner may otherwise walk the assignee index and rescan the id list per row.
    const rows = this.leadQuery(`FROM json_each(@ids) AS j CROSS JOIN leads AS l ON l.id = j.value
      WHERE ${v.sql}`).all({ ...v.params, ids: JSON.stringify(ids) }) as LeadRow[];
    return new Map(rows.map((row) => [row[0], toLead(row)]));
  }

  listLeads(viewer: Member, filter: LeadListFilter): Lead[] {
    const v = visibleTo(viewer);
    const where = [v.sql];
    const params: Record<string, string> = { ...v.params };
    if (filter.statuses && filter.statuses.length > 0) {
      where.push(`status IN (${filter.statuses.map((_, i) => `@status${i}`).join(', ')})`);
      filter.statuses.forEach((s, i) => (params[`status${i}`] = s));
    }
    const assignee = filter.assignee === 'me' ? viewer.id : filter.assignee;
    if (assignee === 'unassigned') where.push('assignee_id IS NULL');
    else if (assignee && assignee !== 'any') {
      where.push('assignee_id = @assignee');
      params.assignee = assignee;
    }
    const q = filter.q?.trim();
    if (q) {
      params.q = `%${foldText(q).replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
      where.push(`(fold(name) LIKE @q ESCAPE '\\' OR fold(company) LIKE @q ESCAPE '\\' OR fold(email) LIKE @q ESCAPE '\\')`);
    }
    const rows = this.leadQuery(`FROM leads AS l WHERE ${where.join(' AND ')} ORDER BY status, position, id`)
      .all(params) as LeadRow[];
    return rows.map(toLead);
  }

  /** Writes every field of `lead` where its version is still `expectedVersion`; false when it was not. */
  writeLead(lead: Lead, expectedVersion: number): boolean {
    const result = this.sql(`UPDATE leads SET name = @name, company = @company, email = @email,
      phone = @phone, value = @value, status = @status, position = @position, assignee_id = @assigneeId,
      updated_at = @updatedAt, version = @version WHERE id = @id AND version = @expectedVersion`)
      .run({ ...lead, company: lead.company ?? null, email: lead.email ?? null, phone: lead.phone ?? null,
        value: lead.value ?? null, expectedVersion });
    return result.changes === 1;
  }

  /**
   * Writes one assignment to many leads in one statement: each lead gets `assigneeId`, `updatedAt` and its
   * version + 1 where its version is still the one given (the version it was read at). Returns how many
   * leads were written, so the caller can tell a lead that changed underneath (fewer than asked) and roll
   * back. Setting only those columns lets SQLite leave the status/position index alone (writeLead rewrites it).
   */
  writeAssignments(leads: readonly { id: string; version: number }[], assigneeId: string | null, updatedAt: string): number {
    if (leads.length === 0) return 0;
    const rows = JSON.stringify(leads.map((l) => [l.id, l.version]));
    return this.sql(`UPDATE leads SET assignee_id = @assigneeId, updated_at = @updatedAt, version = leads.version + 1
      FROM json_each(@rows) AS j WHERE leads.id = j.value ->> 0 AND leads.version = j.value ->> 1`)
      .run({ assigneeId, updatedAt, rows }).changes;
  }

  /**
   * Appends the history rows of one assignment batch in one statement, in the given order (their `seq`
   * follows it). What every row shares is bound once; only id, lead and previous assignee travel per row,
   * as one JSON parameter. Binding ten named parameters per row was most of what a per-row INSERT cost.
   */
  appendAssignmentHistory(
    shared: Pick<Activity, 'type' | 'actorId' | 'at' | 'source' | 'batchId'> & { to: string | null },
    rows: readonly { id: string; leadId: string; from: string | null }[],
  ): void {
    if (rows.length === 0) return;
    this.sql(`INSERT INTO activity (id, lead_id, type, actor_id, at, from_value, to_value, text, source, batch_id)
      SELECT j.value ->> 0, j.value ->> 1, @type, @actorId, @at, j.value ->> 2, @to, NULL, @source, @batchId
      FROM json_each(@rows) AS j ORDER BY j.key`)
      .run({ type: shared.type, actorId: shared.actorId, at: shared.at, to: shared.to, source: shared.source ?? null,
        batchId: shared.batchId ?? null, rows: JSON.stringify(rows.map((r) => [r.id, r.leadId, r.from])) });
  }

  appendActivity(activity: Activity): void {
    this.sql(`INSERT INTO activity (id, lead_id, type, actor_id, at, from_value, to_value, text, source,
      batch_id) VALUES (@id, @leadId, @type, @actorId, @at, @from, @to, @text, @source, @batchId)`)
      .run({ ...activity, from: activity.from ?? null, to: activity.to ?? null, text: activity.text ?? null,
        source: activity.source ?? null, batchId: activity.batchId ?? null });
  }

  activityOf(leadId: string): Activity[] {
    const rows = this.sql('SELECT * FROM activity WHERE lead_id = ? ORDER BY seq').all(leadId) as ActivityRow[];
    return rows.map(toActivity);
  }

  // Sessions (demo mode): only hashes are stored.
  addSession(tokenHash: string, memberId: string, expiresAt: number): void {
    this.sql('DELETE FROM sessions WHERE expires_at <= ?').run(Date.now());
    this.sql('INSERT INTO sessions (token_hash, member_id, expires_at) VALUES (?, ?, ?)')
      .run(tokenHash, memberId, expiresAt);
  }

  sessionMember(tokenHash: string, now: number): string | undefined {
    const row = this.sql('SELECT member_id FROM sessions WHERE token_hash = ? AND expires_at > ?')
      .get(tokenHash, now) as { member_id: string } | undefined;
    return row?.member_id;
  }
}
