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
  hiddenWarning: (n: number) =>
    n === 1 ? 'This includes 1 lead you cannot see on the board now.' : `This includes ${n} leads you cannot see on the board now.`,
  clearHiddenLabel: 'Clear hidden leads from the selection',
  announceHidden: (n: number) =>
    n === 1 ? '1 selected lead is hidden by the current filter' : `${n} selected leads are hidden by the current filter`,
  // history of a field edit (one entry per field, old → new)
  activityChangedField: (actor: string, field: string, from: string, to: string) => `${actor} changed ${field} from ${from} to ${to}`,
  activitySetField: (actor: string, field: string, to: string) => `${actor} set ${field} to ${to}`,
  activityClearedField: (actor: string, field: string, from: string) => `${actor} cleared ${field} (was ${from})`,
  // a field edit that collided with someone else's (the drawer)
  fieldConflict: (who: string, field: string, theirs: string, mine: string) =>
    `${who} changed ${field} to ${theirs} while you were editing. You typed ${mine}.`,
  emptyValue: '(empty)',
  keepMine: 'Keep mine',
  keepTheirs: 'Keep theirs',
  // drafts kept in the drawer until saved, sent or discarded
  notSaved: 'Not saved yet',
  unsavedChanges: 'Unsaved changes',
  saveField: (field: string) => `Save ${field}`,
  discard: 'Discard',
  discardField: (field: string) => `Discard the unsaved ${field}`,
  noteNotSent: 'Not sent yet',
  discardNote: 'Discard the note',
  // a plain member filtering by a colleague whose leads they cannot see
  notVisibleToYou: (name: string) =>
    `Leads assigned to ${name} are not visible to you: you see the leads assigned to you and unassigned ones.`,
  showAllLeads: 'Show all my leads',
  // phones: the stage tabs above the one column shown
  stagesLabel: 'Stage',
  // keyboard help (the rows the usability work added)
  helpBulkBar: 'Go to the bulk actions (Assign the selection); Escape there comes back to the cards',
  helpWorkload: 'In the workload strip (one Tab stop): move between people; Enter or Space filters by the one focused',
  // field issues, by code (src/issue-text.ts); `field` is the field's label
  issueRequired: (field: string) => `${field} is required`,
  issueNotANumber: (field: string) => `Enter a number for ${field}, like 12500`,
  issueNegative: (field: string) => `${field} cannot be below 0`,
  issueTooLong: (field: string, limit?: number) => (limit ? `${field} can be at most ${limit} characters` : `${field} is too long`),
  issueTooSmall: (field: string, limit: number) => `${field} must be at least ${limit}`,
  issueTooBig: (field: string, limit: number) => `${field} must be at most ${limit}`,
  issueEmail: (_field: string) => 'Enter an email address like name@example.com',
  issueOption: (field: string) => `Choose one of the ${field} options`,
  issueNotAllowed: (field: string) => `${field} cannot be changed here`,
  issueInvalid: (field: string) => `Check ${field}`,
  issueChanged: (field: string) => `Someone else changed ${field} meanwhile`,
} as const;
