import { css } from 'lit';

/**
 * The rules of the card menu and the bulk "Assign leads" dialog come with their chunk (on-demand-parts.ts),
 * which fills this sheet when it arrives. Every board adopts the sheet from the start (see boardStyles), so
 * every board on the page has those rules once the chunk is there, without knowing when that happened. Until
 * then it is empty, and neither part is showing (both open only after the chunk arrived).
 */
export const onDemandPartsSheet = new CSSStyleSheet();

/**
 * Styles of the board and of every part rendered inside its shadow root (columns, cards, menu, dialog render
 * into light DOM there, so these rules reach them). Colours come from the --lead-* tokens only.
 */
const boardRules = css`
  :host {
    display: block;
    height: 100%;
    min-height: 360px;
    --_column-width: var(--lead-column-width, 220px);
    --_card-height: 104px;
    --_card-gap: 8px;
    --_control-height: 34px;
  }

  .board {
    display: flex;
    flex-direction: column;
    height: 100%;
    min-height: 0;
    background: var(--_bg);
    position: relative;
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
    font-weight: 500;
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
  .search-input:focus-visible,
  .select-like:focus-visible,
  .chip:focus-visible,
  .toast button:focus-visible,
  .column-empty:focus-visible,
  input[type='checkbox']:focus-visible {
    outline: none;
    box-shadow: var(--_focus);
  }
  .btn:disabled {
    cursor: not-allowed;
    opacity: 0.55;
  }
  .btn-primary {
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

  /* ---------- toolbar ---------- */
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
    left: 10px;
    color: var(--_muted);
    pointer-events: none;
  }
  .search-input {
    width: 240px;
    height: var(--_control-height);
    box-sizing: border-box;
    padding: 0 10px 0 32px;
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
  .select-wrap,
  .select-like {
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
  .select-wrap:hover,
  .select-like:hover {
    border-color: color-mix(in srgb, var(--_border) 50%, var(--_text));
  }
  .select-wrap:focus-within {
    box-shadow: var(--_focus);
  }
  .select-prefix {
    padding-left: 12px;
    color: var(--_muted);
    white-space: nowrap;
    pointer-events: none;
  }
  .select-wrap::after {
    content: '';
    position: absolute;
    right: 13px;
    top: 50%;
    width: 6px;
    height: 6px;
    border-right: 1.6px solid var(--_muted);
    border-bottom: 1.6px solid var(--_muted);
    transform: translateY(-70%) rotate(45deg);
    pointer-events: none;
  }
  .select-wrap select {
    appearance: none;
    max-width: 190px;
    text-overflow: ellipsis;
    height: 100%;
    padding: 0 32px 0 6px;
    border: 0;
    outline: none;
    background: transparent;
    color: var(--_text);
    font: inherit;
    font-weight: 500;
    cursor: pointer;
  }
  select option {
    background: var(--_surface);
    color: var(--_text);
  }
  .select-wrap.is-active,
  .status-filter.is-active .select-like {
    border-color: color-mix(in srgb, var(--_accent) 55%, var(--_border));
    background: var(--_accent-soft);
  }
  lead-kanban-status-filter {
    display: block;
  }
  .status-filter {
    position: relative;
  }
  .select-like {
    gap: 6px;
    padding-right: 10px;
    user-select: none;
  }
  .select-like .icon {
    color: var(--_muted);
  }
  .select-like-value {
    flex: 1;
    font-weight: 500;
  }
  .popover-list {
    position: absolute;
    z-index: 30;
    top: calc(100% + 4px);
    left: 0;
    min-width: 200px;
    padding: 4px;
    background: var(--_surface);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    box-shadow: var(--_shadow-lg);
  }
  .option {
    display: flex;
    align-items: center;
    gap: 8px;
    padding: 7px 10px;
    border-radius: var(--_radius-sm);
    cursor: pointer;
    font-size: 13px;
  }
  .option.is-active {
    background: color-mix(in srgb, var(--_text) 7%, transparent);
  }
  .option-check {
    display: inline-grid;
    place-items: center;
    width: 16px;
    height: 16px;
    border: 1.5px solid var(--_border);
    border-radius: 4px;
    color: transparent;
  }
  .option[aria-selected='true'] .option-check {
    background: var(--_accent);
    border-color: var(--_accent);
    color: var(--_accent-text);
  }
  .option-check .icon {
    width: 12px;
    height: 12px;
    fill: none;
  }

  /* ---------- bulk bar ---------- */
  .bulk-bar {
    display: flex;
    align-items: center;
    gap: 4px;
    margin-left: auto;
    padding: 3px 3px 3px 4px;
    border-radius: calc(var(--_radius-sm) + 3px);
    transition: background 160ms;
  }
  .bulk-bar.has-selection {
    background: var(--_accent-soft);
  }
  .selected-count {
    padding: 0 6px 0 8px;
    font-weight: 600;
    font-size: 13px;
    color: var(--_accent);
    white-space: nowrap;
  }
  .bulk-bar .bulk-assign {
    margin-left: 4px;
  }

  /* ---------- workload ---------- */
  .workload {
    display: flex;
    align-items: center;
    gap: 14px;
    padding: 8px 20px;
    background: var(--_surface);
    border-bottom: 1px solid var(--_border);
    min-height: 40px;
    box-sizing: border-box;
  }
  .viewing-as {
    display: inline-flex;
    align-items: center;
    gap: 8px;
    font-size: 12.5px;
    color: var(--_muted);
    white-space: nowrap;
    padding-right: 14px;
    border-right: 1px solid var(--_border);
  }
  .workload-label {
    font-size: 11px;
    font-weight: 600;
    letter-spacing: 0.06em;
    text-transform: uppercase;
    color: var(--_muted);
  }
  .chips {
    display: flex;
    gap: 6px;
    overflow-x: auto;
    scrollbar-width: none;
    padding: 2px 24px 2px 2px;
    min-width: 0;
    mask-image: linear-gradient(90deg, black calc(100% - 32px), transparent);
  }
  .chip {
    position: relative;
    display: inline-flex;
    align-items: center;
    gap: 6px;
    flex: none;
    height: 30px;
    padding: 0 10px 0 4px;
    border: 1px solid var(--_border);
    border-radius: 999px;
    background: var(--_surface);
    font-size: 12.5px;
    cursor: pointer;
    overflow: hidden;
    transition: border-color 120ms, background 120ms;
  }
  .chip:hover {
    border-color: color-mix(in srgb, var(--_border) 50%, var(--_text));
  }
  .chip.is-pressed {
    border-color: var(--_accent);
    background: var(--_accent-soft);
  }
  .chip-name {
    max-width: 120px;
    overflow: hidden;
    text-overflow: ellipsis;
    white-space: nowrap;
  }
  .chip-count {
    font-weight: 600;
    font-variant-numeric: tabular-nums;
  }
  .chip-unassigned .chip-name {
    color: var(--_muted);
  }
  .chip-bar {
    position: absolute;
    left: 10px;
    right: 10px;
    bottom: 3px;
    height: 2px;
    border-radius: 2px;
    background: color-mix(in srgb, var(--_text) 8%, transparent);
  }
  .chip-bar > span {
    display: block;
    height: 100%;
    border-radius: inherit;
    background: color-mix(in srgb, var(--_accent) 70%, transparent);
  }
  .chip-unassigned .chip-bar > span {
    background: var(--_warning);
  }

  /* ---------- columns ---------- */
  .columns {
    flex: 1;
    min-height: 0;
    display: flex;
    gap: 8px;
    padding: 14px 20px 16px;
    overflow-x: auto;
    align-items: stretch;
  }
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
    gap: 8px;
    padding: 12px 12px 10px 19px;
  }
  .column-title {
    display: inline-flex;
    align-items: center;
    gap: 8px;
    min-width: 0;
    margin: 0;
    white-space: nowrap;
    font-size: 13px;
    font-weight: 650;
    letter-spacing: 0.01em;
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
    margin-left: auto;
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
  input[type='checkbox'] {
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
  .column-list {
    position: relative;
    min-height: 40px;
  }
  /* Keyboard move mode: where the lifted card would land (no layout height, so the virtual window holds). */
  lead-kanban-column[data-drop-target] {
    border-color: var(--_accent);
    box-shadow: inset 0 0 0 1px var(--_accent);
  }
  .drop-indicator {
    position: absolute;
    left: 0;
    right: 0;
    height: 4px;
    margin-top: -6px;
    border-radius: 2px;
    background: var(--_accent);
    pointer-events: none;
  }
  .drop-indicator::before {
    content: '';
    position: absolute;
    left: -4px;
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
    font-size: 12.5px;
    text-align: center;
  }
  .columns.is-loading .column-empty {
    border-style: solid;
    border-color: transparent;
    background: color-mix(in srgb, var(--_text) 4%, transparent);
  }

  /* ---------- cards ---------- */
  lead-kanban-card {
    display: block;
    height: calc(var(--_card-height) + var(--_card-gap));
    padding-bottom: var(--_card-gap);
    box-sizing: border-box;
  }
  .card {
    position: relative;
    height: var(--_card-height);
    box-sizing: border-box;
    display: flex;
    flex-direction: column;
    justify-content: space-between;
    padding: 10px 10px 10px 11px;
    background: var(--_surface);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    box-shadow: var(--_shadow);
    cursor: grab;
    transition: border-color 120ms, box-shadow 120ms, background 120ms;
    overflow: hidden;
  }
  .card:hover {
    border-color: color-mix(in srgb, var(--_border) 45%, var(--_text));
  }
  .card.is-selected {
    background: var(--_accent-soft);
    border-color: var(--_accent);
    box-shadow: 0 0 0 1px var(--_accent);
  }
  .card-head {
    display: flex;
    align-items: center;
    gap: 8px;
    min-width: 0;
  }
  .card-check,
  .card-menu {
    position: relative;
    z-index: 1;
  }
  .card-open {
    flex: 1;
    min-width: 0;
    padding: 0;
    border: 0;
    background: none;
    text-align: left;
    cursor: inherit;
    outline: none;
  }
  .card-open::after {
    content: '';
    position: absolute;
    inset: -1px;
    border-radius: inherit;
  }
  /* The card's focus ring: an outline on the card itself (its overflow would clip a ring drawn by the button;
     outlines also survive forced-colors mode, box-shadows do not). */
  .card:has(> .card-head > .card-open:focus-visible),
  .card.is-lifted {
    outline: 2px solid var(--_accent);
    outline-offset: 2px;
  }
  .card.is-lifted {
    border-color: var(--_accent);
    box-shadow: var(--_shadow-lg);
    transform: rotate(-1deg);
  }
  .card-lift {
    position: absolute;
    inset: 0;
    z-index: 2;
    border-radius: inherit;
    outline: none;
    cursor: grabbing;
  }
  @media (prefers-reduced-motion: reduce) {
    .card.is-lifted { transform: none; }
  }
  .card-name {
    display: block;
    overflow: hidden;
    text-overflow: ellipsis;
    white-space: nowrap;
    font-weight: 600;
    font-size: 14px;
    line-height: 20px;
  }
  .card-menu {
    display: inline-grid;
    place-items: center;
    width: 26px;
    height: 24px;
    margin-right: -4px;
    padding: 0;
    border: 0;
    border-radius: var(--_radius-sm);
    background: transparent;
    color: var(--_muted);
    cursor: pointer;
    opacity: 0.75;
  }
  .card:hover .card-menu,
  .card-menu:focus-visible,
  .card-menu[aria-expanded='true'] {
    opacity: 1;
  }
  .card-menu:hover,
  .card-menu[aria-expanded='true'] {
    background: color-mix(in srgb, var(--_text) 8%, transparent);
    color: var(--_text);
  }
  .card-menu:focus-visible {
    outline: none;
    box-shadow: var(--_focus);
  }
  .card-meta {
    display: flex;
    flex-direction: column;
    gap: 8px;
    min-width: 0;
  }
  .card-company {
    overflow: hidden;
    text-overflow: ellipsis;
    white-space: nowrap;
    color: var(--_muted);
    font-size: 12.5px;
    line-height: 16px;
    min-height: 16px;
  }
  .card-foot {
    display: flex;
    align-items: center;
    justify-content: space-between;
    gap: 8px;
    min-width: 0;
  }
  .card-value {
    font-weight: 600;
    font-size: 13px;
    font-variant-numeric: tabular-nums;
  }
  .card-assignee {
    display: inline-flex;
    align-items: center;
    gap: 6px;
    min-width: 0;
    font-size: 12px;
  }
  .card-assignee-name {
    overflow: hidden;
    text-overflow: ellipsis;
    white-space: nowrap;
    max-width: 130px;
  }
  .card-assignee.is-unassigned {
    color: var(--_muted);
    font-style: italic;
  }
  .card.is-pending {
    cursor: progress;
  }
  .card.is-pending .card-meta,
  .card.is-pending .card-name {
    opacity: 0.7;
  }
  .card-busy {
    position: absolute;
    left: 0;
    right: 0;
    bottom: 0;
    height: 2px;
    background: linear-gradient(90deg, transparent, var(--_accent), transparent);
    background-size: 50% 100%;
    background-repeat: no-repeat;
    animation: card-busy 1s linear infinite;
  }
  @keyframes card-busy {
    from { background-position: -50% 0; }
    to { background-position: 150% 0; }
  }
  @media (prefers-reduced-motion: reduce) {
    .card-busy { animation: none; background: var(--_accent); opacity: 0.5; }
  }

  /* drag and drop (SortableJS classes) */
  .is-drop-placeholder .card {
    background: color-mix(in srgb, var(--_accent) 8%, transparent);
    border: 1.5px dashed var(--_accent);
    box-shadow: none;
  }
  .is-drop-placeholder .card > * {
    visibility: hidden;
  }
  .is-drag-image .card {
    transform: rotate(2deg);
    box-shadow: var(--_shadow-lg);
    cursor: grabbing;
  }

  /* ---------- dialogs (bulk assign, keyboard shortcuts) ---------- */
  .assign-dialog,
  .help-dialog {
    box-sizing: border-box;
    border: 1px solid var(--_border);
    border-radius: calc(var(--_radius) + 4px);
    background: var(--_surface);
    color: var(--_text);
    box-shadow: var(--_shadow-lg);
  }
  .assign-dialog::backdrop,
  .help-dialog::backdrop {
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

  /* ---------- keyboard shortcuts dialog ---------- */
  .help-button {
    padding: 0 9px;
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
    text-align: left;
    font-size: 12px;
    font-weight: 600;
    color: var(--_muted);
    padding: 0 8px 6px 0;
    border-bottom: 1px solid var(--_border);
  }
  .help-table td {
    padding: 7px 12px 7px 0;
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
    font-size: 12.5px;
  }

  /* ---------- load error ---------- */
  .load-error {
    display: flex;
    align-items: center;
    gap: 12px;
    margin: 16px 20px 0;
    padding: 10px 14px;
    border-radius: var(--_radius);
    background: color-mix(in srgb, var(--_danger) 10%, var(--_surface));
    color: var(--_text);
  }
  .load-error p {
    margin: 0;
    flex: 1;
  }

  /* ---------- toasts ---------- */
  .toasts {
    position: absolute;
    z-index: 900;
    left: 50%;
    bottom: 20px;
    transform: translateX(-50%);
    display: flex;
    flex-direction: column;
    gap: 8px;
    align-items: center;
    pointer-events: none;
    width: max-content;
    max-width: calc(100% - 32px);
  }
  .toast {
    pointer-events: auto;
    display: flex;
    align-items: center;
    gap: 10px;
    padding: 8px 8px 8px 14px;
    border-radius: var(--_radius);
    background: color-mix(in srgb, var(--_text) 92%, var(--_bg));
    color: var(--_bg);
    box-shadow: var(--_shadow-lg);
    font-size: 13px;
    animation: toast-in 160ms ease-out;
  }
  @keyframes toast-in {
    from { transform: translateY(8px); opacity: 0; }
  }
  .toast-dot {
    width: 8px;
    height: 8px;
    border-radius: 50%;
    flex: none;
    background: var(--_success);
  }
  .toast-warning .toast-dot {
    background: #f0b429;
  }
  .toast-error .toast-dot {
    background: #f26d6d;
  }
  .toast-action {
    border: 0;
    background: transparent;
    color: color-mix(in srgb, var(--_accent) 55%, var(--_bg));
    font-weight: 650;
    padding: 4px 8px;
    border-radius: var(--_radius-sm);
    cursor: pointer;
  }
  .toast-close {
    display: inline-grid;
    place-items: center;
    width: 26px;
    height: 26px;
    border: 0;
    border-radius: var(--_radius-sm);
    background: transparent;
    color: inherit;
    opacity: 0.7;
    cursor: pointer;
  }
  .toast-action:hover,
  .toast-close:hover {
    background: color-mix(in srgb, var(--_bg) 14%, transparent);
    opacity: 1;
  }
`;

export const boardStyles = [boardRules, onDemandPartsSheet];
