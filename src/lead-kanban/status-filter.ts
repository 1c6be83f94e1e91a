import { LitElement, html, nothing } from 'lit';
import { property, state } from 'lit/decorators.js';
import type { Column } from '../../sdk/index.js';
import { LocalizeController, messages } from '../l10n.js';
import { define } from '../shared/define.js';
import { checkIcon, chevronIcon } from './icons.js';

/**
 * @summary The "Filter by status" control of `<lead-kanban>` (internal): a select-only combobox (APG) whose
 * listbox allows several statuses. Focus stays on the combobox; `aria-activedescendant` shows the active
 * option. Arrow keys move, Space/Enter toggle, Escape/Tab close. No status chosen means all statuses.
 *
 * @tagname lead-kanban-status-filter
 */
export class LeadKanbanStatusFilter extends LitElement {
  @property({ attribute: false }) columns: readonly Column[] = [];
  @property({ attribute: false }) value: readonly string[] = [];
  @state() private open = false;
  @state() private active = 0;
  /** Called with the new list of statuses after each toggle. */
  onChange: ((value: string[]) => void) | undefined;

  private readonly localize = new LocalizeController(this);

  protected override createRenderRoot(): HTMLElement {
    return this;
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    document.removeEventListener('pointerdown', this.onOutside, true);
  }

  private setOpen(open: boolean): void {
    if (open === this.open) return;
    this.open = open;
    if (open) document.addEventListener('pointerdown', this.onOutside, true);
    else document.removeEventListener('pointerdown', this.onOutside, true);
  }

  private readonly onOutside = (e: Event) => {
    if (!e.composedPath().includes(this)) this.setOpen(false);
  };

  private toggle(key: string): void {
    const next = this.value.includes(key) ? this.value.filter((k) => k !== key) : [...this.value, key];
    // Keep the board's column order, whatever order they were clicked in.
    const ordered = this.columns.map((c) => c.key).filter((k) => next.includes(k));
    this.value = ordered;
    this.onChange?.(ordered);
  }

  private readonly onKeydown = (e: KeyboardEvent) => {
    const n = this.columns.length;
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
    switch (e.key) {
      case 'ArrowDown':
        handled();
        this.active = Math.min(n - 1, this.active + 1);
        break;
      case 'ArrowUp':
        handled();
        this.active = Math.max(0, this.active - 1);
        break;
      case 'Home':
        handled();
        this.active = 0;
        break;
      case 'End':
        handled();
        this.active = n - 1;
        break;
      case ' ':
      case 'Enter': {
        handled();
        const column = this.columns[this.active];
        if (column) this.toggle(column.key);
        break;
      }
      case 'Escape':
        handled();
        this.setOpen(false);
        break;
      case 'Tab':
        this.setOpen(false);
        break;
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
    return html`<div class="status-filter${this.value.length ? ' is-active' : ''}">
      <div
        class="select-like"
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
        <span class="select-prefix" aria-hidden="true">${msg.fieldStatus}</span
        ><span class="select-like-value">${this.summary()}</span>${chevronIcon}
      </div>
      <div
        class="popover-list"
        id="status-filter-list"
        role="listbox"
        aria-label=${msg.filterByStatus}
        aria-multiselectable="true"
        ?hidden=${!this.open}
      >
        ${this.columns.map(
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
