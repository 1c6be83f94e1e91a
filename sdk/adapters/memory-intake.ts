/**
 * Leads arriving in a MemoryDatabase — createLead, importLeads and the assignment rules of a MemoryAdapter
 * session — with the rules the reference server runs: the same permission checks (policy.ts), the same
 * placement, assignees and history (intake.ts, assignment-rules.ts), the same row checks (lead-import.ts).
 * Each call is one transaction: everything is decided first, then committed at once with the new rotation
 * position, so nothing is half-imported and the cursor moves only with the leads it placed.
 */
import { AdapterError, importTooLargeError, parseOrThrow } from '../adapter.js';
import type { ImportOptions } from '../adapter.js';
import { assignmentRuleIssues } from '../assignment-rules.js';
import type { IntakeState } from '../intake.js';
import { newLeadHistory, newLeadIssues, planNewLeads } from '../intake.js';
import { importResult, importSizeProblem, validateImport } from '../lead-import.js';
import { canChangeAssignmentRules, canCreateLead, canImportLeads } from '../policy.js';
import type { Activity, AssignmentRules, CreateOptions, ImportInput, ImportResult, Lead, Member, NewLead, Source } from '../schema.js';
import {
  AssignmentRulesSchema,
  CreateOptionsSchema,
  describeIssues,
  ImportRowSchema,
  NewLeadSchema,
} from '../schema.js';
import * as z from 'zod/mini';
import type { Commit, MemoryDatabase } from './memory-database.js';
import { copyLead } from './memory-database.js';

/** What the intake needs of a MemoryAdapter session. */
export interface IntakeSession {
  readonly database: MemoryDatabase;
  /** The member acting, as the database holds them now (`unauthorized` when unknown). */
  viewer(): Member;
  /** A history entry by this member. */
  activity(leadId: string, type: Activity['type'], at: string, extra: Partial<Pick<Activity, 'from' | 'to' | 'source' | 'batchId'>>): Activity;
}

const ImportOptionsSchema = z.object({ dryRun: z.optional(z.boolean()) });
const ImportRowsSchema = z.array(ImportRowSchema);

function invalid(what: string, issues: { path: string; message: string }[]): AdapterError {
  return new AdapterError('invalid', `${what}: ${describeIssues(issues)}`, { issues });
}

export function createLead(session: IntakeSession, input: NewLead, options: CreateOptions = {}): Lead {
  const viewer = session.viewer();
  const data = parseOrThrow(NewLeadSchema, input, 'lead');
  const { source } = parseOrThrow(CreateOptionsSchema, options, 'options');
  if (!canCreateLead(viewer)) throw new AdapterError('forbidden', 'Inactive members cannot create leads');
  const issues = newLeadIssues(data, session.database.columns, (id) => session.database.member(id));
  if (issues.length > 0) throw invalid('lead', issues);
  return writeNewLeads(session, [data], source ?? 'api')[0]!;
}

export function importLeads(session: IntakeSession, input: ImportInput, options: ImportOptions = {}): ImportResult {
  const viewer = session.viewer();
  const { dryRun = false } = parseOrThrow(ImportOptionsSchema, options, 'options');
  if (!canImportLeads(viewer)) throw new AdapterError('forbidden', 'Only admins and managers can import leads');
  if (typeof input !== 'string') {
    if (!Array.isArray(input)) throw invalid('import', [{ path: 'rows', message: 'Expected CSV text or an array of rows' }]);
    // The limit first: 10,001 rows are refused as too many, before any of them is looked at.
    const early = importSizeProblem(input);
    if (early) throw importTooLargeError(early);
    parseOrThrow(ImportRowsSchema, input, 'rows');
  }
  const validated = validateImport(input, contextOf(session.database));
  if ('tooLarge' in validated) throw importTooLargeError(validated.tooLarge);
  const { check } = validated;
  if (!dryRun && check.leads.length > 0) {
    writeNewLeads(session, check.leads.map((l) => l.lead), 'import', session.database.newId('b'));
  }
  return importResult(check, dryRun);
}

export function getAssignmentRules(session: IntakeSession): AssignmentRules {
  if (!session.viewer().active) throw new AdapterError('forbidden', 'Inactive members cannot read assignment rules');
  return session.database.assignment().rules;
}

export function setAssignmentRules(session: IntakeSession, input: AssignmentRules): AssignmentRules {
  const viewer = session.viewer();
  if (!canChangeAssignmentRules(viewer)) throw new AdapterError('forbidden', 'Only admins and managers can change assignment rules');
  const rules = parseOrThrow(AssignmentRulesSchema, input, 'rules');
  const { database } = session;
  const issues = assignmentRuleIssues(rules, [...database.allMembers()], database.columns.map((c) => c.key));
  if (issues.length > 0) throw invalid('rules', issues);
  database.setAssignmentRules(rules);
  return database.assignment().rules;
}

// ---- helpers

function contextOf(database: MemoryDatabase) {
  let emails: Map<string, string> | undefined;
  return {
    members: [...database.allMembers()],
    columns: database.columns,
    leadWithEmail(email: string): string | undefined {
      if (!emails) {
        emails = new Map();
        for (const lead of database.allLeads()) {
          const key = lead.email?.toLowerCase();
          if (key !== undefined && !emails.has(key)) emails.set(key, lead.id);
        }
      }
      return emails.get(email);
    },
  };
}

/** The database's columns, rules, loads and column tops, as planNewLeads reads them. */
function intakeState(database: MemoryDatabase): IntakeState {
  const tops = new Map<string, number>();
  for (const lead of database.allLeads()) {
    const top = tops.get(lead.status);
    if (top === undefined || lead.position < top) tops.set(lead.status, lead.position);
  }
  const open = database.openLeadCounts();
  const { rules, cursor } = database.assignment();
  return {
    columns: database.columns,
    rules,
    cursor,
    members: [...database.allMembers()].map((m) => ({ ...m, openLeads: open.get(m.id) ?? 0 })),
    topPosition: (status) => tops.get(status),
  };
}

/** Creates checked leads in one commit, with their history and the rotation position they leave. */
function writeNewLeads(session: IntakeSession, leads: readonly NewLead[], source: Extract<Source, 'manual' | 'api' | 'import'>, batchId?: string): Lead[] {
  const { database } = session;
  const plan = planNewLeads(leads, intakeState(database));
  const at = new Date().toISOString();
  const commits: Commit[] = plan.leads.map((planned, i) => {
    const input = leads[i]!;
    const lead: Lead = {
      id: database.newId('l'),
      name: input.name,
      status: planned.status,
      position: planned.position,
      assigneeId: planned.assigneeId,
      createdAt: at,
      updatedAt: at,
      version: 1,
    };
    for (const key of ['company', 'email', 'phone', 'value'] as const) {
      if (input[key] !== undefined) (lead as Record<string, unknown>)[key] = input[key];
    }
    const activities = newLeadHistory(planned, source).map((entry) =>
      session.activity(lead.id, entry.type, at, { ...entry, ...(batchId ? { batchId } : {}) }),
    );
    return { after: lead, activities };
  });
  database.commit(commits, { ruleCursor: plan.cursor });
  return commits.map((c) => copyLead(c.after!));
}
