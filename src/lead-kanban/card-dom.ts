/**
 * A card's DOM, made and kept by hand: the `card(view)` directive a column renders for each card in its window
 * (board-column.ts). The markup is lead-card.ts's contract (what a card shows, its classes, names and ids);
 * this file is only how it gets into the DOM.
 *
 * Why not a Lit template: a card had about thirty bindings, and a board's first frame renders some seventy
 * cards, so Lit's per-binding work (a part per binding, a commit per value) was most of the cards' share of the
 * first render's script. Here a card is one clone of a prepared skeleton, then one pass that writes the values
 * that differ from what the card shows — the way the benchmark's hand-written floor builds its cards — and a
 * recycled card (another lead in the same place as the window moves) writes only what changed.
 */
import { noChange } from 'lit';
import { Directive, directive, PartType, type PartInfo } from 'lit/directive.js';
import { messages } from '../l10n.js';
import { avatarHue, avatarImage, initials } from '../shared/avatar.js';
import { formatValue } from '../shared/format.js';
import { KEYBOARD_HELP_ID, LIFT_HELP_ID } from './help-ids.js';
import type { CardView } from './lead-card.js';

/** What a card shows, as text: two views with the same values render the same DOM. */
interface CardText {
  id: string;
  name: string;
  setSize: string;
  position: string;
  busy: string;
  tab: string;
  checkLabel: string;
  menuLabel: string;
  expanded: string;
  company: string;
  value: string;
  hue: string;
  /** The avatar's image address, or '' for initials (or nobody). */
  image: string;
  initials: string;
  assigneeName: string;
  assigneeClass: string;
  /** The wait badge: '' when the lead is not waiting. */
  waitShort: string;
  waitLabel: string;
  waitTitle: string;
  /** ", new for you" for assistive technology: '' when not marked. */
  fresh: string;
  /** The lift overlay's name: '' when the card is not lifted. */
  liftLabel: string;
}

/** The card's state classes, toggled on the root one by one: SortableJS adds classes of its own there. */
const STATE_CLASSES = ['is-selected', 'is-pending', 'is-lifted', 'is-changed', 'is-assigned'] as const;

function textOf(view: CardView): CardText {
  const msg = messages();
  const { lead, assignee, waited, mark } = view;
  const { id, name, company, value, assigneeId } = lead;
  const unassigned = assigneeId === null;
  const assigneeName = assignee?.name ?? (unassigned ? msg.unassigned : msg.someone);
  const face = assignee && !unassigned ? assignee : undefined;
  const waitLabel = waited ? msg.waitingFor(waited.long) : '';
  const image = (face && avatarImage(face)) || '';
  return {
    id,
    name,
    setSize: String(view.setSize),
    position: String(view.position),
    busy: view.pending ? 'true' : 'false',
    tab: view.tabStop ? '0' : '-1',
    checkLabel: msg.selectLead(name),
    menuLabel: msg.cardActions(name),
    expanded: view.menuOpen ? 'true' : 'false',
    company: company || '',
    value: formatValue(value),
    hue: avatarHue(face),
    image,
    // Initials only where they show: a face without an image.
    initials: face && !image ? initials(face.name) : '',
    assigneeName,
    assigneeClass: `card-assignee-name${unassigned ? ' is-unassigned' : ''}${waited ? ' visually-hidden' : ''}`,
    waitShort: waited?.short ?? '',
    waitLabel,
    waitTitle: waited ? `${assigneeName}, ${waitLabel}` : '',
    fresh: mark === 'assigned' ? `, ${msg.newForYou}` : '',
    liftLabel: view.lifted ? msg.liftLabel(name) : '',
  };
}

let skeleton: HTMLElement | undefined;

/**
 * The parts of a card that never change, made once per page (on first use: importing this touches no DOM),
 * element by element: a page that requires Trusted Types refuses markup strings outside Lit's policy.
 */
function cardSkeleton(): HTMLElement {
  if (skeleton) return skeleton;
  const meta = make('div', 'card-meta');
  meta.append(
    make('span', 'card-company'),
    make('span', 'card-value'),
    make('span', 'avatar avatar-sm', { part: 'avatar', 'aria-hidden': 'true' }),
    make('span', 'card-assignee-name'),
  );
  skeleton = make('div', 'card', { part: 'card', role: 'listitem' });
  skeleton.append(
    make('input', 'card-check', { type: 'checkbox', 'aria-describedby': KEYBOARD_HELP_ID }),
    make('button', 'card-open card-name', { type: 'button' }),
    make('button', 'card-menu', { type: 'button', 'aria-haspopup': 'menu' }),
    meta,
  );
  return skeleton;
}

/** The elements of one card that values go into, and the values they show (`shown`). */
class CardNodes {
  readonly root: HTMLElement;
  private readonly check: HTMLInputElement;
  private readonly open: HTMLElement;
  private readonly menu: HTMLElement;
  private readonly meta: HTMLElement;
  private readonly company: HTMLElement;
  private readonly value: HTMLElement;
  private readonly avatar: HTMLElement;
  private readonly assignee: HTMLElement;
  private wait: HTMLElement | null = null;
  private fresh: HTMLElement | null = null;
  private lift: HTMLElement | null = null;
  private shown: CardText | undefined;

  constructor() {
    this.root = cardSkeleton().cloneNode(true) as HTMLElement;
    const child = (parent: Element, i: number) => parent.children[i] as HTMLElement;
    this.check = child(this.root, 0) as HTMLInputElement;
    this.open = child(this.root, 1);
    this.menu = child(this.root, 2);
    this.meta = child(this.root, 3);
    this.company = child(this.meta, 0);
    this.value = child(this.meta, 1);
    this.avatar = child(this.meta, 2);
    this.assignee = child(this.meta, 3);
  }

