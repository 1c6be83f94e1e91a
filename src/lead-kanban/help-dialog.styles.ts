import { css } from 'lit';

/** The "Keyboard shortcuts" dialog (help-dialog.ts); its frame is shared/dialog.styles.ts. */
export const helpDialogStyles = css`
  :host {
    display: contents;
  }
  .help-dialog {
    width: min(620px, calc(100vw - 32px));
    max-height: calc(100vh - 48px);
    padding: 18px 24px 20px;
  }
  .help-head {
    display: flex;
    align-items: center;
    justify-content: space-between;
    gap: 12px;
  }
  .help-close {
    padding: 0 8px;
  }
  .help-table {
    width: 100%;
    border-collapse: collapse;
    font-size: 13px;
  }
  .help-table th {
    text-align: start;
    font-size: 12px;
    font-weight: 600;
    color: var(--_muted);
    padding-block: 0 6px;
    padding-inline: 0 8px;
    border-bottom: 1px solid var(--_border);
  }
  .help-table td {
    padding-block: 7px;
    padding-inline: 0 12px;
    border-bottom: 1px solid color-mix(in srgb, var(--_border) 60%, transparent);
    vertical-align: top;
  }
  .help-keys {
    white-space: nowrap;
  }
  kbd {
    display: inline-block;
    min-width: 1.2em;
    padding: 1px 6px;
    border: 1px solid var(--_border);
    border-bottom-width: 2px;
    border-radius: 4px;
    background: var(--_surface-2);
    font: 600 12px/18px var(--_font);
    text-align: center;
  }
  .help-note {
    margin: 14px 0 0;
    color: var(--_muted);
    font-size: 13px;
  }
`;
