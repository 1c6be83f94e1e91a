import type { CSSResult } from 'lit';
import { afterNextFrame } from './idle.js';

/**
 * Styles of a part that is not on a board's first frame (the toasts, the keyboard lift, the cards' temporary
 * marks), added to the shadow root it renders in when the part first shows. A page's first frame then neither
 * parses those rules (Lit turns each CSSResult into a constructed sheet when it is first adopted) nor matches
 * them against every element of the root in its style recalculations. The sheet is appended after the
 * element's own `static styles`, which is where a part's rules stand in that list anyway (the last ones), so
 * the cascade is the same as if they had been there from the start. Once added, a sheet stays.
 *
 * Where a browser cannot adopt constructed sheets, Lit renders `<style>` elements into the root; this does the
 * same, once per root and sheet.
 */
const styled = new WeakMap<Node, Set<CSSResult>>();

export function adoptLate(root: HTMLElement | DocumentFragment | undefined, styles: CSSResult): void {
  if (!root) return;
  let done = styled.get(root);
  if (done?.has(styles)) return;
  if (!done) styled.set(root, (done = new Set()));
  done.add(styles);
  const sheet = 'adoptedStyleSheets' in root ? styles.styleSheet : undefined;
  if (sheet && root instanceof ShadowRoot) {
    root.adoptedStyleSheets = [...root.adoptedStyleSheets, sheet];
    return;
  }
  const style = document.createElement('style');
  style.textContent = styles.cssText;
  root.append(style);
}

/**
 * Makes the constructed sheet of `styles` (Lit parses its CSS when the sheet is first asked for) in an idle
 * period after the next frame, so the part's first showing only adopts it: the first toast comes inside a
 * user's action (a move's undo toast), where parsing its rules was most of that action's script
 * (`profile.ts move 4900 --script --warm`: 3.4 of 5.5 ms).
 */
export function parseLater(styles: CSSResult): void {
  afterNextFrame(() => void styles.styleSheet);
}
