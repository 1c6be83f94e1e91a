/**
 * Fractional card positions: a move between two cards takes a value between theirs, so one move writes one
 * lead. Halving a gap eventually runs out of floating-point precision; before that happens (gap below
 * MIN_GAP) the caller renumbers the column.
 */
export const POSITION_STEP = 1000;
/** Well above double precision at board-sized magnitudes, so renumbering happens long before values collide. */
export const MIN_GAP = 1e-6;

/** A position strictly between `before` and `after` (either may be absent), or undefined when the gap is too small. */
export function positionBetween(before: number | undefined, after: number | undefined): number | undefined {
  if (before === undefined && after === undefined) return POSITION_STEP;
  if (before === undefined) return after! - POSITION_STEP;
  if (after === undefined) return before + POSITION_STEP;
  if (!(after - before > MIN_GAP)) return undefined;
  const middle = before + (after - before) / 2;
  return middle > before && middle < after ? middle : undefined;
}

/** Evenly spaced positions for `count` cards in order: STEP, 2·STEP, … */
export function evenPositions(count: number): number[] {
  return Array.from({ length: count }, (_, i) => (i + 1) * POSITION_STEP);
}
