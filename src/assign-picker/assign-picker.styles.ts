import { css } from 'lit';

export const pickerStyles = css`
  :host {
    display: inline-block;
    min-width: 12rem;
    vertical-align: middle;
  }
  :host([disabled]) {
    opacity: 0.6;
  }
  .base {
    display: grid;
    gap: 4px;
  }
  .label {
    font-size: 12px;
    font-weight: 600;
    letter-spacing: 0.02em;
    color: var(--_muted);
  }
  .control {
    position: relative;
    display: flex;
    align-items: center;
    gap: 8px;
    min-height: 36px;
    padding: 0 8px 0 8px;
    border: 1px solid var(--_border);
    border-radius: var(--_radius-sm);
    background: var(--_surface);
    box-shadow: var(--_shadow);
    cursor: pointer;
    transition: border-color 120ms ease, box-shadow 120ms ease;
  }
  .control:hover {
    border-color: color-mix(in srgb, var(--_accent) 45%, var(--_border));
  }
  .control:focus-within {
    border-color: var(--_accent);
    box-shadow: var(--_focus);
  }
  :host([disabled]) .control {
    cursor: not-allowed;
    box-shadow: none;
  }
  input {
    flex: 1;
    min-width: 0;
    height: 34px;
    padding: 0;
    border: 0;
    outline: none;
    background: transparent;
    color: inherit;
    font: inherit;
    font-weight: 400;
    cursor: inherit;
    text-overflow: ellipsis;
  }
  input.placeholder-like {
    color: var(--_muted);
  }
  input::placeholder {
    color: var(--_muted);
    opacity: 1;
  }
  .chevron {
    flex: none;
    width: 16px;
    height: 16px;
    color: var(--_muted);
    transition: transform 120ms ease;
  }
  .open .chevron {
    transform: rotate(180deg);
  }

  /* The popup lives in the top layer (popover), so a dialog's or column's overflow never clips it. */
  .popup {
    position: fixed;
    inset: auto;
    margin: 0;
    padding: 0;
    box-sizing: border-box;
    max-height: var(--lead-picker-max-height, 320px);
    overflow: hidden;
    flex-direction: column;
    color: var(--_text);
    font-family: var(--_font);
    font-size: var(--_font-size);
  }
  .popup:popover-open {
    display: flex;
  }
  /* The listbox scrolls, not the popup: see the template. */
  .listbox {
    min-height: 0;
    padding: 4px;
    overflow: auto;
    overscroll-behavior: contain;
  }
  .option {
    display: flex;
    align-items: center;
    gap: 10px;
    padding: 7px 8px;
    border-radius: var(--_radius-sm);
    cursor: pointer;
    user-select: none;
  }
  .option[aria-selected='true'] .name {
    font-weight: 600;
  }
  .option.active {
    background: var(--_accent-soft);
    outline: 2px solid var(--_accent);
    outline-offset: -2px;
  }
  .option:hover:not(.active) {
    background: var(--_surface-2);
  }
  .name {
    flex: 1;
    min-width: 0;
    overflow: hidden;
    text-overflow: ellipsis;
    white-space: nowrap;
  }
  .unassigned-name {
    color: var(--_muted);
  }
  .count {
    flex: none;
    font-size: 12px;
    font-variant-numeric: tabular-nums;
    color: var(--_muted);
  }
  .check {
    flex: none;
    width: 16px;
    height: 16px;
    color: var(--_accent);
    visibility: hidden;
  }
  .option[aria-selected='true'] .check {
    visibility: visible;
  }
  /* A rule between "Unassigned" and the people. */
  .option.none + .option {
    position: relative;
    margin-top: 9px;
  }
  .option.none + .option::before {
    content: '';
    position: absolute;
    inset-inline-start: 6px;
    inset-inline-end: 6px;
    top: -5px;
    height: 1px;
    background: var(--_border);
  }
  .empty {
    padding: 14px 12px;
    color: var(--_muted);
  }
  @media (prefers-reduced-motion: reduce) {
    .control,
    .chevron {
      transition: none;
    }
  }
  /* Touch screens and narrow ones: the box and each option are at least 44px to hit. */
  @media (pointer: coarse), (max-width: 640px) {
    .control,
    .option {
      min-height: 44px;
    }
  }
`;
