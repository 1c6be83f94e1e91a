import { expect } from '@open-wc/testing';
import * as z from '../../sdk/internal/schema-kit.js';

/** Paths ("a.0.b") and messages of a failed parse; fails the test when the parse succeeded. */
function issues(schema: z.Schema<unknown>, value: unknown): [string, string][] {
  const result = schema.safeParse(value);
  if (result.success) throw new Error(`expected ${JSON.stringify(value)} to be refused`);
  return result.error.issues.map((i) => [i.path.map(String).join('.'), i.message]);
}
const paths = (schema: z.Schema<unknown>, value: unknown) => issues(schema, value).map(([path]) => path);

describe('schema kit (the zod/mini subset behind schema.ts)', () => {
  it('objects: a new value with the known keys only; absent optional fields stay absent', () => {
    const schema = z.object({ a: z.string(), b: z.optional(z.number()), c: z.optional(z.nullable(z.string())) });
    const input = { a: 'x', c: null, extra: 1 };
    const parsed = schema.parse(input);
    expect(parsed).to.deep.equal({ a: 'x', c: null });
    expect(parsed).not.to.equal(input);
    expect('b' in parsed).to.equal(false);
    expect(paths(schema, { b: 'no' })).to.deep.equal(['a', 'b']);
    expect(issues(schema, [])[0]![1]).to.equal('Invalid input: expected object, received array');
  });

  it('strict objects refuse each unknown key by name; extend keeps strictness and adds fields', () => {
    const base = z.strictObject({ name: z.string() });
    expect(issues(base, { name: 'n', assigneeId: 'm1', x: 1 })).to.deep.equal([
      ['assigneeId', 'Unrecognized key (not allowed here)'],
      ['x', 'Unrecognized key (not allowed here)'],
    ]);
    const extended = z.extend(base, { version: z.int() });
    expect(extended.parse({ name: 'n', version: 2 })).to.deep.equal({ name: 'n', version: 2 });
    expect(paths(extended, { name: 'n', version: 2, other: true })).to.deep.equal(['other']);
  });

  it('checks run in order after the type test: trim rewrites before the lengths, every failure is reported', () => {
    const text = z.string().check(z.trim(), z.minLength(1), z.maxLength(3));
    expect(text.parse('  ab ')).to.equal('ab');
    expect(issues(text, '   ')).to.deep.equal([['', 'Too small: expected string to have >=1 characters']]);
    expect(issues(text, 'abcd')).to.deep.equal([['', 'Too big: expected string to have <=3 characters']]);
    expect(issues(text, 5)).to.deep.equal([['', 'Invalid input: expected string, received number']]);
    const list = z.array(z.string()).check(z.minLength(1));
    expect(issues(list, [])).to.deep.equal([['', 'Too small: expected array to have >=1 items']]);
    expect(paths(list, ['a', 2, 'c', null])).to.deep.equal(['1', '3']);
  });

  it('numbers are finite, ints are safe integers, minimum holds', () => {
    expect(paths(z.number(), NaN)).to.deep.equal(['']);
    expect(paths(z.number(), Infinity)).to.deep.equal(['']);
    expect(z.number().parse(-1.5)).to.equal(-1.5);
    expect(issues(z.int(), 1.5)).to.deep.equal([['', 'Invalid input: expected int, received number']]);
    expect(paths(z.int(), 2 ** 60)).to.deep.equal(['']);
    expect(issues(z.int().check(z.minimum(1)), 0)).to.deep.equal([['', 'Too small: expected number to be >=1']]);
    expect(paths(z.boolean(), 'true')).to.deep.equal(['']);
  });

  it('email and ISO datetime (UTC or an offset, real calendar days)', () => {
    for (const ok of ['dana@example.com', 'first.last+tag@mail.example.co', "o'neil@example.org"]) z.email().parse(ok);
    for (const bad of ['not-an-email', 'a@b', '.a@example.com', 'a..b@example.com', 'a@example.c', 'a b@example.com']) {
      expect(issues(z.email(), bad), bad).to.deep.equal([['', 'Invalid email address']]);
    }
    const datetime = z.iso.datetime({ offset: true });
    for (const ok of ['2026-01-15T09:00:00Z', '2026-01-15T09:00:00.123Z', '2024-02-29T23:59:59+05:30', new Date().toISOString()]) {
      datetime.parse(ok);
    }
    for (const bad of ['2026-01-15', '2026-01-15T09:00Z', '2026-01-15T09:00:00', '2026-02-29T00:00:00Z', '2026-04-31T00:00:00Z', '2026-13-01T00:00:00Z', '2026-01-15T24:00:00Z']) {
      expect(issues(datetime, bad), bad).to.deep.equal([['', 'Invalid ISO datetime']]);
    }
  });

  it('enum, literal, record and discriminated union', () => {
    expect(issues(z.enum(['a', 'b']), 'c')).to.deep.equal([['', 'Invalid option: expected one of "a"|"b"']]);
    expect(paths(z.literal('x'), 'y')).to.deep.equal(['']);
    const versions = z.record(z.string(), z.int());
    expect(versions.parse({ l1: 1, l2: 2 })).to.deep.equal({ l1: 1, l2: 2 });
    expect(paths(versions, { l1: 1, l2: 'two' })).to.deep.equal(['l2']);
    const sneaky = versions.parse(JSON.parse('{"__proto__": 3}')) as Record<string, number>;
    expect(Object.getPrototypeOf(sneaky)).to.equal(Object.prototype);
    expect(Object.keys(sneaky)).to.deep.equal(['__proto__']);
    const event = z.discriminatedUnion('type', [
      z.object({ type: z.literal('lead'), id: z.string() }),
      z.object({ type: z.literal('gone'), count: z.int() }),
    ]);
    expect(event.parse({ type: 'gone', count: 2, extra: 1 })).to.deep.equal({ type: 'gone', count: 2 });
    expect(paths(event, { type: 'lead', id: 3 })).to.deep.equal(['id']);
    expect(issues(event, { type: 'other' })).to.deep.equal([['type', 'Invalid input: expected one of "lead"|"gone"']]);
  });

  it('parse throws a SchemaError naming every failing path', () => {
    const schema = z.object({ leads: z.array(z.object({ status: z.string() })) });
    expect(() => schema.parse({ leads: [{ status: 'new' }, { status: 42 }] })).to.throw(
      z.SchemaError,
      'leads.1.status: Invalid input: expected string, received number',
    );
  });
});
