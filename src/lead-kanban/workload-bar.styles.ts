import { css } from 'lit';

/** The workload strip under the toolbar (workload-bar.ts). */
export const workloadStyles = css`
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
  .chip:focus-visible {
    outline: none;
    box-shadow: var(--_focus);
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
  .chip-wait {
    color: var(--_warning);
    font-size: 11.5px;
    font-weight: 600;
    white-space: nowrap;
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
`;
