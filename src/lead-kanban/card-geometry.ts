import { css } from 'lit';

/**
 * Card geometry, defined once. Cards have a fixed height so a column's virtual window is pure arithmetic
 * (virtual-window.ts); the styles read these values as custom properties (cardGeometry), and tests import them.
 */
export const CARD_HEIGHT = 104;
/** The gap below each card, px. */
export const CARD_GAP = 8;
/** One row of a column: a card and the gap below it, px. */
export const CARD_PITCH = CARD_HEIGHT + CARD_GAP;

/** The geometry as the custom properties the card and column styles use (set on the board). */
export const cardGeometry = css`
  :host {
    --_card-height: ${CARD_HEIGHT}px;
    --_card-gap: ${CARD_GAP}px;
    --_card-pitch: ${CARD_PITCH}px;
  }
`;
