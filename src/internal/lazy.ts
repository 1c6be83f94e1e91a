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
   * tried again after a pause that doubles with each failure in a row (2 s up to a minute), or at once when the
   * browser says it is back online, so nothing waiting is dropped and an offline page does not keep asking.
   */
  inOrder(use: (module: T) => void): void;
}

/** First pause before a use waiting in order fetches its chunk again (offline: the next try may succeed). */
const RETRY_MS = 2000;
/** The longest pause between tries: a page left offline asks about once a minute. */
const MAX_RETRY_MS = 60_000;

/** Resolves after `ms`, or earlier when the browser reports that it is back online. */
function pauseOrOnline(ms: number): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      clearTimeout(timer);
      globalThis.removeEventListener?.('online', done);
      resolve();
    };
    const timer = setTimeout(done, ms);
    globalThis.addEventListener?.('online', done);
  });
}

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
  const fetchUntilArrived = (failures = 0): Promise<T> =>
    fetchOnce().catch(() =>
      pauseOrOnline(Math.min(RETRY_MS * 2 ** failures, MAX_RETRY_MS)).then(() => fetchUntilArrived(failures + 1)),
    );
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
        .then(() => fetchUntilArrived())
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
