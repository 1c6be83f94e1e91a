/**
 * Plain-code checks for the big id lists of bulk commands (1,000 lead ids, their expected versions). They
 * accept a strict subset of what the schemas in schema.ts accept and nothing else; a caller runs the
 * schema whenever a check says no, so bad input is still refused with the schema's error naming the field.
 * What they save is the schema's per-element machinery, ~5 ms for a 1,000-lead batch before the code is
 * warm. test/sdk/id-checks.test.ts holds them to the schemas.
 */

import type { AssignOptions } from '../adapter.js';
import type { AssignBody } from '../schema.js';
import { MAX_BATCH, SOURCES } from '../schema.js';

/** The id rule of schema.ts (`id()`): a string of 1 to 200 characters. */
export function isId(value: unknown): value is string {
  return typeof value === 'string' && value.length >= 1 && value.length <= 200;
}

/** An array of ids (every element present and an id), with `min` to `max` elements. */
export function isIdList(value: unknown, min = 0, max = Number.MAX_SAFE_INTEGER): value is string[] {
  if (!Array.isArray(value) || value.length < min || value.length > max) return false;
  for (let i = 0; i < value.length; i++) if (!isId(value[i])) return false;
  return true;
}

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
  if (source !== undefined && !(SOURCES as readonly unknown[]).includes(source)) return undefined;
  const versions = expectedVersions === undefined ? undefined : versionRecord(expectedVersions);
  if (expectedVersions !== undefined && !versions) return undefined;
  const body: AssignBody = { leadIds: [...leadIds], assigneeId };
  if (versions) body.expectedVersions = versions;
  if (source !== undefined) body.source = source;
  if (batchId !== undefined) body.batchId = batchId;
  return body;
}
