/**
 * Matching rules shared by the store (client-side filters) and the MemoryAdapter (listLeads query), so both
 * sides of the adapter boundary agree on what "matches" means.
 */
import type { Lead } from '../schema.js';

const NON_ASCII = /[^\u0000-\u007f]/;
const COMBINING_MARKS = /[\u0300-\u036f]/g;
const LATIN_LETTERS = /[\u00c0-\u024f]/g;

/** The exact (NFD-based) folding; the reference the fast paths below must agree with. */
function foldByNormalizing(value: string): string {
  return value.normalize('NFD').replace(COMBINING_MARKS, '').toLowerCase().trim();
}

let latinBases: Map<string, string> | undefined;
/**
 * Accented Latin letters (U+00C0–U+024F) whose NFD form minus combining marks is plain ASCII ("ü" → "u"),
 * computed once with normalize itself so the table cannot disagree with it. Letters with no ASCII base
 * ("ß", "æ", "ø") are left out and send a string down the exact path.
 */
function latinBaseTable(): Map<string, string> {
  if (!latinBases) {
    latinBases = new Map();
    for (let code = 0xc0; code <= 0x24f; code++) {
      const letter = String.fromCharCode(code);
      const base = letter.normalize('NFD').replace(COMBINING_MARKS, '');
      if (base !== letter && !NON_ASCII.test(base)) latinBases.set(letter, base);
    }
  }
  return latinBases;
}

/** Lower-cases and strips accents, so "muller" finds "Müller" and "GARCIA" finds "García". */
export function foldText(value: string): string {
  // Most text (names, every email) is ASCII or ASCII plus common accented letters. Unicode normalization is
  // slow (it dominated the first search keystroke on 10,000 leads), so those cases take a table lookup;
  // anything else takes the exact path. The result is identical either way (test/sdk/match.test.ts).
  if (!NON_ASCII.test(value)) return value.toLowerCase().trim();
  const table = latinBaseTable();
  const mapped = value.replace(LATIN_LETTERS, (letter) => table.get(letter) ?? letter);
  if (!NON_ASCII.test(mapped)) return mapped.toLowerCase().trim();
  return foldByNormalizing(value);
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
