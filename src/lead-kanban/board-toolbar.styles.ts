import { css } from 'lit';

/** The board's toolbar: search, the assignee select, the bulk bar (board-toolbar.ts, bulk-bar.ts). */
export const toolbarStyles = css`
  .toolbar {
    display: flex;
    align-items: center;
    gap: 12px;
    flex-wrap: wrap;
    padding: 12px 20px;
    background: var(--_surface);
    border-bottom: 1px solid var(--_border);
  }
  .filters {
    display: flex;
    align-items: center;
    gap: 8px;
    flex-wrap: wrap;
  }
  .search {
    position: relative;
    display: flex;
    align-items: center;
  }
  .search .icon {
    position: absolute;
    inset-inline-start: 10px;
    color: var(--_muted);
    pointer-events: none;
  }
  .search-input {
    width: 240px;
    height: var(--_control-height);
    box-sizing: border-box;
    padding-block: 0;
    padding-inline: 32px 10px;
    border: 1px solid var(--_border);
    border-radius: var(--_radius-sm);
    background: var(--_surface-2);
    color: var(--_text);
    font: inherit;
    font-size: 13px;
    transition: border-color 120ms, background 120ms;
  }
  .search-input::placeholder {
    color: var(--_muted);
  }
  .search-input:focus {
    background: var(--_surface);
    border-color: var(--_accent);
  }
  .search-input:focus-visible {
    outline: none;
    box-shadow: var(--_focus);
  }
  .select-wrap:focus-within {
    box-shadow: var(--_focus);
  }
  .select-wrap::after {
    content: '';
    position: absolute;
    inset-inline-end: 13px;
    top: 50%;
    width: 6px;
    height: 6px;
    /* A drawn chevron: its borders are a shape, not sides of the flow, so they stay physical. */
    border-right: 1.6px solid var(--_muted);
    border-bottom: 1.6px solid var(--_muted);
    transform: translateY(-70%) rotate(45deg);
    pointer-events: none;
  }
  .select-wrap select {
    --_select-width: 190px;
    appearance: none;
    max-width: var(--_select-width);
    text-overflow: ellipsis;
    height: 100%;
    padding-block: 0;
    padding-inline: 6px 32px;
    border: 0;
    outline: none;
    background: transparent;
    color: var(--_text);
    font: inherit;
    cursor: pointer;
  }
  /* A select is as wide as its longest option, and the member options arrive in the frame after the board's
     first (first-frame.ts) or whenever the team changes: at its largest width from the start, the filters beside
     it never jump sideways. */
  .select-wrap .assignee-filter {
    width: var(--_select-width);
  }
  select option {
    background: var(--_surface);
    color: var(--_text);
  }
  .intake-actions {
    display: flex;
    align-items: center;
    gap: 4px;
  }
  /* ---------- bulk bar ---------- */
  .bulk-bar {
    display: flex;
    align-items: center;
    gap: 4px;
    margin-inline-start: auto;
    padding-block: 3px;
    padding-inline: 4px 3px;
    border-radius: calc(var(--_radius-sm) + 3px);
    transition: background 160ms;
  }
  .bulk-bar.has-selection {
    background: var(--_accent-soft);
  }
  .selected-count {
    padding-block: 0;
    padding-inline: 8px 6px;
    font-weight: 600;
    font-size: 13px;
    color: var(--_accent);
    white-space: nowrap;
  }
  .bulk-bar .bulk-assign {
    margin-inline-start: 4px;
  }
  .help-button,
  .icon-button {
    padding: 0 9px;
    min-width: var(--_target);
    justify-content: center;
  }

  /* ---------- narrow boards and phones (board-layout.ts): everything wraps, nothing is cut ---------- */
  :host([data-layout]) .toolbar {
    gap: 8px;
    padding: 10px 12px;
  }
  :host([data-layout]) .search-input {
    width: 100%;
  }
  :host([data-layout]) .bulk-bar {
    flex-wrap: wrap;
    margin-inline-start: 0;
  }
  /* Narrow boards and phones: the filters share one row, each label above its value (status-filter.ts
     stands compact too); on a phone that row comes under the search box. "All statuses" is the longest value
     a board starts with. */
  :host([data-layout]) .filters {
    flex: 1 1 100%;
    display: grid;
    grid-template-columns: minmax(0, 1.3fr) minmax(0, 1fr) minmax(0, 1.15fr) minmax(0, 0.85fr);
  }
  :host([data-layout='phone']) .filters {
    grid-template-columns: minmax(0, 1fr) minmax(0, 1.15fr) minmax(0, 0.85fr);
  }
  :host([data-layout='phone']) .search {
    grid-column: 1 / -1;
  }
  :host([data-layout]) .select-wrap {
    min-width: 0;
    flex-direction: column;
    align-items: stretch;
    justify-content: center;
  }
  :host([data-layout]) .select-wrap .field-prefix {
    padding-inline: 10px 26px;
    font-size: 11px;
    line-height: 14px;
  }
  :host([data-layout]) .select-wrap select,
  :host([data-layout]) .select-wrap .assignee-filter {
    flex: none;
    width: 100%;
    max-width: none;
    height: 18px;
    padding-inline: 10px 26px;
    line-height: 18px;
  }
  :host([data-layout]) .select-wrap::after {
    inset-inline-end: 11px;
  }
  /* Phones: the bulk bar takes a row of its own, after the intake buttons and "Keyboard shortcuts" (shown
     before it, so that button does not take a row alone; it stays the toolbar's last Tab stop). */
  :host([data-layout='phone']) .help-button {
    margin-inline-start: auto;
  }
  :host([data-layout='phone']) .bulk-bar {
    order: 1;
    flex: 1 1 100%;
    padding-inline: 0;
  }
  :host([data-layout='phone']) .bulk-bar .bulk-assign {
    margin-inline-start: auto;
  }
  .selected-count {
    white-space: normal;
  }
`;
