/** Small shared helpers for the SDK tests. */
import { AdapterError } from '../../sdk/index.js';

/** Lets every queued promise, microtask and zero-delay timer run (the memory backend pushes events that way). */
export async function settle(rounds = 3): Promise<void> {
  for (let i = 0; i < rounds; i++) await new Promise((resolve) => setTimeout(resolve, 0));
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
