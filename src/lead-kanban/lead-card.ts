import { LitElement, html, nothing, type PropertyValues } from 'lit';
import { property } from 'lit/decorators.js';
import { live } from 'lit/directives/live.js';
import type { Lead, Member } from '../../sdk/index.js';
import { LocalizeController, messages } from '../l10n.js';
import { avatar } from '../shared/avatar.js';
import { define } from '../shared/define.js';
import { fire } from '../shared/fire.js';
import { formatValue, type WaitLabel } from '../shared/format.js';
import { CardMenuEvent, CardOpenEvent, CardToggleEvent } from './board-events.js';
import { KEYBOARD_HELP_ID, LIFT_HELP_ID } from './help-ids.js';
import type { CardMark } from './live-marks.js';

/** What a card shows of its assignee (the board keeps one object per member while these stay the same). */
export type MemberFace = Pick<Member, 'id' | 'name' | 'avatarUrl'>;

/** The controls of a card that hold focus: checkbox, name (the card's main button), actions button, lift overlay. */
export type CardControl = 'check' | 'open' | 'menu' | 'lift';

const CONTROL_CLASS: Record<CardControl, string> = { check: 'card-check', open: 'card-open', menu: 'card-menu', lift: 'card-lift' };

/**
 * How SortableJS drags cards (drag.ts): what is dragged, the handle, what keeps its own clicks, and the
 * classes it sets — all styled in lead-card.styles.ts.
 */
export const CARD_DRAG = {
  draggable: 'lead-kanban-card',
  handle: '.card',
  filter: '.card-check, .card-menu',
  ghostClass: 'is-drop-placeholder',
  chosenClass: 'is-chosen',
  dragClass: 'is-drag-image',
} as const;

/** The card and control an event target is, or null outside any card control. */
export function cardControlOf(target: EventTarget | null): { card: LeadKanbanCard; control: CardControl } | null {
  if (!(target instanceof HTMLElement)) return null;
  const card = target.closest<LeadKanbanCard>('lead-kanban-card');
  if (!card) return null;
  const control = (Object.keys(CONTROL_CLASS) as CardControl[]).find((c) => target.classList.contains(CONTROL_CLASS[c]));
  return control ? { card, control } : null;
}

