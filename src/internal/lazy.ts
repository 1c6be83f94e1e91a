/**
 * The one late-loading mechanism of the elements (see docs/architecture.md, "Late loading"). What a user
 * reaches only by acting — the card menu and the board's dialogs, the drawer's content, SortableJS — is a
 * chunk of its own: fetched once in an idle period after the first frame (`preload`), and awaited by every
 * use (`load`), so on a cold cache the first use waits for one small request instead of failing. A chunk
 * that defines elements is used through `whenDefined`: code that talks to the element awaits its definition
 * (the board renders its menu and dialogs only from then on: on-demand-elements.ts; the drawer renders its
 * content's tag at once, which upgrades when the chunk arrives).
 */
import { afterNextFrame } from './idle.js';

export interface LazyModule<T> {
  /** How the chunk is fetched; swappable so a test can hold the fetch back and act before it arrives. */
  readonly source: { load: () => Promise<T> };
  /** Fetches the chunk (once; again after a failure, e.g. offline) and resolves with its module. */
  load(): Promise<T>;
  /** The module once it has arrived (undefined before), for code that can use it at once. */
  loaded(): T | undefined;
  /** Resolves when the module has arrived, without starting the fetch itself. */
  readonly arrived: Promise<T>;
  /** Starts the fetch in an idle period after the next frame (once). */
  preload(): void;
  /**
   * Runs `use` with the module: at once when it has arrived and no earlier use is still waiting, else when it
   * arrives, in the order of the calls (what one use says never overtakes an earlier one). A failed fetch is
   * tried again after a pause, so nothing waiting is dropped.
   */
  inOrder(use: (module: T) => void): void;
}

/** Pause before a use waiting in order fetches its chunk again (offline: the next try may succeed). */
const RETRY_MS = 2000;

export function lazyModule<T>(load: () => Promise<T>): LazyModule<T> {
  const source = { load };
  let loading: Promise<T> | undefined;
  let module: T | undefined;
  let preloadScheduled = false;
  let resolveArrived!: (value: T) => void;
  const arrived = new Promise<T>((resolve) => (resolveArrived = resolve));
  const fetchOnce = (): Promise<T> =>
    (loading ??= source.load().then(
      (value) => {
        module = value;
        resolveArrived(value);
        return value;
      },
      (error: unknown) => {
        loading = undefined; // offline: the next use tries again
        throw error;
      },
    ));
  let queue: Promise<void> = Promise.resolve();
  let waiting = 0;
  const fetchUntilArrived = (): Promise<T> =>
    fetchOnce().catch(() => new Promise<void>((resolve) => setTimeout(resolve, RETRY_MS)).then(fetchUntilArrived));
  return {
    source,
    load: fetchOnce,
    loaded: () => module,
    arrived,
    preload() {
      if (preloadScheduled || module) return;
      preloadScheduled = true;
      afterNextFrame(() => void fetchOnce().catch(() => undefined));
    },
    inOrder(use) {
      if (module && waiting === 0) {
        use(module);
        return;
      }
      waiting++;
      queue = queue
        .then(fetchUntilArrived)
        .then(use)
        .catch((error: unknown) => globalThis.reportError?.(error))
        .finally(() => waiting--);
    },
  };
}

/**
 * Resolves once `tag` is defined, fetching the chunk that defines it if it has not arrived (rejects when the
 * fetch fails). The element may be in the DOM long before: it upgrades when its definition arrives.
 */
export async function whenDefined(tag: string, chunk: LazyModule<unknown>): Promise<CustomElementConstructor> {
  if (!customElements.get(tag)) await chunk.load();
  return customElements.whenDefined(tag);
}
