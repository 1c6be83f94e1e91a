/**
 * Parts of the elements that a user reaches only by acting are not part of what a host loads up front: each
 * lives in a chunk of its own, fetched in an idle period after the first frame, and every use awaits it. By
 * the time anyone opens a menu or a lead the chunk is normally there; on a cold cache the first use waits for
 * one small request instead of failing.
 *
 * Two chunks use this: the board's card menu, bulk "Assign leads" dialog and "Keyboard shortcuts" dialog
 * (below), and the body of `<lead-drawer>` (src/lead-drawer/drawer-body-chunk.ts).
 */

/** One chunk fetched on demand. */
export interface OnDemandChunk<T> {
  /** How the chunk is fetched; swappable so a test can hold the fetch back and act before it arrives. */
  readonly source: { load: () => Promise<T> };
  /** Resolves with the chunk's module (fetched once; retried after a failure). */
  load(): Promise<T>;
  /** The chunk's module once it has arrived, for code that can use it at once (undefined before). */
  loaded(): T | undefined;
  /** Starts the fetch once the page is idle after its next frame, so it never competes with a first render. */
  preload(): void;
}

/** Runs `task` in an idle period (a zero-delay timer where the browser has no requestIdleCallback). */
function whenIdle(task: () => void): void {
  if (typeof requestIdleCallback === 'function') requestIdleCallback(task, { timeout: 2000 });
  else setTimeout(task, 0);
}

export function onDemandChunk<T>(load: () => Promise<T>): OnDemandChunk<T> {
  const source = { load };
  let loading: Promise<T> | undefined;
  let arrived: T | undefined;
  let preloadScheduled = false;
  const fetchOnce = (): Promise<T> =>
    (loading ??= source.load().then(
      (module) => (arrived = module),
      (error: unknown) => {
        loading = undefined; // offline: the next use tries again
        throw error;
      },
    ));
  return {
    source,
    load: fetchOnce,
    loaded: () => arrived,
    preload() {
      if (preloadScheduled || typeof requestAnimationFrame === 'undefined') return;
      preloadScheduled = true;
      requestAnimationFrame(() => whenIdle(() => void fetchOnce().catch(() => undefined)));
    },
  };
}

const boardParts = onDemandChunk((): Promise<unknown> => import('./on-demand-parts.js'));

/** How the board's chunk is fetched (see OnDemandChunk.source). */
export const onDemandSource = boardParts.source;

/**
 * Resolves once `<lead-kanban-menu>`, `<lead-kanban-assign-dialog>` and `<lead-kanban-help-dialog>` are defined
 * (fetched once; retried after a failure).
 */
export const loadOnDemandParts = boardParts.load;

/** Starts fetching the card menu, the bulk dialog and the keyboard help after the board's first frame. */
export const preloadOnDemandParts = boardParts.preload;
