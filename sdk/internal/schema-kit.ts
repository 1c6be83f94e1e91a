/**
 * The few schema building blocks the SDK needs, with zod/mini's names and call shapes (`z.string().check(
 * z.minLength(1))`, `z.optional(…)`, `z.infer<typeof S>`), so schema.ts reads as before. It replaces zod in
 * the bundle: zod/mini's core (~9 kB gzip once every locale and format is shaken out) was the largest single
 * part of the SDK a host loads up front, and the SDK uses a small fixed subset of it.
 *
 * What it keeps from zod: parsing returns a new value (objects rebuilt with known keys only, unknown keys
 * dropped — or refused by `strictObject`), every failure is an issue with a path and an English message,
 * all issues of a value are collected (not only the first), `trim()` rewrites before the checks after it.
 * Import it as a namespace: `import * as z from './internal/schema-kit.js'`.
 */

export interface Issue {
  /** invalid_type, too_small, too_big, invalid_format, invalid_value, unrecognized_keys, invalid_union */
  code: string;
  /** Keys and indexes from the parsed value down to the failing one ("leads", 3, "email"). */
  path: PropertyKey[];
  message: string;
}

export type SafeParseResult<T> = { success: true; data: T } | { success: false; error: { issues: Issue[] } };

/** The walk of one parse: issues found so far and the path to the value being looked at (a stack). */
export interface Walk {
  issues: Issue[];
  path: PropertyKey[];
}

/**
 * A check run after the type test passed. It reports with `report(walk, …)` and returns nothing, or (`trim`)
 * returns the value that replaces the input for the checks after it.
 */
export type Check<T> = (value: T, walk: Walk) => unknown;

function report(walk: Walk, code: string, message: string): void {
  walk.issues.push({ code, path: [...walk.path], message });
}

/** zod's names for what was received: "null", "array", "NaN", else typeof. */
function received(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  if (typeof value === 'number' && Number.isNaN(value)) return 'NaN';
  return typeof value;
}

/** Turns a type test into a parse step: the value as is, or an `invalid_type` issue. */
const typed = (expected: string, test: (value: unknown) => boolean) => (value: unknown, walk: Walk) => {
  if (!test(value)) report(walk, 'invalid_type', `Invalid input: expected ${expected}, received ${received(value)}`);
  return value;
};

export class Schema<T> {
  /** Type only: what a successful parse returns (read by `infer`). */
  declare readonly _output: T;

  constructor(
    /** Tests the type (reporting `invalid_type`) and rebuilds containers; returns the parsed value. */
    protected readonly step: (value: unknown, walk: Walk) => unknown,
    // Typed loosely so that Schema<string> is a Schema<unknown> (a check takes T: it would make T invariant).
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    protected readonly checks: readonly Check<any>[] = [],
  ) {}

  /** A copy with more checks, run in order after the type test (as zod/mini's `.check`). */
  check(...checks: Check<T>[]): this {
    const copy = Object.create(Object.getPrototypeOf(this)) as this;
    Object.assign(copy, this, { checks: [...this.checks, ...checks] });
    return copy;
  }

  /** @internal Parses `value` at `walk.path`, adding issues to `walk`. */
  run(value: unknown, walk: Walk): T {
    const before = walk.issues.length;
    let out = this.step(value, walk) as T;
    if (this.checks.length === 0 || walk.issues.length !== before) return out;
    for (const check of this.checks) {
      const replaced = check(out, walk);
      if (replaced !== undefined) out = replaced as T;
    }
    return out;
  }

  safeParse(value: unknown): SafeParseResult<T> {
    const walk: Walk = { issues: [], path: [] };
    const data = this.run(value, walk);
    return walk.issues.length === 0 ? { success: true, data } : { success: false, error: { issues: walk.issues } };
  }

  /** Parses or throws a `SchemaError` listing every issue. */
  parse(value: unknown): T {
    const result = this.safeParse(value);
    if (!result.success) throw new SchemaError(result.error.issues);
    return result.data;
  }
}

export class SchemaError extends Error {
  override readonly name = 'SchemaError';
  constructor(readonly issues: Issue[]) {
    super(issues.map((i) => `${i.path.map(String).join('.') || '(root)'}: ${i.message}`).join('; '));
  }
}

/** What a schema's successful parse returns: `z.infer<typeof LeadSchema>`. */
export type Infer<S> = S extends { readonly _output: infer T } ? T : never;
export type { Infer as infer };

