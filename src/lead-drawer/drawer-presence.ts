import { html, type ReactiveController, type TemplateResult } from 'lit';
import type { Lead, LeadStore } from '../../sdk/index.js';
import { messages } from '../l10n.js';
import { avatar } from '../shared/avatar.js';
import type { DrawerHost } from './drawer-host.js';

/**
 * Presence in the drawer: while it shows a lead, the store is told this user has it open (the adapter shares
 * it, if it can); the line under the header says who else has it open right now — "Dana Ruiz is viewing" —
 * and changes in place (a polite status, so it is announced). An adapter without presence shows nothing.
 */
export class DrawerPresence implements ReactiveController {
  /** What the store was last told: this store, this lead. */
  private told: { store: LeadStore; leadId: string } | null = null;

  constructor(private readonly host: DrawerHost) {
    host.addController(this);
  }

  hostUpdate(): void {
    const { store, leadId, open } = this.host;
    const wanted = open && store && leadId && store.lead(leadId) ? { store, leadId } : null;
    if (wanted?.store === this.told?.store && wanted?.leadId === this.told?.leadId) return;
    if (this.told && this.told.store !== wanted?.store) this.told.store.viewing(null);
    this.told = wanted;
    (wanted?.store ?? store)?.viewing(wanted?.leadId ?? null);
  }

  hostDisconnected(): void {
    this.told?.store.viewing(null);
    this.told = null;
  }

  render(lead: Lead): TemplateResult {
    const viewers = this.host.store?.viewersOf(lead.id) ?? [];
    // No whitespace around the content: an empty line is :empty, and takes no room.
    const line = viewers.length > 0
      ? html`<span class="presence-faces" aria-hidden="true">${viewers.slice(0, 3).map((m) => avatar(m))}</span><span>${messages().viewing(viewers.map((m) => m.name))}</span>`
      : '';
    return html`<p class="presence" role="status">${line}</p>`;
  }
}
