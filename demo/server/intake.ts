/**
 * Leads arriving — created one by one (`POST /api/leads`) or imported (`POST /api/leads/import`) — and the
 * assignment rules that route them. The decisions are the SDK's, the same the MemoryAdapter makes: who may
 * (sdk/policy.ts), where a lead goes, who receives it and what history records it (sdk/intake.ts,
 * sdk/assignment-rules.ts), how an import's rows are read and checked (sdk/lead-import.ts). This file adds
 * what a shared database needs: ids and times, and one transaction per call in which the rules row is locked
 * FIRST (repository.ts: IntakeReads), so the rotation position, the members' loads and the column tops a
 * plan is made from cannot move before it is written — on any instance.
 */
import { randomUUID } from 'node:crypto';
import { assignmentRuleIssues } from '../../sdk/assignment-rules.js';
import { newLeadHistory, newLeadIssues, planNewLeads } from '../../sdk/intake.js';
import type { ImportContext } from '../../sdk/lead-import.js';
import { importResult, validateImport } from '../../sdk/lead-import.js';
import { canChangeAssignmentRules, canCreateLead, canImportLeads } from '../../sdk/policy.js';
import type {
  Activity, AssignmentRules, Column, CreateOptions, ImportInput, ImportResult, Lead, Member, MemberWithLoad, NewLead,
  Source,
} from '../../sdk/schema.js';
import type { LeadChange, StoredAssignment, Transaction } from './db/repository.js';
import type { Repository } from './db/repository.js';
import { ApiError, invalid } from './http.js';
import { keyedWrite } from './idempotency.js';
import { timeOrderedId } from './ids.js';

type ArrivalSource = Extract<Source, 'manual' | 'api' | 'import'>;

/**
 * New leads are announced in slices of this many: on PostgreSQL each slice is one change_log row (about
 * 350 kB for 500 leads with their history) and one NOTIFY carrying its id, so a 10,000-lead import is 20
 * modest rows rather than one of 7 MB; the event hub sends them on in commit order all the same.
 */
export const CHANGES_PER_RECORD = 500;

const forbidden = (message: string) => new ApiError(403, 'forbidden', message);

/** Why a member may not do each of these (sdk/policy.ts decides): the 403 messages. */
const REFUSALS = {
  create: 'Inactive members cannot create leads',
  import: 'Only admins and managers can import leads',
  rules: 'Only admins and managers can change assignment rules',
} as const;

/** Refuses a member who may not import (403): routes call it before reading an upload. */
export function requireImporter(viewer: Member): void {
  if (!canImportLeads(viewer)) throw forbidden(REFUSALS.import);
}

/** Refuses a member who may not change the assignment rules (403), before their body is looked at. */
export function requireRuleEditor(viewer: Member): void {
  if (!canChangeAssignmentRules(viewer)) throw forbidden(REFUSALS.rules);
}

/** `member` as the transaction reads them now, if `allowed`: a role or an active flag changed since sign-in counts. */
function actorOf<M extends Member>(members: readonly M[], viewer: Member, allowed: (m: M) => boolean, refusal: string): M {
  const actor = members.find((m) => m.id === viewer.id);
  if (!actor || !allowed(actor)) throw forbidden(refusal);
  return actor;
}

/** The optional fields a new lead came with; those it did not stay absent (never null). */
function givenFields({ company, email, phone, value }: NewLead): Partial<Lead> {
  const fields: Partial<Lead> = {};
  if (company !== undefined) fields.company = company;
  if (email !== undefined) fields.email = email;
  if (phone !== undefined) fields.phone = phone;
  if (value !== undefined) fields.value = value;
  return fields;
}

export class Intake {
  private readonly columnKeys: readonly string[];

  constructor(
    private readonly repo: Repository,
    /** The board's columns: a new lead's status is one of their keys; an import's matches a key or a label. */
    private readonly columns: readonly Column[],
  ) {
    this.columnKeys = columns.map((c) => c.key);
  }

  /** One lead, at the top of its column; the rules pick its assignee when it comes without one. */
  async createLead(viewer: Member, input: NewLead, source: NonNullable<CreateOptions['source']>): Promise<Lead> {
    if (!canCreateLead(viewer)) throw forbidden(REFUSALS.create);
    // Keyed like every write (idempotency.ts): a retried create answers the lead it made, never a second one.
    return this.repo.transaction((tx) => keyedWrite(tx, async () => {
      const assignment = await tx.assignment({ lock: true });
      const members = await tx.membersWithLoad();
      const actor = actorOf(members, viewer, canCreateLead, REFUSALS.create);
      const byId = new Map(members.map((m) => [m.id, m]));
      const issues = newLeadIssues(input, this.columns, (id) => byId.get(id));
      if (issues.length > 0) throw invalid(issues, 'body');
      const [lead] = await this.arrive(tx, actor, [input], source, { assignment, members });
      return lead!;
    }));
  }

