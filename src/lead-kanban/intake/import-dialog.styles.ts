import { css } from 'lit';

/** The "Import leads" dialog (import-dialog.ts) and its preview (import-preview.ts). */
export const importDialogStyles = css`
  .import-dialog {
    width: min(680px, calc(100vw - 24px));
  }
  .import-source {
    display: grid;
    gap: 12px;
  }
  input[type='file'] {
    font: inherit;
    font-size: 13px;
  }
  .import-source textarea {
    font-family: ui-monospace, SFMono-Regular, Menlo, monospace;
    font-size: 13px;
  }
  .import-source .field > div {
    display: flex;
    justify-content: flex-end;
  }
  .import-preview {
    margin-top: 16px;
    padding-top: 14px;
    border-top: 1px solid var(--_border);
  }
  .import-summary {
    display: grid;
    gap: 2px;
    margin: 0;
    font-size: 14px;
    font-weight: 600;
  }
  .import-summary span {
    font-weight: 400;
    font-size: 13px;
    color: var(--_muted);
  }
  .import-summary .import-bad {
    color: var(--_danger);
  }
  .import-table-wrap {
    margin-top: 12px;
    max-height: 220px;
    overflow: auto;
    border: 1px solid var(--_border);
    border-radius: var(--_radius-sm);
  }
  .import-table {
    width: 100%;
    border-collapse: collapse;
    font-size: 13px;
  }
  .import-table caption {
    padding: 8px 10px 6px;
    text-align: start;
    font-weight: 600;
    font-size: 13px;
  }
  .import-table th,
  .import-table td {
    padding: 5px 10px;
    border-top: 1px solid var(--_border);
    text-align: start;
    vertical-align: top;
  }
  .import-table thead th {
    position: sticky;
    top: 0;
    background: var(--_surface-2);
    color: var(--_muted);
    font-weight: 600;
  }
  .import-table tbody th {
    font-weight: 600;
    font-variant-numeric: tabular-nums;
    white-space: nowrap;
  }
  .import-more {
    margin: 0;
    padding: 6px 10px 8px;
    border-top: 1px solid var(--_border);
    color: var(--_muted);
    font-size: 13px;
  }
`;
