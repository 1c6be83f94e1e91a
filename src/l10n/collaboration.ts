/**
 * The words of working together that the board says up front, outside its notices: undo with nothing to undo,
 * the conflict choices, Distribute…, the assignee alert's button, an open lead leaving the view. Part of the one
 * table (src/l10n.ts spreads it into English); hosts translate these with `setMessages` like every other entry.
 * What the notices say is notices-late.ts; what only on-demand parts say is collaboration-late.ts.
 */
const plural = (n: number, one: string, many: string) => (n === 1 ? one : many);

export const collaborationMessages = {
  // undo (Ctrl/Cmd+Z) with nothing to undo
  nothingUndone: 'Nothing to undo',
  // conflicts
  conflictTitle: (lead: string) => `${lead} was changed by someone else`,
  keptTheirs: (n: number) => plural(n, 'Kept their version of 1 lead', `Kept their version of ${n} leads`),
  // distribution
  distributeEllipsis: 'Distribute…',
  // the assignee alert and hand-off
  showThem: (n: number) => plural(n, 'Show it', 'Show them'),
  leftViewHandedOff: (lead: string, name: string) => `${lead} was handed over to ${name} and left your view`,
  leftViewFilter: (lead: string) => `${lead} no longer matches the filter`,
  newForYou: 'new for you',
} as const;
