import '../l10n/parts-late.js'; // the words of the parts loaded on demand (joins the table first)
import { LitElement, html, nothing, type PropertyValues } from 'lit';
import { property, state } from 'lit/decorators.js';
import type { LeadStore } from '../../sdk/index.js';
import { StoreController } from '../controllers/store-controller.js';
import { activityContext, describeChange, latestChange } from '../lead-drawer/change-text.js';
import { LocalizeController, messages } from '../l10n.js';
import { define } from '../shared/define.js';
import { conflictPanelStyles } from './conflict-panel.styles.js';

/** What the two buttons do (the board decides: the same command again, or nothing but a word). */
export interface ConflictChoices {
  keepMine(): unknown;
  keepTheirs(): void;
}

/** How many conflicting leads are listed with what changed (their histories are fetched); the rest are counted. */
const LISTED = 5;

/**
 * @summary The leads a write found changed by someone else (internal part of `<lead-kanban>`, shown in a
 * toast): for each, who changed what and when ("Dana Ruiz reassigned this lead to Lee Kim 2 minutes ago", from
 * the lead's history, fetched fresh), then `Keep mine` (write my choice again, against their version) and
 * `Keep theirs` (leave it as they made it) — one choice for all of them at once. Loaded on first use
 * (collaboration-parts.ts).
 *
 * @tagname lead-kanban-conflicts
 */
export class LeadKanbanConflicts extends LitElement {
  static override styles = conflictPanelStyles;

  @property({ attribute: false }) store: LeadStore | undefined;
  @property({ attribute: false }) leadIds: readonly string[] = [];
  @property({ attribute: false }) choices: ConflictChoices | undefined;
  @state() private busy = false;
  private readonly localize = new LocalizeController(this);
  protected readonly storeController = new StoreController(this, {
    interested: (c) => this.leadIds.some((id) => c.activity?.has(id) || c.leads?.has(id)) || Boolean(c.members),
  });

  protected override updated(changed: PropertyValues<this>): void {
    // Fetched again, not read from the cache: a stale copy is exactly what ran into the conflict.
    if (changed.has('leadIds') || changed.has('store')) {
      for (const id of this.leadIds.slice(0, LISTED)) void this.store?.loadActivity(id).catch(() => undefined);
    }
  }

  private async choose(mine: boolean): Promise<void> {
    if (this.busy || !this.choices) return;
    this.busy = true;
    try {
      if (mine) await this.choices.keepMine();
      else this.choices.keepTheirs();
    } finally {
      this.busy = false;
    }
  }

  protected override render() {
    const msg = messages();
    const store = this.store;
    const ctx = activityContext(store);
    const single = this.leadIds.length === 1;
    const listed = this.leadIds.slice(0, LISTED);
    const more = this.leadIds.length - listed.length;
    return html`<ul class="conflicts" aria-label=${msg.conflictsLabel}>
        ${listed.map((id) => {
          const change = describeChange(latestChange(store?.activityOf(id), store?.me?.id), store?.lead(id), ctx);
          return html`<li>
            ${single ? nothing : html`<span class="name">${store?.lastSeen(id)?.name ?? id}</span>: `}
            <span class="change">${change}</span>
          </li>`;
        })}
        ${more > 0 ? html`<li class="more">${msg.andMore(more)}</li>` : nothing}
      </ul>
      <div class="choices">
        <button type="button" class="keep-mine" ?disabled=${this.busy} @click=${() => this.choose(true)}>${msg.keepMine}</button>
        <button type="button" class="keep-theirs" ?disabled=${this.busy} @click=${() => this.choose(false)}>${msg.keepTheirs}</button>
      </div>`;
  }
}

define('lead-kanban-conflicts', LeadKanbanConflicts);

declare global {
  interface HTMLElementTagNameMap {
    'lead-kanban-conflicts': LeadKanbanConflicts;
  }
}
