/**
 * The SQLite statements of leads arriving (created, imported, the demo data): many leads and history rows in
 * one statement each, the assignment rules row, and what the rules and an import's checks read. sqlite.ts
 * exposes them through the async Repository interface; being synchronous, they run inside its gate.
 *
 * Rows travel as ONE JSON parameter read with `json_each`, in order (`ORDER BY j.key`, so `seq` follows the
 * order given): a 10,000-lead import is two statements, not 30,000 bound runs.
 */
import type { Statement } from 'better-sqlite3';
import type Database from 'better-sqlite3';
import type { Activity, AssignmentRules, Lead } from '../../../sdk/schema.js';
import type { StoredAssignment } from './repository.js';
import { activityParams, leadParams, toAssignment, type AssignmentRow } from './rows.js';

/** The columns of a lead row as inserted, in the order of each JSON row below. */
const LEAD_INSERT = ['id', 'name', 'company', 'email', 'phone', 'value', 'status', 'position', 'assignee_id',
  'created_at', 'updated_at', 'version', 'search_text'];
const ACTIVITY_INSERT = ['id', 'lead_id', 'type', 'actor_id', 'at', 'from_value', 'to_value', 'text', 'source',
  'batch_id'];

/** `INSERT INTO table (columns) SELECT j.value ->> 0, … FROM json_each(@rows)`, rows kept in order. */
const insertFromJson = (table: string, columns: readonly string[]) =>
  `INSERT INTO ${table} (${columns.join(', ')}) SELECT ${columns.map((_, i) => `j.value ->> ${i}`).join(', ')}
    FROM json_each(@rows) AS j ORDER BY j.key`;

export class SqliteIntakeStatements {
  private readonly statements = new Map<string, Statement>();

  constructor(private readonly connection: Database.Database) {}

  /** Each text prepared once (the set is fixed: the statements below). */
  private sql(text: string): Statement {
    let statement = this.statements.get(text);
    if (!statement) this.statements.set(text, (statement = this.connection.prepare(text)));
    return statement;
  }

  assignment(): StoredAssignment {
    return toAssignment(this.sql('SELECT rules, cursor_member_id FROM assignment_rules WHERE id = 1').get() as
      AssignmentRow | undefined);
  }

  /** Lower-cased in JavaScript, as the import's check does it: SQLite's lower() knows only ASCII. */
  leadEmails(): Map<string, string> {
    const rows = this.sql('SELECT email, id FROM leads WHERE email IS NOT NULL ORDER BY created_at, id').raw(true)
      .all() as [string, string][];
    const emails = new Map<string, string>();
    for (const [email, id] of rows) {
      const key = email.toLowerCase();
      if (!emails.has(key)) emails.set(key, id);
    }
    return emails;
  }

  /** One index range per column (leads_by_status is on status, position). */
  columnTops(): Map<string, number> {
    const rows = this.sql('SELECT status, MIN(position) FROM leads GROUP BY status').raw(true).all() as [string, number][];
    return new Map(rows);
  }

  insertLeads(leads: readonly Lead[]): void {
    if (leads.length === 0) return;
    const rows = leads.map((lead) => {
      const l = leadParams(lead);
      return [l.id, l.name, l.company, l.email, l.phone, l.value, l.status, l.position, l.assigneeId, l.createdAt,
        l.updatedAt, l.version, l.searchText];
    });
    this.sql(insertFromJson('leads', LEAD_INSERT)).run({ rows: JSON.stringify(rows) });
  }

  appendActivities(activities: readonly Activity[]): void {
    if (activities.length === 0) return;
    const rows = activities.map((activity) => {
      const a = activityParams(activity);
      return [a.id, a.leadId, a.type, a.actorId, a.at, a.from, a.to, a.text, a.source, a.batchId];
    });
    this.sql(insertFromJson('activity', ACTIVITY_INSERT)).run({ rows: JSON.stringify(rows) });
  }

  writeAssignmentRules(rules: AssignmentRules): void {
    this.sql(`INSERT INTO assignment_rules (id, rules) VALUES (1, ?)
      ON CONFLICT (id) DO UPDATE SET rules = excluded.rules`).run(JSON.stringify(rules));
  }

  writeRuleCursor(cursor: string | null): void {
    this.sql(`INSERT INTO assignment_rules (id, cursor_member_id) VALUES (1, ?)
      ON CONFLICT (id) DO UPDATE SET cursor_member_id = excluded.cursor_member_id`).run(cursor);
  }
}
