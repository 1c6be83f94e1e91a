/**
 * Reading an import — CSV text or JSON rows — into NewLeads and per-row errors. The one definition of the
 * import rules, run by the MemoryAdapter and the reference server alike (see eslint.config.js), so a file
 * previews and imports the same everywhere.
 *
 * Columns: name, company, email, phone, value, status, assignee (the assignee's email; "assignee email"
 * is read as the same column). Headers match ignoring case, spaces, "_" and "-". Columns naming none of these
 * are ignored and listed in `ignoredColumns`, so a preview can say so; a file without a `name` column, or
 * naming one column twice, imports nothing (one error, on row 1).
 *
 * Rows are numbered as a person counts them in the file: the header is row 1, the first data row is row 2.
 * A record spanning lines (a quoted line break) is one row, as spreadsheets show it. Blank rows are
 * skipped, and still counted, so the numbers match the file. JSON rows are numbered as the data rows under a
 * header would be: `rows[0]` is row 2.
 *
 * A bad row never stops the others: each is listed with its field and reason (`code` for a UI to word,
 * `message` in English), and the valid rows are the import. Rows whose email another lead already has are
 * flagged as duplicates and still imported.
 */
import { parseCsv } from './csv.js';
import type { Column, ImportDuplicate, ImportError, ImportInput, ImportResult, ImportRow, Member, NewLead } from './schema.js';
import { issueCode, MAX_IMPORT_ROWS, NewLeadSchema, safeParseWithMessages } from './schema.js';
import { importFieldOf, importSizeProblem, parseLeadValue, text, tooManyRows, type Cell, type ImportField, type ImportTooLarge } from './import-fields.js';

// The parts the store and the elements need up front, defined in import-fields.ts; part of these rules too.
export { IMPORT_FIELDS, importBytesProblem, importFieldOf, importSizeProblem, parseLeadValue } from './import-fields.js';
export type { ImportField, ImportTooLarge } from './import-fields.js';




/** What rows are checked against: the backend's members and columns, and the emails its leads have. */
export interface ImportContext {
  members: readonly Pick<Member, 'id' | 'name' | 'email' | 'active'>[];
  columns: readonly Column[];
  /** The id of an existing lead whose email, lower-cased, is `email`; undefined when there is none. */
  leadWithEmail(email: string): string | undefined;
}

/** The outcome of reading an import: the leads it would create, each with its row, and what was wrong. */
export interface ImportCheck {
  leads: { row: number; lead: NewLead }[];
  /** Data rows read (blank rows not counted). */
  rowCount: number;
  errors: ImportError[];
  duplicates: ImportDuplicate[];
  ignoredColumns: string[];
}

/** One data row as read: its number and its cells by field. */
interface ReadRow {
  row: number;
  cells: Partial<Record<ImportField, Cell>>;
}
interface ReadTable {
  rows: ReadRow[];
  errors: ImportError[];
  ignoredColumns: string[];
}

/**
 * Reads and checks an import. Over a limit, the whole import is refused (`tooLarge`); otherwise every row
 * is either a lead to create or listed in `errors` (see the module comment).
 */
export function validateImport(input: ImportInput, context: ImportContext): { check: ImportCheck } | { tooLarge: ImportTooLarge } {
  const tooLarge = importSizeProblem(input);
  if (tooLarge) return { tooLarge };
  const table = typeof input === 'string' ? readCsv(input) : readJsonRows(input);
  if (table.rows.length > MAX_IMPORT_ROWS) return { tooLarge: tooManyRows(table.rows.length) };
  return { check: checkRows(table, context) };
}

/** The answer of an import (`POST /api/leads/import`) for a check: `created` counts the leads it makes. */
export function importResult(check: ImportCheck, dryRun: boolean): ImportResult {
  const { rowCount, errors, duplicates, ignoredColumns } = check;
  return { dryRun, rowCount, created: check.leads.length, errors, duplicates, ignoredColumns };
}

// ---- reading

function readCsv(text: string): ReadTable {
  const { records, unclosedQuoteAt } = parseCsv(text);
  const table: ReadTable = { rows: [], errors: [], ignoredColumns: [] };
  const header = records[0];
  if (!header || header.every((h) => h.trim() === '')) {
    table.errors.push({ row: 1, field: 'name', code: 'missing_header',
      message: 'The first row must name the columns (name, company, email, phone, value, status, assignee)' });
    return table;
  }
  const fields: (ImportField | undefined)[] = [];
  for (const cell of header) {
    const field = importFieldOf(cell);
    if (field && fields.includes(field)) {
      table.errors.push({ row: 1, field, code: 'duplicate_column', message: `Two columns are named "${field}"` });
    } else if (!field && cell.trim() !== '') table.ignoredColumns.push(cell.trim());
    fields.push(field);
  }
  if (!fields.includes('name')) {
    table.errors.push({ row: 1, field: 'name', code: 'missing_column', message: 'The header has no "name" column' });
  }
  if (unclosedQuoteAt === 0) {
    table.errors.push({ row: 1, field: '(row)', code: 'unclosed_quote', message: 'A quoted value is not closed' });
  }
  for (let r = 1; r < records.length; r++) {
    const record = records[r]!;
    if (record.every((cell) => cell.trim() === '')) continue;
    const row: ReadRow = { row: r + 1, cells: {} };
    table.rows.push(row);
    record.forEach((cell, i) => {
      const field = fields[i];
      if (field) row.cells[field] = cell;
    });
    if (record.slice(header.length).some((cell) => cell.trim() !== '')) {
      table.errors.push({ row: row.row, field: '(row)', code: 'extra_values',
        message: `This row has ${record.length} values; the header names ${header.length} columns` });
    }
    if (unclosedQuoteAt === r) {
      table.errors.push({ row: row.row, field: '(row)', code: 'unclosed_quote',
        message: 'A quoted value is not closed: it runs to the end of the file' });
    }
  }
  return table;
}

