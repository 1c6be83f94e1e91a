/**
 * Which cards of one column are in the DOM. Pure arithmetic over a fixed card pitch (card-geometry.ts): the
 * visible range is O(1) and the slots O(rendered rows) whatever the column's length; cards are never measured.
 */

/**
 * One rendered card (index into the column's card list) or a gap standing in for `count` cards. Gaps carry a
 * key that stays the same while the gap exists ('head' before the first rendered card, 'tail' after the
 * last, `>i` after the pinned card at index i), so growing the window moves or removes no existing node.
 */
export type Slot = { kind: 'card'; index: number } | { kind: 'gap'; count: number; key: string };

export interface Range {
  start: number;
  end: number;
}

export interface WindowInput {
  /** Cards in the column (after filtering). */
  count: number;
  /** Scroll offset of the column's scroller, in px. */
  scrollTop: number;
  /** Visible height of the scroller, in px. */
  viewport: number;
  /** Height of one card including the gap below it, in px. */
  pitch: number;
  /** Extra cards rendered above and below the visible ones (so fast scrolling does not show blanks). */
  overscan: number;
  /** Indexes that must stay rendered even far from the viewport (the focused and the dragged card). */
  pinned?: readonly number[];
}

/** The visible range [start, end) widened by the overscan, clamped to the list. */
export function visibleRange(input: WindowInput): Range {
  const { count, scrollTop, viewport, pitch, overscan } = input;
  if (count === 0 || pitch <= 0) return { start: 0, end: 0 };
  const first = Math.floor(Math.max(0, scrollTop) / pitch);
  const last = Math.ceil((Math.max(0, scrollTop) + Math.max(0, viewport)) / pitch);
  const start = Math.max(0, Math.min(count, first - overscan));
  const end = Math.max(start, Math.min(count, last + overscan));
  return { start, end };
}

/** True when `inner` lies within `outer` (an empty range lies anywhere). */
export function covers(outer: Range, inner: Range): boolean {
  return inner.start >= inner.end || (inner.start >= outer.start && inner.end <= outer.end);
}

/**
 * The smallest range holding both, limited to `max` rows: past the limit the part nearest `next` is kept
 * (used while a drag freezes the column, where the window may only grow).
 */
export function grow(current: Range, next: Range, max: number): Range {
  if (current.start >= current.end) return next;
  const start = Math.min(current.start, next.start);
  const end = Math.max(current.end, next.end);
  if (end - start <= max) return { start, end };
  return next.start < current.start ? { start, end: start + max } : { start: end - max, end };
}

/**
 * The slots to render, top to bottom: gaps (spacers of `count × pitch`) around the rendered range and around
 * each pinned card outside it. The sum of all slots is always `count`, so the scroll height stays exact. The
 * 'tail' gap is always there (possibly empty), so a node SortableJS dropped next to it is never removed with it.
 */
export function windowSlots(input: WindowInput, range: Range = visibleRange(input)): Slot[] {
  const { start, end } = range;
  const indexes: number[] = [];
  for (const p of input.pinned ?? []) {
    if (p >= 0 && p < input.count && (p < start || p >= end)) indexes.push(p);
  }
  for (let i = start; i < end; i++) indexes.push(i);
  indexes.sort((a, b) => a - b);
  const slots: Slot[] = [];
  let next = 0;
  for (const index of indexes) {
    if (index < next) continue; // duplicate pin
    if (index > next) slots.push({ kind: 'gap', count: index - next, key: next === 0 ? 'head' : `>${next - 1}` });
    slots.push({ kind: 'card', index });
    next = index + 1;
  }
  slots.push({ kind: 'gap', count: Math.max(0, input.count - next), key: 'tail' });
  return slots;
}

/**
 * `slots` with an empty gap put back after card i for every `>i` gap of the previous render that is gone
 * (while a drag runs: a gap's node may hold the card SortableJS placed next to it, so it must not be removed).
 */
export function keepGaps(slots: readonly Slot[], previous: ReadonlySet<string>): Slot[] {
  const present = new Set<string>();
  for (const s of slots) if (s.kind === 'gap') present.add(s.key);
  const out: Slot[] = [];
  for (const s of slots) {
    out.push(s);
    if (s.kind === 'card' && previous.has(`>${s.index}`) && !present.has(`>${s.index}`)) {
      out.push({ kind: 'gap', count: 0, key: `>${s.index}` });
    }
  }
  return out;
}

/**
 * Keys for the cards of one render (board-column.ts renders each card under its key), recycling the DOM of
 * cards that left the window. A lead that stays rendered keeps its key (so its nodes, focus and any open state
 * survive scrolling, filtering and moves); a lead that comes into view takes the key of one that left, in the
 * order they were shown, so that card's nodes are patched in place (card-dom.ts) instead of removing one card
 * and creating another (a filter change swaps most of the rendered cards: creating and removing them was most
 * of its cost). `keep` lists leads whose nodes must not be handed to another lead when they leave (the one
 * holding DOM focus): their key is retired.
 */
export function recycleKeys(
  previous: ReadonlyMap<string, string>,
  ids: readonly string[],
  keep: ReadonlySet<string>,
  newKey: () => string,
): Map<string, string> {
  const wanted = new Set(ids);
  const free: string[] = [];
  for (const [id, key] of previous) if (!wanted.has(id) && !keep.has(id)) free.push(key);
  const keys = new Map<string, string>();
  let next = 0;
  for (const id of ids) keys.set(id, previous.get(id) ?? free[next++] ?? newKey());
  return keys;
}
