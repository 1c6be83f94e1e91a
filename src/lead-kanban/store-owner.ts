import type { PropertyValues, ReactiveController, ReactiveControllerHost } from 'lit';
import { LeadStore, RestAdapter, type Column, type KeyValueStorage, type LeadAdapter } from '../../sdk/index.js';

/** The board's properties that decide which store it shows. */
export interface StoreOwnerHost extends ReactiveControllerHost {
  store: LeadStore | undefined;
  adapter: LeadAdapter | undefined;
  api: string | undefined;
  token: string | undefined;
  columns: readonly Column[] | undefined;
}

/**
 * Which LeadStore a board shows: the one it was given (`store`), or one it makes, loads and disposes of itself
 * from `adapter`, or from `api` (+ `token`) through a RestAdapter. A board moved in the DOM reloads the store it
 * made (the backend may have moved on while it was detached).
 */
export class StoreOwner implements ReactiveController {
  private owned: LeadStore | undefined;
  /** Set while detached. */
  private detached = false;

  constructor(private readonly host: StoreOwnerHost) {
    host.addController(this);
  }

  /** Called from the board's willUpdate: the store to show follows the properties that changed. */
  sync(changed: PropertyValues): void {
    const host = this.host;
    const userStore = changed.has('store') && host.store !== this.owned;
    if (userStore) {
      this.release();
      if (host.store && host.store.status === 'idle') void host.store.load();
    } else if (!host.store || host.store === this.owned) {
      if (changed.has('adapter') && host.adapter) this.adopt(host.adapter);
      else if ((changed.has('api') || changed.has('token')) && host.api && !host.adapter) {
        this.adopt(new RestAdapter({ baseUrl: host.api, ...(host.token ? { token: host.token } : {}) }));
      }
    }
    if ((changed.has('columns') || changed.has('store')) && host.columns && host.store && host.store.columns !== host.columns) {
      host.store.setColumns(host.columns);
    }
  }

  hostConnected(): void {
    if (this.detached && this.owned && this.owned === this.host.store) void this.owned.load();
    this.detached = false;
  }

  hostDisconnected(): void {
    this.detached = true;
    this.owned?.dispose();
  }

  /** Makes and loads a store on `adapter` (the board provides it), replacing one made earlier. */
  private adopt(adapter: LeadAdapter): void {
    this.release();
    const store = new LeadStore(adapter, {
      ...(this.host.columns ? { columns: this.host.columns } : {}),
      rotationStorage: browserStorage(),
    });
    this.owned = store;
    this.host.store = store;
    void store.load();
  }

  private release(): void {
    this.owned?.dispose();
    this.owned = undefined;
  }
}

/**
 * Whether a board shows data it has finished asking for: until its store has loaded (or failed to), the
 * board is busy — also while it has no store yet (a host logging in first): empty columns are not news.
 */
export function hasSettled(store: LeadStore | undefined): boolean {
  return store?.status === 'ready' || store?.status === 'error';
}

/** localStorage where there is one, so the tie rotation of distributions survives a reload (some sandboxes throw). */
function browserStorage(): KeyValueStorage | undefined {
  try {
    return globalThis.localStorage ?? undefined;
  } catch {
    return undefined;
  }
}
