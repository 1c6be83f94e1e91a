import { LitElement, html, nothing } from 'lit';
import { property } from 'lit/decorators.js';
import { live } from 'lit/directives/live.js';
import type { Lead, Member } from '../../sdk/index.js';
import { LocalizeController, messages } from '../l10n.js';
import { avatar } from '../shared/avatar.js';
import { define } from '../shared/define.js';
import { formatValue } from '../shared/format.js';
import { KEYBOARD_HELP_ID, LIFT_HELP_ID } from './help-ids.js';

/** What a card shows of its assignee (the column keeps one object per member while these stay the same). */
export type MemberFace = Pick<Member, 'id' | 'name' | 'avatarUrl'>;

/**
 * @summary One lead on the board (internal part of `<lead-kanban>`): name, company, value and assignee, a
 * selection checkbox and an actions menu button. Renders into its own light DOM so the board's shadow root
 * styles it and SortableJS can drag it between columns.
 *
 * The column sets `role="listitem"`, `data-lead-id` and the set position on the host. The name is a button
 * stretched over the whole card: clicking anywhere opens the lead, and the button (the roving tab stop) is
 * named by the lead's name and described by company, value, assignee and the keyboard summary of the board's
 * "Keyboard shortcuts" dialog (same shadow root, so the ID reference resolves).
 *
 * While the card is lifted for a keyboard move, an overlay with `role="application"` holds focus: screen readers
 * switch to focus mode there, so the arrow keys reach the board instead of the virtual cursor.
 *
 * @tagname lead-kanban-card
 * @csspart card - The card surface.
 * @csspart avatar - The assignee's avatar.
 */
export class LeadKanbanCard extends LitElement {
  @property({ attribute: false }) lead!: Lead;
  /** The assignee (undefined: unassigned, or a member this viewer does not know). */
  @property({ attribute: false }) assignee: MemberFace | undefined;
  @property({ type: Boolean }) selected = false;
  /** A write for this lead is in flight. */
  @property({ type: Boolean }) pending = false;
  /** This card holds the board's single Tab stop. */
  @property({ type: Boolean }) tabStop = false;
  /** Its actions menu is open. */
  @property({ type: Boolean }) menuOpen = false;
  /** Picked up for a keyboard move (arrows choose the place, Enter/Space drops, Escape cancels). */
  @property({ type: Boolean }) lifted = false;

  private readonly localize = new LocalizeController(this);

  protected override createRenderRoot(): HTMLElement {
    return this;
  }

  protected override render() {
    // SortableJS clones the card for the drag image; the clone keeps the copied DOM and has no lead.
    if (!this.lead) return nothing;
    const msg = messages();
    const { id, name, company, value, assigneeId } = this.lead;
    const tab = this.tabStop ? 0 : -1;
    const unassigned = assigneeId === null;
    const assigneeName = this.assignee?.name ?? (unassigned ? msg.unassigned : msg.someone);
    // Written without whitespace between tags and with the icon inline: every card is created and removed as
    // the window moves and filters change, and each text node or marker less is work less (55 -> 29 nodes).
    // prettier-ignore
    return html`<div class="card${this.selected ? ' is-selected' : ''}${this.pending ? ' is-pending' : ''}${this.lifted ? ' is-lifted' : ''}" part="card"><div class="card-head"><input type="checkbox" class="card-check" aria-label=${msg.selectLead(name)} .checked=${live(this.selected)} tabindex=${tab} aria-describedby=${KEYBOARD_HELP_ID}><button type="button" class="card-open" id="card-${id}" tabindex=${tab} aria-describedby="card-meta-${id} ${KEYBOARD_HELP_ID}"><span class="card-name">${name}</span></button><button type="button" class="card-menu" aria-label=${msg.cardActions(name)} aria-haspopup="menu" aria-expanded=${this.menuOpen ? 'true' : 'false'} tabindex=${tab}><svg class="icon" viewBox="0 0 16 16" width="16" height="16" aria-hidden="true" focusable="false"><circle cx="3.5" cy="8" r="1.4"/><circle cx="8" cy="8" r="1.4"/><circle cx="12.5" cy="8" r="1.4"/></svg></button></div><div class="card-meta" id="card-meta-${id}"><span class="card-company">${company || nothing}</span><span class="card-foot"><span class="card-value">${formatValue(value)}</span><span class="card-assignee${unassigned ? ' is-unassigned' : ''}">${avatar(this.assignee && !unassigned ? this.assignee : undefined)}<span class="card-assignee-name">${assigneeName}</span></span></span></div>${this.pending ? html`<span class="card-busy" aria-hidden="true"></span>` : nothing}${this.lifted
        ? html`<div class="card-lift" role="application" tabindex="-1" aria-label=${msg.liftLabel(name)} aria-describedby=${LIFT_HELP_ID}></div>`
        : nothing}</div>`;
  }
}

define('lead-kanban-card', LeadKanbanCard);

declare global {
  interface HTMLElementTagNameMap {
    'lead-kanban-card': LeadKanbanCard;
  }
}
