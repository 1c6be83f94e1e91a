/**
 * The small part of the import rules (lead-import.ts) that the store, the REST adapter and the elements need
 * before any import is read: the import's fields and their headers, the size limits checked before sending,
 * and a lead's value as a person writes it. Kept apart so the SDK entry carries them without the whole
 * import reader (which is in `lead-kanban/sdk/intake`, with the other rules of leads arriving).
 */
import { MAX_IMPORT_BYTES, MAX_IMPORT_ROWS } from './schema.js';

export const IMPORT_FIELDS = ['name', 'company', 'email', 'phone', 'value', 'status', 'assignee'] as const;
export type ImportField = (typeof IMPORT_FIELDS)[number];

const HEADERS = new Map<string, ImportField>([...IMPORT_FIELDS.map((f) => [f, f] as const), ['assigneeemail', 'assignee']]);

/** The field a header (or JSON key) names, if any: "Assignee Email", "assignee_email" → assignee. */
export function importFieldOf(header: string): ImportField | undefined {
  return HEADERS.get(header.toLowerCase().replace(/[\s_-]+/g, ''));
}

/** An import over the limits, refused whole (HTTP 413): which limit, and the English sentence. */
export interface ImportTooLarge {
  code: 'too_many_rows' | 'too_many_bytes';
  limit: number;
  actual: number;
  message: string;
}

const grouped = (n: number) => String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ',');

export function tooManyRows(actual: number): ImportTooLarge {
  return { code: 'too_many_rows', limit: MAX_IMPORT_ROWS, actual,
    message: `An import holds at most ${grouped(MAX_IMPORT_ROWS)} rows; this one has ${grouped(actual)}` };
}

/** UTF-8 length of a string, counted without encoding it; stops counting once past `limit`. */
function utf8Length(text: string, limit: number): number {
  let bytes = 0;
  for (let i = 0; i < text.length && bytes <= limit; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) bytes += 1;
    else if (c < 0x800) bytes += 2;
    else if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length) {
      bytes += 4; // a surrogate pair is one 4-byte character
      i++;
    } else bytes += 3;
  }
  return bytes;
}

/**
 * The limit an input is over before it is even read: CSV text beyond MAX_IMPORT_BYTES, more JSON rows than
 * MAX_IMPORT_ROWS. (A CSV's row count is known once it is read: validateImport checks that.) A client checks
 * this before sending; a server checks the body's size before reading it.
 */
export function importSizeProblem(input: string | readonly unknown[]): ImportTooLarge | undefined {
  if (typeof input !== 'string') return input.length > MAX_IMPORT_ROWS ? tooManyRows(input.length) : undefined;
  return importBytesProblem(utf8Length(input, MAX_IMPORT_BYTES));
}

/** The same for a body of `bytes` bytes, whose size is all a server knows before reading it. */
export function importBytesProblem(bytes: number): ImportTooLarge | undefined {
  if (bytes <= MAX_IMPORT_BYTES) return undefined;
  return { code: 'too_many_bytes', limit: MAX_IMPORT_BYTES, actual: bytes,
    message: `An import holds at most ${MAX_IMPORT_BYTES / 1024 / 1024} MB; this file is larger` };
}

/** One cell of an import (CSV text, or a JSON row's value). */
export type Cell = string | number | null | undefined;

export const text = (cell: Cell): string => (cell === null || cell === undefined ? '' : String(cell).trim());

const NUMBER = /^(?:\d{1,3}(?:,\d{3})+|\d+)?(?:\.\d+)?$/;
const CURRENCY = /^[$€£¥]\s*|\s*[$€£¥]$/g;

/**
 * A lead's value as a person writes it: "1200", "1,200", "1200.50", "$1,200" (a currency sign is ignored);
 * empty is no value. Anything else, or a negative amount, is an error to show at the field.
 */
export function parseLeadValue(cell: Cell): { value?: number } | { error: { code: string; message: string } } {
  if (typeof cell === 'number') {
    if (!Number.isFinite(cell)) return { error: { code: 'not_a_number', message: 'Enter a number, like 1200 or 1,200.50' } };
    return cell < 0 ? { error: { code: 'negative', message: 'Enter 0 or more' } } : { value: cell };
  }
  const raw = text(cell).replace(CURRENCY, '');
  if (raw === '') return {};
  const negative = raw.startsWith('-');
  const digits = negative ? raw.slice(1).trim() : raw;
  const value = /\d/.test(digits) && NUMBER.test(digits) ? Number(digits.replace(/,/g, '')) : NaN;
  if (!Number.isFinite(value)) return { error: { code: 'not_a_number', message: 'Enter a number, like 1200 or 1,200.50' } };
  return negative && value > 0 ? { error: { code: 'negative', message: 'Enter 0 or more' } } : { value };
}
