import type { ReactiveController } from 'lit';
import type { LeadStore } from '../../sdk/index.js';
import { lazyModule } from '../internal/lazy.js';
import type { BoardParts } from './board-parts.js';
import type { UrlState, UrlStateHost } from './url-state.js';

/** The URL state (url-state.ts), loaded only by a board with the `url-state` attribute. */
export const urlStateChunk = lazyModule(() => import('./url-state.js'));

/**
 * The board's side of its opt-in URL state: follows the `url-state` attribute (its value, the parameters'
 * prefix; null: off), fetches the module on first use, and lets it compare the view with the URL after every
 * render. A board without the attribute does nothing here and never loads the module.
 */
export class BoardUrl implements ReactiveController {
  private url: UrlState | undefined;
  private prefix: string | null = null;
  private connected = false;

  /** What the URL state asks of the board: its parts, and how it opens a lead and searches. */
  private readonly board: UrlStateHost;

  constructor(parts: BoardParts, actions: Pick<UrlStateHost, 'openLead' | 'search'>) {
    parts.host.addController(this);
    this.board = {
      get store(): LeadStore | undefined {
        return parts.store;
      },
      get openLeadId() {
        return parts.state.openLeadId;
      },
      openLead: actions.openLead,
      closeLead: () => parts.state.set({ openLeadId: null }),
      search: actions.search,
    };
  }

  /** The attribute's value now (null: absent). */
  follow(prefix: string | null): void {
    if (prefix === this.prefix && (this.url || prefix === null)) return;
    this.prefix = prefix;
    this.restart();
  }

  hostConnected(): void {
    this.connected = true;
    this.restart(); // again after a move in the DOM
  }

  hostDisconnected(): void {
    this.connected = false;
    this.url?.stop();
    this.url = undefined;
  }

  hostUpdated(): void {
    this.url?.sync();
  }

  private restart(): void {
    this.url?.stop();
    this.url = undefined;
    const prefix = this.prefix;
    if (prefix === null || !this.connected) return;
    void urlStateChunk.load().then(({ UrlState }) => {
      if (this.prefix !== prefix || this.url || !this.connected) return;
      this.url = new UrlState(this.board, prefix);
      this.url.start();
    });
  }
}
