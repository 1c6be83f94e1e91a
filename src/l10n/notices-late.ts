/**
 * The words of the board's notices — settled assignments, moves, distributions and undos, what went wrong,
 * the assignee alert, leads that left the view — which no first frame shows: src/notice-text.ts, which
 * composes every notice, imports this module, and that module loads with the collaboration chunk (board) or
 * the drawer's content. Importing it adds these English defaults to the table (src/l10n.ts, `addMessages`);
 * a host's translations of them, set before or after, win as for every other entry.
 */
import { addMessages } from '../l10n.js';

const plural = (n: number, one: string, many: string) => (n === 1 ? one : many);

export const lateNoticeMessages = {
  // assignment outcomes
  outcomeAssigned: (n: number, name: string) => (n === 1 ? `1 lead assigned to ${name}` : `${n} leads assigned to ${name}`),
  outcomeUnassigned: (n: number) => (n === 1 ? '1 lead unassigned' : `${n} leads unassigned`),
  outcomeConflict: (n: number) => (n === 1 ? '1 changed by someone else' : `${n} changed by someone else`),
  outcomeForbidden: (n: number) => (n === 1 ? '1 not allowed' : `${n} not allowed`),
  outcomeNotFound: (n: number) => (n === 1 ? '1 no longer available' : `${n} no longer available`),
  outcomeFailed: (message: string) => `Nothing was assigned: ${message}`,
  // failures
  moveFailed: (name: string, message: string) => `Could not move ${name}: ${message}`,
  assignFailed: (message: string) => `Could not assign: ${message}`,
  assignConflict: 'Someone else changed this lead just now; it shows their version.',
  assignForbidden: 'You are not allowed to assign this lead.',
  assignNotFound: 'This lead is no longer available.',
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
  nameList: (names: readonly string[], more: number) =>
    more > 0 ? `${names.join(', ')} and ${more} more` : names.length > 1 ? `${names.slice(0, -1).join(', ')} and ${names.at(-1)}` : (names[0] ?? ''),
  leadsUnavailable: (names: string, n: number) =>
    n === 1 ? `${names} is no longer available to you` : `${names} are no longer available to you`,
  // the assignee alert and leads leaving the view
  assignedYou: (actor: string, n: number, lead: string) => (n === 1 ? `${actor} assigned you ${lead}` : `${actor} assigned you ${n} leads`),
  rulesAssignedYou: (n: number, lead: string) => (n === 1 ? `The assignment rules gave you ${lead}` : `The assignment rules gave you ${n} leads`),
  leftFilterRemote: (names: string, n: number) =>
    n === 1
      ? `${names} was changed by someone else and no longer matches the filter`
      : `${names} were changed by someone else and no longer match the filter`,
} as const;

addMessages(lateNoticeMessages);
