/**
 * The SQLite statements of leads arriving (created, imported, the demo data): many leads and history rows in
 * one statement each, the assignment rules row, and what the rules and an import's checks read. sqlite.ts
 * exposes them through the async Repository interface; being synchronous, they run inside its gate.
 *
 * Many rows are one prepared statement run once per row, with positional values, inside the caller's
 * transaction: measured on 10,000 leads, that beat a single INSERT … SELECT over a JSON parameter (as
 * assignments use) by about a half, since nothing has to be serialized and parsed again.
 */
import type { Statement } from 'better-sqlite3';
import type Database from 'better-sqlite3';
import type { Activity, AssignmentRules, Lead } from '../../../sdk/schema.js';
import type { StoredAssignment } from './repository.js';
import { searchTextOf, toAssignment, type AssignmentRow } from './rows.js';

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
    const insert = this.sql(`INSERT INTO leads (id, name, company, email, phone, value, status, position,
      assignee_id, created_at, updated_at, version, search_text) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`);
    for (const l of leads) {
      insert.run(l.id, l.name, l.company ?? null, l.email ?? null, l.phone ?? null, l.value ?? null, l.status,
        l.position, l.assigneeId, l.createdAt, l.updatedAt, l.version, searchTextOf(l));
    }
  }

  /** In the order given: `seq` follows it. */
  appendActivities(activities: readonly Activity[]): void {
    const insert = this.sql(`INSERT INTO activity (id, lead_id, type, actor_id, at, from_value, to_value, text,
      source, batch_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`);
    for (const a of activities) {
      insert.run(a.id, a.leadId, a.type, a.actorId, a.at, a.from ?? null, a.to ?? null, a.text ?? null,
        a.source ?? null, a.batchId ?? null);
    }
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