// ---- scalars -----------------------------------------------------------------------------------------------------

export const string = () => new Schema<string>(typed('string', (v) => typeof v === 'string'));
export const boolean = () => new Schema<boolean>(typed('boolean', (v) => typeof v === 'boolean'));
/** A finite number (NaN and ±Infinity are refused, as zod 4 does). */
export const number = () => new Schema<number>(typed('number', Number.isFinite));
/** A safe integer. */
export const int = () => new Schema<number>(typed('int', Number.isSafeInteger));

/** Exactly `value`. */
export class Literal<const T extends string | number | boolean> extends Schema<T> {
  constructor(readonly value: T) {
    super((input, walk) => {
      if (input !== value) report(walk, 'invalid_value', `Invalid input: expected ${JSON.stringify(value)}`);
      return input;
    });
  }
}
export const literal = <const T extends string | number | boolean>(value: T) => new Literal(value);

/** One of `values` (zod's `z.enum`). */
function oneOf<const T extends readonly [string, ...string[]]>(values: T): Schema<T[number]> {
  const allowed = new Set<unknown>(values);
  const list = values.map((v) => JSON.stringify(v)).join('|');
  return new Schema((input, walk) => {
    if (!allowed.has(input)) report(walk, 'invalid_value', `Invalid option: expected one of ${list}`);
    return input;
  });
}
export { oneOf as enum };

// ---- formats (strings) ---------------------------------------------------------------------------------------------

/** Practical addresses: dot-separated local atoms, "@", a domain whose last label has 2+ letters. */
const EMAIL = /^[\w'+-]+(\.[\w'+-]+)*@([A-Za-z0-9][A-Za-z0-9-]*\.)+[A-Za-z]{2,}$/;
/** RFC 3339 date-time: seconds required, optional fraction, then `Z` or a ±hh:mm offset (no local times). */
const ISO_DATETIME = /^(\d{4})-(\d\d)-(\d\d)T([01]\d|2[0-3]):[0-5]\d:[0-5]\d(\.\d+)?(Z|[+-]([01]\d|2[0-3]):[0-5]\d)$/;

/** A real calendar day (no February 30th): month 1–12, day within the month, leap years counted. */
function isCalendarDay(year: number, month: number, day: number): boolean {
  const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
  const days = month === 2 ? (leap ? 29 : 28) : month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
  return month >= 1 && month <= 12 && day >= 1 && day <= days;
}

const format = (pattern: RegExp, message: string): Check<string> => (value, walk) => {
  if (!pattern.test(value)) report(walk, 'invalid_format', message);
};

export const email = () => string().check(format(EMAIL, 'Invalid email address'));
/** `z.iso.datetime({ offset: true })`: the only form the SDK accepts (UTC `Z` or an explicit offset). */
export const iso = {
  datetime: (_options: { offset: true }) =>
    string().check((value, walk) => {
      const m = ISO_DATETIME.exec(value);
      if (!m || !isCalendarDay(Number(m[1]), Number(m[2]), Number(m[3]))) report(walk, 'invalid_format', 'Invalid ISO datetime');
    }),
};

// ---- checks ----------------------------------------------------------------------------------------------------------

type Sized = string | readonly unknown[];
const unit = (value: Sized) => (typeof value === 'string' ? 'string to have' : 'array to have');
const units = (value: Sized) => (typeof value === 'string' ? 'characters' : 'items');

export const minLength = (min: number): Check<Sized> => (value, walk) => {
  if (value.length < min) report(walk, 'too_small', `Too small: expected ${unit(value)} >=${min} ${units(value)}`);
};
export const maxLength = (max: number): Check<Sized> => (value, walk) => {
  if (value.length > max) report(walk, 'too_big', `Too big: expected ${unit(value)} <=${max} ${units(value)}`);
};
export const minimum = (min: number): Check<number> => (value, walk) => {
  if (value < min) report(walk, 'too_small', `Too small: expected number to be >=${min}`);
};
export const regex = (pattern: RegExp): Check<string> => format(pattern, `Invalid string: must match pattern ${pattern}`);
/** Rewrites the string without surrounding whitespace; checks after it see the trimmed value. */
export const trim = (): Check<string> => (value) => value.trim();

// ---- wrappers --------------------------------------------------------------------------------------------------------

