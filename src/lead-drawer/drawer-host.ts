import type { ReactiveControllerHost } from 'lit';
import type { Lead, LeadStore } from '../../sdk/index.js';

/**
 * What the parts of the drawer's content (assignment, fields, activity) know of it: the lead shown, its store,
 * and where their events are fired (the content element; they are composed, so a host hears them on the drawer).
 */
export interface DrawerHost extends ReactiveControllerHost, HTMLElement {
  readonly store: LeadStore | undefined;
  readonly leadId: string;
  readonly open: boolean;
  /** The lead shown, if the store has it. */
  readonly lead: Lead | undefined;
  readonly renderRoot: HTMLElement | DocumentFragment;
}

export type SaveState = 'idle' | 'saving' | 'saved' | 'error';
