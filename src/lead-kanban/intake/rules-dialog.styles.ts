import { css } from 'lit';

/** The "Assignment rules" dialog (rules-dialog.ts): the switch, strategies, member rows and columns. */
export const rulesDialogStyles = css`
  .check-line,
  .radio-line {
    display: flex;
    align-items: center;
    gap: 8px;
    font-weight: 400;
    cursor: pointer;
  }
  .rules-switch {
    padding: 10px 12px;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_surface-2);
    font-weight: 600;
  }
  .radio-line {
    display: grid;
    grid-template-columns: auto 1fr;
    column-gap: 8px;
    row-gap: 0;
    padding: 4px 0;
  }
  .radio-line label {
    font-weight: 400;
    cursor: pointer;
  }
  .radio-line .dialog-hint {
    grid-column: 2;
    margin: 0;
    font-weight: 400;
  }
  input[type='radio'] {
    margin: 0;
    accent-color: var(--_accent);
  }
  .member-list {
    display: grid;
    gap: 2px;
    margin: 0;
    padding: 0;
    list-style: none;
    max-height: 240px;
    overflow: auto;
    border: 1px solid var(--_border);
    border-radius: var(--_radius-sm);
  }
  .member-row {
    display: grid;
    grid-template-columns: auto auto 1fr auto;
    align-items: center;
    gap: 8px;
    padding: 6px 10px;
  }
  .member-row + .member-row {
    border-top: 1px solid color-mix(in srgb, var(--_border) 60%, transparent);
  }
  .member-row label {
    font-weight: 400;
    overflow: hidden;
    text-overflow: ellipsis;
    white-space: nowrap;
    cursor: pointer;
  }
  .member-detail {
    color: var(--_muted);
    font-size: 12px;
    font-variant-numeric: tabular-nums;
    text-align: end;
  }
  .member-row.is-skipped label {
    color: var(--_muted);
    text-decoration: line-through;
  }
  .member-row.is-skipped .member-detail {
    color: var(--_warning);
    text-align: start;
    grid-column: 3 / -1;
  }
  .member-row .error {
    grid-column: 3 / -1;
  }
  .status-choices {
    display: flex;
    flex-wrap: wrap;
    gap: 6px 16px;
    margin-top: 8px;
  }
  @media (max-width: 480px) {
    .member-row {
      grid-template-columns: auto auto 1fr;
    }
    .member-detail {
      grid-column: 3;
      text-align: start;
    }
  }
`;
