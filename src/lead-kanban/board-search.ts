import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { LeadStore } from '../../sdk/index.js';

/** Search runs this long after the last keystroke, so typing does no per-key work on the board. */
export const SEARCH_DEBOUNCE_MS = 150;

/**
 * The board's search box: what it shows at once, and the store's filter following after a short debounce
 * (typing), or at once (a view restored from the URL).
 */
export class BoardSearch implements ReactiveController {
  /** What the search box shows. */
  text = '';
  private timer: ReturnType<typeof setTimeout> | undefined;

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly store: () => LeadStore | undefined,
  ) {
    host.addController(this);
  }

  hostDisconnected(): void {
    clearTimeout(this.timer);
  }

  /** A keystroke in the box. */
  readonly input = (text: string): void => {
    this.text = text;
    this.host.requestUpdate();
    clearTimeout(this.timer);
    this.timer = setTimeout(() => this.store()?.setFilter({ q: text.slice(0, 200) }), SEARCH_DEBOUNCE_MS);
  };

  /** Shows and applies a search now. */
  set(text: string): void {
    clearTimeout(this.timer);
    this.text = text;
    this.host.requestUpdate();
    this.store()?.setFilter({ q: text.slice(0, 200) });
  }
}
