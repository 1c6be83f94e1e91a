import { css } from 'lit';

export const cardMenuStyles = css`
  :host {
    display: contents;
  }
  .menu {
    position: fixed;
    z-index: 1000;
    min-width: 210px;
    padding: 4px;
    font-size: 13px;
  }
  .menu-item {
    padding: 7px 10px;
    border-radius: var(--_radius-sm);
    cursor: pointer;
    outline: none;
  }
  .menu-item:focus {
    background: var(--_accent-soft);
    color: var(--_text);
    /* Invisible normally; shows as a ring in forced-colors mode, where backgrounds are dropped. */
    outline: 2px solid transparent;
    outline-offset: -2px;
  }
  .menu-item[aria-disabled='true'] {
    color: var(--_muted);
    cursor: default;
    opacity: 0.6;
  }
  .menu-sep {
    height: 1px;
    margin: 4px 6px;
    background: var(--_border);
  }
`;
