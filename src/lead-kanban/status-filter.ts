import { LitElement, html, nothing } from 'lit';
import { property, state } from 'lit/decorators.js';
import type { Column } from '../../sdk/index.js';
import { DismissController } from '../internal/dismiss.js';
import { moveIndex } from '../internal/list-navigation.js';
import { LocalizeController, messages } from '../l10n.js';
import { controlStyles } from '../shared/controls.styles.js';
import { define } from '../shared/define.js';
import { fire } from '../shared/fire.js';
import { popupStyles } from '../shared/popup.styles.js';
import { tokens } from '../shared/tokens.styles.js';
import { checkIcon, chevronIcon } from './icons.js';
import { statusFilterStyles } from './status-filter.styles.js';

/**
 * @summary The "Filter by status" control of `<lead-kanban>` (internal): a select-only combobox (APG) whose
 * listbox allows several statuses. Focus stays on the combobox; `aria-activedescendant` shows the active
 * option. Arrow keys move, Space/Enter toggle, Escape/Tab or a press outside close. No status chosen means
 * all statuses.
 *
 * @tagname lead-kanban-status-filter
 * @fires change - After each toggle; read `.value` (the statuses, in column order).
 */
export class LeadKanbanStatusFilter extends LitElement {
  static override styles = [tokens, controlStyles, popupStyles, statusFilterStyles];

  @property({ attribute: false }) columns: readonly Column[] = [];
  @property({ attribute: false }) value: readonly string[] = [];
  /** Its label above its value (a narrow or a phone's board, where the filters share one row); the board sets the attribute. */
  @property({ type: Boolean }) compact = false;
  @state() private open = false;
  @state() private active = 0;
  /** The options are made when the list first opens: a closed list is not seen, and the board's first frame has no use for them. */
  private listed = false;

  private readonly localize = new LocalizeController(this);

  private readonly dismissal = new DismissController(this, { dismiss: () => this.setOpen(false) });

  private setOpen(open: boolean): void {
    if (open === this.open) return;
    this.open = open;
    if (open) this.listed = true;
    if (open) this.dismissal.start();
    else this.dismissal.stop();
  }

  private toggle(key: string): void {
    const next = this.value.includes(key) ? this.value.filter((k) => k !== key) : [...this.value, key];
    // Keep the board's column order, whatever order they were clicked in.
    const ordered = this.columns.map((c) => c.key).filter((k) => next.includes(k));
    this.value = ordered;
    fire(this, new Event('change', { bubbles: true }));
  }

  private readonly onKeydown = (e: KeyboardEvent) => {
    const handled = () => {
      e.preventDefault();
      e.stopPropagation();
    };
    if (!this.open) {
      if (['ArrowDown', 'ArrowUp', 'Enter', ' '].includes(e.key)) {
        handled();
        this.setOpen(true);
      }
      return;
    }
    // Escape (close) is the dismissal's.
    const moved = moveIndex(e.key, this.active, this.columns.length, { wrap: false });
    if (moved !== undefined) {
      handled();
      this.active = moved;
    } else if (e.key === ' ' || e.key === 'Enter') {
      handled();
      const column = this.columns[this.active];
      if (column) this.toggle(column.key);
    } else if (e.key === 'Tab') {
      this.setOpen(false);
    }
  };

  private summary(): string {
    const msg = messages();
    if (this.value.length === 0) return msg.allStatuses;
    if (this.value.length === 1) return this.columns.find((c) => c.key === this.value[0])?.label ?? msg.statusCount(1);
    return msg.statusCount(this.value.length);
  }

  protected override render() {
    const msg = messages();
    return html`<div class="status-filter">
      <div
        class="field-frame select-like${this.value.length ? ' is-active' : ''}"
        role="combobox"
        tabindex="0"
        aria-label=${msg.filterByStatus}
        aria-haspopup="listbox"
        aria-expanded=${this.open ? 'true' : 'false'}
        aria-controls="status-filter-list"
        aria-activedescendant=${this.open ? `status-filter-${this.active}` : nothing}
        @click=${() => this.setOpen(!this.open)}
        @keydown=${this.onKeydown}
      >
        <span class="field-prefix" aria-hidden="true">${msg.fieldStatus}</span
        ><span class="select-like-value">${this.summary()}</span>${chevronIcon}
      </div>
      <div
        class="popover-list popup-surface"
        id="status-filter-list"
        role="listbox"
        aria-label=${msg.filterByStatus}
        aria-multiselectable="true"
        ?hidden=${!this.open}
      >
        ${(this.listed ? this.columns : []).map(
          (c, i) => html`<div
            class="option${i === this.active ? ' is-active' : ''}"
            role="option"
            id="status-filter-${i}"
            aria-selected=${this.value.includes(c.key) ? 'true' : 'false'}
            @pointerdown=${(e: Event) => e.preventDefault()}
            @click=${() => {
              this.active = i;
              this.toggle(c.key);
            }}
          >
            <span class="option-check">${checkIcon}</span>${c.label}
          </div>`,
        )}
      </div>
    </div>`;
  }
}

define('lead-kanban-status-filter', LeadKanbanStatusFilter);

declare global {
  interface HTMLElementTagNameMap {
    'lead-kanban-status-filter': LeadKanbanStatusFilter;
  }
}
