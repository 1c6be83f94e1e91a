import { LitElement, html, nothing } from 'lit';
import { property, state } from 'lit/decorators.js';
import { DismissController, type DismissReason } from '../internal/dismiss.js';
import { moveIndex, typeAhead } from '../internal/list-navigation.js';
import { placePopup } from '../internal/popup.js';
import { define } from '../shared/define.js';
import { popupStyles } from '../shared/popup.styles.js';
import { tokens } from '../shared/tokens.styles.js';
import { cardMenuStyles } from './card-menu.styles.js';

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
 * and return focus to the button; a press outside closes it. Loaded on first use (on-demand-parts.ts).
 *
 * @tagname lead-kanban-menu
 */
export class LeadKanbanMenu extends LitElement {
  static override styles = [tokens, popupStyles, cardMenuStyles];

  @property() label = '';
  @property({ attribute: false }) items: readonly MenuItem[] = [];
  @state() private open = false;
  @state() private active = 0;
  private trigger: HTMLElement | null = null;
  /** Called once the menu closed (the board un-pins the card). */
  private closed: (() => void) | undefined;

  private readonly dismissal = new DismissController(this, {
    inside: () => [this.trigger],
    dismiss: (reason: DismissReason) => this.hide(reason === 'escape'),
    // The menu sits where its button was: a resize moves the button, so the menu closes.
    resized: () => this.hide(false),
  });

  get isOpen(): boolean {
    return this.open;
  }

  /** Opens beside `trigger` and focuses the first enabled item; `closed` is called once it closes again. */
  async show(trigger: HTMLElement, label: string, items: readonly MenuItem[], closed?: () => void): Promise<void> {
    this.trigger = trigger;
    this.closed = closed;
    this.label = label;
    this.items = items;
    this.active = Math.max(0, items.findIndex((item) => !item.disabled));
    this.open = true;
    await this.updateComplete;
    const menu = this.renderRoot.querySelector<HTMLElement>('.menu');
    if (menu) placePopup(menu, trigger, { align: 'end' });
    this.focusActive();
    this.dismissal.start();
  }

  /** Closes; focus goes back to the button unless `restoreFocus` is false (e.g. a command moved it). */
  hide(restoreFocus = true): void {
    if (!this.open) return;
    this.open = false;
    this.dismissal.stop();
    if (restoreFocus && this.trigger?.isConnected) this.trigger.focus();
    this.trigger = null;
    const closed = this.closed;
    this.closed = undefined;
    closed?.();
  }

  private focusActive(): void {
    this.renderRoot.querySelector<HTMLElement>(`[data-index="${this.active}"]`)?.focus();
  }

  private setActive(index: number): void {
    this.active = index;
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
    // Escape is the dismissal's (it closes and gives focus back to the button).
    if (e.key === 'Escape') return;
    if (e.key === 'Tab') {
      this.hide(true);
      return; // let Tab move on from the button
    }
    const moved = moveIndex(e.key, this.active, this.items.length, { wrap: true });
    if (moved !== undefined) this.setActive(moved);
    else if (e.key === 'Enter' || e.key === ' ') this.run(this.active);
    else if (!e.ctrlKey && !e.metaKey && !e.altKey) {
      const found = typeAhead(this.items.map((i) => i.label), this.active, e.key);
      if (found === undefined && e.key.length !== 1) return;
      if (found !== undefined) this.setActive(found);
    } else return;
    e.preventDefault();
    e.stopPropagation();
  };

  protected override render() {
    if (!this.open) return nothing;
    return html`<div class="menu popup-surface" role="menu" aria-label=${this.label} @keydown=${this.onKeydown}>
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
