import { css } from 'lit';

/** The surface of every popup (card menu, status list, assignee list): one rule, one constructed sheet. */
export const popupStyles = css`
  .popup-surface {
    background: var(--_surface);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    box-shadow: var(--_shadow-lg);
  }
`;
