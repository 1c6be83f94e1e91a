import { css } from 'lit';

/** The history's own controls (drawer-activity.ts, drawer-batch.ts): the filter, batches; and presence. */
export const drawerHistoryStyles = css`
  .history-filter {
    display: inline-flex;
    align-items: center;
    gap: 6px;
    font-size: 13px;
    font-weight: 400;
    color: var(--_muted);
    cursor: pointer;
  }
  .history-filter input {
    width: 15px;
    min-height: 0;
    height: 15px;
    margin: 0;
    padding: 0;
    accent-color: var(--_accent);
  }
  .batch-toggle {
    margin: 4px 0 0;
    padding: 2px 0;
    border: 0;
    background: none;
    color: var(--_accent);
    font: inherit;
    font-size: 13px;
    font-weight: 600;
    cursor: pointer;
  }
  .batch-toggle::after {
    content: ' ▸';
  }
  .batch-toggle[aria-expanded='true']::after {
    content: ' ▾';
  }
  .batch-toggle:focus-visible,
  .batch-lead:focus-visible {
    outline: none;
    box-shadow: var(--_focus);
    border-radius: 3px;
  }
  .batch {
    margin-top: 6px;
    padding: 8px 10px;
    border-inline-start: 2px solid color-mix(in srgb, var(--_accent) 45%, var(--_border));
    background: var(--_surface-2);
    border-radius: 0;
    border-start-end-radius: var(--_radius-sm);
    border-end-end-radius: var(--_radius-sm);
    font-size: 13px;
  }
  .batch-summary {
    margin: 0 0 4px;
    font-weight: 600;
  }
  .batch-leads {
    margin: 0;
    padding: 0;
    list-style: none;
    max-height: 220px;
    overflow: auto;
  }
  .batch-leads li {
    padding: 2px 0;
  }
  button.batch-lead {
    padding: 0;
    border: 0;
    background: none;
    color: var(--_accent);
    font: inherit;
    text-decoration: underline;
    cursor: pointer;
  }
  @media (pointer: coarse) {
    .batch-toggle,
    button.batch-lead {
      min-height: 44px;
    }
  }

  .presence {
    display: flex;
    align-items: center;
    gap: 8px;
    margin: 0;
    font-size: 13px;
    color: var(--_muted);
  }
  .presence:empty {
    display: none;
  }
  .presence-faces {
    display: inline-flex;
  }
  .presence-faces > * + * {
    margin-inline-start: -6px;
  }
  .presence-faces > * {
    box-shadow: 0 0 0 2px var(--_surface);
    border-radius: 50%;
  }
`;
