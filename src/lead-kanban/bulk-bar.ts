import { html, nothing } from 'lit';
import type { LeadStore } from '../../sdk/index.js';
import { messages } from '../l10n.js';
import { userIcon } from './icons.js';

export interface BulkBarContext {
  store: LeadStore | undefined;
  onSelectAllMatching(): void;
  onClear(): void;
  /** Takes the selected leads the filter hides out of the selection. */
  onClearHidden(): void;
  onAssign(): void;
  /** `Distribute…`: enabled when there is a selection or an unassigned lead to spread. */
  canDistribute: boolean;
  onDistribute(): void;
  /** A key in the bulk bar (Escape goes back to the cards). */
  onBulkBarKeydown(e: KeyboardEvent): void;
}

/** Focuses the bulk bar of a board's render root: its Assign button, or "Select all matching" without a selection. */
export function focusBulkBar(root: ParentNode): void {
  const assign = root.querySelector<HTMLButtonElement>('.bulk-assign');
  (assign && !assign.disabled ? assign : root.querySelector<HTMLElement>('.select-all-matching'))?.focus();
}

/**
 * The selection half of the toolbar (part `bulk-bar`): `Select all matching` (every lead the filter matches,
 * rendered or not), the selected count with `Clear`, the bulk `Assign` button (disabled without a selection)
 * and `Distribute…` (the selection, or every unassigned lead matching the filter, spread over people).
 * Selected leads the current filter hides are said ("38 selected — 38 hidden by the current filter"), with a
 * way to take them out: a bulk action would reach them.
 */
export function renderBulkBar(ctx: BulkBarContext) {
  const msg = messages();
  const count = ctx.store?.selectedCount ?? 0;
  const hidden = count > 0 ? (ctx.store?.selectedHiddenCount ?? 0) : 0;
  return html`<div
    class="bulk-bar${count > 0 ? ' has-selection' : ''}"
    part="bulk-bar"
    role="group"
    aria-label=${msg.bulkActions}
    @keydown=${ctx.onBulkBarKeydown}
  >
    <button type="button" class="btn btn-quiet select-all-matching" @click=${ctx.onSelectAllMatching}>
      ${msg.selectAllMatching}
    </button>
    ${count > 0
      ? html`<span class="selected-count">${msg.selectedCount(count)}${hidden > 0
            ? html`<span class="selected-hidden"> — ${msg.hiddenByFilter(hidden)}</span>`
            : nothing}</span>
          ${hidden > 0
            ? html`<button type="button" class="btn btn-quiet clear-hidden" aria-label=${msg.clearHiddenLabel} @click=${ctx.onClearHidden}>
                ${msg.clearHidden}
              </button>`
            : nothing}
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
