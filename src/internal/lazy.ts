/**
 * The one late-loading mechanism of the elements (see docs/architecture.md, "Late loading"). What a user
 * reaches only by acting — the card menu and the board's dialogs, the drawer's content, SortableJS — is a
 * chunk of its own: fetched once in an idle period after the first frame (`preload`), and awaited by every
 * use (`load`), so on a cold cache the first use waits for one small request instead of failing. A chunk
 * that defines elements is used through `whenDefined`: the template renders the tag at once, and code that
 * talks to the element awaits its definition.
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
