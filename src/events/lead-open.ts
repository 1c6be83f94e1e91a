/** A user opened a lead (clicked or pressed Enter on its card). */
export class LeadOpenEvent extends Event {
  static readonly eventName = 'lead-open' as const;
  constructor(readonly leadId: string) {
    super(LeadOpenEvent.eventName, { bubbles: true, composed: true });
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'lead-open': LeadOpenEvent;
  }
}
