/**
 * The words of working together that only parts loaded on demand say — the "Distribute leads" dialog, the
 * conflict panel, the drawer's conflict, history and presence — kept out of the up-front bundle: the chunks
 * that show them import this module, which adds these English defaults to the table (src/l10n.ts,
 * `addMessages`). A host's translations of them, set before or after, win as for every other entry.
 */
import { addMessages } from '../l10n.js';

const plural = (n: number, one: string, many: string) => (n === 1 ? one : many);

export const lateCollaborationMessages = {
  // lists
  andMore: (n: number) => `and ${n} more`,
  // conflicts
  keepMine: 'Keep mine',
  keepTheirs: 'Keep theirs',
  conflictsLabel: 'Changed by someone else',
  conflictAssigned: (actor: string, to: string, when: string) => `${actor} assigned this lead to ${to} ${when}`,
  conflictReassigned: (actor: string, to: string, when: string) => `${actor} reassigned this lead to ${to} ${when}`,
  conflictUnassigned: (actor: string, when: string) => `${actor} unassigned this lead ${when}`,
  conflictMoved: (actor: string, column: string, when: string) => `${actor} moved this lead to ${column} ${when}`,
  conflictUpdated: (actor: string, fields: string, when: string) => `${actor} changed ${fields} of this lead ${when}`,
  conflictNow: (assignee: string, column: string) => `now ${assignee}, ${column}`,
  // distribution
  distributeTitle: 'Distribute leads',
  distributeDesc: 'Spread the leads over the people you choose; the preview is exactly what will be saved.',
  distributeLeads: 'Leads',
  scopeSelected: (n: number) => plural(n, 'The selected lead', `The ${n} selected leads`),
  scopeUnassigned: (n: number) => plural(n, '1 unassigned lead matching the filter', `All ${n} unassigned leads matching the filter`),
  distributeTo: 'People who receive leads',
  distributeStrategy: 'How',
  strategyEven: 'Evenly',
  strategyCapacity: 'By capacity',
  capacityOf: (n: number) => `capacity ${n}`,
  distributePreview: 'Preview',
  previewPerson: 'Person',
  previewReceives: 'Receives',
  previewLoad: 'Open leads before → after',
  loadChange: (before: number, after: number) => `${before} → ${after}`,
  distributeConfirm: (n: number) => plural(n, 'Distribute 1 lead', `Distribute ${n} leads`),
  distributing: (n: number) => plural(n, 'Distributing 1 lead…', `Distributing ${n} leads…`),
  distributeSkipped: (n: number) =>
    plural(n, "1 lead fits nobody's remaining capacity and stays as it is.", `${n} leads fit nobody's remaining capacity and stay as they are.`),
  chooseSomeone: 'Choose at least one person.',
  leaveView: (k: number, n: number) =>
    k === n ? plural(n, 'This lead will leave your view.', `These ${n} leads will leave your view.`) : `${k} of these ${n} will leave your view.`,
  // history: how it happened, batches, the filter
  sourceManual: 'by hand',
  sourceBulk: 'in bulk',
  sourceDistribute: 'distributed',
  sourceDrag: 'by drag',
  sourceKeyboard: 'by keyboard',
  sourceUndo: 'undone',
  sourceRule: 'by an assignment rule',
  sourceImport: 'by import',
  sourceApi: 'through the API',
  batchAssigned: (actor: string, n: number, how: string) => `${actor} assigned ${n} leads ${how}`,
  batchDistributed: (actor: string, n: number) => `${actor} distributed ${n} leads`,
  batchUndone: (actor: string, n: number) => `${actor} undid an assignment of ${n} leads`,
  showBatch: 'Show the batch',
  batchLoading: 'Loading the batch…',
  batchLeads: (n: number) => plural(n, 'The 1 lead of this batch you can see', `The ${n} leads of this batch you can see`),
  batchFailed: (message: string) => `Could not load the batch: ${message}`,
  assignmentsOnly: 'Assignments only',
  noAssignments: 'No assignments yet',
  // presence
  viewing: (names: readonly string[]) =>
    names.length === 1
      ? `${names[0]} is viewing`
      : names.length === 2
        ? `${names[0]} and ${names[1]} are viewing`
        : `${names[0]} and ${names.length - 1} others are viewing`,
} as const;

addMessages(lateCollaborationMessages);