function readJsonRows(rows: readonly ImportRow[]): ReadTable {
  const table: ReadTable = { rows: [], errors: [], ignoredColumns: [] };
  const ignored = new Set<string>();
  rows.forEach((values, i) => {
    const row: ReadRow = { row: i + 2, cells: {} };
    table.rows.push(row);
    for (const [key, value] of Object.entries(values)) {
      const field = importFieldOf(key);
      if (!field) {
        if (!ignored.has(key)) table.ignoredColumns.push(key);
        ignored.add(key);
      } else if (field in row.cells) {
        table.errors.push({ row: row.row, field, code: 'duplicate_column', message: `Two keys name "${field}"` });
      } else row.cells[field] = value;
    }
  });
  return table;
}

// ---- checking

/** The error of one field of one row, before the row is put together. */
type FieldError = { field: ImportField; code: string; message: string };



/** Lookups built once per import. */
interface Lookups {
  context: ImportContext;
  memberByEmail: Map<string, ImportContext['members'][number]>;
  statusByName: Map<string, string>;
}

function checkRows(table: ReadTable, context: ImportContext): ImportCheck {
  const check: ImportCheck = {
    leads: [], rowCount: table.rows.length, errors: [...table.errors], duplicates: [], ignoredColumns: table.ignoredColumns,
  };
  // A broken header (row 1) makes every row suspect: nothing is imported, and its errors say why.
  if (table.errors.some((e) => e.row === 1)) return check;
  const lookups: Lookups = {
    context,
    memberByEmail: new Map(context.members.map((m) => [m.email.toLowerCase(), m])),
    statusByName: new Map(context.columns.flatMap((c) => [[c.label.toLowerCase(), c.key], [c.key.toLowerCase(), c.key]])),
  };
  const broken = new Set(table.errors.map((e) => e.row));
  const firstRowOf = new Map<string, number>();
  for (const row of table.rows) {
    const { lead, issues } = checkRow(row, lookups);
    for (const issue of issues) check.errors.push({ row: row.row, ...issue });
    if (!lead || broken.has(row.row)) continue;
    check.leads.push({ row: row.row, lead });
    if (lead.email === undefined) continue;
    const email = lead.email.toLowerCase();
    const firstRow = firstRowOf.get(email);
    const existingLeadId = context.leadWithEmail(email);
    if (firstRow === undefined) firstRowOf.set(email, row.row);
    if (firstRow !== undefined || existingLeadId !== undefined) {
      check.duplicates.push({ row: row.row, email: lead.email,
        ...(firstRow !== undefined ? { firstRow } : {}), ...(existingLeadId !== undefined ? { existingLeadId } : {}) });
    }
  }
  check.errors.sort((a, b) => a.row - b.row);
  return check;
}

/** One row: its NewLead, or the errors of its fields (every field checked, so all are reported at once). */
function checkRow(row: ReadRow, { memberByEmail, statusByName, context }: Lookups): { lead?: NewLead; issues: FieldError[] } {
  const issues: FieldError[] = [];
  const lead: Record<string, unknown> = { name: text(row.cells.name) };
  if (lead.name === '') issues.push({ field: 'name', code: 'required', message: 'Enter a name' });
  for (const field of ['company', 'email', 'phone'] as const) {
    const value = text(row.cells[field]);
    if (value !== '') lead[field] = value;
  }
  const value = parseLeadValue(row.cells.value);
  if ('error' in value) issues.push({ field: 'value', ...value.error });
  else if (value.value !== undefined) lead.value = value.value;
  const status = text(row.cells.status);
  if (status === '') lead.status = context.columns[0]!.key;
  else if (statusByName.has(status.toLowerCase())) lead.status = statusByName.get(status.toLowerCase());
  else {
    issues.push({ field: 'status', code: 'unknown_status',
      message: `Unknown status "${status}": use one of ${context.columns.map((c) => c.label).join(', ')}` });
  }
  const assignee = text(row.cells.assignee);
  if (assignee !== '') {
    const member = memberByEmail.get(assignee.toLowerCase());
    if (!member) issues.push({ field: 'assignee', code: 'unknown_assignee', message: `No member has the email ${assignee}` });
    else if (!member.active) issues.push({ field: 'assignee', code: 'inactive_assignee', message: `${member.name} is not an active member` });
    else lead.assigneeId = member.id;
  }
  // The lead's own rules (lengths, email format) are NewLeadSchema's: checked there, not restated here.
  const parsed = safeParseWithMessages(NewLeadSchema, lead);
  if (parsed.success) return issues.length > 0 ? { issues } : { lead: parsed.data, issues };
  for (const issue of parsed.error.issues) {
    const field = String(issue.path[0] ?? 'name') as ImportField;
    if (issues.some((i) => i.field === field)) continue; // already said, in a person's words
    const code = issueCode(issue);
    const message = code === 'invalid_email' ? 'Enter an email address like name@example.com' : issue.message;
    issues.push({ field, code, message });
  }
  return { issues };
}
