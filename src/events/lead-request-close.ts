/** Cancelable, before the drawer closes at the user's request (Escape, close button, backdrop). */
export class LeadRequestCloseEvent extends Event {
  static readonly eventName = 'lead-request-close' as const;
  constructor(readonly source: 'escape' | 'close-button' | 'backdrop') {
    super(LeadRequestCloseEvent.eventName, { bubbles: true, composed: true, cancelable: true });
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'lead-request-close': LeadRequestCloseEvent;
  }
}
