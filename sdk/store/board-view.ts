/**
 * What the board shows and how it is arranged: columns, the filter, the sort, and where a card sits or would
 * land. Each setter re-marks the columns once and flushes; reads are answered from the indexes kept by deltas
 * (column-index.ts) by bisection, never by scanning a column.
 */
import { parseOrThrow } from '../adapter.js';
import { CARD_ORDERS, indexOfCard, lowerBound } from '../internal/card-order.js';
import type { Column, Lead, LeadFilter, LeadSort } from '../schema.js';
import { ColumnsSchema, LeadFilterSchema, LeadSortSchema } from '../schema.js';
import { planMove, planSortedMove, type MovePlan } from './move-plan.js';
import type { StoreCore } from './store-core.js';

export function setColumns(core: StoreCore, columns: readonly Column[]): void {
  core.columns = parseOrThrow(ColumnsSchema, columns, 'columns');
  core.markAllColumns({ rebuild: true });
  for (const c of core.columns) core.batch.columns.add(c.key);
  core.flush();
}

export function indexIn(core: StoreCore, status: string, leadId: string): number {
  const lead = core.shown.get(leadId);
  if (!lead || lead.status !== status) return -1;
  return indexOfCard(core.cardsIn(status), lead, core.columnIndex.order);
}

export function landingIndex(core: StoreCore, leadId: string, status: string): number {
  const lead = core.shown.get(leadId);
  if (!lead) return -1;
  if (lead.status === status) return indexIn(core, status, leadId);
  if (core.sortKey === 'manual') return core.cardsIn(status).length;
  const plan = planMoveOf(core, lead, status, undefined);
  const moved: Lead = { ...lead, status, position: plan.kind === 'stay' ? lead.position : plan.position };
  return lowerBound(core.cardsIn(status), moved, core.columnIndex.order);
}

/** Every lead matching the filter, column by column in position order. */
export function matchingIds(core: StoreCore): string[] {
  const ids: string[] = [];
  for (const c of core.columns) for (const lead of core.cardsIn(c.key)) ids.push(lead.id);
  return ids;
}

/** Where `move` puts a lead: between its new neighbours, or under a sort other than manual as planSortedMove says. */
export function planMoveOf(core: StoreCore, lead: Lead, status: string, index: number | undefined): MovePlan {
  const full = core.columnIndex.allIn(status);
  if (core.sortKey !== 'manual') return planSortedMove(lead, status, full);
  return planMove(lead, status, index, core.cardsIn(status), full);
}

export function setFilter(core: StoreCore, patch: Partial<LeadFilter>): void {
  const next = parseOrThrow(LeadFilterSchema, { ...core.filterState.current, ...patch }, 'filter');
  const refilter = core.filterState.replace(next);
  if (!refilter) return;
  core.batch.filter = true;
  core.selectionModel.recountLater();
  core.markAllColumns({ refilter });
  core.flush();
}

export function setSort(core: StoreCore, sort: LeadSort): void {
  const next = parseOrThrow(LeadSortSchema, sort, 'sort');
  if (next === core.sortKey) return;
  core.sortKey = next;
  core.selectionModel.reorder();
  core.columnIndex.setOrder(CARD_ORDERS[next]);
  core.batch.sort = true;
  core.markAllColumns({ rebuild: true });
  core.flush();
}
