import { LitElement, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import type { LeadStore } from '../../sdk/index.js';
import { consumeStore } from '../context.js';
import { StoreController } from '../controllers/store-controller.js';
import { lazyModule } from '../internal/lazy.js';
import { pickerSlot, type PickerBody, type PickerBodyClass } from './picker-slot.js';
import { LocalizeController } from '../l10n.js';
import { avatarStyles } from '../shared/avatar.js';
import { checkMemberId, checkStore, checkTheme, guardProperties } from '../internal/property-guard.js';
import { define } from '../shared/define.js';
import { tokens } from '../shared/tokens.styles.js';

/** The body's chunk, for a picker that connects before any chunk that renders pickers has brought it. */
export const pickerBodyChunk = lazyModule(() => import('./picker-body.js'));

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
 * The element here holds what a host sets and reads (its properties, its form value); its combobox and list
 * are its body (picker-body.ts), a chunk of its own: no board's first frame shows a picker.
 *
 * @tagname assign-picker
 *
 * @fires input - Fired just before `change`, as native form controls do (bubbles, composed).
 * @fires change - The user chose a different assignee; read `.value` (bubbles, composed).
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
  // The popup's and the control's rules come with the body (picker-body.ts adds them to the shadow root).
  static override styles = [tokens, avatarStyles];
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

  @state() private formDisabled = false;

  private readonly uid = `assign-picker-${++nextPickerId}`;
  private readonly internals = this.attachInternals();
  private defaultValue: string | null = null;
  private readonly localize = new LocalizeController(this);
  // Re-render when members, their counts or the unassigned count change.
  protected readonly storeController = new StoreController(this, { interested: (c) => Boolean(c.members || c.status || c.leads) });
  /** The combobox and its list (picker-body.ts), once its module has run. */
  private body: PickerBody | undefined;
  private bodyMade!: () => void;
  private readonly bodyReady = new Promise<void>((resolve) => (this.bodyMade = resolve));

  constructor() {
    super();
    this.makeBody();
  }

  private makeBody(): void {
    const Body = pickerSlot.Body as PickerBodyClass<this> | undefined;
    if (this.body || !Body) return;
    this.body = new Body(this, { uid: this.uid, disabled: () => this.isDisabled });
    this.bodyMade();
    this.requestUpdate();
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this.defaultValue = valueConverter.fromAttribute(this.getAttribute('value'));
    if (!this.body) pickerBodyChunk.inOrder(() => this.makeBody());
  }

  /** Resolves once the element has rendered with its body (a connected picker fetches it if it must). */
  protected override async getUpdateComplete(): Promise<boolean> {
    if (!this.body && this.isConnected) await this.bodyReady;
    return super.getUpdateComplete();
  }

  /** Closes the popup (e.g. when a host hides the picker). */
  close(): void {
    this.body?.close();
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

  // ---- lifecycle -------------------------------------------------------------------------------------------

  protected override willUpdate(changed: PropertyValues): void {
    guardProperties(this, changed, { store: checkStore, value: checkMemberId, theme: checkTheme });
    // Nothing chosen yet submits nothing; nobody submits an empty string.
    if (changed.has('value')) {
      if (this.value === undefined) this.internals.setFormValue(null);
      else this.internals.setFormValue(this.value ?? '', this.value ?? '');
    }
    if ((changed.has('disabled') || changed.has('formDisabled')) && this.isDisabled) this.body?.close();
  }

  /** Nothing until the body has come (a picker a host renders itself, for the moment of one small fetch). */
  protected override render(): TemplateResult | undefined {
    return this.body?.render();
  }
}

define('assign-picker', AssignPicker);

declare global {
  interface HTMLElementTagNameMap {
    'assign-picker': AssignPicker;
  }
}