/**
 * @summary One lead on the board (internal part of `<lead-kanban>`): name, company, value and assignee (for
 * an unassigned lead, how long it has waited), a selection checkbox and an actions menu button. Fires `card-toggle`, `card-open` and `card-menu` up to the
 * board (board-events.ts), which owns what they do.
 *
 * Renders into its own light DOM, inside the board's shadow root (its rules are lead-card.styles.ts, composed
 * by the board): SortableJS moves card nodes between the columns' lists, and the card's name button is
 * described by the keyboard summary the board renders once (KEYBOARD_HELP_ID) — an ID reference that only
 * resolves within one shadow root. A shadow root per card would also cost every one of the cards a column
 * renders (see docs/architecture.md, "Styles").
 *
 * The host is the card's surface: the column sets `class="card"`, `part="card"`, `role="listitem"`,
 * `data-lead-id` and the set position on it, the card its state classes (willUpdate). The name is a button
 * stretched over the whole card: clicking anywhere opens the lead, and the button (the roving Tab stop) is
 * named by the lead's name and described by company, value, assignee and the keyboard summary.
 *
 * While the card is lifted for a keyboard move, an overlay with `role="application"` holds focus: screen
 * readers switch to focus mode there, so the arrow keys reach the board instead of the virtual cursor.
 *
 * @tagname lead-kanban-card
 * @fires card-toggle - Internal: its checkbox was clicked (`range` with Shift).
 * @fires card-open - Internal: the card was activated (click, or Enter on its name).
 * @fires card-menu - Internal: its actions button was clicked (`trigger`).
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
  /** How long an unassigned lead has waited (from its creation), null when it is not waiting (wait-clock.ts). */
  @property({ attribute: false }) waited: WaitLabel | null = null;
  /** Marked for a while: just changed by someone else, or just assigned to you (live-marks.ts). */
  @property({ attribute: false }) mark: CardMark | null = null;

  private readonly localize = new LocalizeController(this);

  protected override createRenderRoot(): HTMLElement {
    return this;
  }

  /** Focuses one of the card's controls (the name button when that control is not there). */
  focusControl(control: CardControl = 'open'): void {
    const el = this.querySelector<HTMLElement>(`.${CONTROL_CLASS[control]}`) ?? this.querySelector<HTMLElement>('.card-open');
    el?.focus();
  }

  /** The actions button (the card menu opens beside it). */
  get menuButton(): HTMLElement | null {
    return this.querySelector<HTMLElement>('.card-menu');
  }

  private readonly onCheck = (e: MouseEvent) => fire(this, new CardToggleEvent(this.lead.id, e.shiftKey));
  private readonly onOpen = () => fire(this, new CardOpenEvent(this.lead.id));
  private readonly onMenu = (e: MouseEvent) => fire(this, new CardMenuEvent(this.lead.id, e.currentTarget as HTMLElement));

  /** The card is its own surface: its state is a class on the host (SortableJS adds its own classes there too). */
  protected override willUpdate(changed: PropertyValues<this>): void {
    const list = this.classList;
    if (changed.has('selected')) list.toggle('is-selected', this.selected);
    if (changed.has('pending')) list.toggle('is-pending', this.pending);
    if (changed.has('lifted')) list.toggle('is-lifted', this.lifted);
    if (changed.has('mark')) {
      list.toggle('is-changed', this.mark === 'changed');
      list.toggle('is-assigned', this.mark === 'assigned');
    }
  }

  protected override render() {
    // SortableJS clones the card for the drag image; the clone keeps the copied DOM and has no lead.
    if (!this.lead) return nothing;
    const msg = messages();
    const { id, name, company, value, assigneeId } = this.lead;
    const tab = this.tabStop ? 0 : -1;
    const unassigned = assigneeId === null;
    const assigneeName = this.assignee?.name ?? (unassigned ? msg.unassigned : msg.someone);
    const waited = this.waited;
    // One flat template, no whitespace between tags: a card is at most ten elements (the host is the surface;
    // the checkbox's hit area, the menu's dots, the wait clock and the busy bar are drawn by CSS), and a card
    // element is recycled for other leads as the window moves (board-column.ts), so every node less is work
    // less on each of those updates and on every style and layout of the board.
    // The wait badge is an image to assistive technology, named by its long form ("waiting 2 days").
    // prettier-ignore
    return html`<input type="checkbox" class="card-check" aria-label=${msg.selectLead(name)} .checked=${live(this.selected)} tabindex=${tab} aria-describedby=${KEYBOARD_HELP_ID} @click=${this.onCheck}><button type="button" class="card-open card-name" id="card-${id}" title=${name} tabindex=${tab} aria-describedby="card-meta-${id} ${KEYBOARD_HELP_ID}" @click=${this.onOpen}>${name}</button><button type="button" class="card-menu" aria-label=${msg.cardActions(name)} aria-haspopup="menu" aria-expanded=${this.menuOpen ? 'true' : 'false'} tabindex=${tab} @click=${this.onMenu}></button><div class="card-meta" id="card-meta-${id}"><span class="card-company">${company || nothing}</span><span class="card-value">${formatValue(value)}</span>${avatar(this.assignee && !unassigned ? this.assignee : undefined)}<span class="card-assignee-name${unassigned ? ' is-unassigned' : ''}${waited ? ' visually-hidden' : ''}">${assigneeName}</span>${waited ? html`<span class="card-wait" role="img" aria-label=${msg.waitingFor(waited.long)} title="${assigneeName}, ${msg.waitingFor(waited.long)}">${waited.short}</span>` : nothing}${this.mark === 'assigned' ? html`<span class="visually-hidden">, ${msg.newForYou}</span>` : nothing}</div>${this.lifted
        ? html`<div class="card-lift" role="application" tabindex="-1" aria-label=${msg.liftLabel(name)} aria-describedby=${LIFT_HELP_ID}></div>`
        : nothing}`;
  }
}

define('lead-kanban-card', LeadKanbanCard);

declare global {
  interface HTMLElementTagNameMap {
    'lead-kanban-card': LeadKanbanCard;
  }
}
