/**
 * The history a lead edit writes, one rule for every backend (the MemoryAdapter and the reference server
 * both call it): a status change is one `status_changed` entry (from → to column keys); each other field a
 * person enters is one `updated` entry of its own, `text` naming the field and `from`/`to` its values as text
 * (null: empty). Card order (`position`) alone is not history. Entries written before this rule name several
 * fields in one `text` ("company, value") without values; readers handle both.
 */
import type { ActivityType, Lead } from './schema.js';

/** The fields whose edits are logged, in the order their entries are written. */
export const LOGGED_FIELDS = ['name', 'company', 'email', 'phone', 'value'] as const;
export type LoggedField = (typeof LOGGED_FIELDS)[number];

/** One history entry of an edit, before the backend gives it an id, actor, time and source. */
export interface EditEntry {
  type: Extract<ActivityType, 'status_changed' | 'updated'>;
  from: string | null;
  to: string | null;
  /** For `updated`: the field. */
  text?: LoggedField;
}

const asText = (value: string | number | undefined): string | null => (value === undefined ? null : String(value));

/** The entries an edit from `before` to `after` writes (none when nothing logged changed). */
export function editEntries(before: Lead, after: Lead): EditEntry[] {
  const entries: EditEntry[] = [];
  if (before.status !== after.status) entries.push({ type: 'status_changed', from: before.status, to: after.status });
  for (const field of LOGGED_FIELDS) {
    if (before[field] === after[field]) continue;
    entries.push({ type: 'updated', text: field, from: asText(before[field]), to: asText(after[field]) });
  }
  return entries;
}