  /**
   * Reads and checks an import; unless `dryRun`, creates every valid row in one transaction (one batch id for
   * the whole import). A dry run only reads, outside any transaction: it writes nothing and locks nothing.
   */
  async importLeads(viewer: Member, input: ImportInput, dryRun: boolean): Promise<ImportResult> {
    requireImporter(viewer);
    if (dryRun) {
      const [members, emails] = await Promise.all([this.repo.members(), this.repo.leadEmails()]);
      actorOf(members, viewer, canImportLeads, REFUSALS.import);
      return importResult(this.check(input, members, emails), true);
    }
    return this.repo.transaction((tx) => keyedWrite(tx, async () => {
      const assignment = await tx.assignment({ lock: true });
      const members = await tx.membersWithLoad();
      const actor = actorOf(members, viewer, canImportLeads, REFUSALS.import);
      const check = this.check(input, members, await tx.leadEmails());
      if (check.leads.length > 0) {
        await this.arrive(tx, actor, check.leads.map((l) => l.lead), 'import', { assignment, members }, randomUUID());
      }
      return importResult(check, false);
    }));
  }

  /** The rules as stored, or the defaults (off) while nobody has saved any. */
  async assignmentRules(viewer: Member): Promise<AssignmentRules> {
    if (!viewer.active) throw forbidden('Inactive members cannot read assignment rules');
    return (await this.repo.assignment()).rules;
  }

  /** Replaces the rules; the rotation position stays (a member still taking part keeps their turn). */
  async setAssignmentRules(viewer: Member, rules: AssignmentRules): Promise<AssignmentRules> {
    requireRuleEditor(viewer);
    return this.repo.transaction(async (tx) => {
      await tx.assignment({ lock: true });
      const members = await tx.members();
      actorOf(members, viewer, canChangeAssignmentRules, REFUSALS.rules);
      const issues = assignmentRuleIssues(rules, members, this.columnKeys);
      if (issues.length > 0) throw invalid(issues, 'body');
      await tx.writeAssignmentRules(rules);
      return (await tx.assignment()).rules;
    });
  }

  /** The import's rows against this board: its members, columns and every lead's email (seen or not). */
  private check(input: ImportInput, members: readonly Member[], emails: ReadonlyMap<string, string>) {
    const context: ImportContext = { members, columns: this.columns, leadWithEmail: (email) => emails.get(email) };
    const validated = validateImport(input, context);
    if ('tooLarge' in validated) throw new ApiError(413, 'invalid', validated.tooLarge.message);
    return validated.check;
  }

  /**
   * Writes checked leads, with the rules' assignees and their history, and the rotation position they leave,
   * as read under the rules lock (`state`): two statements for the leads and their history whatever their
   * number, and the changes announced once committed.
   */
  private async arrive(
    tx: Transaction,
    actor: Member,
    leads: readonly NewLead[],
    source: ArrivalSource,
    state: { assignment: StoredAssignment; members: readonly MemberWithLoad[] },
    batchId?: string,
  ): Promise<Lead[]> {
    const tops = await tx.columnTops();
    const { rules, cursor } = state.assignment;
    const plan = planNewLeads(leads, {
      columns: this.columns, rules, cursor, members: state.members, topPosition: (status) => tops.get(status),
    });
    const at = new Date().toISOString();
    const created: Lead[] = [];
    const history: Activity[] = [];
    const changes: LeadChange[] = [];
    plan.leads.forEach((planned, i) => {
      const input = leads[i]!;
      const lead: Lead = { id: timeOrderedId(), name: input.name, ...givenFields(input), status: planned.status,
        position: planned.position, assigneeId: planned.assigneeId, createdAt: at, updatedAt: at, version: 1 };
      const activities = newLeadHistory(planned, source).map((entry): Activity => ({
        id: timeOrderedId(), leadId: lead.id, actorId: actor.id, at, ...entry, ...(batchId ? { batchId } : {}),
      }));
      created.push(lead);
      history.push(...activities);
      changes.push({ before: undefined, after: lead, activities });
    });
    await tx.insertLeads(created);
    await tx.appendActivities(history);
    if (plan.cursor !== cursor) await tx.writeRuleCursor(plan.cursor);
    for (let i = 0; i < changes.length; i += CHANGES_PER_RECORD) {
      await tx.recordChanges(changes.slice(i, i + CHANGES_PER_RECORD));
    }
    return created;
  }
}
