/**
 * Every SQL statement of the SQLite engine, synchronous (better-sqlite3). sqlite.ts exposes them through the
 * async Repository interface. Visibility lives in the WHERE clauses (`visibleTo`).
 */
import type { Statement } from 'better-sqlite3';
import type Database from 'better-sqlite3';
import type { Activity, Lead, Member, MemberWithLoad } from '../../../sdk/schema.js';
import { CLOSED_STATUSES, MAX_BATCH } from '../../../sdk/schema.js';
import { seesAll } from '../../../sdk/policy.js';
import type { AssignmentShared, IdempotencyClaim, LeadListFilter, StoredAnswer } from './repository.js';
import {
  activityParams, leadParams, searchPattern, SELECT_LEAD, toActivity, toLead, toMember,
  type ActivityRow, type LeadRow, type MemberRow,
} from './rows.js';

/** The WHERE fragment limiting `leads` to what `viewer` may see (sdk/policy.ts `canSee`). */
function visibleTo(viewer: Member): { sql: string; params: Record<string, string> } {
  if (!viewer.active) return { sql: '0', params: {} };
  if (seesAll(viewer)) return { sql: '1', params: {} };
  return { sql: '(l.assignee_id IS NULL OR l.assignee_id = @viewerId)', params: { viewerId: viewer.id } };
}

/** Distinct SQL texts kept prepared; listLeads builds a few variants per filter shape, so this is ample. */
const MAX_STATEMENTS = 200;

export class SqliteStatements {
  /**
   * Prepared statements by SQL text. Preparing parses and plans the SQL each time: a batch assignment of
   * 1,000 leads prepared 3,000 statements (about half of its ~140 ms); now each text is prepared once.
   */
  private readonly statements = new Map<string, Statement>();
  /** Distinct SQL texts prepared so far (see Repository.preparedStatements). */
  private readonly texts = new Set<string>();

  constructor(private readonly connection: Database.Database) {}

  get preparedStatements(): number {
    return this.texts.size;
  }

  private sql(text: string): Statement {
    let statement = this.statements.get(text);
    if (!statement) {
      this.texts.add(text);
      if (this.statements.size >= MAX_STATEMENTS) this.statements.clear();
      statement = this.connection.prepare(text);
      this.statements.set(text, statement);
    }
    return statement;
  }

  /** `SELECT_LEAD <from>`: a query answering LeadRows (arrays, raw mode). */
  private leadQuery(from: string): Statement {
    return this.sql(`${SELECT_LEAD} ${from}`).raw(true);
  }

  protected memberNow(id: string): Member | undefined {
    const row = this.sql('SELECT * FROM members WHERE id = ?').get(id) as MemberRow | undefined;
    return row && toMember(row);
  }

  protected memberByEmailNow(email: string): Member | undefined {
    const row = this.sql('SELECT * FROM members WHERE email = ?').get(email) as MemberRow | undefined;
    return row && toMember(row);
  }

  protected activeMembersNow(): Member[] {
    return (this.sql('SELECT * FROM members WHERE active = 1 ORDER BY name').all() as MemberRow[]).map(toMember);
  }

  protected membersNow(): Member[] {
    return (this.sql('SELECT * FROM members ORDER BY name').all() as MemberRow[]).map(toMember);
  }

  protected membersWithLoadNow(): MemberWithLoad[] {
    const closed = CLOSED_STATUSES.map((_, i) => `@closed${i}`).join(', ');
    const params = Object.fromEntries(CLOSED_STATUSES.map((s, i) => [`closed${i}`, s]));
    const rows = this.sql(`SELECT m.*, (SELECT COUNT(*) FROM leads l WHERE l.assignee_id = m.id
      AND l.status NOT IN (${closed || "''"})) AS open_leads FROM members m ORDER BY m.name`)
      .all(params) as (MemberRow & { open_leads: number })[];
    return rows.map((row) => ({ ...toMember(row), openLeads: row.open_leads }));
  }

  protected visibleLeadNow(viewer: Member, id: string): Lead | undefined {
    const v = visibleTo(viewer);
    const row = this.leadQuery(`FROM leads AS l WHERE l.id = @id AND ${v.sql}`).get({ ...v.params, id }) as
      LeadRow | undefined;
    return row && toLead(row);
  }

