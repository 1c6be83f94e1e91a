import { LitElement, html, nothing } from 'lit';
import { property, state } from 'lit/decorators.js';
import { define } from '../shared/define.js';

export interface MenuItem {
  label: string;
  run: () => void;
  disabled?: boolean;
  /** Draws a separator above this item. */
  separated?: boolean;
}

/**
 * @summary The card actions menu of `<lead-kanban>` (internal): one APG menu shared by all cards, placed next
 * to the button that opened it. Arrow keys, Home/End and type-ahead move; Enter/Space run; Escape and Tab close
 * and return focus to the button. Renders into its own light DOM.
 *
 * @tagname lead-kanban-menu
 */
export class LeadKanbanMenu extends LitElement {
  @property() label = '';
  @property({ attribute: false }) items: readonly MenuItem[] = [];
  @state() private open = false;
  @state() private active = 0;
  private trigger: HTMLElement | null = null;
  /** Called after the menu closed (the board un-pins the card). */
  onClose: (() => void) | undefined;

  protected override createRenderRoot(): HTMLElement {
    return this;
  }

  get isOpen(): boolean {
    return this.open;
  }

  /** Opens beside `trigger` and focuses the first enabled item (or the last with `fromEnd`). */
  async show(trigger: HTMLElement, label: string, items: readonly MenuItem[], fromEnd = false): Promise<void> {
    this.trigger = trigger;
    this.label = label;
    this.items = items;
    const order = fromEnd ? [...items.keys()].reverse() : [...items.keys()];
    this.active = order.find((i) => !items[i]!.disabled) ?? 0;
    this.open = true;
    await this.updateComplete;
    this.place();
    this.focusActive();
    document.addEventListener('pointerdown', this.onOutside, true);
    window.addEventListener('resize', this.onViewportChange);
  }

  /** Closes; focus goes back to the button unless `restoreFocus` is false (e.g. a command moved it). */
  hide(restoreFocus = true): void {
    if (!this.open) return;
    this.open = false;
    document.removeEventListener('pointerdown', this.onOutside, true);
    window.removeEventListener('resize', this.onViewportChange);
    if (restoreFocus && this.trigger?.isConnected) this.trigger.focus();
    this.trigger = null;
    this.onClose?.();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    document.removeEventListener('pointerdown', this.onOutside, true);
    window.removeEventListener('resize', this.onViewportChange);
  }

  private readonly onOutside = (e: Event) => {
    const path = e.composedPath();
    if (!path.includes(this) && !(this.trigger && path.includes(this.trigger))) this.hide(false);
  };

  private readonly onViewportChange = () => this.hide(false);

  /** Fixed position under the trigger, flipped up or left when it would leave the viewport. */
  private place(): void {
    const menu = this.querySelector<HTMLElement>('.menu');
    if (!menu || !this.trigger) return;
    const rect = this.trigger.getBoundingClientRect();
    const width = menu.offsetWidth;
    const height = menu.offsetHeight;
    let left = rect.right - width;
    if (left < 8) left = Math.min(rect.left, window.innerWidth - width - 8);
    let top = rect.bottom + 4;
    if (top + height > window.innerHeight - 8) top = Math.max(8, rect.top - height - 4);
    menu.style.left = `${Math.max(8, left)}px`;
    menu.style.top = `${top}px`;
  }

  private focusActive(): void {
    this.querySelector<HTMLElement>(`[data-index="${this.active}"]`)?.focus();
  }

  private moveActive(step: 1 | -1 | 'first' | 'last'): void {
    const n = this.items.length;
    if (n === 0) return;
    let i = step === 'first' ? 0 : step === 'last' ? n - 1 : this.active + step;
    i = ((i % n) + n) % n;
    this.active = i;
    void this.updateComplete.then(() => this.focusActive());
  }

  private run(index: number): void {
    const item = this.items[index];
    if (!item || item.disabled) return;
    // Close first without restoring focus: the command decides where focus goes (the moved card).
    this.hide(false);
    item.run();
  }

  private readonly onKeydown = (e: KeyboardEvent) => {
    switch (e.key) {
      case 'ArrowDown':
        this.moveActive(1);
        break;
      case 'ArrowUp':
        this.moveActive(-1);
        break;
      case 'Home':
        this.moveActive('first');
        break;
      case 'End':
        this.moveActive('last');
        break;
      case 'Escape':
        this.hide(true);
        break;
      case 'Tab':
        this.hide(true);
        return; // let Tab move on from the button
      case 'Enter':
      case ' ':
        this.run(this.active);
        break;
      default: {
        if (e.key.length !== 1 || e.ctrlKey || e.metaKey || e.altKey) return;
        // Type-ahead: the next item starting with the typed character.
        const ch = e.key.toLowerCase();
        const n = this.items.length;
        for (let k = 1; k <= n; k++) {
          const i = (this.active + k) % n;
          if (this.items[i]!.label.toLowerCase().startsWith(ch)) {
            this.active = i;
            void this.updateComplete.then(() => this.focusActive());
            break;
          }
        }
      }
    }
    e.preventDefault();
    e.stopPropagation();
  };

  protected override render() {
    if (!this.open) return nothing;
    return html`<div class="menu" role="menu" aria-label=${this.label} @keydown=${this.onKeydown}>
      ${this.items.map(
        (item, i) => html`${item.separated ? html`<div class="menu-sep" role="separator"></div>` : nothing}
          <div
            class="menu-item"
            role="menuitem"
            data-index=${i}
            tabindex="-1"
            aria-disabled=${item.disabled ? 'true' : 'false'}
            @click=${() => this.run(i)}
            @pointermove=${() => {
              if (this.active !== i) {
                this.active = i;
                this.focusActive();
              }
            }}
          >
            ${item.label}
          </div>`,
      )}
    </div>`;
  }
}

define('lead-kanban-menu', LeadKanbanMenu);

declare global {
  interface HTMLElementTagNameMap {
    'lead-kanban-menu': LeadKanbanMenu;
  }
}
