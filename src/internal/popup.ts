/** Placement of a popup (a menu, a listbox) in the viewport, next to the control that opened it. */
import { isRtl } from './direction.js';

/** Room kept between a popup and the viewport's edges, px. */
const EDGE = 8;
/** Gap between the control and the popup, px. */
const GAP = 4;

export interface PopupPlacement {
  /**
   * Which edges of popup and control line up: 'start' (the inline start: left edges, right edges under
   * right-to-left) or 'end' (the inline end).
   */
  align: 'start' | 'end';
  /** The popup's width, when it takes one from the control (at least this wide), else its own. */
  minWidth?: number;
}

/**
 * Places a fixed-position popup under `anchor`, or above it when there is no room below and more above,
 * kept inside the viewport horizontally. Sets `left`, `top` (and `width` with `minWidth`).
 */
export function placePopup(popup: HTMLElement, anchor: Element, placement: PopupPlacement): void {
  const rect = anchor.getBoundingClientRect();
  if (placement.minWidth !== undefined) popup.style.width = `${Math.max(rect.width, placement.minWidth)}px`;
  const width = popup.offsetWidth;
  const height = popup.offsetHeight;
  // Right edges lined up for the inline end (the inline start under right-to-left), unless that leaves the
  // viewport on the left: then left edges.
  const rightEdges = (placement.align === 'end') !== isRtl(anchor);
  let left = rightEdges ? rect.right - width : rect.left;
  if (left < EDGE) left = rect.left;
  left = Math.max(EDGE, Math.min(left, window.innerWidth - width - EDGE));
  const below = window.innerHeight - rect.bottom;
  const above = below < height + GAP + EDGE && rect.top > below;
  popup.style.left = `${left}px`;
  popup.style.top = `${above ? Math.max(EDGE, rect.top - height - GAP) : rect.bottom + GAP}px`;
}
