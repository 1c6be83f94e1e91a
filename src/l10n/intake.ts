/**
 * The words of leads arriving: the toolbar's Sort and intake buttons, waiting times, and the "Add lead",
 * "Import leads" and "Assignment rules" dialogs. Spread into the one table of src/l10n.ts (a host translates
 * them with `setMessages` like every other entry).
 */
export const intakeMessages = {
  // toolbar, column header, card, workload strip
  sort: 'Sort',
  sortManual: 'Manual',
  sortNewest: 'Newest',
  sortOldest: 'Oldest waiting',
  sortValue: 'Value',
  addLead: 'Add lead',
  addLeadTo: (column: string) => `Add lead to ${column}`,
  importLeads: 'Import leads',
  assignmentRules: 'Assignment rules',
  /** After the visible short form ("2d") on an unassigned card: said to screen readers. */
  waitingFor: (duration: string) => `waiting ${duration}`,
  /** The Unassigned chip of the workload strip: its oldest lead's wait ("oldest 5d"). */
  oldestWaiting: (duration: string) => `oldest ${duration}`,
  reorderNeedsManual: (sort: string) =>
    `Sorted by ${sort}: cards can move to other columns. Choose Manual in Sort to reorder them within a column.`,
  // Add lead
  createLead: 'Create lead',
  leadCreated: (name: string, column: string) => `${name} added to ${column}`,
  leadCreatedFor: (name: string, assignee: string) => `${name} added and assigned to ${assignee}`,
  optional: 'optional',
  // Import leads
  importDone: (n: number) => (n === 1 ? '1 lead imported' : `${n} leads imported`),
  // Assignment rules
  rulesSaved: 'Assignment rules saved',
} as const;
