import { css } from 'lit';

/** The frame of the board's modal dialogs (a native `<dialog class="dialog">`): box, backdrop, title, actions. */
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
    background: rgb(15 23 42 / 0.42);
  }
  .dialog-title {
    margin: 0 0 4px;
    font-size: 17px;
    font-weight: 650;
  }
  .dialog-desc {
    margin: 0 0 16px;
    color: var(--_muted);
    font-size: 13px;
  }
  .dialog-actions {
    display: flex;
    justify-content: flex-end;
    gap: 8px;
    margin-top: 22px;
  }
`;
