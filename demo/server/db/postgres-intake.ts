/**
 * The PostgreSQL statements of leads arriving (created, imported, the demo data): many leads and history rows
 * in one statement each (`unnest` over one array per column), the assignment rules row, and what the rules
 * and an import's checks read.
 *
 * The rules row is the intake's lock: a transaction creating leads reads it `FOR UPDATE` before anything
 * else, so two writers — on this instance or another — never read the same rotation position; the second
 * waits for the first's commit and reads the position it left (READ COMMITTED re-reads the locked row).
 */
import type { Activity, AssignmentRules, Lead, Member } from '../../../sdk/schema.js';
import type { ReadOptions, StoredAssignment } from './repository.js';
import { ACTIVITY_COLUMNS, activityParams, leadParams, toAssignment, type AssignmentRow } from './rows.js';
import { rows, run, type Runner } from './postgres-statements.js';

export async function assignment(runner: Runner, options?: ReadOptions): Promise<StoredAssignment> {
  const [row] = await rows<AssignmentRow>(runner,
    `SELECT rules, cursor_member_id FROM assignment_rules WHERE id = 1${options?.lock ? ' FOR UPDATE' : ''}`);
  return toAssignment(row);
}

/** Lower-cased in JavaScript, as the import's check does it, so both engines fold emails alike. */
export async function leadEmails(runner: Runner): Promise<Map<string, string>> {
  const result = await rows<{ email: string; id: string }>(runner,
    'SELECT email, id FROM leads WHERE email IS NOT NULL ORDER BY created_at COLLATE "C", id COLLATE "C"');
  const emails = new Map<string, string>();
  for (const { email, id } of result) {
    const key = email.toLowerCase();
    if (!emails.has(key)) emails.set(key, id);
  }
  return emails;
}

export async function columnTops(runner: Runner): Promise<Map<string, number>> {
  const result = await rows<{ status: string; top: number }>(runner,
    'SELECT status, min(position) AS top FROM leads GROUP BY status');
  return new Map(result.map((r) => [r.status, r.top]));
}

export async function insertLeads(runner: Runner, leads: readonly Lead[]): Promise<void> {
  if (leads.length === 0) return;
  const ls = leads.map(leadParams);
  await run(runner, `INSERT INTO leads (id, name, company, email, phone, value, status, position, assignee_id,
    created_at, updated_at, version, search_text)
    SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::float8[], $7::text[],
      $8::float8[], $9::text[], $10::text[], $11::text[], $12::int[], $13::text[])`,
  [ls.map((l) => l.id), ls.map((l) => l.name), ls.map((l) => l.company), ls.map((l) => l.email),
    ls.map((l) => l.phone), ls.map((l) => l.value), ls.map((l) => l.status), ls.map((l) => l.position),
    ls.map((l) => l.assigneeId), ls.map((l) => l.createdAt), ls.map((l) => l.updatedAt), ls.map((l) => l.version),
    ls.map((l) => l.searchText)]);
}

/** `WITH ORDINALITY … ORDER BY n`: the rows get their `seq` in the order given. */
export async function appendActivities(runner: Runner, activities: readonly Activity[]): Promise<void> {
  if (activities.length === 0) return;
  const as = activities.map(activityParams);
  await run(runner, `INSERT INTO activity (${ACTIVITY_COLUMNS})
    SELECT ${ACTIVITY_COLUMNS} FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[],
      $8::text[], $9::text[], $10::text[]) WITH ORDINALITY AS j(id, lead_id, type, actor_id, at, from_value,
      to_value, text, source, batch_id, n) ORDER BY n`,
  [as.map((a) => a.id), as.map((a) => a.leadId), as.map((a) => a.type), as.map((a) => a.actorId),
    as.map((a) => a.at), as.map((a) => a.from), as.map((a) => a.to), as.map((a) => a.text), as.map((a) => a.source),
    as.map((a) => a.batchId)]);
}

export async function writeAssignmentRules(runner: Runner, rules: AssignmentRules): Promise<void> {
  await run(runner, `INSERT INTO assignment_rules (id, rules) VALUES (1, $1)
    ON CONFLICT (id) DO UPDATE SET rules = excluded.rules`, [JSON.stringify(rules)]);
}

export async function writeRuleCursor(runner: Runner, cursor: string | null): Promise<void> {
  await run(runner, `INSERT INTO assignment_rules (id, cursor_member_id) VALUES (1, $1)
    ON CONFLICT (id) DO UPDATE SET cursor_member_id = excluded.cursor_member_id`, [cursor]);
}

/** The demo data, one statement per table: members, then leads and history as arriving leads are written. */
export async function insertSeed(runner: Runner, data: { members: Member[]; leads: Lead[]; activities: Activity[] }) {
  const ms = data.members;
  await run(runner, `INSERT INTO members (id, name, email, role, avatar_url, active, capacity)
    SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::boolean[], $7::int[])`,
  [ms.map((m) => m.id), ms.map((m) => m.name), ms.map((m) => m.email), ms.map((m) => m.role),
    ms.map((m) => m.avatarUrl ?? null), ms.map((m) => m.active), ms.map((m) => m.capacity ?? null)]);
  await insertLeads(runner, data.leads);
  await appendActivities(runner, data.activities);
}
