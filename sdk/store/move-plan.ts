/**
 * Where a moved card goes: a position between its new neighbours, so one move writes one lead. Neighbours
 * are taken from the full column order, so leads hidden by the filter keep their relative places. Pure.
 */
import type { Lead } from '../schema.js';
import { indexOfCard } from '../internal/card-order.js';
import { evenPositions, positionBetween } from '../internal/positions.js';

export type MovePlan =
  /** The card already sits there: nothing to write. */
  | { kind: 'stay' }
  /** Write the moving lead at this position. */
  | { kind: 'place'; position: number }
  /** The gap is exhausted (rare): renumber the column, writing only the leads whose position changes. */
  | { kind: 'renumber'; position: number; others: { lead: Lead; position: number }[] };

/**
 * `cards`/`full`: the target column's filtered cards and all its leads, in card order; `index` counts in
 * `cards` with the moving lead left out (undefined or past the end: the end).
 */
export function planMove(lead: Lead, status: string, index: number | undefined, cards: readonly Lead[], full: readonly Lead[]): MovePlan {
  // The lists are addressed by index with the lead left out, without copying them: its own place is found
  // by bisection, so a move costs O(log n) rather than scans of the column.
  const ownCard = lead.status === status ? indexOfCard(cards, lead) : -1;
  const ownSlot = lead.status === status ? indexOfCard(full, lead) : -1;
  const cardCount = cards.length - (ownCard === -1 ? 0 : 1);
  const at = Math.min(index ?? cardCount, cardCount);
  const cardAt = (i: number) => cards[ownCard === -1 || i < ownCard ? i : i + 1];
  /** The lead just before slot `i` of the full column, skipping the moving lead. */
  const fullBefore = (i: number) => full[i - 1 === ownSlot ? i - 2 : i - 1];
  let before: Lead | undefined, after: Lead | undefined;
  if (at < cardCount) {
    after = cardAt(at)!;
    before = fullBefore(indexOfCard(full, after));
  } else {
    before = fullBefore(full.length);
  }
  if (ownSlot !== -1 && full[ownSlot - 1] === before && full[ownSlot + 1] === after) return { kind: 'stay' };
  const position = positionBetween(before?.position, after?.position);
  if (position !== undefined) return { kind: 'place', position };
  const order = full.filter((l) => l.id !== lead.id);
  order.splice(before ? order.indexOf(before) + 1 : 0, 0, lead);
  const positions = evenPositions(order.length);
  const others: { lead: Lead; position: number }[] = [];
  order.forEach((other, i) => {
    if (other.id !== lead.id && other.position !== positions[i]) others.push({ lead: other, position: positions[i]! });
  });
  return { kind: 'renumber', position: positions[order.indexOf(lead)]!, others };
}

/**
 * A move while the board is sorted by something other than position (LeadSort): a column's order is then the
 * sort's, so there is no place between two cards to aim at. To another column the lead goes where a move
 * without an index goes, after the highest position there (it shows where the sort puts it); within its own
 * column it stays. `full`: the target column's leads, in any order.
 */
export function planSortedMove(lead: Lead, status: string, full: readonly Lead[]): MovePlan {
  if (lead.status === status) return { kind: 'stay' };
  let last: number | undefined;
  for (const other of full) if (other.id !== lead.id && (last === undefined || other.position > last)) last = other.position;
  return { kind: 'place', position: positionBetween(last, undefined)! };
}
