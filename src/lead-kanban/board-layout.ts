import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { observeWidth, unobserveWidth } from '../internal/size-observer.js';

/** Below this width (px) the board is a phone's: one column at a time, a stage switcher to change it. */
export const PHONE_WIDTH = 600;
/** Below this width the toolbar and the strip wrap more and controls grow to touch size. */
export const NARROW_WIDTH = 900;

export type BoardLayout = 'phone' | 'narrow' | 'wide';

export function layoutFor(width: number): BoardLayout {
  return width < PHONE_WIDTH ? 'phone' : width < NARROW_WIDTH ? 'narrow' : 'wide';
}

/**
 * The board's own width decides its layout, not the viewport's: an embedded board in a narrow sidebar of a
 * wide page lays out as on a phone. The host carries it as `data-layout="phone|narrow"` (absent when wide) for
 * the styles to read. A container query would do the same without script, but the containment it needs would
 * make the board the frame of the fixed popups inside it (menus, pickers), which are placed in the viewport.
 */
export class BoardLayoutController implements ReactiveController {
  private layout: BoardLayout = 'wide';
  private measured = false;

  /** The board is laid out as on a phone (it then renders its stage switcher; wide boards do not make it at all). */
  get phone(): boolean {
    return this.layout === 'phone';
  }

  /** Narrow or a phone's: the toolbar's filters stand compact (each label above its value). */
  get compact(): boolean {
    return this.layout !== 'wide';
  }

  constructor(private readonly host: ReactiveControllerHost & HTMLElement) {
    host.addController(this);
  }

  hostConnected(): void {
    // Before the first render, read the width once: the ResizeObserver reports only after the first frame's
    // layout, and a board that became a phone's there was painted as a wide one first (the browser scored the
    // jump as a layout shift, 0.08 at 390 px). The board has no content yet, so the layout this forces is the
    // page's as it stands.
    if (!this.measured) {
      this.measured = true;
      this.onWidth(this.host.getBoundingClientRect().width);
    }
    observeWidth(this.host, this.onWidth);
  }

  hostDisconnected(): void {
    unobserveWidth(this.host);
  }

  private readonly onWidth = (width: number) => {
    if (width === 0) return; // not laid out (display: none): keep the last layout
    const layout = layoutFor(width);
    if (layout === this.layout) return;
    this.layout = layout;
    // Read before the first render (hostConnected), later reported after layout and before paint.
    this.host.requestUpdate();
    if (layout === 'wide') this.host.removeAttribute('data-layout');
    else this.host.setAttribute('data-layout', layout);
  };
}
