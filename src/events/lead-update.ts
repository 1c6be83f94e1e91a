import type { LeadPatch } from '../../sdk/index.js';

/** A user saved fields of a lead in the drawer (fired after the store accepted the write). */
export class LeadUpdateEvent extends Event {
  static readonly eventName = 'lead-update' as const;
  constructor(readonly leadId: string, readonly patch: LeadPatch) {
    super(LeadUpdateEvent.eventName, { bubbles: true, composed: true });
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'lead-update': LeadUpdateEvent;
  }
}
