/**
 * The words of the usability work (drafts, field conflicts, hidden selection, column totals, the phone stage
 * switcher, the workload strip, field messages, keyboard help), spread into the English table of src/l10n.ts.
 * A host translates them with `setMessages` like every other entry.
 */
export const usabilityMessages = {
  // column header: the total value of the leads it shows (read before the figure by screen readers)
  columnValueLabel: 'Total value',
  // selected leads the current filter hides (bulk bar, "Assign leads" dialog)
  hiddenByFilter: (n: number) => `${n} hidden by the current filter`,
  clearHidden: 'Clear hidden',
  clearHiddenLabel: 'Clear hidden leads from the selection',
  announceHidden: (n: number) =>
    n === 1 ? '1 selected lead is hidden by the current filter' : `${n} selected leads are hidden by the current filter`,
  // a field edit that collided with someone else's (the drawer)
  keepMine: 'Keep mine',
  // a plain member filtering by a colleague whose leads they cannot see
  notVisibleToYou: (name: string) =>
    `Leads assigned to ${name} are not visible to you: you see the leads assigned to you and unassigned ones.`,
  showAllLeads: 'Show all my leads',
  // phones: the stage tabs above the one column shown
  stagesLabel: 'Stage',
} as const;
