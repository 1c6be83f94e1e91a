import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { LeadStore, StoreChange } from '../../sdk/index.js';

export type StoreHost = ReactiveControllerHost & { store?: LeadStore | undefined };

/**
 * Re-renders its host when the host's store reports a change the host cares about. Follows the host's
 * `store` property (set directly or provided by context), so swapping the store resubscribes.
 */
export class StoreController implements ReactiveController {
  private unsubscribe: (() => void) | undefined;
  private current: LeadStore | undefined;

  constructor(
    private readonly host: StoreHost,
    /** Which changes should re-render the host; the default is every change. */
    private readonly interested: (change: StoreChange) => boolean = () => true,
    /** Called for each change after the interest test passes (e.g. to invalidate a cache). */
    private readonly onChange?: (change: StoreChange) => void,
  ) {
    host.addController(this);
  }

  get store(): LeadStore | undefined {
    return this.current;
  }

  hostConnected(): void {
    this.sync();
  }

  hostUpdate(): void {
    this.sync();
  }

  hostDisconnected(): void {
    this.unsubscribe?.();
    this.unsubscribe = undefined;
    this.current = undefined;
  }

  private sync(): void {
    const next = this.host.store;
    if (next === this.current && (this.unsubscribe || !next)) return;
    this.unsubscribe?.();
    this.unsubscribe = undefined;
    this.current = next;
    if (!next) return;
    this.unsubscribe = next.subscribe((change) => {
      if (!this.interested(change)) return;
      this.onChange?.(change);
      this.host.requestUpdate();
    });
  }
}
