import type { Lead, Member } from '../../sdk/index.js';
import { fire } from '../shared/fire.js';
import type { WaitLabel } from '../shared/format.js';
import { CardMenuEvent, CardOpenEvent, CardToggleEvent } from './board-events.js';
import type { CardMark } from './live-marks.js';

/**
 * One lead on the board: name, company, value and assignee (for an unassigned lead, how long it has waited),
 * a selection checkbox and an actions menu button. Part `card` (and `avatar`) of `<lead-kanban>`, styled by
 * lead-card.styles.ts.
 *
 * A card is markup, not an element of its own: its column renders the cards in its window (board-column.ts)
 * with the `card()` directive of card-dom.ts, which makes and patches that markup by hand, so a card costs no
 * element construction, controllers, update cycle or template bindings of its own. At most ten elements (the
 * checkbox's hit area, the menu's dots, the wait clock and the busy bar are drawn by CSS): every node less is
 * work less on each update and on every style and layout of the board. The card's root is the surface: a
 * `div.card` with `role="listitem"`, `data-lead-id` and its state as classes (`is-selected`, `is-pending`,
 * `is-lifted`, `is-changed`, `is-assigned`; SortableJS adds its own there too, which card-dom.ts leaves alone).
 * The name is a button stretched over the whole card: clicking anywhere opens the lead, and the button (the
 * roving Tab stop) is named by the lead's name and described by company, value, assignee and the keyboard
 * summary the board renders once (KEYBOARD_HELP_ID) — an ID reference, so cards live in the board's shadow
 * root, not in shadow roots of their own.
 *
 * Clicks are handled once per column list (onCardClick), which fires `card-toggle`, `card-open` or
 * `card-menu` from the card (board-events.ts): no listener or closure per card.
 *
 * Inside: the checkbox, the name button, the actions button, and a meta line (`div.card-meta`, the name
 * button's description) with company, value, the avatar (part `avatar`), the assignee's name or "Unassigned",
 * the wait badge of an unassigned lead (an image to assistive technology, named by its long form, "waiting 2
 * days") and ", new for you" for a lead just assigned to you. While the card is lifted for a keyboard move, an
 * overlay with `role="application"` holds focus: screen readers switch to focus mode there, so the arrow keys
 * reach the board instead of the virtual cursor.
 */

/** What a card shows of its assignee (the board keeps one object per member while these stay the same). */
export type MemberFace = Pick<Member, 'id' | 'name' | 'avatarUrl'>;

/** The controls of a card that hold focus: checkbox, name (the card's main button), actions button, lift overlay. */
export type CardControl = 'check' | 'open' | 'menu' | 'lift';

const CONTROL_CLASS: Record<CardControl, string> = { check: 'card-check', open: 'card-open', menu: 'card-menu', lift: 'card-lift' };

/** What one card shows, as its column hands it over. */
export interface CardView {
  lead: Lead;
  /** 1-based place in the column's filtered cards, and their number (aria-posinset / aria-setsize). */
  position: number;
  setSize: number;
  /** The assignee (undefined: unassigned, or a member this viewer does not know). */
  assignee: MemberFace | undefined;
  selected: boolean;
  /** A write for this lead is in flight. */
  pending: boolean;
  /** This card holds the board's single Tab stop. */
  tabStop: boolean;
  /** Its actions menu is open. */
  menuOpen: boolean;
  /** Picked up for a keyboard move (arrows choose the place, Enter/Space drops, Escape cancels). */
  lifted: boolean;
  /** How long an unassigned lead has waited (from its creation), null when it is not waiting (wait-clock.ts). */
  waited: WaitLabel | null;
  /** Marked for a while: just changed by someone else, or just assigned to you (live-marks.ts). */
  mark: CardMark | null;
}

/** The card element of a lead id, as rendered (the selector drag.ts and the columns use). */
export const CARD_SELECTOR = '.card[data-lead-id]';

/**
 * How SortableJS drags cards (drag.ts): what is dragged, the handle, what keeps its own clicks, and the
 * classes it sets — all styled in lead-card.styles.ts.
 */
export const CARD_DRAG = {
  draggable: CARD_SELECTOR,
  handle: '.card',
  filter: '.card-check, .card-menu',
  ghostClass: 'is-drop-placeholder',
  chosenClass: 'is-chosen',
  dragClass: 'is-drag-image',
} as const;

/** The card and control an event target is, or null outside any card control. */
export function cardControlOf(target: EventTarget | null): { card: HTMLElement; leadId: string; control: CardControl } | null {
  if (!(target instanceof HTMLElement)) return null;
  const card = target.closest<HTMLElement>(CARD_SELECTOR);
  if (!card) return null;
  const control = (Object.keys(CONTROL_CLASS) as CardControl[]).find((c) => target.classList.contains(CONTROL_CLASS[c]));
  return control ? { card, leadId: card.dataset.leadId!, control } : null;
}

/** The lead id of the card holding `target` (any node inside it), or null. */
export function cardLeadId(target: EventTarget | null): string | null {
  return target instanceof Element ? (target.closest<HTMLElement>(CARD_SELECTOR)?.dataset.leadId ?? null) : null;
}

/** Focuses one of a card's controls (the name button when that control is not there). */
export function focusCardControl(card: Element, control: CardControl = 'open'): void {
  const el = card.querySelector<HTMLElement>(`.${CONTROL_CLASS[control]}`) ?? card.querySelector<HTMLElement>('.card-open');
  el?.focus();
}

/** A card's actions button (the card menu opens beside it). */
export const cardMenuButton = (card: Element): HTMLElement | null => card.querySelector<HTMLElement>('.card-menu');

/**
 * A click inside a column's card list: the card's checkbox toggles its selection (`range` with Shift), its
 * actions button opens the menu, anything else on the card (the name button covers it) opens the lead.
 * SortableJS's drag image is a copy without listeners; the lift overlay does nothing on a click.
 */
export function onCardClick(e: MouseEvent): void {
  const hit = cardControlOf(e.target);
  if (!hit) return;
  if (hit.control === 'check') fire(hit.card, new CardToggleEvent(hit.leadId, e.shiftKey));
  else if (hit.control === 'menu') fire(hit.card, new CardMenuEvent(hit.leadId, e.target as HTMLElement));
  else if (hit.control === 'open') fire(hit.card, new CardOpenEvent(hit.leadId));
}
