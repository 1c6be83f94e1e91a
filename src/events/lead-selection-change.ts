/** The user changed the selection (checkbox, select all, range, keyboard, clear). */
export class LeadSelectionChangeEvent extends Event {
  static readonly eventName = 'lead-selection-change' as const;
  constructor(readonly selectedIds: readonly string[]) {
    super(LeadSelectionChangeEvent.eventName, { bubbles: true, composed: true });
  }
  get count(): number {
    return this.selectedIds.length;
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'lead-selection-change': LeadSelectionChangeEvent;
  }
}
