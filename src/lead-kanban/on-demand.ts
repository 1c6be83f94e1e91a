/**
 * The card actions menu and the bulk "Assign leads" dialog open only on a user action, so they are not part
 * of what a host loads up front: their chunk is fetched once the board has painted its first frame (as
 * SortableJS is), and every open awaits it. By the time anyone opens a menu it is normally there; on a cold
 * cache the first open waits for one small request instead of failing.
 */

/** How the chunk is fetched; swappable so a test can hold the fetch back and open a menu before it arrives. */
export const onDemandSource = {
  load: (): Promise<unknown> => import('./on-demand-parts.js'),
};

let loading: Promise<unknown> | undefined;
let preloadScheduled = false;

/** Resolves once `<lead-kanban-menu>` and `<lead-kanban-assign-dialog>` are defined (fetched once; retried after a failure). */
export function loadOnDemandParts(): Promise<unknown> {
  loading ??= onDemandSource.load().catch((error: unknown) => {
    loading = undefined; // offline: the next open tries again
    throw error;
  });
  return loading;
}

/** Starts the fetch after the next frame, so it never competes with the board's first render. */
export function preloadOnDemandParts(): void {
  if (preloadScheduled || typeof requestAnimationFrame === 'undefined') return;
  preloadScheduled = true;
  requestAnimationFrame(() => setTimeout(() => void loadOnDemandParts().catch(() => undefined), 0));
}
