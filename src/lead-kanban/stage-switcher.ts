import { html } from 'lit';
import type { Column, LeadStore } from '../../sdk/index.js';
import { messages } from '../l10n.js';

export interface StageContext {
  columns: readonly Column[];
  store: LeadStore | undefined;
  /** The column shown on a phone: the one holding the board's Tab stop. */
  current: string | null;
  /** A stage was chosen (click, or arrow keys along the tabs). */
  onChoose(column: string, focusTab: boolean): void;
}

/** The element id of a column's region, which its stage tab controls. */
export const columnRegionId = (key: string) => `column-${key}`;

/**
 * On a phone the board shows one column at a time (board-layout.ts); these tabs, one per column with its count,
 * choose which. Hidden on wider boards (the styles), where every column shows. The shown column is the one that
 * holds the board's Tab stop, so moving focus to another column with the arrow keys switches the stage too.
 * One Tab stop: the arrow keys, Home and End move along the tabs and show the stage at once.
 */
export function renderStageSwitcher(ctx: StageContext) {
  const msg = messages();
  const keys = ctx.columns.map((c) => c.key);
  const onKeydown = (e: KeyboardEvent) => {
    const at = keys.indexOf((e.target as HTMLElement).dataset.stage ?? '');
    if (at < 0 || e.altKey || e.ctrlKey || e.metaKey) return;
    const next =
      e.key === 'ArrowLeft' ? at - 1 : e.key === 'ArrowRight' ? at + 1 : e.key === 'Home' ? 0 : e.key === 'End' ? keys.length - 1 : -2;
    if (next === -2) return;
    e.preventDefault();
    const key = keys[Math.max(0, Math.min(keys.length - 1, next))]!;
    ctx.onChoose(key, true);
  };
  return html`<div class="stages" role="tablist" aria-label=${msg.stagesLabel} @keydown=${onKeydown}>
    ${ctx.columns.map((c) => {
      const selected = c.key === ctx.current;
      return html`<button
        type="button"
        role="tab"
        class="stage"
        data-stage=${c.key}
        aria-selected=${selected ? 'true' : 'false'}
        aria-controls=${columnRegionId(c.key)}
        tabindex=${selected ? 0 : -1}
        @click=${() => ctx.onChoose(c.key, false)}
      >
        <span class="stage-label">${c.label}</span><span class="stage-count">${ctx.store?.countIn(c.key) ?? 0}</span>
      </button>`;
    })}
  </div>`;
}
