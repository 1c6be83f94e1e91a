/**
 * Events the board's own parts fire up to it (internal: they bubble inside the board's shadow root and are not
 * composed, so a host never sees them). The public `lead-*` events are in src/events/.
 */

/** A card's checkbox was clicked; `range`: with Shift, select from the anchor to this card. */
export class CardToggleEvent extends Event {
  static readonly eventName = 'card-toggle' as const;
  constructor(readonly leadId: string, readonly range: boolean) {
    super(CardToggleEvent.eventName, { bubbles: true });
  }
}

/** A card was activated (a click anywhere on it, or Enter on its name). */
export class CardOpenEvent extends Event {
  static readonly eventName = 'card-open' as const;
  constructor(readonly leadId: string) {
    super(CardOpenEvent.eventName, { bubbles: true });
  }
}

/** A card's actions button was clicked (`trigger`: the button, which the menu opens beside). */
export class CardMenuEvent extends Event {
  static readonly eventName = 'card-menu' as const;
  constructor(readonly leadId: string, readonly trigger: HTMLElement) {
    super(CardMenuEvent.eventName, { bubbles: true });
  }
}

/** A column's "Select all in" checkbox was clicked. */
export class ColumnSelectAllEvent extends Event {
  static readonly eventName = 'column-select-all' as const;
  constructor(readonly column: string) {
    super(ColumnSelectAllEvent.eventName, { bubbles: true });
  }
}

/** A column's "Add lead to <label>" button was clicked (`trigger`: the button, which focus returns to). */
export class ColumnAddLeadEvent extends Event {
  static readonly eventName = 'column-add-lead' as const;
  constructor(readonly column: string, readonly trigger: HTMLElement) {
    super(ColumnAddLeadEvent.eventName, { bubbles: true });
  }
}

/** A column's card list is in the DOM (first render, a new column key, re-attached): drag connects it. */
export class ColumnListEvent extends Event {
  static readonly eventName = 'column-list' as const;
  constructor(readonly column: string, readonly list: HTMLElement) {
    super(ColumnListEvent.eventName, { bubbles: true });
  }
}

declare global {
  interface HTMLElementEventMap {
    'card-toggle': CardToggleEvent;
    'card-open': CardOpenEvent;
    'card-menu': CardMenuEvent;
    'column-select-all': ColumnSelectAllEvent;
    'column-add-lead': ColumnAddLeadEvent;
    'column-list': ColumnListEvent;
  }
}