  /** Writes what differs between the card as shown and `view` (everything, the first time). */
  patch(view: CardView): void {
    const next = textOf(view);
    const was = this.shown;
    const changed = (key: keyof CardText) => was === undefined || was[key] !== next[key];
    const { root, check, open, menu } = this;

    if (changed('id')) {
      root.dataset.leadId = next.id;
      root.setAttribute('aria-labelledby', `card-${next.id}`);
      open.id = `card-${next.id}`;
      open.setAttribute('aria-describedby', `card-meta-${next.id} ${KEYBOARD_HELP_ID}`);
      this.meta.id = `card-meta-${next.id}`;
    }
    if (changed('setSize')) root.setAttribute('aria-setsize', next.setSize);
    if (changed('position')) root.setAttribute('aria-posinset', next.position);
    if (changed('busy')) root.setAttribute('aria-busy', next.busy);
    const states = [view.selected, view.pending, view.lifted, view.mark === 'changed', view.mark === 'assigned'];
    for (let i = 0; i < STATE_CLASSES.length; i++) {
      if (root.classList.contains(STATE_CLASSES[i]!) !== states[i]) root.classList.toggle(STATE_CLASSES[i]!, states[i]);
    }

    // The checkbox as the DOM has it (a click changes it before the store does), as Lit's live() compared it.
    if (check.checked !== view.selected) check.checked = view.selected;
    if (changed('checkLabel')) check.setAttribute('aria-label', next.checkLabel);
    if (changed('tab')) {
      check.tabIndex = open.tabIndex = menu.tabIndex = view.tabStop ? 0 : -1;
    }
    if (changed('name')) {
      open.title = next.name;
      setText(open, next.name);
    }
    if (changed('menuLabel')) menu.setAttribute('aria-label', next.menuLabel);
    if (changed('expanded')) menu.setAttribute('aria-expanded', next.expanded);

    if (changed('company')) setText(this.company, next.company);
    if (changed('value')) setText(this.value, next.value);
    if (changed('hue')) this.avatar.className = `avatar avatar-sm ${next.hue}`;
    if (changed('image') || changed('initials')) this.showFace(next);
    if (changed('assigneeClass')) this.assignee.className = next.assigneeClass;
    if (changed('assigneeName')) setText(this.assignee, next.assigneeName);
    if (changed('waitShort') || changed('waitLabel') || changed('waitTitle')) this.showWait(next);
    if (changed('fresh')) this.showFresh(next.fresh);
    if (changed('liftLabel')) this.showLift(next.liftLabel);
    this.shown = next;
  }

  private showFace({ image, initials }: CardText): void {
    const avatar = this.avatar;
    if (!image) {
      setText(avatar, initials);
      return;
    }
    let img = avatar.firstElementChild as HTMLImageElement | null;
    if (!img) {
      img = document.createElement('img');
      img.alt = '';
      avatar.replaceChildren(img);
    }
    img.src = image;
  }

  /** The badge of how long an unassigned lead has waited (lead-card.ts). */
  private showWait({ waitShort, waitLabel, waitTitle }: CardText): void {
    this.wait = optional(this.wait, waitShort !== '', () => {
      const badge = make('span', 'card-wait', { role: 'img' });
      this.assignee.after(badge);
      return badge;
    });
    if (!this.wait) return;
    this.wait.setAttribute('aria-label', waitLabel);
    this.wait.title = waitTitle;
    setText(this.wait, waitShort);
  }

  private showFresh(text: string): void {
    this.fresh = optional(this.fresh, text !== '', () => this.meta.appendChild(make('span', 'visually-hidden')));
    if (this.fresh) setText(this.fresh, text);
  }

  /** The overlay that holds focus while the card is lifted for a keyboard move (why: lead-card.ts). */
  private showLift(label: string): void {
    this.lift = optional(this.lift, label !== '', () =>
      this.root.appendChild(make('div', 'card-lift', { role: 'application', tabindex: '-1', 'aria-describedby': LIFT_HELP_ID })));
    this.lift?.setAttribute('aria-label', label);
  }
}

/**
 * An element's text, written into the text node it has (as Lit does): replacing the node instead would make
 * the browser drop and rebuild its layout object, on every card a filter change hands to another lead.
 */
function setText(el: HTMLElement, text: string): void {
  const node = el.firstChild;
  if (node instanceof Text && node === el.lastChild) node.data = text;
  else el.textContent = text;
}

/** An element with its class and attributes. */
function make(tag: string, className: string, attributes: Record<string, string> = {}): HTMLElement {
  const el = document.createElement(tag);
  el.className = className;
  for (const [name, value] of Object.entries(attributes)) el.setAttribute(name, value);
  return el;
}

/** A child a card shows only sometimes: removed when not `wanted`, else the one it has or a new one (`add`). */
function optional(el: HTMLElement | null, wanted: boolean, add: () => HTMLElement): HTMLElement | null {
  if (wanted) return el ?? add();
  el?.remove();
  return null;
}

class CardDirective extends Directive {
  private nodes: CardNodes | undefined;

  constructor(part: PartInfo) {
    super(part);
    if (part.type !== PartType.CHILD) throw new Error('card() renders a child of a card list');
  }

  render(_view: CardView): unknown {
    return noChange; // only rendered into the DOM (update), never on a server
  }

  override update(_part: unknown, [view]: [CardView]): unknown {
    (this.nodes ??= new CardNodes()).patch(view);
    return this.nodes.root; // the same node each time: the part leaves it where it is
  }
}

/**
 * One card, for a column's list: its element is made on the first render of this place in the list and kept
 * (recycled for another lead) while the place stays (see board-column.ts's keys).
 */
export const card = directive(CardDirective);
