/**
 * Idle scheduling, shared by the store's background indexes and the elements (exported from sdk/index.ts,
 * so there is one rule for "when the main thread has nothing better to do").
 */

/** How much of an idle period is left, in ms (requestIdleCallback's deadline). */
export interface IdleDeadline {
  timeRemaining(): number;
}

/** The budget of one idle slice where the host has no requestIdleCallback (Node), ms. */
const SLICE_MS = 10;

/**
 * Runs `task` when the main thread is idle: requestIdleCallback where the host has it (browsers, at the latest
 * after `timeout` ms), else a zero-delay timer with a slice's budget (Node). Returns a function that cancels it.
 */
export function whenIdle(task: (deadline: IdleDeadline) => void, timeout = 1000): () => void {
  const host = globalThis as {
    requestIdleCallback?: (fn: (deadline: IdleDeadline) => void, options: { timeout: number }) => number;
    cancelIdleCallback?: (handle: number) => void;
  };
  if (host.requestIdleCallback && host.cancelIdleCallback) {
    const handle = host.requestIdleCallback(task, { timeout });
    return () => host.cancelIdleCallback!(handle);
  }
  const timer = setTimeout(() => {
    const end = performance.now() + SLICE_MS;
    task({ timeRemaining: () => Math.max(0, end - performance.now()) });
  }, 0);
  return () => clearTimeout(timer);
}
