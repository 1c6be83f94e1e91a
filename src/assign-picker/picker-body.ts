/**
 * What `<assign-picker>` does once it is used: the combobox, its popup list of people, typing to filter,
 * the keyboard and the choice. No board shows a picker on its first frame (it lives in the drawer's header and
 * in the board's dialogs, each a chunk of its own), so this is a chunk of its own too, kept out of what a page
 * loads up front: the chunks that render a picker import this module, which brings the element's body with
 * them; a picker a host puts in its own page fetches it when it connects (assign-picker.ts). See
 * docs/architecture.md, "Late loading".
 */
import { html, nothing, type ReactiveController, type TemplateResult } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { foldText, type MemberWithLoad } from '../../sdk/index.js';
import { DismissController } from '../internal/dismiss.js';
import { adoptLate } from '../internal/late-styles.js';
import { moveIndex } from '../internal/list-navigation.js';
import { placePopup } from '../internal/popup.js';
import { messages } from '../l10n.js';
import { avatar } from '../shared/avatar.js';
import { popupStyles } from '../shared/popup.styles.js';
import type { AssignPicker } from './assign-picker.js';
import { pickerStyles } from './assign-picker.styles.js';
import { typeAheadMatch } from './picker-options.js';
import { pickerSlot, type PickerPrivates } from './picker-slot.js';

/** The popup is at least this wide (px), wider when the control is. */
const POPUP_MIN_WIDTH = 240;
/** How far PageUp/PageDown move through the people. */
const PAGE = 8;

/** One row of the popup: `member` undefined is the "Unassigned" choice. */
interface Choice {
  value: string | null;
  id: string;
  member: MemberWithLoad | undefined;
  name: string;
  count: number | undefined;
}

/** The picker's behaviour and rendering, one per element, made when the element can first render it. */
export class AssignPickerBody implements ReactiveController {
  private expanded = false;
  private activeId: string | null = null;
  /** What the user typed since opening; empty shows every choice. */
  private query = '';
  /** True once the user typed since opening: the field then holds their filter, not the chosen name. */
  private editing = false;
  /** What the last render showed, for what follows it (the popover shown or hidden, the active row scrolled to). */
  private shown = { expanded: false, activeId: null as string | null, query: '' };

  private readonly dismissal: DismissController;

  constructor(
    private readonly host: AssignPicker,
    private readonly privates: PickerPrivates,
  ) {
    host.addController(this);
    this.dismissal = new DismissController(host, {
      dismiss: () => this.setExpanded(false),
      resized: () => this.position(),
      scrolled: () => this.position(),
    });
  }

  hostConnected(): void {
    // Appended after the element's own sheets, where they stood when they were its `static styles`.
    adoptLate(this.host.renderRoot, popupStyles);
    adoptLate(this.host.renderRoot, pickerStyles);
  }

  private get input(): HTMLInputElement {
    return this.host.renderRoot.querySelector('input')!;
  }
  private get popup(): HTMLElement {
    return this.host.renderRoot.querySelector('.popup')!;
  }

  /** Closes the popup (the element's `close()`, its `disabled`). */
  close(): void {
    this.setExpanded(false);
  }

  // ---- data ------------------------------------------------------------------------------------------------

  private choices(): Choice[] {
    const { store } = this.host;
    const { uid } = this.privates;
    const members = store?.assignableMembers ?? [];
    const msg = messages();
    const all: Choice[] = [
      { value: null, id: `${uid}-none`, member: undefined, name: msg.unassigned, count: store?.unassignedCount },
      ...members.map((m, i) => ({ value: m.id, id: `${uid}-${i}`, member: m, name: m.name, count: m.openLeads })),
    ];
    const q = foldText(this.query);
    return q ? all.filter((c) => foldText(c.name).includes(q)) : all;
  }

  private displayName(): string {
    const { value, store } = this.host;
    if (value === undefined) return '';
    if (value === null) return messages().unassigned;
    return store?.member(value)?.name ?? value;
  }

  // ---- after each render -----------------------------------------------------------------------------------

