/**
 * The SDK words its messages with its own small English error map (issueMessage in sdk/schema.ts, handed to
 * each parse) instead of loading zod's English locale module, which covers every check and format zod has.
 * For every kind of issue these schemas raise, its messages must read exactly as zod's own English ones:
 * parsed once with the SDK's map and once with zod's locale, the issues and their messages are the same.
 */
import { expect } from 'chai';
import * as z from 'zod/mini';
import en from 'zod/v4/locales/en.js';
import {
  AssignBodySchema,
  ChangeEventSchema,
  ColumnsSchema,
  LeadPatchSchema,
  LeadSchema,
  RoleSchema,
  SessionBodySchema,
  safeParseWithMessages,
  toFieldIssues,
} from '../../sdk/index.js';
import type { ParseFailure } from '../../sdk/index.js';
import { seed } from '../../sdk/memory.js';

const lead = seed({ leads: 1 }).leads[0]!;

/** One invalid value per kind of issue, each on a schema the SDK parses with. */
const cases: [string, z.ZodMiniType, unknown][] = [
  ['bad email (format)', LeadSchema, { ...lead, email: 'not-an-email' }],
  ['empty name (too small, string)', LeadSchema, { ...lead, name: '  ' }],
  ['long name (too big, string)', LeadSchema, { ...lead, name: 'x'.repeat(201) }],
  ['negative value (too small, number)', LeadSchema, { ...lead, value: -1 }],
  ['NaN value (type)', LeadPatchSchema, { value: Number.NaN }],
  ['Infinity position (type)', LeadSchema, { ...lead, position: Number.POSITIVE_INFINITY }],
  ['text value (type)', LeadSchema, { ...lead, value: '12' }],
  ['fractional version (int)', LeadSchema, { ...lead, version: 1.5 }],
  ['missing fields (type, undefined)', LeadSchema, { id: lead.id }],
  ['bad column key (regex)', LeadSchema, { ...lead, status: 'Not a key!' }],
  ['bad date (datetime)', LeadSchema, { ...lead, createdAt: 'yesterday' }],
  ['null and array (type)', LeadSchema, null],
  ['array for an object', LeadSchema, [lead]],
  ['unknown keys (strict)', LeadPatchSchema, { assigneeId: 'm2', owner: 'm3' }],
  ['one unknown key', LeadPatchSchema, { assigneeId: 'm2' }],
  ['unknown role (enum)', RoleSchema, 'boss'],
  ['no leads (too small, array)', AssignBodySchema, { leadIds: [], assigneeId: null }],
  ['stale version 0 in a record', AssignBodySchema, { leadIds: ['l1'], assigneeId: null, expectedVersions: { l1: 0 } }],
  ['no columns', ColumnsSchema, []],
  ['unknown event type (discriminated union)', ChangeEventSchema, { type: 'nope' }],
  ['session email', SessionBodySchema, { email: 42 }],
];

/** Path and message of each issue: what this file compares (the codes are checked below). */
function issuesOf(result: { success: true } | ParseFailure) {
  if (result.success) throw new Error('expected a failure');
  return toFieldIssues(result.error.issues).map(({ path, message }) => ({ path, message }));
}

describe('schema messages: the SDK’s own error map', () => {
  it('read exactly as zod’s English locale words them, for every kind of issue the schemas raise', () => {
    const zodEnglish = en().localeError;
    const sdkMessages = cases.map(([, schema, value]) => issuesOf(safeParseWithMessages(schema, value)));
    const zodMessages = cases.map(([, schema, value]) => issuesOf(schema.safeParse(value, { error: zodEnglish })));
    cases.forEach(([name], i) => expect(sdkMessages[i], name).to.deep.equal(zodMessages[i]));
    // Not "Invalid input" everywhere: the SDK's map is used, and it says what is wrong.
    expect(sdkMessages[0]).to.deep.equal([{ path: 'email', message: 'Invalid email address' }]);
    expect(sdkMessages[4]).to.deep.equal([{ path: 'value', message: 'Invalid input: expected number, received NaN' }]);
    expect(z.config().localeError, 'zod’s global configuration is left alone').to.equal(undefined);
  });

  it('give each issue a code a UI can word (and the limit it broke), for the fields a person enters', () => {
    const codes = (schema: z.ZodMiniType, value: unknown) => {
      const result = safeParseWithMessages(schema, value);
      if (result.success) throw new Error('expected a failure');
      return toFieldIssues(result.error.issues).map(({ path, code, limit }) => ({ path, code, ...(limit === undefined ? {} : { limit }) }));
    };
    expect(codes(LeadPatchSchema, { value: Number.NaN })).to.deep.equal([{ path: 'value', code: 'not_a_number' }]);
    expect(codes(LeadPatchSchema, { value: -5 })).to.deep.equal([{ path: 'value', code: 'negative' }]);
    expect(codes(LeadPatchSchema, { name: '   ' })).to.deep.equal([{ path: 'name', code: 'required' }]);
    expect(codes(LeadPatchSchema, { company: 'x'.repeat(201) })).to.deep.equal([{ path: 'company', code: 'too_long', limit: 200 }]);
    expect(codes(LeadPatchSchema, { email: 'nope' })).to.deep.equal([{ path: 'email', code: 'invalid_email' }]);
    expect(codes(LeadPatchSchema, { assigneeId: 'm2' })).to.deep.equal([{ path: '(root)', code: 'unknown_key' }]);
    expect(codes(LeadSchema, { ...lead, name: undefined })).to.deep.equal([{ path: 'name', code: 'required' }]);
    expect(codes(LeadSchema, { ...lead, status: 'Not a key!' })).to.deep.equal([{ path: 'status', code: 'invalid' }]);
    expect(codes(RoleSchema, 'boss')).to.deep.equal([{ path: '(root)', code: 'invalid_option' }]);
    // The input a parse reports for its codes stays inside the SDK.
    const [issue] = toFieldIssues((safeParseWithMessages(LeadPatchSchema, { value: -5 }) as ParseFailure).error.issues);
    expect(Object.keys(issue!).sort()).to.deep.equal(['code', 'message', 'path']);
  });
});
