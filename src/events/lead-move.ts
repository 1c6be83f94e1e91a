import type { Source } from '../../sdk/index.js';

export interface LeadMoveDetail {
  leadId: string;
  from: string;
  to: string;
  /** Position in the target column as the user sees it (0-based). */
  index: number;
  source: Source;
}

/** Cancelable, before a user's move is sent: `preventDefault()` keeps the card where it was. */
export class LeadRequestMoveEvent extends Event {
  static readonly eventName = 'lead-request-move' as const;
  constructor(readonly detail: LeadMoveDetail) {
    super(LeadRequestMoveEvent.eventName, { bubbles: true, composed: true, cancelable: true });
  }
}

/** A user moved a lead (drag, menu or keyboard); fired once the store has it (optimistically). */
export class LeadMoveEvent extends Event {
  static readonly eventName = 'lead-move' as const;
  constructor(readonly detail: LeadMoveDetail) {
    super(LeadMoveEvent.eventName, { bubbles: true, composed: true });
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'lead-request-move': LeadRequestMoveEvent;
    'lead-move': LeadMoveEvent;
  }
}
