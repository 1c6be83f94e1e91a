/**
 * The id rule and the storable-text rule in plain code: `IdSchema` and every string field of sdk/schema.ts are
 * built on these, and the plain-code checks in front of zod (id-checks.ts, `store.assign`) use them as they are,
 * so the two can never disagree. Apart from id-checks.ts because the store needs only these up front, and the
 * rest of those checks only the MemoryAdapter does.
 */

/**
 * A lone UTF-16 surrogate or a NUL character: text no database keeps as given (SQLite and PostgreSQL turn a
 * lone surrogate into U+FFFD, PostgreSQL refuses NUL), so a value holding one would read back as something
 * else. With the `u` flag, `\p{Cs}` matches only UNPAIRED surrogates (a pair is one code point outside Cs): the
 * same test as `String.prototype.isWellFormed`, in every browser the SDK runs in.
 */
const NOT_STORABLE = /[\p{Cs}\u0000]/u;

/** Whether a string can be stored and read back exactly (see NOT_STORABLE). */
export const isStorable = (value: string): boolean => !NOT_STORABLE.test(value);

/** Longest id the SDK accepts; the shortest is 1. */
export const ID_MAX_LENGTH = 200;

/** The id rule (IdSchema) in plain code: a string of 1 to ID_MAX_LENGTH characters of storable text. */
export function isId(value: unknown): value is string {
  return typeof value === 'string' && value.length >= 1 && value.length <= ID_MAX_LENGTH && isStorable(value);
}

/** An array of ids (every element present and an id), with `min` to `max` elements. */
export function isIdList(value: unknown, min = 0, max = Number.MAX_SAFE_INTEGER): value is string[] {
  if (!Array.isArray(value) || value.length < min || value.length > max) return false;
  for (let i = 0; i < value.length; i++) if (!isId(value[i])) return false;
  return true;
}
