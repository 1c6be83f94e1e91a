/**
 * Card order within a column: by position, ties broken by id, so the order is total and every lead has one
 * place. Lists kept in this order can be searched by bisection and edited in place of a full re-sort,
 * which is what keeps a move or an assignment on a 10,000-lead board from costing O(n log n) per column.
 */
import type { Lead } from '../schema.js';

type Ordered = Pick<Lead, 'id' | 'position'>;

export function compareCards(a: Ordered, b: Ordered): number {
  return a.position - b.position || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

/** The first index whose card does not sort before `card`. */
export function lowerBound(list: readonly Ordered[], card: Ordered): number {
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (compareCards(list[mid]!, card) < 0) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Where this very object sits in an ordered list, or -1. */
export function indexOfCard<T extends Ordered>(list: readonly T[], card: T): number {
  const at = lowerBound(list, card);
  return list[at] === card ? at : -1;
}

/**
 * An ordered list with some cards taken out and others put in, as a new array (the input is left alone).
 * `remove` must all be in `list` (by identity): when one is not, the caller's picture of the list is wrong
 * and undefined is returned so it can rebuild from scratch instead of producing a wrong order.
 */
export function editOrdered<T extends Ordered>(list: readonly T[], remove: readonly T[], insert: readonly T[]): T[] | undefined {
  if (remove.length + insert.length <= 8) {
    // Few edits (a move, a single assignment): bisect and splice.
    const out = list.slice();
    for (const card of remove) {
      const at = indexOfCard(out, card);
      if (at === -1) return undefined;
      out.splice(at, 1);
    }
    for (const card of insert) out.splice(lowerBound(out, card), 0, card);
    return out;
  }
  // Many edits (a bulk assignment): the dropped cards found by bisection and marked (no set of objects, which
  // would give each of them an identity hash), one pass to keep the others, then a merge with the insertions.
  const drop = new Uint8Array(list.length);
  for (const card of remove) {
    const at = indexOfCard(list, card);
    if (at === -1 || drop[at] === 1) return undefined;
    drop[at] = 1;
  }
  const kept: T[] = [];
  for (let i = 0; i < list.length; i++) if (drop[i] === 0) kept.push(list[i]!);
  const adds = [...insert].sort(compareCards);
  const out: T[] = new Array<T>(kept.length + adds.length);
  let i = 0;
  let j = 0;
  let k = 0;
  while (i < kept.length && j < adds.length) out[k++] = compareCards(kept[i]!, adds[j]!) <= 0 ? kept[i++]! : adds[j++]!;
  while (i < kept.length) out[k++] = kept[i++]!;
  while (j < adds.length) out[k++] = adds[j++]!;
  return out;
}

/**
 * An ordered list with cards replaced by others of the same place (same id and position: a new version of
 * the lead that did not move), as a new array; `pairs` is flat: old, new, old, new… Undefined when an old
 * card is not in the list (as editOrdered). One copy and a bisection per pair, nothing re-sorted.
 */
export function swapInPlace<T extends Ordered>(list: readonly T[], pairs: readonly T[]): T[] | undefined {
  const out = list.slice();
  for (let i = 0; i < pairs.length; i += 2) {
    const at = indexOfCard(list, pairs[i]!);
    if (at === -1) return undefined;
    out[at] = pairs[i + 1]!;
  }
  return out;
}
