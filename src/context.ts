import { ContextConsumer, ContextProvider, createContext } from '@lit/context';
import type { ReactiveControllerHost } from 'lit';
import type { LeadStore } from '../sdk/index.js';

/**
 * The one LeadStore shared by a board and the drawer and pickers inside it. `Symbol.for` so two copies of
 * the library on one page still find each other's provider.
 */
export const storeContext = createContext<LeadStore | undefined>(Symbol.for('lead-kanban/store'));

type StoreHost = ReactiveControllerHost & HTMLElement & { store: LeadStore | undefined };

/**
 * Keeps `host.store` set to the store a surrounding board provides, following it when it changes (what
 * `@consume({ context: storeContext, subscribe: true })` does). The controllers are used directly rather than
 * through @lit/context's decorators, whose code would be one more thing every page loads up front.
 */
export function consumeStore(host: StoreHost): ContextConsumer<typeof storeContext, StoreHost> {
  return new ContextConsumer(host, {
    context: storeContext,
    subscribe: true,
    callback: (store) => {
      host.store = store;
    },
  });
}

/** Provides a store to the elements inside `host` (what `@provide({ context: storeContext })` does): `setValue` it. */
export function provideStore(host: ReactiveControllerHost & HTMLElement): ContextProvider<typeof storeContext> {
  return new ContextProvider(host, { context: storeContext });
}
