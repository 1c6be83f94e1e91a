import type { AssignOutcome, Source } from '../../sdk/index.js';

export interface LeadAssignDetail {
  leadIds: string[];
  assigneeId: string | null;
  source: Source;
}

/** Cancelable, before a user's assignment (single or bulk) is sent. */
export class LeadRequestAssignEvent extends Event {
  static readonly eventName = 'lead-request-assign' as const;
  constructor(readonly detail: LeadAssignDetail) {
    super(LeadRequestAssignEvent.eventName, { bubbles: true, composed: true, cancelable: true });
  }
}

/** A user's assignment settled; `outcome` splits the leads into ok / conflict / forbidden / notFound. */
export class LeadAssignEvent extends Event {
  static readonly eventName = 'lead-assign' as const;
  constructor(readonly detail: LeadAssignDetail & { outcome: AssignOutcome }) {
    super(LeadAssignEvent.eventName, { bubbles: true, composed: true });
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'lead-request-assign': LeadRequestAssignEvent;
    'lead-assign': LeadAssignEvent;
  }
}
