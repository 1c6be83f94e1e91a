import type { AssignOutcome, DistributionPlan } from '../../sdk/index.js';

/** Cancelable, before a user's distribution is applied: `plan` is exactly what will be written. */
export class LeadRequestDistributeEvent extends Event {
  static readonly eventName = 'lead-request-distribute' as const;
  constructor(readonly detail: { plan: DistributionPlan }) {
    super(LeadRequestDistributeEvent.eventName, { bubbles: true, composed: true, cancelable: true });
  }
}

/** A user's distribution settled (one batch, source "distribute"); `outcome` splits its leads as for `lead-assign`. */
export class LeadDistributeEvent extends Event {
  static readonly eventName = 'lead-distribute' as const;
  constructor(readonly detail: { plan: DistributionPlan; outcome: AssignOutcome }) {
    super(LeadDistributeEvent.eventName, { bubbles: true, composed: true });
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'lead-request-distribute': LeadRequestDistributeEvent;
    'lead-distribute': LeadDistributeEvent;
  }
}
