/**
 * The store's commands for leads arriving: create one, import many (preview first), read and change the
 * assignment rules. Used by thin methods of LeadStore.
 *
 * Unlike the other commands these are not optimistic: a lead has no id, position or assignee until the
 * backend gives them (the assignment rules may pick someone), so the card appears when the backend answers,
 * at the top of its column, and nothing has to be rolled back when it refuses. Errors are thrown to the
 * caller (the dialog that asked), with `issues` naming the fields; the store posts no notice for them.
 */
import type { ImportOptions, LeadAdapter } from '../adapter.js';
import { AdapterError, importTooLargeError, parseOrThrow } from '../adapter.js';
import { importSizeProblem } from '../import-fields.js';
import { canChangeAssignmentRules, canCreateLead, canImportLeads, canSee } from '../policy.js';
import type { AssignmentRules, ImportInput, ImportResult, Lead, Member, NewLead } from '../schema.js';
import { AssignmentRulesSchema, ImportRowSchema, NewLeadSchema } from '../schema.js';
import * as z from 'zod/mini';

/** What the current member can do here: the adapter must offer it and the policy allow it. */
export interface IntakeAbilities {
  /** Add a lead (`create`). */
  createLead: boolean;
  /** Import leads (`importLeads`): admins and managers. */
  importLeads: boolean;
  /** Read the assignment rules (`getAssignmentRules`). */
  readAssignmentRules: boolean;
  /** Change them (`setAssignmentRules`): admins and managers. */
  changeAssignmentRules: boolean;
}

/**
 * Where a store import is: `checking` its size on the client, `sending` it (one request: the backend reads
 * and writes it in one transaction and reports nothing until it is done), `loading` the board again after it
 * (only when the adapter pushes no changes), `done`.
 */
export interface ImportProgress {
  phase: 'checking' | 'sending' | 'loading' | 'done';
  dryRun: boolean;
  /** With `done`: the answer. */
  result?: ImportResult;
}

export interface StoreImportOptions extends ImportOptions {
  onProgress?: (progress: ImportProgress) => void;
}

/** The parts of the store these commands work with. */
export interface IntakeHost {
  readonly adapter: LeadAdapter;
  me(): Member | null;
  /** Takes a lead the backend answered with, as a pushed one: shown if visible, counts updated, listeners told. */
  accept(lead: Lead): void;
  /** A lead went where this member cannot see it: members' open-lead counts are asked for again. */
  refreshMembers(): void;
  /** Reloads the lists without blanking the board. */
  reload(): Promise<void>;
}

const ImportRowsSchema = z.array(ImportRowSchema);

export function intakeAbilities(adapter: LeadAdapter, me: Member | null): IntakeAbilities {
  const active = me?.active === true;
  return {
    createLead: !!adapter.createLead && active && canCreateLead(me),
    importLeads: !!adapter.importLeads && active && canImportLeads(me),
    readAssignmentRules: !!adapter.getAssignmentRules && active,
    changeAssignmentRules: !!adapter.setAssignmentRules && active && canChangeAssignmentRules(me),
  };
}

const unsupported = (what: string) => new AdapterError('invalid', `${what}: this backend does not offer it`);

export async function createLead(host: IntakeHost, input: NewLead): Promise<Lead> {
  const { adapter } = host;
  if (!adapter.createLead) throw unsupported('createLead');
  const lead = parseOrThrow(NewLeadSchema, input, 'lead');
  const created = await adapter.createLead(lead, { source: 'manual' });
  host.accept(created);
  const me = host.me();
  // Created for someone else (or the rules chose someone else): it is not ours to show, but it is theirs to count.
  if (me && !canSee(me, created)) host.refreshMembers();
  return created;
}

export async function importLeads(host: IntakeHost, input: ImportInput, options: StoreImportOptions = {}): Promise<ImportResult> {
  const { adapter } = host;
  if (!adapter.importLeads) throw unsupported('importLeads');
  const dryRun = options.dryRun === true;
  const progress = (phase: ImportProgress['phase'], result?: ImportResult) =>
    options.onProgress?.(result ? { phase, dryRun, result } : { phase, dryRun });
  progress('checking');
  const problem = importSizeProblem(input);
  if (problem) throw importTooLargeError(problem);
  if (typeof input !== 'string') parseOrThrow(ImportRowsSchema, input, 'rows');
  progress('sending');
  const result = await adapter.importLeads(input, { dryRun });
  // A backend that pushes changes sends the new leads that way (to every open board); one that does not is asked again.
  if (!dryRun && result.created > 0 && !adapter.subscribe) {
    progress('loading');
    await host.reload();
  }
  progress('done', result);
  return result;
}

export async function getAssignmentRules(host: IntakeHost): Promise<AssignmentRules> {
  if (!host.adapter.getAssignmentRules) throw unsupported('getAssignmentRules');
  return host.adapter.getAssignmentRules();
}

export async function setAssignmentRules(host: IntakeHost, rules: AssignmentRules): Promise<AssignmentRules> {
  if (!host.adapter.setAssignmentRules) throw unsupported('setAssignmentRules');
  return host.adapter.setAssignmentRules(parseOrThrow(AssignmentRulesSchema, rules, 'rules'));
}
