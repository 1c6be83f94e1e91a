import { LitElement, html, type PropertyValues } from 'lit';
import { property } from 'lit/decorators.js';
import type { LeadStore } from '../../sdk/index.js';
import { consumeStore } from '../context.js';
import { lazyModule, whenDefined } from '../internal/lazy.js';
import { REHEARSAL_LEAD_ID, Rehearsal, rehearse } from '../internal/rehearsal.js';
import { define } from '../shared/define.js';
import { checkLeadId, checkStore, checkTheme, guardProperties } from '../internal/property-guard.js';
import type { LeadOpenEvent } from '../events/lead-open.js';
import type { LeadDrawerContent } from './lead-drawer-content.js';
import { drawerStyles } from './lead-drawer.styles.js';

const CONTENT = 'lead-drawer-content';

/**
 * `<lead-drawer-content>`, a chunk of its own (src/internal/lazy.ts): a page's first frame never shows it, so
 * a host does not load it up front. Fetched in an idle period once a drawer is on the page.
 */
export const drawerContentChunk = lazyModule(() => import('./lead-drawer-content.js'));

/**
 * @summary A slide-in side panel showing one lead: assign it (saved at once), edit its fields, add notes and
 * read its history. A modal dialog named by the lead's name.
 *
 * The element itself is small and in the entry; what it shows is `<lead-drawer-content>`, fetched when the
 * page is idle and awaited by every opening. An open drawer's `updateComplete` resolves once that content has
 * arrived and rendered.
 *
 * @tagname lead-drawer
 *
 * @fires lead-request-close - Cancelable, before the drawer closes at the user's request (Escape, close
 * button, backdrop click); `preventDefault()` keeps it open.
 * @fires lead-request-assign - Cancelable, before the picker's choice is saved; `preventDefault()` reverts it.
 * @fires lead-assign - After the assignment settled; `detail.outcome` tells how it went.
 * @fires lead-update - After a field edit was saved (the store accepted it).
 * @fires lead-open - A user opened another lead from the drawer (a lead of a batch in the history); the drawer shows it.
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
 * @themetokens
 * @cssproperty --lead-drawer-width - Width of the panel (default 520px, never wider than the viewport).
 * @cssproperty --lead-drawer-backdrop - Colour of the backdrop.
 */
export class LeadDrawer extends LitElement {
  static override styles = drawerStyles;

  /** The store the lead comes from; provided by a surrounding `<lead-kanban>` or set directly. */
  @property({ attribute: false })
  store: LeadStore | undefined;

  /** Follows the store a surrounding board provides (src/context.ts). */
  private readonly storeConsumer = consumeStore(this);

  /** Id of the lead shown. */
  @property({ attribute: 'lead-id' }) leadId = '';

  /** Whether the drawer is showing. */
  @property({ type: Boolean, reflect: true }) open = false;

  /**
   * The colour scheme, for this element and everything inside it: `light` or `dark`. Absent, it follows the
   * system (`prefers-color-scheme`), or `--lead-color-scheme` set on an ancestor.
   */
  @property({ reflect: true }) theme: 'light' | 'dark' | undefined;

  /** Set while an opening waits for the content's chunk. */
  private arrival: Promise<void> | undefined;

  /** Opens the drawer (focus moves into it and returns where it was on close). */
  show(): void {
    this.open = true;
  }

  /** Closes the drawer without asking (`lead-request-close` is only for the user's own requests). */
  hide(): void {
    this.open = false;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    drawerContentChunk.preload(); // so that the first opening normally finds the content there
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    guardProperties(this, changed, { store: checkStore, leadId: checkLeadId, theme: checkTheme });
    if (this.open) drawerRehearsal.cancel(); // this opening prepares the templates (see rehearsal.ts)
    if (changed.has('open') && this.open && !customElements.get(CONTENT)) {
      this.arrival ??= whenDefined(CONTENT, drawerContentChunk).then(
        () => void (this.arrival = undefined),
        (error: unknown) => {
          // Offline: the drawer did not open. It says so by closing (a board opens it again on the next click,
          // which fetches again) and the error goes where uncaught errors go.
          this.arrival = undefined;
          this.hide();
          reportError(error);
        },
      );
    }
  }

  /** An open drawer's update is complete once its content is there (fetched, if need be) and rendered. */
  protected override async getUpdateComplete(): Promise<boolean> {
    const complete = await super.getUpdateComplete();
    if (this.arrival) await this.arrival;
    const content = this.renderRoot.querySelector<LeadDrawerContent>(CONTENT);
    if (content && customElements.get(CONTENT)) await content.updateComplete;
    return complete;
  }

  private readonly onContentClose = () => this.hide();

  /** A lead opened from inside (a lead of a batch in the history): the drawer shows it; the event goes on up. */
  private readonly onContentOpen = (e: Event) => {
    this.leadId = (e as LeadOpenEvent).leadId;
  };

  protected override render() {
    // Rendered at once: the element upgrades when its chunk arrives, with the properties given meanwhile.
    return html`<lead-drawer-content
      exportparts="base, backdrop, panel, header, close-button, picker, body, field, notes, activity, avatar"
      .store=${this.store}
      .leadId=${this.leadId}
      .open=${this.open}
      @drawer-close=${this.onContentClose}
      @lead-open=${this.onContentOpen}
    ></lead-drawer-content>`;
  }
}

/**
 * The first opening, rehearsed in an idle period once the content's chunk has arrived (it is preloaded after
 * the first frame): half of a first opening's script was Lit preparing the content's templates. Made before
 * the element is defined, which upgrades the drawers already on the page.
 */
export const drawerRehearsal = new Rehearsal(
  (store) => {
    const drawer = new LeadDrawer();
    drawer.store = store;
    drawer.leadId = REHEARSAL_LEAD_ID;
    drawer.open = true;
    return rehearse(drawer);
  },
  // Its history's entries too, as a first opening shows them once they come.
  { data: (store) => store.loadActivity(REHEARSAL_LEAD_ID) },
);
define('lead-drawer', LeadDrawer);
drawerRehearsal.schedule(drawerContentChunk.arrived);

declare global {
  interface HTMLElementTagNameMap {
    'lead-drawer': LeadDrawer;
  }
}
