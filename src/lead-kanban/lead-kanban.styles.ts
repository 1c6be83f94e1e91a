import { css } from 'lit';

/**
 * The board's own frame: the host, the column row and the load error. Each part of the board brings its own
 * rules (toolbar, workload strip, columns, cards, toasts: their .styles.ts files), composed by the board's
 * `static styles` (lead-kanban.ts); colours come from the --lead-* tokens only.
 */
export const boardStyles = css`
  :host {
    display: block;
    height: 100%;
    min-height: 360px;
    --_column-width: var(--lead-column-width, 220px);
    /* The smallest a control's hit area may be: 44px on touch screens and narrow boards (board-layout.ts). */
    --_target: 0px;
  }
  :host([data-layout]) {
    --_target: 44px;
    --_control-height: 44px;
  }
  @media (pointer: coarse) {
    :host {
      --_target: 44px;
      --_control-height: 44px;
    }
  }

  /* The status filter's own root sets its control height; the board's (touch size or not) is the one to use. */
  lead-kanban-status-filter {
    --_control-height: inherit;
  }

  /* A checkbox drawn at its own size with a hit area of --_target around it (the label takes the clicks). */
  .check-hit {
    --_hit: max(16px, var(--_target));
    position: relative;
    z-index: 1;
    flex: none;
    display: inline-grid;
    place-items: center;
    width: var(--_hit);
    height: var(--_hit);
    margin: calc((16px - var(--_hit)) / 2);
    cursor: pointer;
  }
  .board {
    display: flex;
    flex-direction: column;
    height: 100%;
    min-height: 0;
    background: var(--_bg);
    position: relative;
  }

  .columns {
    flex: 1;
    min-height: 0;
    display: flex;
    gap: 8px;
    padding: 14px 20px 16px;
    overflow-x: auto;
    align-items: stretch;
  }
  :host([data-layout]) .columns {
    padding: 10px 12px 12px;
  }

  /* ---------- phones: one column at a time, chosen with the stage tabs (stage-switcher.ts) ---------- */
  .stages {
    display: none;
  }
  :host([data-layout='phone']) .stages {
    display: flex;
    gap: 4px;
    overflow-x: auto;
    scrollbar-width: none;
    padding: 8px 12px 0;
  }
  .stage {
    flex: none;
    display: inline-flex;
    align-items: center;
    gap: 6px;
    min-height: 44px;
    padding: 0 12px;
    border: 1px solid var(--_border);
    border-radius: 999px;
    background: var(--_surface);
    color: var(--_text);
    font: inherit;
    font-size: 13px;
    font-weight: 600;
    cursor: pointer;
  }
  .stage[aria-selected='true'] {
    border-color: var(--_accent);
    background: var(--_accent-soft);
    color: var(--_accent);
  }
  .stage:focus-visible {
    outline: none;
    box-shadow: var(--_focus);
  }
  .stage-count {
    font-variant-numeric: tabular-nums;
    color: var(--_muted);
  }
  :host([data-layout='phone']) lead-kanban-column:not([data-current]) {
    display: none;
  }
  :host([data-layout='phone']) lead-kanban-column {
    flex: 1 1 auto;
    max-width: none;
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
`;
