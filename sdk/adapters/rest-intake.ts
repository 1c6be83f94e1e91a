/**
 * The RestAdapter's routes for leads arriving — create one, import many, read and change the assignment
 * rules — in the SDK's late chunk (sdk/internal/late-parts.ts): a board reaches them only through a dialog a user opens.
 */
import type { ImportOptions } from '../adapter.js';
import { importTooLargeError, parseOrThrow } from '../adapter.js';
import { importSizeProblem } from '../import-fields.js';
import type { AssignmentRules, CreateOptions, ImportInput, ImportResult, Lead, NewLead } from '../schema.js';
import { AssignmentRulesSchema, CreateOptionsSchema, ImportRequestSchema, ImportResultSchema, LeadSchema, NewLeadSchema } from '../schema.js';
import { call, type RestLink } from './rest-call.js';

type Signal = { signal?: AbortSignal | undefined };

/** `POST /api/leads` (201): the lead as created, its assignee possibly chosen by the assignment rules. */
export function createLead(link: RestLink, lead: NewLead, options: CreateOptions & Signal): Promise<Lead> {
  const json = parseOrThrow(NewLeadSchema, lead, 'lead');
  const { source } = parseOrThrow(CreateOptionsSchema, options.source ? { source: options.source } : {}, 'options');
  return call(link, 'post', 'leads', LeadSchema, 'lead', {
    json, signal: options.signal, searchParams: source ? { source } : undefined,
  });
}

/**
 * `POST /api/leads/import` (`?dryRun=1` for the preview): CSV text travels as it is (`text/csv`), so the
 * server reads the very file with the same parser; rows travel as JSON `{ rows }`. An input over the limits
 * is refused here, before it is uploaded, with the error the server would answer (413).
 */
export function importLeads(link: RestLink, input: ImportInput, options: ImportOptions & Signal): Promise<ImportResult> {
  const problem = importSizeProblem(input);
  if (problem) throw importTooLargeError(problem);
  const searchParams = options.dryRun ? { dryRun: '1' } : undefined;
  const what = options.dryRun ? 'import preview' : 'import';
  if (typeof input === 'string') {
    return call(link, 'post', 'leads/import', ImportResultSchema, what, {
      body: input, headers: { 'Content-Type': 'text/csv; charset=utf-8' }, searchParams, signal: options.signal,
    });
  }
  const json = parseOrThrow(ImportRequestSchema, { rows: input }, 'import');
  return call(link, 'post', 'leads/import', ImportResultSchema, what, { json, searchParams, signal: options.signal });
}

export function getAssignmentRules(link: RestLink, options: Signal): Promise<AssignmentRules> {
  return call(link, 'get', 'assignment-rules', AssignmentRulesSchema, 'assignment rules', options);
}

export function setAssignmentRules(link: RestLink, rules: AssignmentRules, options: Signal): Promise<AssignmentRules> {
  const json = parseOrThrow(AssignmentRulesSchema, rules, 'rules');
  return call(link, 'put', 'assignment-rules', AssignmentRulesSchema, 'assignment rules', { json, signal: options.signal });
}
