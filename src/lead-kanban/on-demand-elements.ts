import type { LitElement } from 'lit';
import { whenDefined, type LazyModule } from '../internal/lazy.js';

/**
 * The board's elements a user reaches only by acting — the card menu and the dialogs — rendered from their
 * first use on, not on the board's first frame: an element that is not there costs that frame nothing, and
 * one that is there renders its whole content (a dialog's form, the shortcuts table) as soon as its chunk
 * arrives, seen or not. A use `summon`s the element: its chunk is fetched if it has not arrived (lazy.ts), the
 * board renders it (with the properties it gives it) and it has rendered once; it stays from then on.
 */
export class OnDemandElements {
  private readonly wanted = new Set<string>();

  constructor(private readonly host: LitElement) {}

  /** Whether `tag` was summoned: the board renders it from then on. */
  has(tag: keyof HTMLElementTagNameMap): boolean {
    return this.wanted.has(tag);
  }

  /**
   * The element, rendered and defined (null when the board does not render it for this member, e.g. an
   * intake dialog the member may not open).
   */
  async summon<K extends keyof HTMLElementTagNameMap>(tag: K, chunk: LazyModule<unknown>): Promise<HTMLElementTagNameMap[K] | null> {
    await whenDefined(tag, chunk);
    if (!this.wanted.has(tag)) {
      this.wanted.add(tag);
      this.host.requestUpdate();
    }
    // Also when an earlier use summoned it: that use's render may not have run yet (two quick clicks).
    await this.host.updateComplete;
    const element = this.host.renderRoot.querySelector(tag);
    if (element && 'updateComplete' in element) await element.updateComplete;
    return element;
  }
}
