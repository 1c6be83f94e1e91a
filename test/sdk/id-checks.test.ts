/**
 * The plain-code checks of an assignment body (sdk/internal/id-checks.ts) must never accept what the schema
 * refuses, and must give the same value for what they accept; the schema runs for everything they decline.
 */
import { expect } from 'chai';
import { AssignBodySchema } from '../../sdk/index.js';
import { isIdList, plainAssignBody, versionRecord } from '../../sdk/internal/id-checks.js';

/** An optional key given as undefined means the key is absent. */
const withoutUndefined = (value: object) => Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined));

const long = 'x'.repeat(200);
const tooLong = 'x'.repeat(201);
const idLists: unknown[] = [
  ['a', 'b'], [long], [], [''], [tooLong], ['a', 3], ['a', null], [undefined], new Array(2), 'a', null, { length: 1, 0: 'a' },
  ['a\uD800'], ['a\u0000b'], ['\uDC00'],
];
const versionRecords: unknown[] = [
  { a: 1, b: 7 }, {}, { a: 0 }, { a: 1.5 }, { a: '2' }, { a: Number.MAX_SAFE_INTEGER + 1 }, { a: NaN }, { a: -3 },
  Object.create(null), [1], new Map([['a', 1]]), { [Symbol('s')]: 1, a: 1 }, JSON.parse('{"__proto__": 2}'), null, 5,
];

describe('id checks: never looser than the schemas', () => {
  it('an id list is accepted only when the schema accepts it, as the same ids', () => {
    let accepted = 0;
    for (const value of idLists) {
      const schema = AssignBodySchema.safeParse({ leadIds: value, assigneeId: null });
      if (!isIdList(value, 1)) continue;
      accepted++;
      expect(schema.success ? schema.data.leadIds : 'refused', JSON.stringify(value)).to.deep.equal(value);
    }
    expect(accepted, 'the well-formed lists are accepted').to.equal(2);
    expect(isIdList(['a', long], 1)).to.equal(true);
    expect(isIdList([], 1)).to.equal(false);
  });

  it('a version record is accepted only when the schema accepts it, as the same mapping', () => {
    let accepted = 0;
    for (const value of versionRecords) {
      const schema = AssignBodySchema.safeParse({ leadIds: ['a'], assigneeId: null, expectedVersions: value });
      const copy = versionRecord(value);
      if (!copy) continue;
      accepted++;
      expect(schema.success ? schema.data.expectedVersions : 'refused', String(value)).to.deep.equal(copy);
    }
    expect(accepted, 'the well-formed records are accepted').to.equal(2);
    expect(versionRecord({ a: 1, b: 7 })).to.deep.equal({ a: 1, b: 7 });
  });

  it('an assign body is taken as is only when the schema gives the same body; anything unusual is left to the schema', () => {
    const ids = ['l1', 'l2'];
    const cases: [readonly string[], string | null, Record<string, unknown>][] = [
      [ids, 'm2', { expectedVersions: { l1: 1, l2: 4 }, source: 'bulk', batchId: 'b-1' }],
      [ids, null, {}],
      [ids, 'm2', { source: undefined, batchId: undefined, expectedVersions: undefined }],
      [ids, 'm2', { source: 'telepathy' }],
      [ids, 'm2', { extra: true }],
      [ids, '', {}],
      [[], 'm2', {}],
      [ids, 'm2', { batchId: '' }],
      [ids, 'm2', { expectedVersions: { l1: 0 } }],
      [ids, 'm2', { [Symbol('s')]: 1 }],
    ];
    let taken = 0;
    for (const [leadIds, assigneeId, options] of cases) {
      const plain = plainAssignBody(leadIds, assigneeId, options);
      const schema = AssignBodySchema.safeParse({ leadIds: [...leadIds], assigneeId, ...options });
      if (!plain) continue;
      taken++;
      expect(schema.success, JSON.stringify(options)).to.equal(true);
      expect(plain).to.deep.equal(schema.success ? withoutUndefined(schema.data) : null);
    }
    expect(taken, 'the well-formed bodies take the plain path').to.equal(3);
  });
});
