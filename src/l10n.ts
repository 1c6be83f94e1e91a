/**
 * Every string a user reads, in one table. Hosts translate with `setMessages({ ... })` (a partial table is
 * merged over English) and choose the locale of dates, numbers and money with `setLocale('de-DE', { currency:
 * 'EUR' })`; elements re-render through LocalizeController. Entries that take values are functions so plurals
 * and word order stay the translator's choice. What only parts loaded on demand say joins the table when their
 * chunk arrives (addMessages: l10n/parts-late.ts, l10n/collaboration-late.ts, l10n/notices-late.ts).
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { intakeMessages } from './l10n/intake.js';
import { collaborationMessages } from './l10n/collaboration.js';
import type { lateCollaborationMessages } from './l10n/collaboration-late.js';
import type { lateNoticeMessages } from './l10n/notices-late.js';
import type { latePartsMessages } from './l10n/parts-late.js';
import { usabilityMessages } from './l10n/usability.js';

const en = {
  // board and toolbar
  boardLabel: 'Leads board',
  toolbarLabel: 'Board tools',
  filterByAssignee: 'Filter by assignee',
  filterByStatus: 'Filter by status',
  searchLeads: 'Search leads',
  searchPlaceholder: 'Search leads…',
  anyone: 'Anyone',
  unassigned: 'Unassigned',
  assignedToMe: 'Assigned to me',
  assignedTo: (name: string) => `Assigned to ${name}`,
  allStatuses: 'All statuses',
  statusCount: (n: number) => (n === 1 ? '1 status' : `${n} statuses`),
  assign: 'Assign',
  bulkActions: 'Bulk actions',
  selectAllMatching: 'Select all matching',
  selectAllIn: (column: string) => `Select all in ${column}`,
  selectLead: (name: string) => `Select ${name}`,
  selectedCount: (n: number) => (n === 1 ? '1 selected' : `${n} selected`),
  clearSelection: 'Clear',
  clearSelectionLabel: 'Clear selection',
  leadsCount: (n: number) => (n === 1 ? '1 lead' : `${n} leads`),
  columnCount: (shown: number, total: number) => (shown === total ? `${total}` : `${shown} of ${total}`),
  emptyColumn: 'No leads',
  loading: 'Loading leads…',
  loadFailed: (message: string) => `Could not load leads: ${message}`,
  retry: 'Retry',
  workload: 'Workload',
  openLeads: (n: number) => (n === 1 ? '1 open lead' : `${n} open leads`),
  viewingAs: (name: string, role: string) => `Signed in as ${name} (${role})`,
  undo: 'Undo',
  dismiss: 'Dismiss',
  // the drawer's fields
  saveFailed: (message: string) => `Could not save: ${message}`,
  // announcements
  announceMoved: (name: string, from: string, to: string, position: number, total: number) =>
    from === to
      ? `Moved ${name} to position ${position} of ${total} in ${to}`
      : `Moved ${name} from ${from} to ${to}, position ${position} of ${total}`,
  announceSelection: (n: number) => (n === 0 ? 'Selection cleared' : n === 1 ? '1 lead selected' : `${n} leads selected`),
  // card
  cardActions: (name: string) => `Actions for ${name}`,
  // drawer
  fieldStatus: 'Status',
  notes: 'Notes',
  activity: 'Activity',
  someone: 'Someone',
  // picker
  assignee: 'Assignee',
  searchMembers: 'Search people',
  noMatches: 'No matching people',
  you: 'you',
  // picker (added with the picker and drawer)
  openCount: (n: number) => `${n} open`,
  // drawer (added with the picker and drawer)
  leadDetailsLabel: 'Lead details',
  fieldInvalid: (field: string, message: string) => `${field}: ${message}`,
  // board (added with the board parts)
  undone: (n: number) => (n === 1 ? 'Assignment of 1 lead undone' : `Assignment of ${n} leads undone`),
  // keyboard model (help dialog, lift mode) and the bulk dialog's "nothing chosen"
  keyboardShortcuts: 'Keyboard shortcuts',
  keyboardHelpSummary:
    'Arrow keys move between cards. Space selects, Enter opens, M picks the card up to move it with the arrow keys, Shift+F10 opens its actions, B goes to the bulk actions.',
  // key caps in the keyboard help (some keyboards name them differently)
  liftLabel: (name: string) => `Moving ${name}`,
  liftInstructions: 'Arrow keys choose the place, Enter or Space drops, Escape cancels.',
  ...intakeMessages,
  ...collaborationMessages,
  ...usabilityMessages,
} as const;

type Widen<T> = { [K in keyof T]: T[K] extends (...args: infer A) => string ? (...args: A) => string : string };
/** Every entry, the ones parts loaded on demand add when they arrive (addMessages) included. */
export type Messages = Widen<typeof en & typeof lateCollaborationMessages & typeof lateNoticeMessages & typeof latePartsMessages>;

/** English, as far as it has arrived: the late parts' words join when their chunk does. */
let defaults = en as Messages;
let translations: Partial<Messages> = {};
let table: Messages = defaults;
const listeners = new Set<() => void>();

/** The messages in force: read at render time so a locale switch re-renders with new words. */
export function messages(): Messages {
  return table;
}

/** Merges translations over English and re-renders every connected element. */
export function setMessages(overrides: Partial<Messages>): void {
  translations = overrides;
  table = { ...defaults, ...translations };
  rerender();
}

/** What `Intl` formats with: a BCP 47 locale and the ISO 4217 currency lead values are in. */
export interface LocaleSettings {
  /** `undefined`: the document's `lang`, else the browser's own locale. */
  locale: string | undefined;
  currency: string;
}

let chosen: { locale?: string; currency: string } = { currency: 'USD' };

/**
 * Sets the locale dates, numbers, durations and money are formatted in (through `Intl`), and the currency of
 * lead values (default USD), then re-renders every connected element. `setLocale(undefined)` goes back to the
 * document's `lang`. Throws a RangeError for a locale or currency `Intl` does not know, changing nothing.
 */
export function setLocale(locale: string | undefined, options: { currency?: string } = {}): void {
  const currency = options.currency ?? chosen.currency;
  // Intl is the judge of what is valid: a formatter made once here throws before anything changes.
  new Intl.NumberFormat(locale, { style: 'currency', currency });
  chosen = { locale, currency };
  rerender();
}

/** The locale and currency in force: read at format time, so a switch re-renders with new formats. */
export function localeSettings(): LocaleSettings {
  const fromPage = typeof document !== 'undefined' ? document.documentElement.lang || undefined : undefined;
  return { locale: chosen.locale ?? fromPage, currency: chosen.currency };
}

function rerender(): void {
  for (const listener of listeners) listener();
}

/**
 * The English words of a part loaded on demand, added by its chunk when it arrives (so they are not in the
 * up-front bundle); translations set with setMessages stay in force over them.
 */
export function addMessages(english: Partial<Messages>): void {
  defaults = { ...defaults, ...english };
  table = { ...defaults, ...translations };
}

/** Re-renders its host when the messages or the locale change. */
export class LocalizeController implements ReactiveController {
  private readonly listener = () => this.host.requestUpdate();
  constructor(private readonly host: ReactiveControllerHost) {
    host.addController(this);
  }
  hostConnected(): void {
    listeners.add(this.listener);
  }
  hostDisconnected(): void {
    listeners.delete(this.listener);
  }
}