  /** The ids travel as one JSON parameter, so there is no limit on bound variables. */
  protected visibleLeadsNow(viewer: Member, ids: readonly string[]): Map<string, Lead> {
    const v = visibleTo(viewer);
    // CROSS JOIN keeps json_each as the outer loop, so each id is one primary-key lookup; without table
    // statistics the planner may otherwise walk the assignee index and rescan the id list per row.
    const rows = this.leadQuery(`FROM json_each(@ids) AS j CROSS JOIN leads AS l ON l.id = j.value
      WHERE ${v.sql}`).all({ ...v.params, ids: JSON.stringify(ids) }) as LeadRow[];
    return new Map(rows.map((row) => [row[0], toLead(row)]));
  }

  protected listLeadsNow(viewer: Member, filter: LeadListFilter): Lead[] {
    const v = visibleTo(viewer);
    const where = [v.sql];
    const params: Record<string, string> = { ...v.params };
    if (filter.statuses && filter.statuses.length > 0) {
      // One JSON parameter, whatever the number of statuses: the SQL text (and its prepared statement) is fixed.
      where.push('l.status IN (SELECT value FROM json_each(@statuses))');
      params.statuses = JSON.stringify(filter.statuses);
    }
    const assignee = filter.assignee === 'me' ? viewer.id : filter.assignee;
    if (assignee === 'unassigned') where.push('l.assignee_id IS NULL');
    else if (assignee && assignee !== 'any') {
      where.push('l.assignee_id = @assignee');
      params.assignee = assignee;
    }
    const q = filter.q?.trim();
    if (q) {
      params.q = searchPattern(q);
      where.push(`l.search_text LIKE @q ESCAPE '\\'`);
    }
    const rows = this.leadQuery(`FROM leads AS l WHERE ${where.join(' AND ')} ORDER BY l.status, l.position, l.id`)
      .all(params) as LeadRow[];
    return rows.map(toLead);
  }

  protected writeLeadNow(lead: Lead, expectedVersion: number): boolean {
    const result = this.sql(`UPDATE leads SET name = @name, company = @company, email = @email,
      phone = @phone, value = @value, status = @status, position = @position, assignee_id = @assigneeId,
      updated_at = @updatedAt, version = @version, search_text = @searchText
      WHERE id = @id AND version = @expectedVersion`)
      .run({ ...leadParams(lead), expectedVersion });
    return result.changes === 1;
  }

  /** Setting only these columns lets SQLite leave the status/position index alone (writeLead rewrites it). */
  protected writeAssignmentsNow(leads: readonly { id: string; version: number }[], assigneeId: string | null,
    updatedAt: string): number {
    if (leads.length === 0) return 0;
    const rows = JSON.stringify(leads.map((l) => [l.id, l.version]));
    return this.sql(`UPDATE leads SET assignee_id = @assigneeId, updated_at = @updatedAt, version = leads.version + 1
      FROM json_each(@rows) AS j WHERE leads.id = j.value ->> 0 AND leads.version = j.value ->> 1`)
      .run({ assigneeId, updatedAt, rows }).changes;
  }

  /**
   * What every row shares is bound once; only id, lead and previous assignee travel per row, as one JSON
   * parameter (`seq` follows its order). Binding ten named parameters per row was most of what a per-row
   * INSERT cost.
   */
  protected appendAssignmentHistoryNow(shared: AssignmentShared,
    rows: readonly { id: string; leadId: string; from: string | null }[]): void {
    if (rows.length === 0) return;
    this.sql(`INSERT INTO activity (id, lead_id, type, actor_id, at, from_value, to_value, text, source, batch_id)
      SELECT j.value ->> 0, j.value ->> 1, @type, @actorId, @at, j.value ->> 2, @to, NULL, @source, @batchId
      FROM json_each(@rows) AS j ORDER BY j.key`)
      .run({ type: shared.type, actorId: shared.actorId, at: shared.at, to: shared.to, source: shared.source ?? null,
        batchId: shared.batchId ?? null, rows: JSON.stringify(rows.map((r) => [r.id, r.leadId, r.from])) });
  }

