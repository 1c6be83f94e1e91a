import { css } from 'lit';

/** The "Filter by status" combobox and its listbox (status-filter.ts); its frame is shared controls' .field-frame. */
export const statusFilterStyles = css`
  :host {
    display: block;
  }
  .status-filter {
    position: relative;
  }
  .select-like:focus-visible {
    outline: none;
    box-shadow: var(--_focus);
  }
  .select-like {
    gap: 6px;
    padding-inline-end: 10px;
    user-select: none;
  }
  .select-like .icon {
    color: var(--_muted);
  }
  .select-like-value {
    flex: 1;
  }
  /* Compact (a narrow or a phone's board): the label above the value, the chevron beside both, as wide as its cell. */
  :host([compact]) .select-like {
    display: grid;
    grid-template-columns: minmax(0, 1fr) auto;
    align-content: center;
    row-gap: 0;
    width: 100%;
    padding-inline: 10px;
  }
  :host([compact]) .field-prefix {
    padding-inline: 0;
    font-size: 11px;
    line-height: 14px;
  }
  :host([compact]) .select-like-value {
    grid-row: 2;
    overflow: hidden;
    text-overflow: ellipsis;
    white-space: nowrap;
    line-height: 18px;
  }
  :host([compact]) .select-like .icon {
    grid-column: 2;
    grid-row: 1 / 3;
  }
  .popover-list {
    position: absolute;
    z-index: 30;
    top: calc(100% + 4px);
    inset-inline-start: 0;
    min-width: 200px;
    padding: 4px;
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
`;
