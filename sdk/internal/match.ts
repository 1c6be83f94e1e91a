/**
 * Matching rules shared by the store (client-side filters) and the MemoryAdapter (listLeads query), so both
 * sides of the adapter boundary agree on what "matches" means.
 */
import type { Lead } from '../schema.js';

const NON_ASCII = /[^\u0000-\u007f]/;
const COMBINING_MARKS = /[\u0300-\u036f]/g;

/** Lower-cases and strips accents, so "muller" finds "Müller" and "GARCIA" finds "García". */
export function foldText(value: string): string {
  // ASCII text (most names, every email) has no accents to strip: NFD would return it unchanged, so the
  // costly normalization is skipped. The result is identical either way.
  if (!NON_ASCII.test(value)) return value.toLowerCase().trim();
  return value.normalize('NFD').replace(COMBINING_MARKS, '').toLowerCase().trim();
}

/** The text a search looks into: name, company and email. */
export function searchableText(lead: Pick<Lead, 'name' | 'company' | 'email'>): string {
  return foldText(`${lead.name}\u0000${lead.company ?? ''}\u0000${lead.email ?? ''}`);
}

/**
 * Whether a lead matches an assignee filter value: 'any', 'unassigned', 'me' (resolved to `meId`) or a member id.
 * 'me' without a known member matches nothing rather than everything.
 */
export function matchesAssignee(assigneeId: string | null, filter: string | undefined, meId: string | null): boolean {
  if (filter === undefined || filter === 'any') return true;
  if (filter === 'unassigned') return assigneeId === null;
  if (filter === 'me') return meId !== null && assigneeId === meId;
  return assigneeId === filter;
}
