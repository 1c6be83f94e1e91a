import { css } from 'lit';

/** A status column: header, scroller, list, drop line and empty state (board-column.ts). */
export const columnStyles = css`
  lead-kanban-column {
    --_dot: #8b95a5;
    flex: 1 0 var(--_column-width);
    min-width: 0;
    max-width: 340px;
    display: flex;
    flex-direction: column;
    min-height: 0;
    background: color-mix(in srgb, var(--_text) 3.5%, var(--_bg));
    border: 1px solid color-mix(in srgb, var(--_border) 70%, transparent);
    border-radius: calc(var(--_radius) + 4px);
  }
  lead-kanban-column:nth-child(6n + 1) { --_dot: #6b7cff; }
  lead-kanban-column:nth-child(6n + 2) { --_dot: #22a6c9; }
  lead-kanban-column:nth-child(6n + 3) { --_dot: #e0a32e; }
  lead-kanban-column:nth-child(6n + 4) { --_dot: #a26bf0; }
  lead-kanban-column:nth-child(6n + 5) { --_dot: #2fa36b; }
  lead-kanban-column:nth-child(6n + 6) { --_dot: #d9534f; }
  .column-header {
    display: flex;
    align-items: center;
    gap: 6px;
    padding-block: 12px 10px;
    padding-inline: 19px 10px;
  }
  /* Positioned: the visually hidden "Total value" label is placed inside it, so the column row's scroller
     clips it (placed against the board, it made the page scroll sideways). */
  .column-heading {
    position: relative;
    display: flex;
    flex-direction: column;
    min-width: 0;
  }
  .column-value {
    padding-inline-start: 16px;
    color: var(--_muted);
    font-size: 12px;
    font-variant-numeric: tabular-nums;
    white-space: nowrap;
    overflow: hidden;
    text-overflow: ellipsis;
  }
  .column-title {
    display: inline-flex;
    align-items: center;
    gap: 8px;
    min-width: 0;
    margin: 0;
    white-space: nowrap;
    font-size: 13px;
    font-weight: 600;
    letter-spacing: 0.01em;
  }
  /* A long label (or a narrow column with its count and "+") ellipsizes rather than running under the count. */
  .column-label {
    overflow: hidden;
    text-overflow: ellipsis;
  }
  .column-title::before {
    content: '';
    flex: none;
    width: 8px;
    height: 8px;
    border-radius: 50%;
    background: var(--_dot);
  }
  .column-count {
    margin-inline-start: auto;
    flex: none;
    /* "22 of 29" must not wrap: a two-line badge would make this header taller than its neighbours */
    white-space: nowrap;
    padding: 1px 8px;
    border-radius: 999px;
    background: color-mix(in srgb, var(--_text) 7%, transparent);
    color: color-mix(in srgb, var(--_text) 75%, var(--_muted));
    font-size: 12px;
    font-weight: 600;
    font-variant-numeric: tabular-nums;
  }
  .column-add {
    display: inline-grid;
    place-items: center;
    flex: none;
    width: 22px;
    height: 22px;
    margin-block: -2px;
    margin-inline: -2px -4px;
    padding: 0;
    border: 0;
    border-radius: var(--_radius-sm);
    background: transparent;
    color: var(--_muted);
    cursor: pointer;
  }
  .column-add:hover {
    background: color-mix(in srgb, var(--_text) 8%, transparent);
    color: var(--_text);
  }
  .column-add:focus-visible {
    outline: none;
    box-shadow: var(--_focus);
  }
  .column-scroll {
    flex: 1;
    min-height: 0;
    overflow-y: auto;
    overflow-x: hidden;
    /* 4px above the first card: room for its focus outline, which the scroller would clip otherwise. */
    padding: 4px 8px 8px;
    scrollbar-width: thin;
    scrollbar-color: color-mix(in srgb, var(--_text) 18%, transparent) transparent;
  }
  /* A flex column: the cards' bottom margins (the gap of the card pitch) never collapse, so rows stay exact. */
  .column-list {
    position: relative;
    display: flex;
    flex-direction: column;
    min-height: 40px;
  }
  /* Keyboard move mode: where the lifted card would land (no layout height, so the virtual window holds). */
  lead-kanban-column[data-drop-target] {
    border-color: var(--_accent);
    box-shadow: inset 0 0 0 1px var(--_accent);
  }
  .drop-indicator {
    position: absolute;
    inset-inline-start: 0;
    inset-inline-end: 0;
    height: 4px;
    margin-top: -6px;
    border-radius: 2px;
    background: var(--_accent);
    pointer-events: none;
  }
  .drop-indicator::before {
    content: '';
    position: absolute;
    inset-inline-start: -4px;
    top: -3px;
    width: 6px;
    height: 6px;
    border: 2px solid var(--_accent);
    border-radius: 50%;
    background: var(--_surface);
  }
  .column-empty {
    margin: 4px 0;
    padding: 20px 12px;
    border: 1.5px dashed color-mix(in srgb, var(--_border) 85%, var(--_text));
    border-radius: var(--_radius);
    color: var(--_muted);
    font-size: 13px;
    text-align: center;
  }
  .column-empty:focus-visible {
    outline: none;
    box-shadow: var(--_focus);
  }
  .column-empty.is-loading {
    border-style: solid;
    border-color: transparent;
    background: color-mix(in srgb, var(--_text) 4%, transparent);
  }
`;
