/**
 * Card order within a column. The manual order is by position, ties broken by id, so the order is total and
 * every lead has one place; the other sorts a board offers (LeadSort: newest, oldest, value) fall back on it
 * for ties, so they are total too. Lists kept in one of these orders can be searched by bisection and edited
 * in place of a full re-sort, which is what keeps a move or an assignment on a 10,000-lead board from costing
 * O(n log n) per column, whatever the sort.
 */
import type { Lead, LeadSort } from '../schema.js';

type Ordered = Pick<Lead, 'id' | 'position'>;

/** A total order of cards: negative when `a` comes first. Every function below takes one (default: manual). */
export type CardCompare = (a: Lead, b: Lead) => number;

export function compareCards(a: Ordered, b: Ordered): number {
  return a.position - b.position || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

/**
 * Creation times compared without parsing when both are what backends write (`toISOString`: same length,
 * UTC): such strings sort as the instants do. Anything else (an offset) is parsed.
 */
function compareTimes(a: string, b: string): number {
  if (a.length === b.length && a.endsWith('Z') && b.endsWith('Z')) return a < b ? -1 : a > b ? 1 : 0;
  return Date.parse(a) - Date.parse(b);
}

/** The order of each sort; ties (same time, same value) keep the manual order. */
export const CARD_ORDERS: Readonly<Record<LeadSort, CardCompare>> = Object.freeze({
  manual: compareCards,
  newest: (a, b) => compareTimes(b.createdAt, a.createdAt) || compareCards(a, b),
  oldest: (a, b) => compareTimes(a.createdAt, b.createdAt) || compareCards(a, b),
  // Highest value first; a lead without a value after every lead with one.
  value: (a, b) => (b.value ?? -Infinity) - (a.value ?? -Infinity) || compareCards(a, b),
});

/** The first index whose card does not sort before `card`. */
export function lowerBound<T extends Ordered>(list: readonly T[], card: T, compare: (a: T, b: T) => number = compareCards): number {
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (compare(list[mid]!, card) < 0) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Where this very object sits in an ordered list, or -1. */
export function indexOfCard<T extends Ordered>(list: readonly T[], card: T, compare: (a: T, b: T) => number = compareCards): number {
  const at = lowerBound(list, card, compare);
  return list[at] === card ? at : -1;
}

/**
 * An ordered list with some cards taken out and others put in, as a new array (the input is left alone).
 * `remove` must all be in `list` (by identity): when one is not, the caller's picture of the list is wrong
 * and undefined is returned so it can rebuild from scratch instead of producing a wrong order.
 */
export function editOrdered<T extends Ordered>(
  list: readonly T[],
  remove: readonly T[],
  insert: readonly T[],
  compare: (a: T, b: T) => number = compareCards,
): T[] | undefined {
  if (remove.length + insert.length <= 8) {
    // Few edits (a move, a single assignment): bisect and splice.
    const out = list.slice();
    for (const card of remove) {
      const at = indexOfCard(out, card, compare);
      if (at === -1) return undefined;
      out.splice(at, 1);
    }
    for (const card of insert) out.splice(lowerBound(out, card, compare), 0, card);
    return out;
  }
  // Many edits (a bulk assignment): the dropped cards found by bisection and marked (no set of objects, which
  // would give each of them an identity hash), one pass to keep the others, then a merge with the insertions.
  const drop = new Uint8Array(list.length);
  for (const card of remove) {
    const at = indexOfCard(list, card, compare);
    if (at === -1 || drop[at] === 1) return undefined;
    drop[at] = 1;
  }
  const kept: T[] = [];
  for (let i = 0; i < list.length; i++) if (drop[i] === 0) kept.push(list[i]!);
  const adds = [...insert].sort(compare);
  const out: T[] = new Array<T>(kept.length + adds.length);
  let i = 0;
  let j = 0;
  let k = 0;
  while (i < kept.length && j < adds.length) out[k++] = compare(kept[i]!, adds[j]!) <= 0 ? kept[i++]! : adds[j++]!;
  while (i < kept.length) out[k++] = kept[i++]!;
  while (j < adds.length) out[k++] = adds[j++]!;
  return out;
}

/**
 * An ordered list with cards replaced by others of the same place (a new version of the lead that compares
 * equal to the old one: it did not move in this order), as a new array; `pairs` is flat: old, new, old, new…
 * Undefined when an old card is not in the list (as editOrdered). One copy and a bisection per pair, nothing
 * re-sorted.
 */
export function swapInPlace<T extends Ordered>(
  list: readonly T[],
  pairs: readonly T[],
  compare: (a: T, b: T) => number = compareCards,
): T[] | undefined {
  const out = list.slice();
  for (let i = 0; i < pairs.length; i += 2) {
    const at = indexOfCard(list, pairs[i]!, compare);
    if (at === -1) return undefined;
    out[at] = pairs[i + 1]!;
  }
  return out;
}
