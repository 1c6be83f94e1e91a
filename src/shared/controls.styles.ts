import { css } from 'lit';

/**
 * The shared vocabulary of controls used by several elements' shadow roots (the board, its dialogs): buttons
 * (`.btn`, `.btn-primary`, `.btn-quiet`), inline icons (`.icon`), checkboxes and the bordered "field frame"
 * of selects (`.field-frame`, `.is-active`). One CSSResult, so one constructed sheet shared by every root.
 */
export const controlStyles = css`
  :host {
    --_control-height: 34px;
  }
  button {
    font: inherit;
    color: inherit;
  }

  /* ---------- buttons ---------- */
  .btn {
    display: inline-flex;
    align-items: center;
    gap: 6px;
    height: var(--_control-height);
    padding: 0 14px;
    border: 1px solid var(--_border);
    border-radius: var(--_radius-sm);
    background: var(--_surface);
    color: var(--_text);
    font-size: 13px;
    cursor: pointer;
    white-space: nowrap;
    transition: background 120ms, border-color 120ms, color 120ms;
  }
  .btn:hover:not(:disabled) {
    background: var(--_surface-2);
    border-color: color-mix(in srgb, var(--_border) 60%, var(--_text));
  }
  .btn:focus-visible,
  input[type='checkbox']:focus-visible {
    outline: none;
    box-shadow: var(--_focus);
  }
  .btn:disabled {
    cursor: not-allowed;
    opacity: 0.55;
  }
  .btn-primary {
    font-weight: 600;
    background: var(--_accent);
    border-color: var(--_accent);
    color: var(--_accent-text);
  }
  .btn-primary:hover:not(:disabled) {
    background: color-mix(in srgb, var(--_accent) 88%, black);
    border-color: color-mix(in srgb, var(--_accent) 88%, black);
  }
  .btn-primary:disabled {
    background: color-mix(in srgb, var(--_accent) 35%, var(--_surface));
    border-color: transparent;
    color: var(--_accent-text);
    opacity: 1;
  }
  .btn-quiet {
    border-color: transparent;
    background: transparent;
    padding: 0 10px;
    color: var(--_muted);
  }
  .btn-quiet:hover:not(:disabled) {
    color: var(--_text);
    background: color-mix(in srgb, var(--_text) 6%, transparent);
    border-color: transparent;
  }
  .icon {
    flex: none;
    fill: currentColor;
  }
  input[type='checkbox'] {
    /* not the user agent's own control font: a face and size the board's type scale does not use (tokens.styles.ts) */
    font: inherit;
    width: 16px;
    height: 16px;
    margin: 0;
    flex: none;
    accent-color: var(--_accent);
    cursor: pointer;
    border-radius: 4px;
  }
  input[type='checkbox']:disabled {
    cursor: default;
    opacity: 0.5;
  }

  /* A select-like control: a bordered frame with a muted prefix ("Assignee", "Status") before its value. */
  .field-frame {
    position: relative;
    display: inline-flex;
    align-items: center;
    height: var(--_control-height);
    box-sizing: border-box;
    border: 1px solid var(--_border);
    border-radius: var(--_radius-sm);
    background: var(--_surface);
    color: var(--_text);
    font-size: 13px;
    cursor: pointer;
    transition: border-color 120ms, background 120ms;
  }
  .field-frame:hover {
    border-color: color-mix(in srgb, var(--_border) 50%, var(--_text));
  }
  .field-frame.is-active {
    border-color: color-mix(in srgb, var(--_accent) 55%, var(--_border));
    background: var(--_accent-soft);
  }
  .field-prefix {
    padding-inline-start: 12px;
    color: var(--_muted);
    white-space: nowrap;
    pointer-events: none;
  }
`;
