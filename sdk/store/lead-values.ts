/** Small value helpers on leads shared by the store's parts; none looks at more than the values it is given. */
import type { Lead, LeadPatch } from '../schema.js';
import { CLOSED_STATUSES } from '../schema.js';

export function isOpen(lead: Lead): boolean {
  return !CLOSED_STATUSES.includes(lead.status);
}

/** One member's contribution to the open-lead counts: who holds it while it is open. */
export const loadHolder = (lead: Lead | undefined): string | null =>
  lead && lead.assigneeId !== null && isOpen(lead) ? lead.assigneeId : null;

/** One shared empty list, so "no cards" never changes identity. */
export const EMPTY: readonly Lead[] = Object.freeze([]);

/**
 * The total value of a list of leads (a lead without a value counts 0), remembered per array: the store's lists
 * are replaced, never changed, once made (a column's leads, its filtered cards, an assignee's group), so a sum
 * holds as long as its array lives. A filter switched back to a list summed before (or told its sum by
 * rememberListValue) costs a lookup, not a pass over 50,000 leads.
 */
const listValues = new WeakMap<readonly Lead[], number>();

export function listValue(list: readonly Lead[]): number {
  let sum = listValues.get(list);
  if (sum === undefined) {
    sum = 0;
    for (let i = 0; i < list.length; i++) sum += list[i]!.value ?? 0;
    listValues.set(list, sum);
  }
  return sum;
}

/** The sum of `list` when it is already known (summed, or remembered), else undefined. */
export function knownListValue(list: readonly Lead[]): number | undefined {
  return listValues.get(list);
}

/** Records the sum of a new list found without a pass (the sum of the list it was made from, plus the edits'). */
export function rememberListValue(list: readonly Lead[], sum: number): void {
  listValues.set(list, sum);
}

export function sameArray<T>(a: readonly T[], b: readonly T[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/** Shallow equality of two leads (they are flat records). */
export function sameLead(a: Lead, b: Lead): boolean {
  // Most calls compare a lead with its next version or an overlay: decided by the first fields.
  if (a.version !== b.version || a.assigneeId !== b.assigneeId || a.status !== b.status || a.position !== b.position) return false;
  const ka = Object.keys(a) as (keyof Lead)[];
  if (ka.length !== Object.keys(b).length) return false;
  return ka.every((k) => a[k] === b[k]);
}

/**
 * Equal in every field but `version` and `updatedAt`: how the backend's copy of a lead looks next to our
 * optimistic one while our write is in flight (its echo, or the answer of an earlier write in the chain).
 */
export function sameButVersion(a: Lead, b: Lead): boolean {
  if (a.assigneeId !== b.assigneeId || a.status !== b.status || a.position !== b.position) return false;
  const ka = Object.keys(a) as (keyof Lead)[];
  if (ka.length !== Object.keys(b).length) return false;
  for (const k of ka) if (a[k] !== b[k] && k !== 'version' && k !== 'updatedAt') return false;
  return true;
}

/** The lead with a patch applied: undefined keeps a field, null removes an optional one. */
export function applyPatch(lead: Lead, patch: LeadPatch): Lead {
  const next: Record<string, unknown> = { ...lead };
  for (const [key, value] of Object.entries(patch)) {
    if (value === undefined) continue;
    if (value === null) delete next[key];
    else next[key] = value;
  }
  return next as Lead;
}

/**
 * The fields of a patch that changed between `base` (the lead as the user saw it when they began editing)
 * and `current`, each unless `current` already holds what the patch asks (nothing would be lost). Card order
 * and status are a move's business, not a field edit's: they are not compared.
 */
export function fieldsChangedSince(base: Lead, current: Lead, patch: LeadPatch): string[] {
  const changed: string[] = [];
  for (const [key, wanted] of Object.entries(patch)) {
    if (wanted === undefined || key === 'position' || key === 'status') continue;
    const was = base[key as keyof Lead];
    const now = current[key as keyof Lead];
    if (was !== now && now !== (wanted ?? undefined)) changed.push(key);
  }
  return changed;
}
