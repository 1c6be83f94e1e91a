/**
 * The store's commands for leads arriving: create one, import many (preview first), read and change the
 * assignment rules (what they may do and why they are not optimistic: intake.ts). In the SDK's late chunk
 * (sdk/internal/late-parts.ts): they run only from a dialog a user opens.
 */
import { AdapterError, importTooLargeError, parseOrThrow } from '../adapter.js';
import { importSizeProblem } from '../import-fields.js';
import { canSee } from '../policy.js';
import type { AssignmentRules, ImportInput, ImportResult, Lead, NewLead } from '../schema.js';
import { AssignmentRulesSchema, ImportRowSchema, NewLeadSchema } from '../schema.js';
import * as z from 'zod/mini';
import type { ImportProgress, IntakeHost, StoreImportOptions } from './intake.js';

const ImportRowsSchema = z.array(ImportRowSchema);

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
