/**
 * Where the SDK's late chunk (late-parts.ts) is loaded from: the RestAdapter, the store's intake commands
 * and its undo queue await it here (lazy-import.ts fetches it once).
 */
import { AdapterError } from '../adapter.js';
import { lazyImport } from './lazy-import.js';

/** The SDK's late chunk (late-parts.ts): the RestAdapter's wire, the intake commands, the undo runner. */
export const loadLateParts = lazyImport(() => import('./late-parts.js'));

/**
 * The late chunk for a call that needs it: a chunk that cannot be fetched fails that call as a lost
 * connection does (`network`, which the elements word and the user can retry), or with the abort reason
 * when the caller gave up meanwhile.
 */
export async function latePartsFor(what: string, signal?: AbortSignal): ReturnType<typeof loadLateParts> {
  try {
    return await loadLateParts();
  } catch (error) {
    if (signal?.aborted) throw signal.reason ?? error;
    throw new AdapterError('network', `${what}: ${error instanceof Error ? error.message : 'request failed'}`, { cause: error });
  }
}
