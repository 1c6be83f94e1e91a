/**
 * The words of the usability work (drafts, field conflicts, hidden selection, column totals, the phone stage
 * switcher, the workload strip, field messages, keyboard help), spread into the English table of src/l10n.ts.
 * A host translates them with `setMessages` like every other entry.
 */
export const usabilityMessages = {
  // column header: the total value of the leads it shows (read before the figure by screen readers)
  columnValueLabel: 'Total value',
} as const;
