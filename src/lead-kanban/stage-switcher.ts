import { html, type ReactiveController } from 'lit';
import type { Column } from '../../sdk/index.js';
import { inlineKey } from '../internal/direction.js';
import { messages } from '../l10n.js';
import type { BoardParts } from './board-parts.js';

/** The element id of a column's region, which its stage tab controls. */
export const columnRegionId = (key: string) => `column-${key}`;

/**
 * On a phone the board shows one column at a time (board-layout.ts); these tabs, one per column with its count,
 * choose which. Hidden on wider boards (the styles), where every column shows. The shown column is the one that
 * holds the board's Tab stop, so moving focus to another column with the arrow keys switches the stage too, and
 * its tab is scrolled into sight. One Tab stop: the arrow keys, Home and End move along the tabs and show the
 * stage at once.
 */
export class StageSwitcher implements ReactiveController {
  private shown: string | null = null;

  constructor(private readonly board: BoardParts) {
    board.host.addController(this);
  }

  hostUpdated(): void {
    const shown = this.board.roving.current()?.column ?? null;
    if (shown === this.shown) return;
    this.shown = shown;
    if (this.board.host.hasAttribute('data-layout')) this.tab(shown)?.scrollIntoView({ block: 'nearest', inline: 'nearest' });
  }

  private tab(column: string | null): HTMLElement | null {
    return column ? (this.board.host.shadowRoot?.querySelector<HTMLElement>(`.stage[data-stage="${CSS.escape(column)}"]`) ?? null) : null;
  }

  /** A stage chosen: that column shows, holding the Tab stop at the card near where the user was. */
  private choose(column: string, focusTab: boolean): void {
    const cards = this.board.store?.cardsIn(column) ?? [];
    const near = cards[Math.min(this.board.state.tabStopIndex, cards.length - 1)];
    this.board.roving.set({ column, id: near?.id ?? null });
    if (focusTab) void this.board.host.updateComplete.then(() => this.tab(column)?.focus());
  }

  private readonly onKeydown = (e: KeyboardEvent) => {
    const keys = this.board.columnKeys();
    const at = keys.indexOf((e.target as HTMLElement).dataset.stage ?? '');
    if (at < 0 || e.altKey || e.ctrlKey || e.metaKey) return;
    const moves: Record<string, number> = { ArrowLeft: at - 1, ArrowRight: at + 1, Home: 0, End: keys.length - 1 };
    const next = moves[inlineKey(e.key, this.board.host)];
    if (next === undefined) return;
    e.preventDefault();
    this.choose(keys[Math.max(0, Math.min(keys.length - 1, next))]!, true);
  };

  render(columns: readonly Column[]) {
    const msg = messages();
    const store = this.board.store;
    const current = this.board.roving.current()?.column ?? null;
    return html`<div class="stages" role="tablist" aria-label=${msg.stagesLabel} @keydown=${this.onKeydown}>
      ${columns.map((c) => {
        const selected = c.key === current;
        return html`<button
          type="button"
          role="tab"
          class="stage"
          data-stage=${c.key}
          aria-selected=${selected ? 'true' : 'false'}
          aria-controls=${columnRegionId(c.key)}
          tabindex=${selected ? 0 : -1}
          @click=${() => this.choose(c.key, false)}
        >
          <span class="stage-label">${c.label}</span><span class="stage-count">${store?.countIn(c.key) ?? 0}</span>
        </button>`;
      })}
    </div>`;
  }
}
