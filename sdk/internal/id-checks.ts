/**
 * Plain-code checks of an assignment body (up to 10,000 lead ids and their expected versions), run by the
 * MemoryAdapter in front of AssignBodySchema; the id rule itself is id-rule.ts (the store's assign checks its
 * list with it). They accept a strict subset of what the schema accepts and nothing else; whenever a check
 * says no, the schema runs, so bad input is still refused with the schema's error naming the field.
 * test/sdk/id-checks.test.ts holds them to the schema.
 *
 * Kept only where a measurement says it pays: for a 1,000-lead body, after a load had warmed zod up, the schema
 * took 11-25 ms on each of the first three batches and 1.7 ms warm; these checks 1-8 ms and 0.7 ms (Node 20, 2
 * cores). In the browser a bare list of 1,000 ids still cost zod ~10 ms of a bulk assignment's script (the
 * storable-text refinement per element), so the store's assign checks its list with isIdList first.
 */

import type { AssignOptions } from '../adapter.js';
import type { AssignBody, WriteSource } from '../schema.js';
import { MAX_BATCH, WRITE_SOURCES } from '../schema.js';
import { isId, isIdList } from './id-rule.js';

export { isId, isIdList } from './id-rule.js';

/** A source a client's write may name (WRITE_SOURCES; 'rule' and 'import' are the backend's own). */
const isWriteSource = (value: unknown): value is WriteSource => (WRITE_SOURCES as readonly unknown[]).includes(value);

/**
 * A plain object mapping strings to integers ≥ 1 (`expectedVersions`), copied as it is read (each value read
 * once, as the schema does); undefined when it is anything else: another prototype, symbol keys, a
 * `__proto__` key, a value that is not such an integer.
 */
export function versionRecord(value: unknown): Record<string, number> | undefined {
  if (typeof value !== 'object' || value === null || Object.getPrototypeOf(value) !== Object.prototype) return undefined;
  if (Object.getOwnPropertySymbols(value).length > 0) return undefined;
  const copy: Record<string, number> = {};
  for (const key of Object.keys(value)) {
    if (key === '__proto__') return undefined;
    const version = (value as Record<string, unknown>)[key];
    if (typeof version !== 'number' || !Number.isSafeInteger(version) || version < 1) return undefined;
    copy[key] = version;
  }
  return copy;
}

/**
 * The `assign` body (AssignBodySchema) when it is plainly valid; undefined when anything is unusual, and the
 * caller's schema then decides and names the field.
 */
export function plainAssignBody(leadIds: readonly string[], assigneeId: string | null, options: AssignOptions): AssignBody | undefined {
  if (typeof options !== 'object' || options === null || Object.getPrototypeOf(options) !== Object.prototype) return undefined;
  if (Object.getOwnPropertySymbols(options).length > 0) return undefined;
  for (const key of Object.keys(options)) if (key !== 'expectedVersions' && key !== 'source' && key !== 'batchId') return undefined;
  if (!isIdList(leadIds, 1, MAX_BATCH) || (assigneeId !== null && !isId(assigneeId))) return undefined;
  const { expectedVersions, source, batchId } = options;
  if (batchId !== undefined && !isId(batchId)) return undefined;
  if (source !== undefined && !isWriteSource(source)) return undefined;
  const versions = expectedVersions === undefined ? undefined : versionRecord(expectedVersions);
  if (expectedVersions !== undefined && !versions) return undefined;
  const body: AssignBody = { leadIds: [...leadIds], assigneeId };
  if (versions) body.expectedVersions = versions;
  if (source !== undefined) body.source = source;
  if (batchId !== undefined) body.batchId = batchId;
  return body;
}
