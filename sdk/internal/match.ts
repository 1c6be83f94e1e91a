/**
 * Matching rules shared by the store (client-side filters) and the MemoryAdapter (listLeads query), so both
 * sides of the adapter boundary agree on what "matches" means.
 */
import type { Lead } from '../schema.js';

/** Lower-cases and strips accents, so "muller" finds "Müller" and "GARCIA" finds "García". */
export function foldText(value: string): string {
  return value.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase().trim();
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
