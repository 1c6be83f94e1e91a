/**
 * What the RestAdapter puts on the wire for leads arriving, and how it reads the answers. The reference
 * server's own tests drive these routes end to end; here a recording fetch stands where the server would,
 * answering as the REST contract says (docs/architecture.md), so only the client's half is checked.
 */
import { expect } from 'chai';
import { MAX_IMPORT_ROWS, RestAdapter } from '../../sdk/index.js';
import type { FetchLike } from '../../sdk/index.js';
import { rejection } from './helpers.js';

interface Sent {
  method: string;
  path: string;
  query: Record<string, string>;
  contentType: string | null;
  authorization: string | null;
  body: string;
}

const lead = {
  id: 'l1', name: 'Ada', status: 'new', position: -1000, assigneeId: 'm3', version: 1,
  createdAt: '2026-01-15T09:00:00.000Z', updatedAt: '2026-01-15T09:00:00.000Z',
};
const importAnswer = { dryRun: true, rowCount: 2, created: 1, errors: [{ row: 3, field: 'name', code: 'required', message: 'Enter a name' }],
  duplicates: [], ignoredColumns: ['Notes'] };

/** A fetch that records each request and answers with the next of `answers` (status and JSON body). */
function recording(answers: { status: number; body: unknown }[]): { fetch: FetchLike; sent: Sent[] } {
  const sent: Sent[] = [];
  const fetch: FetchLike = async (input, init) => {
    const request = new Request(input, init);
    const url = new URL(request.url);
    sent.push({
      method: request.method,
      path: url.pathname,
      query: Object.fromEntries(url.searchParams),
      contentType: request.headers.get('content-type'),
      authorization: request.headers.get('authorization'),
      body: await request.text(),
    });
    const answer = answers.shift() ?? { status: 500, body: {} };
    return new Response(JSON.stringify(answer.body), { status: answer.status, headers: { 'Content-Type': 'application/json' } });
  };
  return { fetch, sent };
}

const adapter = (fetch: FetchLike) => new RestAdapter({ baseUrl: 'http://backend.test/api', token: 'secret-token-123456', fetch, retries: 0 });

describe('RestAdapter: leads arriving', () => {
  it('createLead posts the NewLead to /api/leads (source in the query) and returns the parsed lead', async () => {
    const { fetch, sent } = recording([{ status: 201, body: lead }, { status: 201, body: lead }]);
    const rest = adapter(fetch);
    expect(await rest.createLead({ name: 'Ada', value: 10 }, { source: 'manual' })).to.deep.equal(lead);
    await rest.createLead({ name: 'Ada' });
    expect(sent.map((s) => [s.method, s.path, s.query, s.contentType?.startsWith('application/json'), JSON.parse(s.body)])).to.deep.equal([
      ['POST', '/api/leads', { source: 'manual' }, true, { name: 'Ada', value: 10 }],
      ['POST', '/api/leads', {}, true, { name: 'Ada' }],
    ]);
    expect(sent[0]!.authorization).to.equal('Bearer secret-token-123456');
  });

  it('createLead refuses a bad lead without a request, and a malformed answer naming the field', async () => {
    const { fetch, sent } = recording([{ status: 201, body: { ...lead, version: 0 } }]);
    const rest = adapter(fetch);
    expect((await rejection(rest.createLead({ name: 'X', email: 'nope' }))).message).to.contain('email');
    expect(sent).to.have.length(0);
    const malformed = await rejection(rest.createLead({ name: 'X' }));
    expect(malformed.code).to.equal('invalid');
    expect(malformed.message).to.contain('version');
  });

  it('importLeads sends CSV as text/csv unchanged, rows as JSON { rows }, ?dryRun=1 for the preview', async () => {
    const { fetch, sent } = recording([
      { status: 200, body: importAnswer },
      { status: 200, body: { ...importAnswer, dryRun: false } },
    ]);
    const rest = adapter(fetch);
    const csv = '\uFEFFname,Notes\r\nAda,"x, y"\r\n,\r\n';
    expect(await rest.importLeads(csv, { dryRun: true })).to.deep.equal(importAnswer);
    await rest.importLeads([{ name: 'Ada', value: 5 }]);
    expect(sent.map((s) => [s.method, s.path, s.query, s.contentType])).to.deep.equal([
      ['POST', '/api/leads/import', { dryRun: '1' }, 'text/csv; charset=utf-8'],
      ['POST', '/api/leads/import', {}, 'application/json'],
    ]);
    // The file as it is; reading a body as text drops a leading BOM (the server's reader does the same, and
    // parseCsv drops one anyway).
    expect(sent[0]!.body).to.equal(csv.slice(1));
    expect(JSON.parse(sent[1]!.body)).to.deep.equal({ rows: [{ name: 'Ada', value: 5 }] });
  });

  it('an import over the limit is refused without uploading it; a 413 answer is invalid with the server\'s message', async () => {
    const { fetch, sent } = recording([{ status: 413, body: { error: { code: 'invalid', message: 'An import holds at most 10,000 rows; this one has 10,001' } } }]);
    const rest = adapter(fetch);
    const local = await rejection(rest.importLeads(Array.from({ length: MAX_IMPORT_ROWS + 1 }, () => ({ name: 'x' }))));
    expect(local).to.deep.include({ code: 'invalid', status: 413 });
    expect(sent).to.have.length(0);
    const remote = await rejection(rest.importLeads('name\nx\n'));
    expect(remote).to.deep.include({ code: 'invalid', status: 413, message: 'An import holds at most 10,000 rows; this one has 10,001' });
  });

  it('reads the rules with GET and replaces them with PUT /api/assignment-rules; 403 is forbidden', async () => {
    const rules = { enabled: true, strategy: 'balanced', memberIds: ['m3', 'm4'], statuses: ['new'] } as const;
    const { fetch, sent } = recording([
      { status: 200, body: rules },
      { status: 200, body: rules },
      { status: 403, body: { error: { code: 'forbidden', message: 'Only admins and managers can change assignment rules' } } },
    ]);
    const rest = adapter(fetch);
    expect(await rest.getAssignmentRules()).to.deep.equal(rules);
    expect(await rest.setAssignmentRules({ ...rules, memberIds: [...rules.memberIds], statuses: [...rules.statuses] })).to.deep.equal(rules);
    expect((await rejection(rest.setAssignmentRules({ enabled: false, strategy: 'round_robin', memberIds: [] }))).code).to.equal('forbidden');
    expect(sent.map((s) => [s.method, s.path])).to.deep.equal([
      ['GET', '/api/assignment-rules'], ['PUT', '/api/assignment-rules'], ['PUT', '/api/assignment-rules'],
    ]);
    expect(JSON.parse(sent[1]!.body)).to.deep.equal(rules);
    expect((await rejection(rest.setAssignmentRules({ enabled: true, strategy: 'fifo' } as never))).message).to.contain('strategy');
    expect(sent).to.have.length(3);
  });
});
