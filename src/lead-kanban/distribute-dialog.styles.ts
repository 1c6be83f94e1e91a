import { css } from 'lit';

/**
 * The "Distribute leads" dialog (distribute-dialog.ts). Its frame is shared/dialog.styles.ts; the warning and
 * the progress bar are the bulk dialog's own (assign-dialog.styles.ts), adopted with it.
 */
export const distributeDialogStyles = css`
  .distribute-dialog {
    width: min(560px, calc(100vw - 24px));
    max-height: calc(100dvh - 24px);
    padding: 22px 24px 20px;
    overflow: auto;
  }
  .group {
    margin: 0 0 14px;
    padding: 0;
    border: 0;
    min-width: 0;
  }
  legend {
    padding: 0;
    margin-bottom: 6px;
    font-size: 12px;
    font-weight: 600;
    letter-spacing: 0.02em;
    text-transform: uppercase;
    color: var(--_muted);
  }
  .choice {
    display: flex;
    align-items: center;
    gap: 8px;
    min-height: 32px;
    font-size: 14px;
    cursor: pointer;
  }
  .strategy {
    display: flex;
    flex-wrap: wrap;
    column-gap: 18px;
  }
  .member-list {
    display: grid;
    grid-template-columns: repeat(auto-fill, minmax(min(100%, 250px), 1fr));
    column-gap: 12px;
    max-height: 190px;
    overflow: auto;
    padding: 2px;
    border: 1px solid var(--_border);
    border-radius: var(--_radius-sm);
  }
  .member {
    padding: 2px 6px;
  }
  .member-name {
    flex: 1 1 auto;
    min-width: 0;
    overflow: hidden;
    text-overflow: ellipsis;
    white-space: nowrap;
  }
  .member-load {
    flex: none;
    font-size: 12px;
    color: var(--_muted);
  }
  /* Checkboxes are the shared controls' (controls.styles.ts); radios look alike. */
  input[type='radio'] {
    margin: 0;
    flex: none;
    accent-color: var(--_accent);
  }
  input[type='radio']:focus-visible {
    outline: none;
    box-shadow: var(--_focus);
  }
  .preview {
    width: 100%;
    border-collapse: collapse;
    font-size: 13px;
  }
  .preview caption {
    text-align: start;
    font-size: 12px;
    font-weight: 600;
    letter-spacing: 0.02em;
    text-transform: uppercase;
    color: var(--_muted);
    padding-bottom: 6px;
  }
  .preview th,
  .preview td {
    padding: 6px 8px;
    border-bottom: 1px solid var(--_border);
    text-align: start;
    font-weight: 400;
  }
  .preview thead th {
    font-size: 12px;
    color: var(--_muted);
    font-weight: 600;
  }
  .preview .num {
    text-align: end;
    font-variant-numeric: tabular-nums;
    white-space: nowrap;
  }
  .preview .receives {
    font-weight: 600;
  }
  /* People who only give leads up (nothing received): listed for their load, quieter. */
  .preview tr.gives {
    color: var(--_muted);
  }
  .preview tr.gives .receives {
    font-weight: 400;
  }
  /* The confirm stays in reach while the lists scroll. */
  .distribute-dialog .dialog-actions {
    position: sticky;
    bottom: -20px;
    margin: 16px -24px -20px;
    padding: 12px 24px 16px;
    background: var(--_surface);
    border-top: 1px solid var(--_border);
  }
  .note {
    margin: 10px 0 0;
    font-size: 13px;
    color: var(--_muted);
  }
  @media (max-width: 480px) {
    .distribute-dialog {
      padding: 18px 14px 14px;
    }
    .distribute-dialog .dialog-actions {
      bottom: -14px;
      margin: 16px -14px -14px;
      padding: 12px 14px 14px;
    }
    .choice {
      min-height: 44px;
    }
  }
`;
