/**
 * The SDK's one way of loading a part late (the elements have theirs, src/internal/lazy.ts): a module that
 * only some sessions use is a dynamic import, fetched once by its first use and awaited by every use. A
 * failed fetch (offline, a deploy that removed the old chunk) is forgotten, so the next use tries again.
 */
export function lazyImport<T>(load: () => Promise<T>): () => Promise<T> {
  let pending: Promise<T> | undefined;
  return () =>
    (pending ??= load().catch((error: unknown) => {
      pending = undefined;
      throw error;
    }));
}
