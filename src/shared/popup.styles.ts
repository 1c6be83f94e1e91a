import { css } from 'lit';

/** The surface of every popup (card menu, status list, assignee list): one rule, one constructed sheet. */
export const popupStyles = css`
  .popup-surface {
    background: var(--_surface);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    box-shadow: var(--_shadow-lg);
  }
  /* Touch screens and narrow ones: every item of a popup is at least 44px to hit (items pad their text;
     the extra height is padding, so text stays centred). */
  @media (pointer: coarse), (max-width: 640px) {
    .popup-surface [role='menuitem'],
    .popup-surface [role='option'] {
      box-sizing: border-box;
      min-height: 44px;
      padding-top: 12px;
      padding-bottom: 12px;
    }
  }
`;
