import { css } from 'lit';

/** The conflict panel (conflict-panel.ts), shown inside a toast: it takes the toast's colours. */
export const conflictPanelStyles = css`
  :host {
    display: block;
    margin-block: 6px 2px;
    margin-inline: 18px 0;
    font-size: 13px;
  }
  .conflicts {
    margin: 0;
    padding: 0;
    list-style: none;
    display: grid;
    gap: 3px;
    max-width: 520px;
  }
  .name {
    font-weight: 600;
  }
  .change,
  .more {
    opacity: 0.85;
  }
  .choices {
    display: flex;
    flex-wrap: wrap;
    gap: 8px;
    margin-top: 8px;
  }
  button {
    font: inherit;
    font-weight: 600;
    min-height: 30px;
    padding: 4px 12px;
    border-radius: 6px;
    border: 1px solid color-mix(in srgb, currentColor 45%, transparent);
    background: transparent;
    color: inherit;
    cursor: pointer;
  }
  .keep-mine {
    color: inherit;
    background: color-mix(in srgb, currentColor 16%, transparent);
  }
  button:hover:not(:disabled) {
    background: color-mix(in srgb, currentColor 24%, transparent);
  }
  button:focus-visible {
    outline: 2px solid currentColor;
    outline-offset: 2px;
  }
  button:disabled {
    opacity: 0.6;
    cursor: default;
  }
  @media (pointer: coarse) {
    button {
      min-height: 44px;
    }
  }
`;
