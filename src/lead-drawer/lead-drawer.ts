import { LitElement, adoptStyles, css, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property } from 'lit/decorators.js';
import { consume } from '@lit/context';
import type { LeadStore } from '../../sdk/index.js';
import type { AssignPicker } from '../assign-picker/assign-picker.js';
import { storeContext } from '../context.js';
import { StoreController } from '../controllers/store-controller.js';
import { LocalizeController } from '../l10n.js';
import { avatarStyles } from '../shared/avatar.js';
import { define } from '../shared/define.js';
import { tokens } from '../shared/tokens.styles.js';
import type { DrawerBody } from './drawer-body.js';
import { drawerBodyChunk } from './drawer-body-chunk.js';
import { deepActiveElement, holdsFocus } from './focus.js';

type BodyModule = typeof import('./drawer-body.js');

/**
 * @summary A slide-in side panel showing one lead: assign it (saved at once), edit its fields, add notes and
 * read its history. A modal dialog named by the lead's name.
 *
 * @tagname lead-drawer
 *
 * @fires lead-request-close - Cancelable, before the drawer closes at the user's request (Escape, close
 * button, backdrop click); `preventDefault()` keeps it open.
 * @fires lead-request-assign - Cancelable, before the picker's choice is saved; `preventDefault()` reverts it.
 * @fires lead-assign - After the assignment settled; `detail.outcome` tells how it went.
 * @fires lead-update - After a field edit was saved (the store accepted it).
 *
 * @csspart base - The `<dialog>` spanning the viewport.
 * @csspart backdrop - The dimmed page behind the panel; a click on it asks to close.
 * @csspart panel - The sliding panel.
 * @csspart header - Name, company, close button and the assignee picker.
 * @csspart close-button - The close button.
 * @csspart picker - The `<assign-picker>` in the header.
 * @csspart body - The scrolling area below the header.
 * @csspart field - Each editable field (label, box, error).
 * @csspart notes - The add-a-note form (at the top of the Activity section).
 * @csspart activity - The history section.
 * @csspart avatar - The avatars in the history.
 *
 * @cssproperty --lead-drawer-width - Width of the panel (default 520px, never wider than the viewport).
 * @cssproperty --lead-drawer-backdrop - Colour of the backdrop.
 */
export class LeadDrawer extends LitElement {
  // The drawer is a shell: its content (template, styles, editing, notes, history) is a chunk of its own,
  // drawer-body.ts, fetched when the page is idle and awaited by every opening. Until it is there the drawer
  // renders nothing; `display: contents` keeps the empty host out of its container's layout meanwhile.
  static override styles = [tokens, avatarStyles, css`:host{display:contents}`];

  /** The store the lead comes from; provided by a surrounding `<lead-kanban>` or set directly. */
  @consume({ context: storeContext, subscribe: true })
  @property({ attribute: false })
  store: LeadStore | undefined;

  /** Id of the lead shown. */
  @property({ attribute: 'lead-id' }) leadId = '';

  /** Whether the drawer is showing. */
  @property({ type: Boolean, reflect: true }) open = false;

  /** The content and its handlers, once their chunk has arrived. */
  private body: DrawerBody | undefined;
  /** Set while this drawer waits for the chunk (it was opened before the chunk arrived). */
  private bodyArriving: Promise<void> | undefined;
  private returnFocusTo: HTMLElement | null = null;
  private readonly localize = new LocalizeController(this);
  protected readonly storeController = new StoreController(this, (c) =>
    Boolean(
      c.leads?.has(this.leadId) || c.activity?.has(this.leadId) || c.members || c.status || c.pending || c.columns,
    ),
  );

  /** Opens the drawer (focus moves into it and returns where it was on close). */
  show(): void {
    this.open = true;
  }

  /** Closes the drawer without asking (`lead-request-close` is only for the user's own requests). */
  hide(): void {
    this.open = false;
  }

  private get dialog(): HTMLDialogElement | null {
    return this.renderRoot?.querySelector('dialog') ?? null;
  }

  // ---- lifecycle -------------------------------------------------------------------------------------------

  override connectedCallback(): void {
    super.connectedCallback();
    drawerBodyChunk.preload(); // so that the first opening normally finds the content there
  }

  protected override willUpdate(changed: PropertyValues): void {
    if (changed.has('open') && this.open && !this.dialog?.open) {
      // Remember the element that had focus (a card deep inside the board) to give it back on close.
      const active = deepActiveElement();
      this.returnFocusTo = active && !holdsFocus(this, active) ? active : this.returnFocusTo;
    }
    if (!this.body) {
      const arrived = drawerBodyChunk.loaded();
      if (arrived) this.attachBody(arrived);
      else if (this.open) void this.fetchBody();
    }
    this.body?.willUpdate(changed);
  }

  protected override render(): TemplateResult | typeof nothing {
    return this.body ? this.body.render() : nothing;
  }

  protected override updated(changed: PropertyValues): void {
    if (changed.has('open')) {
      if (!this.open) this.closeDialog();
      // Opened before the content arrived: the dialog opens in the update that first renders it (fetchBody).
      else if (this.body) this.openDialog();
    }
  }

  /** An open drawer's update is complete once its content is shown: the chunk arrived and was rendered. */
  protected override async getUpdateComplete(): Promise<boolean> {
    let complete = await super.getUpdateComplete();
    while (this.open && !this.body && this.bodyArriving) {
      await this.bodyArriving;
      complete = await super.getUpdateComplete();
    }
    return complete;
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    if (this.dialog?.open) this.dialog.close();
  }

  private attachBody({ DrawerBody, drawerStyles }: BodyModule): void {
    // The content's styles go right after the drawer's own, before any a subclass adds (which may override them).
    const own = LeadDrawer.elementStyles;
    const all = (this.constructor as typeof LeadDrawer).elementStyles;
    adoptStyles(this.renderRoot as ShadowRoot, [...own, drawerStyles, ...all.slice(own.length)]);
    this.body = new DrawerBody(this);
  }

  private fetchBody(): Promise<void> {
    return (this.bodyArriving ??= drawerBodyChunk.load().then(
      (module) => {
        this.bodyArriving = undefined;
        if (!this.body) this.attachBody(module);
        // The dialog opens in the update that first renders the content, as if `open` had just been set.
        this.requestUpdate('open', false);
      },
      (error: unknown) => {
        // Offline: the drawer did not open. It says so by closing (a board opens it again on the next click,
        // which fetches again) and the error goes where uncaught errors go.
        this.bodyArriving = undefined;
        this.hide();
        reportError(error);
      },
    ));
  }

  private openDialog(): void {
    const dialog = this.dialog!;
    if (!dialog.open && this.isConnected) dialog.showModal();
    // The close button is the first stop: Enter closes at once, Tab goes on to the picker.
    (this.renderRoot.querySelector<HTMLElement>('.close') ?? dialog).focus();
  }

  private closeDialog(): void {
    this.renderRoot.querySelector<AssignPicker>('assign-picker')?.close();
    if (this.dialog?.open) this.dialog.close();
    const target = this.returnFocusTo;
    this.returnFocusTo = null;
    // Closed before its content arrived, the drawer never took focus: nothing to give back.
    if (target?.isConnected && this.body) target.focus();
  }
}

define('lead-drawer', LeadDrawer);

declare global {
  interface HTMLElementTagNameMap {
    'lead-drawer': LeadDrawer;
  }
}