  protected appendActivityNow(activity: Activity): void {
    this.sql(`INSERT INTO activity (id, lead_id, type, actor_id, at, from_value, to_value, text, source,
      batch_id) VALUES (@id, @leadId, @type, @actorId, @at, @from, @to, @text, @source, @batchId)`)
      .run(activityParams(activity));
  }

  protected activityOfNow(leadId: string): Activity[] {
    const rows = this.sql('SELECT * FROM activity WHERE lead_id = ? ORDER BY seq').all(leadId) as ActivityRow[];
    return rows.map(toActivity);
  }

  protected batchActivityNow(viewer: Member, batchId: string): Activity[] {
    const v = visibleTo(viewer);
    const rows = this.sql(`SELECT a.* FROM activity AS a JOIN leads AS l ON l.id = a.lead_id
      WHERE a.batch_id = @batchId AND ${v.sql} ORDER BY a.seq LIMIT ${MAX_BATCH}`).all({ ...v.params, batchId }) as ActivityRow[];
    return rows.map(toActivity);
  }

  // Sessions (demo mode): only hashes are stored.
  protected addSessionNow(tokenHash: string, memberId: string, expiresAt: number, keepPerMember: number): void {
    this.connection.transaction(() => {
      this.sql('DELETE FROM sessions WHERE expires_at <= ?').run(Date.now());
      this.sql('INSERT INTO sessions (token_hash, member_id, expires_at) VALUES (?, ?, ?)')
        .run(tokenHash, memberId, expiresAt);
      this.sql(`DELETE FROM sessions WHERE member_id = @memberId AND token_hash NOT IN (SELECT token_hash FROM sessions
        WHERE member_id = @memberId ORDER BY expires_at DESC LIMIT @keep)`).run({ memberId, keep: keepPerMember });
    })();
  }

  protected sessionNow(tokenHash: string, now: number): { member: Member; expiresAt: number } | undefined {
    const row = this.sql(`SELECT m.*, s.expires_at AS session_expires_at FROM sessions s JOIN members m
      ON m.id = s.member_id WHERE s.token_hash = ? AND s.expires_at > ?`).get(tokenHash, now) as
      (MemberRow & { session_expires_at: number }) | undefined;
    return row && { member: toMember(row), expiresAt: row.session_expires_at };
  }

  protected deleteSessionNow(tokenHash: string): void {
    this.sql('DELETE FROM sessions WHERE token_hash = ?').run(tokenHash);
  }

  protected liveSessionsNow(tokenHashes: readonly string[], now: number): Set<string> {
    const rows = this.sql(`SELECT token_hash FROM sessions WHERE token_hash IN (SELECT value FROM json_each(?))
      AND expires_at > ?`).all(JSON.stringify(tokenHashes), now) as { token_hash: string }[];
    return new Set(rows.map((r) => r.token_hash));
  }

  protected sweepNow(now: number, idempotentBefore: number): { sessions: number; idempotency: number } {
    return {
      sessions: this.sql('DELETE FROM sessions WHERE expires_at <= ?').run(now).changes,
      idempotency: this.sql('DELETE FROM idempotency_keys WHERE created_at < ?').run(idempotentBefore).changes,
    };
  }

  // Idempotency records (idempotency.ts), inside a write's transaction.
  protected claimIdempotencyNow(claim: IdempotencyClaim): StoredAnswer | undefined {
    const inserted = this.sql(`INSERT INTO idempotency_keys (member_id, key, fingerprint, status, body, created_at)
      VALUES (@memberId, @key, @fingerprint, 0, '', @createdAt) ON CONFLICT DO NOTHING`).run(claim).changes;
    if (inserted === 1) return undefined;
    return this.sql('SELECT fingerprint, status, body FROM idempotency_keys WHERE member_id = ? AND key = ?')
      .get(claim.memberId, claim.key) as StoredAnswer;
  }

  protected completeIdempotencyNow(memberId: string, key: string, status: number, body: string): void {
    this.sql('UPDATE idempotency_keys SET status = ?, body = ? WHERE member_id = ? AND key = ?')
      .run(status, body, memberId, key);
  }
}
