import '../l10n/parts-late.js'; // the words of the parts loaded on demand (joins the table first)
import { LitElement, html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import '../l10n/collaboration-late.js'; // the words of the drawer's conflict, history and presence
import { property } from 'lit/decorators.js';
import type { Lead, LeadStore } from '../../sdk/index.js';
import type { AssignPicker } from '../assign-picker/assign-picker.js';
import { StoreController } from '../controllers/store-controller.js';
import { LeadRequestCloseEvent } from '../events/lead-request-close.js';
import { deepActiveElement, holdsFocus, trapTab } from '../internal/focus.js';
import { LocalizeController, messages } from '../l10n.js';
import { avatarStyles } from '../shared/avatar.js';
import { define } from '../shared/define.js';
import { fire } from '../shared/fire.js';
import { formatValue } from '../shared/format.js';
import { tokens } from '../shared/tokens.styles.js';
import { formStyles } from '../shared/form.styles.js';
import { DrawerActivity } from './drawer-activity.js';
import { drawerActivityStyles } from './drawer-activity.styles.js';
import { DrawerAssignment } from './drawer-assignment.js';
import { DrawerFields } from './drawer-fields.js';
import { DrawerPresence } from './drawer-presence.js';
import type { DrawerHost } from './drawer-host.js';
import { drawerContentStyles } from './lead-drawer-content.styles.js';
import { drawerHistoryStyles } from './drawer-history.styles.js';

/** Custom elements inside the drawer that take focus for their shadow content: one Tab stop each. */
const DELEGATES = ['assign-picker'];

/**
 * How long after opening a press on the backdrop does not close the drawer: the second click of a
 * double-click on a card (the first one opened it) lands on the backdrop, up to the usual double-click
 * interval later (500 ms is the common system default).
 */
export const OPENING_GRACE_MS = 500;

/**
 * @summary The content of `<lead-drawer>` (internal): the modal dialog with the lead's header, the assignee
 * picker (saved at once), the editable fields, notes and history. A chunk of its own, fetched after the page's
 * first frame and awaited by the drawer's opening (see lead-drawer.ts); it imports nothing of the board.
 *
 * While `open`, it shows the dialog (focus on Close), traps Tab in the panel, and on close gives focus back
 * to the element that had it when the drawer opened. A close the user asks for (Escape, Close, the backdrop)
 * is `lead-request-close` (cancelable, composed); unless prevented, `drawer-close` asks the drawer to close.
 *
 * @tagname lead-drawer-content
 * @fires drawer-close - Internal: the user's close request was not prevented; the drawer closes.
 */
export class LeadDrawerContent extends LitElement implements DrawerHost {
  static override styles = [tokens, avatarStyles, formStyles, drawerContentStyles, drawerActivityStyles, drawerHistoryStyles];

  @property({ attribute: false }) store: LeadStore | undefined;
  @property({ attribute: false }) leadId = '';
  @property({ attribute: false }) open = false;

  private returnFocusTo: HTMLElement | null = null;
  private escapeHandled = false;
  /** When the dialog was last shown (an event timestamp's clock), for OPENING_GRACE_MS. */
  private openedAt = -Infinity;
  private readonly localize = new LocalizeController(this);
  protected readonly storeController = new StoreController(this, {
    interested: (c) =>
      Boolean(
        c.leads?.has(this.leadId) || c.activity?.has(this.leadId) || c.presence?.has(this.leadId) || c.members ||
        c.status || c.pending || c.columns,
      ),
  });
  private readonly assignment = new DrawerAssignment(this);
  private readonly fields = new DrawerFields(this);
  private readonly activity = new DrawerActivity(this);
  private readonly presence = new DrawerPresence(this);

  get lead(): Lead | undefined {
    return this.leadId ? this.store?.lead(this.leadId) : undefined;
  }

  private get dialog(): HTMLDialogElement | null {
    return this.renderRoot?.querySelector('dialog') ?? null;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('leadId') || (changed.has('open') && this.open)) {
      // Drafts stay with their lead (drafts.ts); what else the parts showed starts over.
      this.assignment.reset();
      this.fields.reset();
      this.activity.reset();
    }
    if (changed.has('open') && this.open && !this.dialog?.open) {
      // Remember the element that had focus (a card deep inside the board) to give it back on close.
      const active = deepActiveElement();
      const drawer = (this.getRootNode() as ShadowRoot).host ?? this;
      const inside = active && (holdsFocus(this, active) || holdsFocus(drawer, active));
      this.returnFocusTo = active && !inside ? active : this.returnFocusTo;
    }
  }

  protected override updated(changed: PropertyValues<this>): void {
    if (!changed.has('open')) return;
    if (this.open) this.openDialog();
    else if (changed.get('open') !== undefined) this.closeDialog();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    if (this.dialog?.open) this.dialog.close();
  }

  private openDialog(): void {
    const dialog = this.dialog!;
    if (!dialog.open && this.isConnected) {
      dialog.showModal();
      this.openedAt = performance.now();
    }
    // The close button is the first stop: Enter closes at once, Tab goes on to the picker.
    (this.renderRoot.querySelector<HTMLElement>('.close') ?? dialog).focus();
  }

  private closeDialog(): void {
    this.renderRoot.querySelector<AssignPicker>('assign-picker')?.close();
    if (this.dialog?.open) this.dialog.close();
    const target = this.returnFocusTo;
    this.returnFocusTo = null;
    if (target?.isConnected) target.focus();
  }

  // ---- closing and the focus trap --------------------------------------------------------------------------

  private requestClose(source: LeadRequestCloseEvent['source']): void {
    if (fire(this, new LeadRequestCloseEvent(source))) fire(this, new Event('drawer-close'));
  }

  private readonly onKeyDown = (e: KeyboardEvent): void => {
    if (e.key === 'Escape' && !e.defaultPrevented) {
      // The picker takes its own Escape while its list is open, so this only runs when the list is closed.
      e.preventDefault();
      this.escapeHandled = true;
      queueMicrotask(() => (this.escapeHandled = false));
      if (this.assignment.pendingHandOff) this.assignment.cancelHandOff();
      else this.requestClose('escape');
      return;
    }
    if (e.key === 'Tab') trapTab(e, this.shadowRoot!, DELEGATES);
  };

  /** Native Escape handling of a modal dialog; ours runs on keydown, this only catches other close gestures. */
  private readonly onCancel = (e: Event): void => {
    e.preventDefault();
    if (!this.escapeHandled) this.requestClose('escape');
  };

  private readonly onBackdrop = (e: MouseEvent) => {
    // The click that opened the drawer must not close it: a double-click's second click (detail 2), or any
    // press within the grace period after opening, is not a request to close.
    if (e.detail > 1 || e.timeStamp - this.openedAt < OPENING_GRACE_MS) return;
    this.requestClose('backdrop');
  };
  private readonly onClose = () => this.requestClose('close-button');

  // ---- rendering -------------------------------------------------------------------------------------------

  protected override render(): TemplateResult {
    return html`<dialog part="base" role="dialog" aria-modal="true" aria-labelledby="title" @keydown=${this.onKeyDown} @cancel=${this.onCancel}>
      <div part="backdrop" class="backdrop" @click=${this.onBackdrop}></div>
      <div part="panel" class="panel">${this.open ? this.renderContent() : nothing}</div>
    </dialog>`;
  }

  private renderContent(): TemplateResult {
    const msg = messages();
    const store = this.store;
    const lead = this.lead;
    if (!lead) {
      const loading = !store || store.status === 'idle' || store.status === 'loading';
      const handedOffTo = this.assignment.handedOffTo;
      const title = handedOffTo ? msg.handedOff(handedOffTo) : loading ? msg.loadingLead : msg.leadNotFound;
      return html`<header part="header" class="header">
        <div class="title-row">
          <div class="titles"><h2 id="title" tabindex="-1">${title}</h2></div>
          ${this.renderCloseButton()}
        </div>
      </header>`;
    }
    return html`${this.renderHeader(lead)}
      <div part="body" class="body">${this.fields.render(lead)} ${this.activity.render(lead)}</div>`;
  }

  private renderCloseButton(): TemplateResult {
    const msg = messages();
    return html`<button part="close-button" class="close" type="button" aria-label=${msg.close} title=${msg.close} @click=${this.onClose}>
      <svg viewBox="0 0 16 16" aria-hidden="true">
        <path d="M4 4l8 8M12 4l-8 8" fill="none" stroke="currentColor" stroke-width="1.7" stroke-linecap="round" />
      </svg>
    </button>`;
  }

  private renderHeader(lead: Lead): TemplateResult {
    const status = this.store?.columns.find((c) => c.key === lead.status)?.label ?? lead.status;
    return html`<header part="header" class="header">
      <div class="title-row">
        <div class="titles">
          <h2 id="title" tabindex="-1">${lead.name}</h2>
          <p class="subtitle">
            ${lead.company ? html`<span>${lead.company}</span>` : nothing}
            <span class="chip">${status}</span>
            ${lead.value !== undefined ? html`<span class="chip value">${formatValue(lead.value)}</span>` : nothing}
          </p>
        </div>
        ${this.renderCloseButton()}
      </div>
      ${this.assignment.render(lead)} ${this.presence.render(lead)}
    </header>`;
  }
}

define('lead-drawer-content', LeadDrawerContent);

declare global {
  interface HTMLElementTagNameMap {
    'lead-drawer-content': LeadDrawerContent;
  }
  interface HTMLElementEventMap {
    'drawer-close': Event;
  }
}
