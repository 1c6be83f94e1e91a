import { css } from 'lit';

/**
 * Form fields as the drawer and the board's intake dialogs show them: a two-column grid of labelled boxes
 * (`.fields`, `.field`, `.field.wide`), text boxes, selects and text areas, the refused state
 * (`aria-invalid`) and the message under a field (`.field .error`; its colour is the element's `.error`).
 */
export const formStyles = css`
  .fields {
    display: grid;
    grid-template-columns: 1fr 1fr;
    gap: 12px 16px;
  }
  .field {
    display: grid;
    gap: 5px;
    align-content: start;
    min-width: 0;
  }
  .field.wide {
    grid-column: 1 / -1;
  }
  label {
    font-size: 13px;
    font-weight: 600;
    color: var(--_text);
  }
  input:not([type='checkbox']):not([type='radio']),
  select,
  textarea {
    box-sizing: border-box;
    width: 100%;
    min-height: 36px;
    padding: 7px 10px;
    border: 1px solid var(--_border);
    border-radius: var(--_radius-sm);
    background: var(--_surface);
    color: inherit;
    font: inherit;
  }
  textarea {
    min-height: 60px;
    resize: vertical;
    line-height: 1.45;
  }
  select {
    appearance: none;
    padding-inline-end: 32px;
    background-image: url("data:image/svg+xml,%3Csvg xmlns='http://www.w3.org/2000/svg' viewBox='0 0 16 16'%3E%3Cpath d='M4 6l4 4 4-4' fill='none' stroke='%235f6b7a' stroke-width='1.6' stroke-linecap='round' stroke-linejoin='round'/%3E%3C/svg%3E");
    background-repeat: no-repeat;
    background-position: right 9px center;
    background-size: 16px;
    cursor: pointer;
  }
  /* background-position has no logical keywords: the chevron moves to the inline end by hand. */
  select:dir(rtl) {
    background-position: left 9px center;
  }
  input:hover,
  select:hover,
  textarea:hover {
    border-color: color-mix(in srgb, var(--_accent) 40%, var(--_border));
  }
  input:focus-visible,
  select:focus-visible,
  textarea:focus-visible,
  button:focus-visible {
    outline: none;
    box-shadow: var(--_focus);
  }
  [aria-invalid='true'] {
    border-color: var(--_danger);
    background: color-mix(in srgb, var(--_danger) 4%, var(--_surface));
  }
  .field .error {
    margin: 0;
    font-size: 12px;
  }
`;
