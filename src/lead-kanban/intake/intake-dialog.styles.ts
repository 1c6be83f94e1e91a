import { css } from 'lit';

/**
 * What the intake dialogs share (intake-dialog.ts): their width and padding, hints, warnings and failures under
 * the fields, the busy note beside the actions, and the progress bar of a long request. Their frame is
 * shared/dialog.styles.ts, their fields shared/form.styles.ts.
 */
export const intakeDialogStyles = css`
  :host {
    display: contents;
  }
  .intake-dialog {
    width: min(560px, calc(100vw - 24px));
    max-height: calc(100dvh - 32px);
    padding: 22px 24px 20px;
    overflow: auto;
  }
  assign-picker::part(label) {
    font-size: 13px;
    font-weight: 600;
    color: var(--_text);
  }
  .error {
    margin: 0;
    color: var(--_danger);
    font-size: 13px;
  }
  .dialog-hint {
    margin: 12px 0 0;
    color: var(--_muted);
    font-size: 13px;
  }

  .dialog-actions {
    align-items: center;
  }
  .dialog-busy {
    margin-inline-end: auto;
    color: var(--_muted);
    font-size: 13px;
  }
  .dialog-progress {
    display: grid;
    gap: 6px;
    margin-top: 14px;
    font-size: 13px;
    color: var(--_muted);
  }
  progress {
    width: 100%;
    height: 6px;
    appearance: none;
    border: 0;
    border-radius: 6px;
    overflow: hidden;
    background: color-mix(in srgb, var(--_accent) 15%, transparent);
    accent-color: var(--_accent);
  }
  progress::-webkit-progress-bar {
    background: transparent;
  }
  progress::-webkit-progress-value {
    background: var(--_accent);
  }
  fieldset {
    margin: 16px 0 0;
    padding: 0;
    border: 0;
    min-width: 0;
  }
  legend {
    padding: 0;
    margin-bottom: 8px;
    font-size: 13px;
    font-weight: 600;
  }
  @media (max-width: 480px) {
    .intake-dialog {
      padding: 18px 16px 16px;
    }
    .fields {
      grid-template-columns: 1fr;
    }
  }
`;
