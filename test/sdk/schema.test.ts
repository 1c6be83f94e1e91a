import { expect } from 'chai';
import {
  AdapterError,
  AssignBodySchema,
  LeadPatchSchema,
  LeadSchema,
  NewLeadSchema,
  parseOrThrow,
  safeParseWithMessages,
  toFieldIssues,
} from '../../sdk/index.js';
import { seed } from '../../sdk/memory.js';

describe('schema', () => {
  it('accepts every seeded lead and member', () => {
    const data = seed({ leads: 50, members: 6 });
    expect(data.leads).to.have.length(50);
    for (const lead of data.leads) parseOrThrow(LeadSchema, lead, 'lead');
    expect(data.members.filter((m) => m.role === 'admin')).to.have.length(1);
    expect(data.members.filter((m) => m.role === 'manager')).to.have.length(1);
    expect(data.members.filter((m) => !m.active)).to.have.length(1);
    expect(data.leads.some((l) => l.assigneeId === null)).to.equal(true);
    expect(data.leads.some((l) => l.assigneeId !== null)).to.equal(true);
  });

  it('is deterministic for the same options', () => {
    expect(JSON.stringify(seed({ leads: 30, seed: 7 }))).to.equal(JSON.stringify(seed({ leads: 30, seed: 7 })));
    expect(JSON.stringify(seed({ leads: 30, seed: 7 }))).not.to.equal(JSON.stringify(seed({ leads: 30, seed: 8 })));
  });

  it('rejects malformed input with a message naming the field', () => {
    const lead = { ...seed({ leads: 1 }).leads[0], email: 'not-an-email', version: 0 };
    let error: unknown;
    try {
      parseOrThrow(LeadSchema, lead, 'lead');
    } catch (e) {
      error = e;
    }
    expect(AdapterError.is(error, 'invalid')).to.equal(true);
    const message = (error as AdapterError).message;
    expect(message).to.match(/^lead: /);
    expect(message).to.contain('email:');
    expect(message).to.contain('version:');
    expect((error as AdapterError).issues!.map((i) => i.path)).to.deep.equal(['email', 'version']);
  });

  it('refuses assigneeId in a patch: assignment has one path', () => {
    const result = LeadPatchSchema.safeParse({ assigneeId: 'm2' });
    expect(result.success).to.equal(false);
    expect(() => parseOrThrow(LeadPatchSchema, { assigneeId: 'm2' }, 'patch')).to.throw(/assigneeId/);
  });

  it('requires at least one lead in an assignment', () => {
    expect(() => parseOrThrow(AssignBodySchema, { leadIds: [], assigneeId: null }, 'body')).to.throw(/leadIds/);
  });

  it('a new lead is held to the lead’s own field rules, and may not bring what the backend gives', () => {
    const lead = seed({ leads: 1 }).leads[0]!;
    const issues = (schema: typeof LeadSchema | typeof NewLeadSchema, value: unknown) => {
      const result = safeParseWithMessages(schema, value);
      return result.success ? [] : toFieldIssues(result.error.issues);
    };
    const entered: [string, unknown][] = [
      ['name', '   '], ['name', 'x'.repeat(201)], ['company', 'x'.repeat(201)], ['email', 'nope'], ['phone', '1'.repeat(51)],
      ['value', -1], ['value', '12'], ['status', 'Not a key!'],
    ];
    for (const [field, value] of entered) {
      const asNew = issues(NewLeadSchema, { name: 'Dana Ruiz', status: 'new', [field]: value });
      expect(asNew, `${field}: ${String(value)}`).to.have.length(1);
      expect(asNew, `${field}: ${String(value)}`).to.deep.equal(issues(LeadSchema, { ...lead, [field]: value }));
    }
    expect(parseOrThrow(NewLeadSchema, { name: '  Dana Ruiz ', status: 'new', assigneeId: null, value: 10 }, 'lead'))
      .to.deep.equal({ name: 'Dana Ruiz', status: 'new', assigneeId: null, value: 10 });
    expect(parseOrThrow(NewLeadSchema, { name: 'Dana Ruiz', status: 'new', assigneeId: 'm2' }, 'lead').assigneeId).to.equal('m2');
    for (const given of ['id', 'position', 'version', 'createdAt']) {
      expect(() => parseOrThrow(NewLeadSchema, { name: 'Dana Ruiz', status: 'new', [given]: lead[given as keyof typeof lead] }, 'lead'))
        .to.throw(AdapterError, new RegExp(`Unrecognized key: "${given}"`));
    }
  });
});
