import { css } from 'lit';
import { themeAttribute } from '../shared/tokens.styles.js';

/**
 * The drawer shell takes no room of its own: its content (lead-drawer-content.styles.ts) is a modal dialog
 * over the page, and before that content arrives there is nothing to lay out.
 */
export const drawerStyles = css`
  ${themeAttribute}
  :host {
    display: contents;
  }
`;