  hostUpdated(): void {
    const shown = this.shown;
    if (shown.expanded !== this.expanded) {
      const popup = this.popup;
      if (this.expanded) {
        if (!popup.matches(':popover-open')) popup.showPopover();
        this.position();
        this.dismissal.start();
      } else {
        if (popup.matches(':popover-open')) popup.hidePopover();
        this.dismissal.stop();
      }
    }
    if (this.expanded && (shown.activeId !== this.activeId || shown.query !== this.query)) {
      this.host.shadowRoot?.getElementById(this.activeId ?? '')?.scrollIntoView({ block: 'nearest' });
    }
    this.shown = { expanded: this.expanded, activeId: this.activeId, query: this.query };
    // The field shows the chosen person (names may change in the store) unless the user is typing a filter.
    if (!this.editing && this.input.value !== this.displayName()) this.input.value = this.displayName();
  }

  /** Places the top-layer popup under the control, or above it when there is no room below. */
  private position(): void {
    const control = this.host.renderRoot.querySelector('.control');
    if (control) placePopup(this.popup, control, { align: 'start', minWidth: POPUP_MIN_WIDTH });
  }

  // ---- interaction -----------------------------------------------------------------------------------------

  private setActive(id: string | null): void {
    if (this.activeId === id) return;
    this.activeId = id;
    this.host.requestUpdate();
  }

  private setExpanded(open: boolean): void {
    if (open && this.privates.disabled()) return;
    if (open === this.expanded) return;
    this.query = '';
    this.editing = false;
    if (open) {
      // The chosen person is active when the list opens (else its first row).
      const choices = this.choices();
      this.activeId = (choices.find((c) => c.value === this.host.value) ?? choices[0])?.id ?? null;
    } else {
      this.activeId = null;
      this.input.value = this.displayName();
    }
    this.expanded = open;
    this.host.requestUpdate();
  }

  private choose(choice: Choice): void {
    const host = this.host;
    const changed = choice.value !== host.value;
    host.value = choice.value;
    this.setExpanded(false);
    if (changed) {
      host.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
      host.dispatchEvent(new Event('change', { bubbles: true, composed: true }));
    }
  }

  private readonly onControlClick = (e: MouseEvent) => {
    if (this.privates.disabled()) return;
    // The input keeps focus; clicks on the avatar or chevron still open the list.
    if (e.target !== this.input) this.input.focus();
    this.setExpanded(!this.expanded);
  };

  /** The first keystroke (or paste, or Backspace) replaces the shown name rather than editing it. */
  private readonly onBeforeInput = (e: InputEvent) => {
    if (this.editing) return;
    this.input.value = '';
    this.editing = true;
    if (e.inputType.startsWith('delete')) {
      // Nothing is left to delete, so no input event follows: show the whole list now.
      e.preventDefault();
      if (!this.expanded) this.setExpanded(true);
      this.editing = true;
      this.query = '';
      this.host.requestUpdate();
    }
  };

  private readonly onInput = (e: Event) => {
    // Our own input/change events speak for the chosen value; per-keystroke filter text stays inside.
    e.stopPropagation();
    if (!this.expanded) this.setExpanded(true);
    this.editing = true;
    this.query = this.input.value;
    const choices = this.choices();
    this.activeId = (typeAheadMatch(choices, this.query) ?? choices[0])?.id ?? null;
    this.host.requestUpdate();
  };

  private readonly onKeyDown = (e: KeyboardEvent) => {
    if (this.privates.disabled()) return;
    const choices = this.choices();
    const index = choices.findIndex((c) => c.id === this.activeId);
    switch (e.key) {
      case 'ArrowDown':
      case 'ArrowUp':
        e.preventDefault();
        if (!this.expanded) this.setExpanded(true);
        else this.setActive(choices[moveIndex(e.key, index, choices.length, { wrap: true })!]?.id ?? null);
        return;
      case 'Home':
      case 'End':
      case 'PageDown':
      case 'PageUp': {
        // With a filter typed, Home/End move the caret (APG); otherwise they jump through the list.
        if (!this.expanded || ((e.key === 'Home' || e.key === 'End') && this.query !== '')) return;
        e.preventDefault();
        this.setActive(choices[moveIndex(e.key, index, choices.length, { wrap: true, page: PAGE }) ?? -1]?.id ?? null);
        return;
      }
      case 'Enter': {
        e.preventDefault();
        const active = choices[index];
        if (this.expanded && active) this.choose(active);
        else this.setExpanded(!this.expanded);
        return;
      }
      case ' ': {
        // Space picks (or opens) until the user starts typing a filter; then it is just a space.
        if (this.query !== '') return;
        e.preventDefault();
        const active = choices[index];
        if (this.expanded && active) this.choose(active);
        else this.setExpanded(true);
        return;
      }
      case 'Tab':
        // Escape (close only the popup, unseen by a surrounding drawer or dialog) is the dismissal's.
        if (this.expanded) this.setExpanded(false);
        return;
      default:
    }
  };

