/**
 * Which cards of one column are in the DOM. Pure arithmetic over a fixed card pitch, so it runs in O(1) per
 * scroll event whatever the column's length; the virtualizer never measures cards.
 */

/** One rendered card (index into the column's card list) or a gap standing in for `count` cards. */
export type Slot = { kind: 'card'; index: number } | { kind: 'gap'; count: number };

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
export function visibleRange(input: WindowInput): { start: number; end: number } {
  const { count, scrollTop, viewport, pitch, overscan } = input;
  if (count === 0 || pitch <= 0) return { start: 0, end: 0 };
  const first = Math.floor(Math.max(0, scrollTop) / pitch);
  const last = Math.ceil((Math.max(0, scrollTop) + Math.max(0, viewport)) / pitch);
  const start = Math.max(0, Math.min(count, first - overscan));
  const end = Math.max(start, Math.min(count, last + overscan));
  return { start, end };
}

/**
 * The slots to render, top to bottom: gaps (spacers of `count × pitch`) around the visible range and around
 * each pinned card outside it. The sum of all slots is always `count`, so the scroll height stays exact.
 */
export function windowSlots(input: WindowInput): Slot[] {
  const { start, end } = visibleRange(input);
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
    if (index > next) slots.push({ kind: 'gap', count: index - next });
    slots.push({ kind: 'card', index });
    next = index + 1;
  }
  if (next < input.count) slots.push({ kind: 'gap', count: input.count - next });
  return slots;
}
