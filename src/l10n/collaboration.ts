/**
 * The words of working together that the board says up front: toasts of settled actions and undos, conflicts,
 * hand-off and the assignee alert. Part of the one table (src/l10n.ts spreads it into English); hosts translate
 * these with `setMessages` like every other entry. What only on-demand parts say is collaboration-late.ts.
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
  nameList: (names: readonly string[], more: number) =>
    more > 0 ? `${names.join(', ')} and ${more} more` : names.length > 1 ? `${names.slice(0, -1).join(', ')} and ${names.at(-1)}` : (names[0] ?? ''),
  leadsUnavailable: (names: string, n: number) =>
    n === 1 ? `${names} is no longer available to you` : `${names} are no longer available to you`,
  // conflicts
  conflictTitle: (lead: string) => `${lead} was changed by someone else`,
  keptTheirs: (n: number) => plural(n, 'Kept their version of 1 lead', `Kept their version of ${n} leads`),
  // distribution
  distributeEllipsis: 'Distribute…',
  // the assignee alert and hand-off
  assignedYou: (actor: string, n: number, lead: string) => (n === 1 ? `${actor} assigned you ${lead}` : `${actor} assigned you ${n} leads`),
  rulesAssignedYou: (n: number, lead: string) => (n === 1 ? `The assignment rules gave you ${lead}` : `The assignment rules gave you ${n} leads`),
  showThem: (n: number) => plural(n, 'Show it', 'Show them'),
  leftViewHandedOff: (lead: string, name: string) => `${lead} was handed over to ${name} and left your view`,
  leftViewFilter: (lead: string) => `${lead} no longer matches the filter`,
  leftFilterRemote: (names: string, n: number) =>
    n === 1
      ? `${names} was changed by someone else and no longer matches the filter`
      : `${names} were changed by someone else and no longer match the filter`,
  newForYou: 'new for you',
} as const;
