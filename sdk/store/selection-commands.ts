/**
 * The selection commands of a LeadStore over its SelectionModel: single cards, ranges, whole columns, every
 * matching lead. Counts come from the per-column figures the model keeps by deltas, so none of these scans
 * a column to answer; each change flushes once.
 */
import { indexOfCard } from '../internal/card-order.js';
import type { Lead } from '../schema.js';
import { indexIn, matchingIds } from './board-view.js';
import type { StoreCore } from './store-core.js';

/** `matching`: every id comes from the filtered cards (see SelectionModel.edit). */
function editSelection(core: StoreCore, add: readonly string[], remove: readonly string[] | 'all', matching = false): void {
  if (core.selectionModel.edit(add, remove, matching)) core.flush();
}

function selectCards(core: StoreCore, groups: readonly (readonly [string, readonly Lead[]])[]): void {
  if (core.selectionModel.selectCards(groups)) core.flush();
}

export function selectedHiddenCount(core: StoreCore): number {
  const size = core.selectionModel.size;
  if (size === 0) return 0;
  let shown = 0;
  for (const c of core.columns) shown += core.selectionModel.selectedIn(c.key);
  return size - shown;
}

export function deselectHidden(core: StoreCore): void {
  if (selectedHiddenCount(core) === 0) return;
  const hidden = core.selectionModel.list().filter((id) => {
    const lead = core.shown.get(id);
    return !lead || indexIn(core, lead.status, id) === -1;
  });
  editSelection(core, [], hidden);
}

export function setSelected(core: StoreCore, id: string, on: boolean): void {
  if (on === core.selectionModel.has(id) || (on && !core.shown.has(id))) return;
  editSelection(core, on ? [id] : [], on ? [] : [id]);
}

export function selectRange(core: StoreCore, anchorId: string, toId: string): void {
  const anchor = core.shown.get(anchorId);
  const to = core.shown.get(toId);
  if (!to) return;
  if (anchor && anchor.status === to.status) {
    // Same column: both ends found by bisection, not by scanning the column.
    const cards = core.cardsIn(to.status);
    const a = indexOfCard(cards, anchor, core.columnIndex.order);
    const b = indexOfCard(cards, to, core.columnIndex.order);
    if (a === -1 || b === -1) return setSelected(core, toId, true);
    return selectCards(core, [[to.status, cards.slice(Math.min(a, b), Math.max(a, b) + 1)]]);
  }
  const order = matchingIds(core);
  const a = order.indexOf(anchorId);
  const b = order.indexOf(toId);
  if (a === -1 || b === -1) return setSelected(core, toId, true);
  editSelection(core, order.slice(Math.min(a, b), Math.max(a, b) + 1), [], true);
}

export function selectAllIn(core: StoreCore, status: string, on: boolean): void {
  if (on) return selectCards(core, [[status, core.cardsIn(status)]]);
  editSelection(core, [], core.cardsIn(status).map((l) => l.id), true);
}

export function selectionStateIn(core: StoreCore, status: string): 'none' | 'some' | 'all' {
  const total = core.cardsIn(status).length;
  const selected = total === 0 ? 0 : core.selectionModel.selectedIn(status);
  return selected === 0 ? 'none' : selected >= total ? 'all' : 'some';
}

export function selectAllMatching(core: StoreCore): void {
  selectCards(core, core.columns.map((c) => [c.key, core.cardsIn(c.key)] as const));
}

export function deselect(core: StoreCore, ids: Iterable<string>): void {
  editSelection(core, [], [...ids]);
}

export function clearSelection(core: StoreCore): void {
  if (core.selectionModel.hasAny) editSelection(core, [], 'all');
}
