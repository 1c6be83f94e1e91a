import { html, nothing } from 'lit';
import type { LeadStore } from '../../sdk/index.js';
import { messages } from '../l10n.js';
import { userIcon } from './icons.js';

export interface BulkBarContext {
  store: LeadStore | undefined;
  onSelectAllMatching(): void;
  onClear(): void;
  onAssign(): void;
  /** `Distribute…`: enabled when there is a selection or an unassigned lead to spread. */
  canDistribute: boolean;
  onDistribute(): void;
}

/**
 * The selection half of the toolbar (part `bulk-bar`): `Select all matching` (every lead the filter matches,
 * rendered or not), the selected count with `Clear`, the bulk `Assign` button (disabled without a selection)
 * and `Distribute…` (the selection, or every unassigned lead matching the filter, spread over people).
 */
export function renderBulkBar(ctx: BulkBarContext) {
  const msg = messages();
  const count = ctx.store?.selectedCount ?? 0;
  return html`<div class="bulk-bar${count > 0 ? ' has-selection' : ''}" part="bulk-bar" role="group" aria-label=${msg.bulkActions}>
    <button type="button" class="btn btn-quiet select-all-matching" @click=${ctx.onSelectAllMatching}>
      ${msg.selectAllMatching}
    </button>
    ${count > 0
      ? html`<span class="selected-count">${msg.selectedCount(count)}</span>
          <button type="button" class="btn btn-quiet clear-selection" aria-label=${msg.clearSelectionLabel} @click=${ctx.onClear}>
            ${msg.clearSelection}
          </button>`
      : nothing}
    <button type="button" class="btn btn-primary bulk-assign" ?disabled=${count === 0} @click=${ctx.onAssign}>
      ${userIcon}<span>${msg.assign}</span>
    </button>
    <button type="button" class="btn bulk-distribute" aria-haspopup="dialog" ?disabled=${!ctx.canDistribute} @click=${ctx.onDistribute}>
      ${msg.distributeEllipsis}
    </button>
  </div>`;
}
