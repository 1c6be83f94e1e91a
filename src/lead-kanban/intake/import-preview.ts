import '../../l10n/parts-late.js'; // the words of the parts loaded on demand (joins the table first)
import { html, nothing } from 'lit';
import type { ImportDuplicate, ImportError, ImportResult, LeadStore } from '../../../sdk/index.js';
import { importFieldOf, parseCsv } from '../../../sdk/index.js';
import type { Messages } from '../../l10n.js';
import { problemField, problemText } from './problem-text.js';

/** What a row of the file holds in a field, so the preview can show the value it refuses. */
export type CellLookup = (row: number, field: string) => string | undefined;

/**
 * The cells of CSV text by row number and field, read with the SDK's own CSV reader and header rule, so row
 * numbers are the ones the preview names (the header is row 1; a quoted line break stays in its row).
 */
export function csvCells(text: string): CellLookup {
  const { records } = parseCsv(text);
  const columns = new Map<string, number>();
  (records[0] ?? []).forEach((header, i) => {
    const field = importFieldOf(header);
    if (field && !columns.has(field)) columns.set(field, i);
  });
  return (row, field) => {
    const column = columns.get(field);
    return row < 2 || column === undefined ? undefined : records[row - 1]?.[column]?.trim();
  };
}

/**
 * How many rows of each list the preview renders. A 10,000-row file with an error in every row would
 * otherwise put 10,000 table rows in the DOM; past this the list says how many more there are.
 */
export const PREVIEW_ROWS = 100;

/**
 * The preview of an import (the answer of a dry run): a summary line (rows read, leads that will be created),
 * then the rows that will not be imported — row number, field, the value refused and the reason — and the
 * duplicates (same email as an earlier row or an existing lead), each list capped at PREVIEW_ROWS with a count
 * of the rest.
 */
export function renderPreview(preview: ImportResult, store: LeadStore | undefined, msg: Messages, cells: CellLookup = () => undefined) {
  const columns = store?.columns ?? [];
  const badRows = new Set(preview.errors.map((e) => e.row)).size;
  return html`<section class="import-preview" aria-labelledby="import-summary">
    <p class="import-summary" id="import-summary" role="status">
      ${msg.previewSummary(preview.rowCount, preview.created)}
      ${badRows > 0 ? html`<span class="import-bad">${msg.previewErrors(badRows)}</span>` : nothing}
      ${preview.duplicates.length > 0 ? html`<span>${msg.previewDuplicates(preview.duplicates.length)}</span>` : nothing}
    </p>
    ${preview.ignoredColumns.length > 0 ? html`<p class="dialog-hint">${msg.previewIgnored(preview.ignoredColumns.join(', '))}</p>` : nothing}
    ${preview.errors.length > 0
      ? capped(msg.rowsWithErrors, [msg.columnRow, msg.columnField, msg.columnValue, msg.columnProblem], preview.errors, (e: ImportError) => [
          String(e.row),
          problemField(e.field, msg),
          cells(e.row, e.field) ?? '',
          problemText(e, columns, msg),
        ], msg, 'import-errors')
      : nothing}
    ${preview.duplicates.length > 0
      ? capped(msg.duplicateRows, [msg.columnRow, msg.columnEmail, msg.columnDuplicateOf], preview.duplicates, (d: ImportDuplicate) => [
          String(d.row),
          d.email,
          d.firstRow !== undefined
            ? msg.duplicateOfRow(d.firstRow)
            : msg.duplicateOfLead(store?.lead(d.existingLeadId ?? '')?.name ?? d.existingLeadId ?? ''),
        ], msg, 'import-duplicates')
      : nothing}
  </section>`;
}

/** A table of the first PREVIEW_ROWS items, captioned, with "…and N more" under it. */
function capped<T>(caption: string, heads: readonly string[], items: readonly T[], cellsOf: (item: T) => string[], msg: Messages, className: string) {
  const shown = items.slice(0, PREVIEW_ROWS);
  const more = items.length - shown.length;
  return html`<div class="import-table-wrap ${className}">
    <table class="import-table">
      <caption>${caption}</caption>
      <thead>
        <tr>${heads.map((h) => html`<th scope="col">${h}</th>`)}</tr>
      </thead>
      <tbody>
        ${shown.map((item) => html`<tr>${cellsOf(item).map((text, i) => (i === 0 ? html`<th scope="row">${text}</th>` : html`<td>${text}</td>`))}</tr>`)}
      </tbody>
    </table>
    ${more > 0 ? html`<p class="import-more">${msg.moreRows(more)}</p>` : nothing}
  </div>`;
}
