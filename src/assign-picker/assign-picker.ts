import { LitElement, html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { property, state } from 'lit/decorators.js';
import { foldText, type LeadStore, type MemberWithLoad } from '../../sdk/index.js';
import { consumeStore } from '../context.js';
import { StoreController } from '../controllers/store-controller.js';
import { LocalizeController, messages } from '../l10n.js';
import { avatar, avatarStyles } from '../shared/avatar.js';
import { DismissController } from '../internal/dismiss.js';
import { checkMemberId, checkStore, checkTheme, guardProperties } from '../internal/property-guard.js';
import { moveIndex } from '../internal/list-navigation.js';
import { placePopup } from '../internal/popup.js';
import { define } from '../shared/define.js';
import { popupStyles } from '../shared/popup.styles.js';
import { tokens } from '../shared/tokens.styles.js';
import { pickerStyles } from './assign-picker.styles.js';
import { typeAheadMatch } from './picker-options.js';

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

/** `value=""` and a missing attribute both mean "nobody". */
const valueConverter = {
  fromAttribute: (v: string | null) => (v ? v : null),
  toAttribute: (v: string | null) => v ?? '',
};

let nextPickerId = 0;

/**
 * @summary Chooses who owns a lead: an editable combobox (APG "list autocomplete") of active members with their
 * open-lead counts, plus "Unassigned". Typing filters the list; it never writes to the store itself.
 *
 * @tagname assign-picker
 *
 * @fires change - The user chose a different assignee; read `.value` (bubbles, composed).
 * @fires input - Fired just before `change`, as native form controls do (bubbles, composed).
 *
 * @csspart base - The wrapper around label, control and popup.
 * @csspart label - The label ("Assignee" unless `label` is set; visually hidden by default).
 * @csspart control - The button-like frame around the avatar, the combobox and the chevron.
 * @csspart combobox - The `role="combobox"` text field.
 * @csspart listbox - The popup list of people.
 * @csspart option - Each person (and "Unassigned") in the list.
 * @csspart avatar - The avatars, in the control and in each option.
 *
 * @themetokens
 * @cssproperty --lead-picker-max-height - Tallest the popup may grow before scrolling (default 320px).
 */
export class AssignPicker extends LitElement {
  static override styles = [tokens, avatarStyles, popupStyles, pickerStyles];
  static override shadowRootOptions = { ...LitElement.shadowRootOptions, delegatesFocus: true };
  static formAssociated = true;

  /** The store the members come from; provided by a surrounding `<lead-kanban>` or set directly. */
  @property({ attribute: false })
  store: LeadStore | undefined;

  /** Follows the store a surrounding board provides (src/context.ts). */
  private readonly storeConsumer = consumeStore(this);

  /**
   * The chosen member id, or null for nobody. The attribute `value=""` means null. `undefined` (property only)
   * means nothing is chosen yet: the field shows `placeholder`, no option is selected, and choosing "Unassigned"
   * then fires `change` too (a dialog can wait for an explicit choice).
   */
  @property({ converter: valueConverter }) value: string | null | undefined = null;

  /** Text shown in the empty field while nothing is chosen (`value` undefined), e.g. "Choose a person". */
  @property() placeholder = '';

  /** Form field name (submitted as the member id, or an empty string for nobody). */
  @property({ reflect: true }) name = '';

  @property({ type: Boolean, reflect: true }) disabled = false;

  /** Visible label. Unset: the label "Assignee" exists for assistive technology but is visually hidden. */
  @property() label = '';

  /**
   * The colour scheme, for this element and everything inside it: `light` or `dark`. Absent, it follows the
   * system (`prefers-color-scheme`), or `--lead-color-scheme` set on an ancestor.
   */
  @property({ reflect: true }) theme: 'light' | 'dark' | undefined;

  @state() private expanded = false;
  @state() private activeId: string | null = null;
  /** What the user typed since opening; empty shows every choice. */
  @state() private query = '';
  /** True once the user typed since opening: the field then holds their filter, not the chosen name. */
  private editing = false;
  @state() private formDisabled = false;

  // Plain getters rather than @query: the decorator's module is then not shipped at all.
  private get input(): HTMLInputElement {
    return this.renderRoot.querySelector('input')!;
  }
  private get popup(): HTMLElement {
    return this.renderRoot.querySelector('.popup')!;
  }
  private get control(): HTMLElement {
    return this.renderRoot.querySelector('.control')!;
  }

  private readonly internals = this.attachInternals();
  private readonly uid = `assign-picker-${++nextPickerId}`;
  private defaultValue: string | null = null;
  private readonly localize = new LocalizeController(this);
  // Re-render when members, their counts or the unassigned count change.
  protected readonly storeController = new StoreController(this, { interested: (c) => Boolean(c.members || c.status || c.leads) });
  private readonly dismissal = new DismissController(this, {
    dismiss: () => this.setExpanded(false),
    resized: () => this.position(),
    scrolled: () => this.position(),
  });

  override connectedCallback(): void {
    super.connectedCallback();
    this.defaultValue = valueConverter.fromAttribute(this.getAttribute('value'));
  }

  /** Closes the popup (e.g. when a host hides the picker). */
  close(): void {
    this.setExpanded(false);
  }

  // ---- form association ------------------------------------------------------------------------------------

  get form(): HTMLFormElement | null {
    return this.internals.form;
  }

  formResetCallback(): void {
    this.value = this.defaultValue;
  }

  formDisabledCallback(disabled: boolean): void {
    this.formDisabled = disabled;
  }

  formStateRestoreCallback(state: string | null): void {
    this.value = state ? state : null;
  }

  private get isDisabled(): boolean {
    return this.disabled || this.formDisabled;
  }

  // ---- data ------------------------------------------------------------------------------------------------

  private choices(): Choice[] {
    const store = this.store;
    const members = store?.assignableMembers ?? [];
    const msg = messages();
    const all: Choice[] = [
      { value: null, id: `${this.uid}-none`, member: undefined, name: msg.unassigned, count: store?.unassignedCount },
      ...members.map((m, i) => ({ value: m.id, id: `${this.uid}-${i}`, member: m, name: m.name, count: m.openLeads })),
    ];
    const q = foldText(this.query);
    return q ? all.filter((c) => foldText(c.name).includes(q)) : all;
  }

  private displayName(): string {
    if (this.value === undefined) return '';
    if (this.value === null) return messages().unassigned;
    return this.store?.member(this.value)?.name ?? this.value;
  }

  // ---- lifecycle -------------------------------------------------------------------------------------------

  protected override willUpdate(changed: PropertyValues): void {
    guardProperties(this, changed, { store: checkStore, value: checkMemberId, theme: checkTheme });
    // Nothing chosen yet submits nothing; nobody submits an empty string.
    if (changed.has('value')) {
      if (this.value === undefined) this.internals.setFormValue(null);
      else this.internals.setFormValue(this.value ?? '', this.value ?? '');
    }
    if ((changed.has('disabled') || changed.has('formDisabled')) && this.isDisabled) this.expanded = false;
  }

  protected override updated(changed: PropertyValues): void {
    if (changed.has('expanded')) {
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
    if (this.expanded && (changed.has('activeId') || changed.has('query'))) {
      this.shadowRoot?.getElementById(this.activeId ?? '')?.scrollIntoView({ block: 'nearest' });
    }
    // The field shows the chosen person (names may change in the store) unless the user is typing a filter.
    if (!this.editing && this.input.value !== this.displayName()) this.input.value = this.displayName();
  }

  /** Places the top-layer popup under the control, or above it when there is no room below. */
  private position(): void {
    placePopup(this.popup, this.control, { align: 'start', minWidth: POPUP_MIN_WIDTH });
  }

  // ---- interaction -----------------------------------------------------------------------------------------

  private setExpanded(open: boolean): void {
    if (open && this.isDisabled) return;
    if (open === this.expanded) return;
    this.query = '';
    this.editing = false;
    if (open) {
      // The chosen person is active when the list opens (else its first row).
      const choices = this.choices();
      this.activeId = (choices.find((c) => c.value === this.value) ?? choices[0])?.id ?? null;
    } else {
      this.activeId = null;
      this.input.value = this.displayName();
    }
    this.expanded = open;
  }

  private choose(choice: Choice): void {
    const changed = choice.value !== this.value;
    this.value = choice.value;
    this.setExpanded(false);
    if (changed) {
      this.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
      this.dispatchEvent(new Event('change', { bubbles: true, composed: true }));
    }
  }

  private onControlClick(e: MouseEvent): void {
    if (this.isDisabled) return;
    // The input keeps focus; clicks on the avatar or chevron still open the list.
    if (e.target !== this.input) this.input.focus();
    this.setExpanded(!this.expanded);
  }

  /** The first keystroke (or paste, or Backspace) replaces the shown name rather than editing it. */
  private onBeforeInput(e: InputEvent): void {
    if (this.editing) return;
    this.input.value = '';
    this.editing = true;
    if (e.inputType.startsWith('delete')) {
      // Nothing is left to delete, so no input event follows: show the whole list now.
      e.preventDefault();
      if (!this.expanded) this.setExpanded(true);
      this.editing = true;
      this.query = '';
    }
  }

  private onInput(e: Event): void {
    // Our own input/change events speak for the chosen value; per-keystroke filter text stays inside.
    e.stopPropagation();
    if (!this.expanded) this.setExpanded(true);
    this.editing = true;
    this.query = this.input.value;
    const choices = this.choices();
    this.activeId = (typeAheadMatch(choices, this.query) ?? choices[0])?.id ?? null;
  }

  private onKeyDown(e: KeyboardEvent): void {
    if (this.isDisabled) return;
    const choices = this.choices();
    const index = choices.findIndex((c) => c.id === this.activeId);
    switch (e.key) {
      case 'ArrowDown':
      case 'ArrowUp':
        e.preventDefault();
        if (!this.expanded) this.setExpanded(true);
        else this.activeId = choices[moveIndex(e.key, index, choices.length, { wrap: true })!]?.id ?? null;
        return;
      case 'Home':
      case 'End':
      case 'PageDown':
      case 'PageUp': {
        // With a filter typed, Home/End move the caret (APG); otherwise they jump through the list.
        if (!this.expanded || ((e.key === 'Home' || e.key === 'End') && this.query !== '')) return;
        e.preventDefault();
        this.activeId = choices[moveIndex(e.key, index, choices.length, { wrap: true, page: PAGE }) ?? -1]?.id ?? null;
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
  }

  private onFocusOut(e: FocusEvent): void {
    const to = e.relatedTarget as Node | null;
    if (to && (this.shadowRoot?.contains(to) || this.contains(to))) return;
    this.setExpanded(false);
  }

  // ---- rendering -------------------------------------------------------------------------------------------

  private renderOption(choice: Choice): TemplateResult {
    const msg = messages();
    const selected = choice.value === this.value;
    const countId = `${choice.id}-count`;
    return html`<div
      role="option"
      part="option"
      id=${choice.id}
      class="option ${choice.member ? '' : 'none'} ${choice.id === this.activeId ? 'active' : ''}"
      aria-selected=${selected ? 'true' : 'false'}
      aria-describedby=${choice.count === undefined ? nothing : countId}
      @click=${() => this.choose(choice)}
      @pointermove=${() => {
        if (this.activeId !== choice.id) this.activeId = choice.id;
      }}
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

  protected override render(): TemplateResult {
    const msg = messages();
    const choices = this.expanded ? this.choices() : [];
    const current = this.value === null ? undefined : this.store?.member(this.value);
    const labelId = `${this.uid}-label`;
    const listId = `${this.uid}-listbox`;
    const activeExists = choices.some((c) => c.id === this.activeId);
    return html`<div part="base" class="base ${this.expanded ? 'open' : ''}" @focusout=${this.onFocusOut}>
      <label part="label" id=${labelId} for="combobox" class=${this.label ? 'label' : 'visually-hidden'}
        >${this.label || msg.assignee}</label
      >
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
          class=${this.value === null ? 'placeholder-like' : ''}
          placeholder=${ifDefined(this.value === undefined && this.placeholder ? this.placeholder : undefined)}
          ?disabled=${this.isDisabled}
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

define('assign-picker', AssignPicker);

declare global {
  interface HTMLElementTagNameMap {
    'assign-picker': AssignPicker;
  }
}
