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