  private readonly onFocusOut = (e: FocusEvent) => {
    const to = e.relatedTarget as Node | null;
    if (to && (this.host.shadowRoot?.contains(to) || this.host.contains(to))) return;
    this.setExpanded(false);
  };

  // ---- rendering -------------------------------------------------------------------------------------------

  private renderOption(choice: Choice): TemplateResult {
    const msg = messages();
    const selected = choice.value === this.host.value;
    const countId = `${choice.id}-count`;
    return html`<div
      role="option"
      part="option"
      id=${choice.id}
      class="option ${choice.member ? '' : 'none'} ${choice.id === this.activeId ? 'active' : ''}"
      aria-selected=${selected ? 'true' : 'false'}
      aria-describedby=${choice.count === undefined ? nothing : countId}
      @click=${() => this.choose(choice)}
      @pointermove=${() => this.setActive(choice.id)}
    >
      ${avatar(choice.member)}
      <span class="name ${choice.member ? '' : 'unassigned-name'}">${choice.name}</span>
      ${choice.count === undefined
        ? nothing
        : html`<span class="count" id=${countId} aria-hidden="true">${msg.openCount(choice.count)}</span>`}
      <svg class="check" viewBox="0 0 16 16" aria-hidden="true">
        <path d="M3.5 8.5l3 3 6-7" fill="none" stroke="currentColor" stroke-width="2" stroke-linecap="round" stroke-linejoin="round" />
      </svg>
    </div>`;
  }

  render(): TemplateResult {
    const msg = messages();
    const { value, store, label, placeholder } = this.host;
    const { uid } = this.privates;
    const isDisabled = this.privates.disabled();
    const choices = this.expanded ? this.choices() : [];
    const current = value === null || value === undefined ? undefined : store?.member(value);
    const labelId = `${uid}-label`;
    const listId = `${uid}-listbox`;
    const activeExists = choices.some((c) => c.id === this.activeId);
    return html`<div part="base" class="base ${this.expanded ? 'open' : ''}" @focusout=${this.onFocusOut}>
      <label part="label" id=${labelId} for="combobox" class=${label ? 'label' : 'visually-hidden'}>${label || msg.assignee}</label>
      <div
        part="control"
        class="control"
        @click=${this.onControlClick}
        @mousedown=${(e: MouseEvent) => {
          // Keep focus in the field when the avatar or chevron is pressed (else focusout would close the list).
          if (e.target !== this.input) e.preventDefault();
        }}
      >
        ${avatar(current)}
        <input
          id="combobox"
          part="combobox"
          role="combobox"
          type="text"
          autocomplete="off"
          spellcheck="false"
          aria-autocomplete="list"
          aria-expanded=${this.expanded ? 'true' : 'false'}
          aria-controls=${listId}
          aria-activedescendant=${this.expanded && activeExists ? this.activeId! : nothing}
          class=${value === null ? 'placeholder-like' : ''}
          placeholder=${ifDefined(value === undefined && placeholder ? placeholder : undefined)}
          ?disabled=${isDisabled}
          @input=${this.onInput}
          @change=${(e: Event) => e.stopPropagation()}
          @keydown=${this.onKeyDown}
          @beforeinput=${this.onBeforeInput}
        />
        <svg class="chevron" viewBox="0 0 16 16" aria-hidden="true">
          <path d="M4 6l4 4 4-4" fill="none" stroke="currentColor" stroke-width="1.6" stroke-linecap="round" stroke-linejoin="round" />
        </svg>
      </div>
      <div class="popup popup-surface" popover="manual" @mousedown=${(e: Event) => e.preventDefault()}>
        <!-- The listbox itself scrolls: a scroller the combobox controls needs no focus of its own (the
             combobox keeps it, aria-activedescendant names the active option). -->
        <div class="listbox" role="listbox" part="listbox" id=${listId} aria-labelledby=${labelId} ?hidden=${choices.length === 0}>
          ${choices.map((c) => this.renderOption(c))}
        </div>
        ${this.expanded && choices.length === 0 ? html`<div class="empty">${msg.noMatches}</div>` : nothing}
      </div>
    </div>`;
  }
}

pickerSlot.Body = AssignPickerBody;
