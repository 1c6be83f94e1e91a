/**
 * The words of working together: undo toasts, conflicts, distribution, hand-off and the assignee alert, the
 * history's "how it happened" and batches, presence. Part of the one table (src/l10n.ts spreads it into
 * English); hosts translate these with `setMessages` like every other entry.
 */
const plural = (n: number, one: string, many: string) => (n === 1 ? one : many);

export const collaborationMessages = {
  // toasts of settled actions (each with its own Undo)
  leadAssignedTo: (lead: string, name: string) => `${lead} assigned to ${name}`,
  leadUnassigned: (lead: string) => `${lead} unassigned`,
  leadsDistributed: (n: number) => plural(n, '1 lead distributed', `${n} leads distributed`),
  leadMoved: (lead: string, column: string) => `${lead} moved to ${column}`,
  assignmentOfUndone: (lead: string) => `Assignment of ${lead} undone`,
  moveOfUndone: (lead: string) => `Move of ${lead} undone`,
  undoneFor: (n: number) => plural(n, 'Undone for 1 lead', `Undone for ${n} leads`),
  /** `names`: a list made by `nameList`. */
  notUndone: (names: string) => `Not undone, changed since: ${names}`,
  nothingUndone: 'Nothing to undo',
  andMore: (n: number) => `and ${n} more`,
  nameList: (names: readonly string[], more: number) =>
    more > 0 ? `${names.join(', ')} and ${more} more` : names.length > 1 ? `${names.slice(0, -1).join(', ')} and ${names.at(-1)}` : (names[0] ?? ''),
  leadsUnavailable: (names: string, n: number) =>
    n === 1 ? `${names} is no longer available to you` : `${names} are no longer available to you`,
  // conflicts
  keepMine: 'Keep mine',
  keepTheirs: 'Keep theirs',
  conflictTitle: (lead: string) => `${lead} was changed by someone else`,
  conflictsTitle: (n: number) => plural(n, '1 lead was changed by someone else meanwhile', `${n} leads were changed by someone else meanwhile`),
  conflictsLabel: 'Changed by someone else',
  conflictAssigned: (actor: string, to: string, when: string) => `${actor} assigned this lead to ${to} ${when}`,
  conflictReassigned: (actor: string, to: string, when: string) => `${actor} reassigned this lead to ${to} ${when}`,
  conflictUnassigned: (actor: string, when: string) => `${actor} unassigned this lead ${when}`,
  conflictMoved: (actor: string, column: string, when: string) => `${actor} moved this lead to ${column} ${when}`,
  conflictUpdated: (actor: string, fields: string, when: string) => `${actor} changed ${fields} of this lead ${when}`,
  conflictNow: (assignee: string, column: string) => `now ${assignee}, ${column}`,
  keptTheirs: (n: number) => plural(n, 'Kept their version of 1 lead', `Kept their version of ${n} leads`),
  // distribution
  distributeEllipsis: 'Distribute…',
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
  // the assignee alert and hand-off
  assignedYou: (actor: string, n: number, lead: string) => (n === 1 ? `${actor} assigned you ${lead}` : `${actor} assigned you ${n} leads`),
  rulesAssignedYou: (n: number, lead: string) => (n === 1 ? `The assignment rules gave you ${lead}` : `The assignment rules gave you ${n} leads`),
  showThem: (n: number) => plural(n, 'Show it', 'Show them'),
  leftViewHandedOff: (lead: string, name: string) => `${lead} was handed over to ${name} and left your view`,
  leftViewFilter: (lead: string) => `${lead} no longer matches the filter`,
  leftViewGone: (lead: string) => `${lead} is no longer available to you`,
  leftFilterRemote: (names: string, n: number) =>
    n === 1
      ? `${names} was changed by someone else and no longer matches the filter`
      : `${names} were changed by someone else and no longer match the filter`,
  newForYou: 'new for you',
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
  // keyboard
  helpUndo: 'Undo your last move or assignment',
} as const;
