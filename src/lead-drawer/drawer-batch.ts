import { html, nothing, type TemplateResult } from 'lit';
import type { Activity, Source } from '../../sdk/index.js';
import { LeadOpenEvent } from '../events/lead-open.js';
import { messages } from '../l10n.js';
import { fire } from '../shared/fire.js';
import { sourceText } from './activity-text.js';
import type { DrawerHost } from './drawer-host.js';

/** Sources whose batches are worth opening up: one user action over many leads. */
const GROUPED = new Set<Source>(['bulk', 'distribute', 'undo', 'import']);

type Batch = { state: 'loading' } | { state: 'ready'; entries: readonly Activity[] } | { state: 'error'; message: string };

/**
 * A history entry that belongs to a batch (a bulk assignment, a distribution, an undo, an import) opens up into
 * the batch: "Dana Ruiz assigned 40 leads in bulk", then the leads of it the user can see, each a button that
 * opens that lead here. Fetched on first opening (the store's `loadBatch`), kept while the drawer shows the lead.
 */
export class DrawerBatches {
  private readonly batches = new Map<string, Batch>();
  private readonly open = new Set<string>();

  constructor(private readonly host: DrawerHost) {}

  reset(): void {
    this.batches.clear();
    this.open.clear();
  }

  /** The disclosure for an entry: nothing for an entry that is not part of a grouped batch. */
  render(entry: Activity): TemplateResult | typeof nothing {
    const store = this.host.store;
    const id = entry.batchId;
    if (!id || !entry.source || !GROUPED.has(entry.source) || !store?.canLoadBatches) return nothing;
    if (entry.type !== 'assigned' && entry.type !== 'unassigned') return nothing;
    const msg = messages();
    const expanded = this.open.has(id);
    const panel = `batch-${entry.id}`;
    return html`<button type="button" class="batch-toggle" aria-expanded=${expanded ? 'true' : 'false'} aria-controls=${panel} @click=${() => this.toggle(id)}>
        ${msg.showBatch}
      </button>
      <div class="batch" id=${panel} ?hidden=${!expanded}>${expanded ? this.renderBatch(entry, this.batches.get(id)) : nothing}</div>`;
  }

  private toggle(batchId: string): void {
    if (this.open.has(batchId)) this.open.delete(batchId);
    else {
      this.open.add(batchId);
      if (!this.batches.has(batchId) || this.batches.get(batchId)!.state === 'error') void this.load(batchId);
    }
    this.host.requestUpdate();
  }

  private async load(batchId: string): Promise<void> {
    const leadId = this.host.leadId;
    this.batches.set(batchId, { state: 'loading' });
    let batch: Batch;
    try {
      batch = { state: 'ready', entries: await this.host.store!.loadBatch(batchId) };
    } catch (error) {
      batch = { state: 'error', message: error instanceof Error ? error.message : String(error) };
    }
    if (this.host.leadId !== leadId) return;
    this.batches.set(batchId, batch);
    this.host.requestUpdate();
  }

  private renderBatch(entry: Activity, batch: Batch | undefined): TemplateResult {
    const msg = messages();
    const store = this.host.store;
    if (!batch || batch.state === 'loading') return html`<p class="muted">${msg.batchLoading}</p>`;
    if (batch.state === 'error') return html`<p class="error">${msg.batchFailed(batch.message)}</p>`;
    const actor = store?.member(entry.actorId)?.name ?? msg.someone;
    const n = batch.entries.length;
    const summary =
      entry.source === 'distribute'
        ? msg.batchDistributed(actor, n)
        : entry.source === 'undo'
          ? msg.batchUndone(actor, n)
          : msg.batchAssigned(actor, n, sourceText(entry.source, msg));
    return html`<p class="batch-summary">${summary}</p>
      <ul class="batch-leads" aria-label=${msg.batchLeads(n)}>
        ${batch.entries.map((e) => {
          const lead = store?.lastSeen(e.leadId);
          const to = e.to ? (store?.member(e.to)?.name ?? e.to) : msg.unassigned;
          return html`<li>
            ${e.leadId === this.host.leadId || !lead
              ? html`<span class="batch-lead">${lead?.name ?? e.leadId}</span>`
              : html`<button type="button" class="batch-lead" @click=${() => fire(this.host, new LeadOpenEvent(e.leadId))}>${lead.name}</button>`}
            <span class="muted"> → ${to}</span>
          </li>`;
        })}
      </ul>`;
  }
}
