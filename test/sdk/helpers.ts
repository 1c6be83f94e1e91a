/** Small shared helpers for the SDK tests. */
import { AdapterError } from '../../sdk/index.js';
import type { KeyValueStorage } from '../../sdk/memory.js';

/** A Web Storage stand-in over a Map (what the database uses of it: getItem, setItem). */
export function memoryStorage(): KeyValueStorage & { data: Map<string, string> } {
  const data = new Map<string, string>();
  return { data, getItem: (k) => data.get(k) ?? null, setItem: (k, v) => void data.set(k, v) };
}

/** Lets every queued promise, microtask and zero-delay timer run (the memory backend pushes events that way). */
export async function settle(rounds = 3): Promise<void> {
  for (let i = 0; i < rounds; i++) await new Promise((resolve) => setTimeout(resolve, 0));
}

/**
 * Waits (a zero-delay timer turn at a time, up to ~2 s) until `condition` holds: for what the store tells a
 * moment after a burst of pushed changes (its notices).
 */
export async function until(condition: () => boolean, what: string): Promise<void> {
  const end = Date.now() + 2000;
  while (!condition()) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

/** The AdapterError a promise rejects with; fails the test when it resolves or rejects with something else. */
export async function rejection(promise: Promise<unknown>): Promise<AdapterError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof AdapterError) return error;
    throw new Error(`expected an AdapterError, got ${String(error)}`);
  }
  throw new Error('expected the promise to reject');
}

/** Same, for a synchronous call. */
export function thrown(fn: () => unknown): AdapterError {
  try {
    fn();
  } catch (error) {
    if (error instanceof AdapterError) return error;
    throw new Error(`expected an AdapterError, got ${String(error)}`);
  }
  throw new Error('expected the call to throw');
}

const byId = <T extends { id: string }>(a: T, b: T) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
/** Leads sorted by id, for comparing two views of the same data. */
export const sortedById = <T extends { id: string }>(items: Iterable<T>): T[] => [...items].sort(byId);

/**
 * One idle period of the host, as the store's background work waits for it (see sdk/store/filter-state.ts):
 * an idle callback in a browser, a timer turn in Node.
 */
export function idle(): Promise<void> {
  const host = globalThis as { requestIdleCallback?: (task: () => void, options: { timeout: number }) => number };
  return new Promise((resolve) => {
    if (host.requestIdleCallback) host.requestIdleCallback(() => setTimeout(resolve, 0), { timeout: 2000 });
    else setTimeout(resolve, 20);
  });
}

/** Lets idle periods pass until `done()` holds; fails the test when it still does not after `periods` of them. */
export async function untilIdleWorkDone(done: () => boolean, what: string, periods = 100): Promise<void> {
  for (let i = 0; i < periods; i++) {
    if (done()) return;
    await idle();
  }
  if (!done()) throw new Error(`${what}: still not done after ${periods} idle periods`);
}

/**
 * Counts the calls of a method on a class's prototype (every instance), calling through to it: tells a test
 * which path the code took where the result alone cannot (an index used, or a scan giving the same answer).
 */
export function countCalls<T extends object>(prototype: T, method: keyof T & string): { readonly count: number; restore(): void } {
  const original = prototype[method] as (...args: unknown[]) => unknown;
  const counter = {
    count: 0,
    restore: () => void Object.assign(prototype, { [method]: original }),
  };
  Object.assign(prototype, {
    [method](this: unknown, ...args: unknown[]) {
      counter.count++;
      return original.apply(this, args);
    },
  });
  return counter;
}