/** May be undefined; as an object field, may be absent. */
export class Optional<T> extends Schema<T | undefined> {
  readonly optional = true;
  constructor(inner: Schema<T>) {
    super((value, walk) => (value === undefined ? undefined : inner.run(value, walk)));
  }
}
export const optional = <T>(inner: Schema<T>) => new Optional(inner);
export const nullable = <T>(inner: Schema<T>) =>
  new Schema<T | null>((value, walk) => (value === null ? null : inner.run(value, walk)));

// ---- containers ------------------------------------------------------------------------------------------------------

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** Sets `key` even when it is "__proto__" (an own property, never the prototype). */
function put(target: Record<string, unknown>, key: string, value: unknown): void {
  if (key === '__proto__') Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
  else target[key] = value;
}

export const array = <T>(item: Schema<T>) =>
  new Schema<T[]>((value, walk) => {
    if (!Array.isArray(value)) return typed('array', () => false)(value, walk);
    const out: T[] = new Array(value.length);
    const path = walk.path;
    for (let i = 0; i < value.length; i++) {
      path.push(i);
      out[i] = item.run(value[i], walk);
      path.pop();
    }
    return out;
  });

/** Values of `value`, keys checked with `key` (zod's `z.record`). */
export const record = <K extends string, V>(key: Schema<K>, value: Schema<V>) =>
  new Schema<Record<K, V>>((input, walk) => {
    if (!isRecord(input)) return typed('record', () => false)(input, walk);
    const out: Record<string, unknown> = {};
    const path = walk.path;
    for (const k of Object.keys(input)) {
      path.push(k);
      key.run(k, walk);
      put(out, k, value.run(input[k], walk));
      path.pop();
    }
    return out;
  });

export type Shape = { readonly [key: string]: Schema<unknown> };
type OptionalKeys<S extends Shape> = { [K in keyof S]: S[K] extends Optional<unknown> ? K : never }[keyof S];
type Flatten<T> = { [K in keyof T]: T[K] } & {};
export type ObjectOutput<S extends Shape> = Flatten<
  { [K in Exclude<keyof S, OptionalKeys<S>>]: Infer<S[K]> } & { [K in OptionalKeys<S>]?: Infer<S[K]> }
>;

/** A plain object with these fields. Unknown keys are dropped, or refused (by name) when `strict`. */
export class ObjectSchema<S extends Shape> extends Schema<ObjectOutput<S>> {
  constructor(
    readonly shape: S,
    readonly strict: boolean,
  ) {
    const keys = Object.keys(shape);
    super((input, walk) => {
      if (!isRecord(input)) return typed('object', () => false)(input, walk);
      const out: Record<string, unknown> = {};
      const path = walk.path;
      for (const key of keys) {
        path.push(key);
        const parsed = shape[key]!.run(input[key], walk);
        path.pop();
        // As zod: an absent optional field stays absent; a present one is kept (even when undefined).
        if (parsed !== undefined || key in input) out[key] = parsed;
      }
      if (strict) {
        for (const key of Object.keys(input)) {
          if (Object.hasOwn(shape, key)) continue;
          path.push(key);
          report(walk, 'unrecognized_keys', 'Unrecognized key (not allowed here)');
          path.pop();
        }
      }
      return out;
    });
  }
}

export const object = <S extends Shape>(shape: S) => new ObjectSchema(shape, false);
export const strictObject = <S extends Shape>(shape: S) => new ObjectSchema(shape, true);
/** The object's fields plus (or replaced by) `more`, keeping its strictness. */
export const extend = <S extends Shape, M extends Shape>(base: ObjectSchema<S>, more: M) =>
  new ObjectSchema({ ...base.shape, ...more } as Omit<S, keyof M> & M, base.strict);

type Variant<K extends string> = ObjectSchema<{ [P in K]: Literal<string> } & Shape>;

/** Objects told apart by the literal at `key`; the variant is chosen by it, then parsed. */
export const discriminatedUnion = <K extends string, const V extends readonly Variant<K>[]>(key: K, variants: V) => {
  const byTag = new Map<unknown, Variant<K>>(variants.map((v) => [(v.shape[key] as Literal<string>).value, v]));
  const tags = [...byTag.keys()].map((t) => JSON.stringify(t)).join('|');
  return new Schema<Infer<V[number]>>((input, walk) => {
    if (!isRecord(input)) return typed('object', () => false)(input, walk);
    const variant = byTag.get(input[key]);
    if (variant) return variant.run(input, walk);
    walk.path.push(key);
    report(walk, 'invalid_union', `Invalid input: expected one of ${tags}`);
    walk.path.pop();
    return input;
  });
};
