import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { LeadStore, StoreChange, StoreNotice } from '../../sdk/index.js';

export type StoreHost = ReactiveControllerHost & { store?: LeadStore | undefined };

export interface StoreInterest {
  /** Which changes should re-render the host; the default is every change. */
  interested?: (change: StoreChange) => boolean;
  /** The store's notices, if the host turns them into something (the board: toasts). */
  notice?: (notice: StoreNotice) => void;
  /** Every change, before the host re-renders (the board: cards changed by someone else are marked). */
  change?: (change: StoreChange) => void;
}

/**
 * Re-renders its host when the host's store reports a change the host cares about (and hands it the store's
 * notices when asked to). Follows the host's `store` property (set directly or provided by context), so
 * swapping the store resubscribes.
 */
export class StoreController implements ReactiveController {
  private unsubscribe: (() => void) | undefined;
  private current: LeadStore | undefined;

  constructor(
    private readonly host: StoreHost,
    private readonly interest: StoreInterest = {},
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
    const { interested, notice, change: changed } = this.interest;
    const changes = next.subscribe((change) => {
      changed?.(change);
      if (!interested || interested(change)) this.host.requestUpdate();
    });
    const notices = notice ? next.onNotice(notice) : undefined;
    this.unsubscribe = () => {
      changes();
      notices?.();
    };
  }
}
