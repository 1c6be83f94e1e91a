import { css } from 'lit';

/**
 * The frame of the board's modal dialogs (a native `<dialog class="dialog">`): box, backdrop, title, actions,
 * the warning a dialog gives before a step the user may not expect (`.dialog-warning`, with its icon), and
 * what went wrong that no field of the dialog is to blame for (`.dialog-failure`).
 */
export const dialogStyles = css`
  .dialog {
    box-sizing: border-box;
    border: 1px solid var(--_border);
    border-radius: calc(var(--_radius) + 4px);
    background: var(--_surface);
    color: var(--_text);
    box-shadow: var(--_shadow-lg);
  }
  .dialog::backdrop {
    background: light-dark(rgb(15 23 42 / 0.42), rgb(0 0 0 / 0.6));
  }
  .dialog-title {
    margin: 0 0 4px;
    font-size: 17px;
    font-weight: 600;
  }
  .dialog-desc {
    margin: 0 0 16px;
    color: var(--_muted);
    font-size: 13px;
  }
  .dialog-warning,
  .dialog-failure {
    display: flex;
    gap: 8px;
    align-items: flex-start;
    margin: 10px 0 0;
    padding: 8px 10px;
    border-radius: var(--_radius-sm);
    background: color-mix(in srgb, var(--_warning) 12%, var(--_surface));
    color: var(--_text);
    font-size: 13px;
  }
  .dialog-warning .icon {
    color: var(--_warning);
    margin-top: 1px;
  }
  .dialog-failure {
    background: color-mix(in srgb, var(--_danger) 10%, var(--_surface));
    color: var(--_danger);
  }
  .dialog-actions {
    display: flex;
    justify-content: flex-end;
    gap: 8px;
    margin-top: 22px;
  }
`;
