/**
 * POST /api/leads/import on the database engine under test: a CSV file or JSON rows, previewed (`?dryRun=1`)
 * and imported — rows numbered as in the file, every bad row listed with its field, duplicates flagged, the
 * valid rows created in one transaction with `import` history; who may import; bodies over the limits
 * refused with 413 before they are read. The 10,000-row import and failures mid-import: lead-import-scale.test.ts.
 */
import assert from 'node:assert/strict';
import { request } from 'node:http';
import { after, before, describe, test } from 'node:test';
import type { Activity, Lead } from '../../sdk/schema.js';
import { ImportResultSchema, MAX_IMPORT_BYTES, MAX_IMPORT_ROWS } from '../../sdk/schema.js';
import { call, openEvents, people, startTestServer, type CallResult, type TestServer } from './support.js';

let server: TestServer;
const tokens = { admin: '', manager: '', alice: '' };
let seeded: Lead[];
/** A seeded lead whose email no other lead has. */
let existing: Lead;

before(async () => {
  server = await startTestServer();
  for (const who of ['admin', 'manager', 'alice'] as const) tokens[who] = await server.login(people[who]);
  seeded = (await call(server.api, 'GET', '/leads', { token: tokens.admin })).body.leads;
  const emailOf = (l: Lead) => l.email?.toLowerCase();
  existing = seeded.find((l) => l.email && seeded.filter((o) => emailOf(o) === emailOf(l)).length === 1)!;
});
after(() => server.dispose());

const importCsv = (token: string, csv: string, query = '', type = 'text/csv; charset=utf-8') =>
  call(server.api, 'POST', `/leads/import${query}`, { token, raw: csv, headers: { 'Content-Type': type } });
const importRows = (token: string, body: unknown, query = '') =>
  call(server.api, 'POST', `/leads/import${query}`, { token, body });
const counts = async () => ({
  leads: await server.db.count('SELECT COUNT(*) FROM leads'),
  activity: await server.db.count('SELECT COUNT(*) FROM activity'),
  rules: await server.db.query('SELECT rules, cursor_member_id FROM assignment_rules'),
});

/** A file a person might export: a BOM, CRLF line ends, a column we do not know, bad rows among good ones. */
function sampleCsv(existingEmail: string): string {
  return '\uFEFF' + [
    'Name,Company,Email,Value,Status,Assignee Email,Notes',
    `Ada Lovelace,Analytical Ltd,ada@client.io,"1,200",Qualified,${people.alice.email},met at a fair`,
    ',Nameless Inc,,,,,',
    'Bad Value,,bad@client.io,lots,,,',
    'Unknown Column,,,,Archived,,',
    `Gone Member,,,,,${people.inactive.email},`,
    'Stranger,,,,,nobody@example.com,',
    'Wrong Email,,not-an-email,,,,',
    '"Multi',
    'line",,,,,,"spans two lines"',
    'Cy Twice,,ADA@client.io,,,,',
    `Old Friend,,${existingEmail.toUpperCase()},5,contacted,,`,
    '',
    'Bo,,,,,,',
  ].join('\r\n') + '\r\n';
}

describe('POST /api/leads/import: reading and checking', () => {
  test('a preview lists each bad row by its number in the file and its field, flags duplicates, writes nothing', async () => {
    const stream = await openEvents(`${server.api}/events`, { headers: { Authorization: `Bearer ${tokens.admin}` } });
    try {
      const before = await counts();
      const { status, body } = await importCsv(tokens.admin, sampleCsv(existing.email!), '?dryRun=1');
      assert.equal(status, 200, JSON.stringify(body));
      const result = ImportResultSchema.parse(body);
      assert.deepEqual({ ...result, errors: [], duplicates: [] }, { dryRun: true, rowCount: 11, created: 5, errors: [],
        duplicates: [], ignoredColumns: ['Notes'] });
      assert.deepEqual(result.errors.map((e) => [e.row, e.field, e.code]), [
        [3, 'name', 'required'],
        [4, 'value', 'not_a_number'],
        [5, 'status', 'unknown_status'],
        [6, 'assignee', 'inactive_assignee'],
        [7, 'assignee', 'unknown_assignee'],
        [8, 'email', 'invalid_email'],
      ]);
      assert.ok(result.errors.every((e) => e.message.length > 0));
      assert.match(result.errors[2]!.message, /Archived/);
      assert.deepEqual(result.duplicates, [
        { row: 10, email: 'ADA@client.io', firstRow: 2 },
        { row: 11, email: existing.email!.toUpperCase(), existingLeadId: existing.id },
      ]);
      assert.deepEqual(await counts(), before, 'a preview writes nothing');
      // A write after the preview reaches the stream; had the preview announced anything, it would have come first.
      const note = await call(server.api, 'POST', `/leads/${seeded[0]!.id}/notes`, { token: tokens.admin, body: { text: 'after the preview' } });
      await stream.waitFor((e) => e.type === 'activity' && e.activity.id === note.body.id);
      assert.deepEqual(stream.events.map((e) => (e.type === 'lead' ? e.lead.id : e.type === 'activity' ? e.activity.leadId : e.type === 'member_loads' ? e.type : e.leadId)),
        [seeded[0]!.id, seeded[0]!.id], 'only the note and its lead');
    } finally {
      stream.close();
    }
  });

  test('the import creates the valid rows at the top of their columns, in file order, with `import` history and one batch', async () => {
    const csv = sampleCsv(existing.email!);
    const preview = (await importCsv(tokens.manager, csv, '?dryRun=1')).body;
    const tops = new Map<string, number>();
    for (const lead of seeded) tops.set(lead.status, Math.min(tops.get(lead.status) ?? Infinity, lead.position));
    const before = await counts();

    const { status, body } = await importCsv(tokens.manager, csv);
    assert.equal(status, 200);
    assert.deepEqual(body, { ...preview, dryRun: false }, 'the import does what its preview said');
    const after = await counts();
    assert.equal(after.leads, before.leads + 5);
    assert.equal(after.activity, before.activity + 6, 'created ×5, and assigned for the row naming Alice');

    const all = (await call(server.api, 'GET', '/leads', { token: tokens.admin })).body.leads as Lead[];
    const added = all.filter((l) => !seeded.some((s) => s.id === l.id) && !l.name.startsWith('Import '));
    const byName = new Map(added.map((l) => [l.name, l]));
    assert.deepEqual([...byName.keys()].sort(), ['Ada Lovelace', 'Bo', 'Cy Twice', 'Multi\r\nline', 'Old Friend']);
    assert.deepEqual(byName.get('Ada Lovelace'), { ...byName.get('Ada Lovelace')!, company: 'Analytical Ltd',
      email: 'ada@client.io', value: 1200, status: 'qualified', assigneeId: people.alice.id, version: 1 });
    assert.equal(byName.get('Old Friend')!.status, 'contacted');
    assert.equal(byName.get('Bo')!.status, 'new');
    // Each column's new leads sit above its old top card, the file's first row highest.
    const newLeads = ['Multi\r\nline', 'Cy Twice', 'Bo'].map((n) => byName.get(n)!);
    assert.ok(newLeads.every((l, i) => l.position < tops.get('new')! && (i === 0 || l.position > newLeads[i - 1]!.position)));
    assert.ok(byName.get('Ada Lovelace')!.position < tops.get('qualified')!);

    const histories = await Promise.all(added.map(async (l) =>
      (await call(server.api, 'GET', `/leads/${l.id}/activity`, { token: tokens.admin })).body as Activity[]));
    const entries = histories.flat();
    assert.ok(entries.every((a) => a.source === 'import' && a.actorId === people.manager.id));
    assert.equal(new Set(entries.map((a) => a.batchId)).size, 1, 'one import, one batch id');
    assert.equal(typeof entries[0]!.batchId, 'string');
    assert.deepEqual(histories[added.indexOf(byName.get('Ada Lovelace')!)]!.map((a) => [a.type, a.from, a.to]),
      [['created', undefined, undefined], ['assigned', null, people.alice.id]]);

    // The leads just imported count as existing for the next file.
    const again = await importCsv(tokens.admin, 'name,email\nDi,Ada@Client.io\n', '?dryRun=1');
    assert.deepEqual(again.body.duplicates, [{ row: 2, email: 'Ada@Client.io', existingLeadId: byName.get('Ada Lovelace')!.id }]);
  });

  test('JSON { rows }: numbers as numbers, rows numbered from 2; malformed rows are 400 naming the path', async () => {
    const rows = [{ name: 'Import Json', value: 250, status: 'won', assignee: people.alice.email }, { name: '', phone: '1' }];
    const { status, body } = await importRows(tokens.admin, { rows });
    assert.equal(status, 200);
    assert.deepEqual(body, { dryRun: false, rowCount: 2, created: 1, duplicates: [], ignoredColumns: [],
      errors: [{ row: 3, field: 'name', code: 'required', message: 'Enter a name' }] });
    const made = (await call(server.api, 'GET', '/leads?q=import%20json', { token: tokens.admin })).body.leads as Lead[];
    assert.deepEqual(made.map((l) => [l.value, l.status, l.assigneeId]), [[250, 'won', people.alice.id]]);

    const malformed = await importRows(tokens.admin, { rows: [{ name: { first: 'Ada' } }] });
    assert.equal(malformed.status, 400);
    assert.deepEqual(malformed.body.error.issues.map((i: { path: string }) => i.path), ['rows.0.name']);
    assert.equal((await importRows(tokens.admin, { leads: [] })).status, 400);
    assert.equal((await importRows(tokens.admin, { rows: [] }, '?dryRun=maybe')).status, 400);
  });

  test('a file without a name column, or naming a column twice, imports nothing and says why on row 1', async () => {
    const before = await counts();
    const noName = await importCsv(tokens.admin, 'company,email\nAcme,a@b.io\n');
    assert.deepEqual([noName.body.created, noName.body.errors.map((e: { row: number; code: string }) => [e.row, e.code])],
      [0, [[1, 'missing_column']]]);
    const twice = await importCsv(tokens.admin, 'name,Name\nA,B\n');
    assert.deepEqual(twice.body.errors.map((e: { row: number; code: string }) => [e.row, e.code]), [[1, 'duplicate_column']]);
    assert.deepEqual(await counts(), before);
  });

  test('only admins and managers import (403 for members); no token is 401; other media types are 415', async () => {
    const member = await importCsv(tokens.alice, 'name\nMine\n');
    assert.equal(member.status, 403);
    assert.equal(member.body.error.code, 'forbidden');
    assert.equal((await importCsv(tokens.alice, 'name\nMine\n', '?dryRun=1')).status, 403, 'the preview too');
    assert.equal((await importCsv('', 'name\nMine\n')).status, 401);
    const plain = await importCsv(tokens.admin, 'name\nA\n', '', 'text/plain');
    assert.equal(plain.status, 415);
    assert.match(plain.body.error.message, /text\/csv/);
    const latin1 = await importCsv(tokens.admin, 'name\nA\n', '', 'text/csv; charset=iso-8859-1');
    assert.equal(latin1.status, 415);
    assert.match(latin1.body.error.message, /UTF-8/);
  });
});

/** An upload over a connection of its own that sends `body` slowly, stopping as soon as the server answers. */
function upload(token: string, options: { declaredLength?: number; total: number; type?: string }):
  Promise<CallResult & { sent: number }> {
  return new Promise((resolve, reject) => {
    const headers: Record<string, string | number> = { Authorization: `Bearer ${token}`, 'Content-Type': options.type ?? 'text/csv' };
    if (options.declaredLength !== undefined) headers['Content-Length'] = options.declaredLength;
    const req = request(`${server.api}/leads/import`, { method: 'POST', agent: false, headers });
    const chunk = Buffer.from(`name\n${'x'.repeat(64 * 1024 - 6)}\n`);
    let sent = 0;
    let answered = false;
    const timer = setTimeout(() => reject(new Error(`no answer after sending ${sent} bytes`)), 10_000);
    const pump = () => {
      while (!answered && sent < options.total) {
        sent += chunk.length;
        if (!req.write(chunk)) return void req.once('drain', pump);
      }
    };
    req.on('response', (res) => {
      answered = true;
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (part: string) => (text += part));
      res.on('end', () => {
        clearTimeout(timer);
        req.destroy();
        resolve({ status: res.statusCode ?? 0, body: JSON.parse(text), headers: new Headers(), sent });
      });
    });
    // The server may close while the rest of the body is still going out; its answer has arrived by then.
    req.on('error', (error: NodeJS.ErrnoException) => (['EPIPE', 'ECONNRESET'].includes(error.code ?? '') ? undefined : reject(error)));
    pump();
  });
}

describe('POST /api/leads/import: limits', () => {
  const limitMessage = `An import holds at most ${MAX_IMPORT_BYTES / 1024 / 1024} MB; this file is larger`;

  test('a body declared over the limit is refused with 413 from its Content-Length, before the rest is sent', async () => {
    const before = await counts();
    const answer = await upload(tokens.admin, { declaredLength: MAX_IMPORT_BYTES + 1, total: 256 * 1024 });
    assert.equal(answer.status, 413);
    assert.deepEqual(answer.body, { error: { code: 'invalid', message: limitMessage } });
    assert.ok(answer.sent <= 256 * 1024, 'answered with most of the body never sent');
    assert.deepEqual(await counts(), before);
  });

  test('a body of unknown length is counted as it arrives and refused once past the limit, not read to its end', async () => {
    const answer = await upload(tokens.admin, { total: 4 * MAX_IMPORT_BYTES });
    assert.equal(answer.status, 413);
    assert.equal(answer.body.error.message, limitMessage);
    assert.ok(answer.sent < 2 * MAX_IMPORT_BYTES, `stopped early (${answer.sent} bytes sent)`);
  });

  test('a member is refused with 403 before any of the upload is read', async () => {
    const answer = await upload(tokens.alice, { declaredLength: MAX_IMPORT_BYTES + 1, total: 256 * 1024 });
    assert.equal(answer.status, 403);
  });

  test(`more than ${MAX_IMPORT_ROWS} rows is 413 whole, for CSV and JSON; just under the byte limit is accepted`, async () => {
    const before = await counts();
    const names = Array.from({ length: MAX_IMPORT_ROWS + 1 }, (_, i) => `L${i}`);
    const csv = await importCsv(tokens.admin, ['name', ...names].join('\n'));
    assert.equal(csv.status, 413);
    assert.deepEqual(csv.body, { error: { code: 'invalid', message: 'An import holds at most 10,000 rows; this one has 10,001' } });
    const json = await importRows(tokens.admin, { rows: names.map((name) => ({ name })) });
    assert.equal(json.status, 413);
    assert.equal(json.body.error.message, 'An import holds at most 10,000 rows; this one has 10,001');
    assert.deepEqual(await counts(), before);

    // The other routes take at most 1 MB; an import, up to MAX_IMPORT_BYTES.
    const big = `name,company\n${Array.from({ length: 2000 }, (_, i) => `Big ${i},${'c'.repeat(190)}`).join('\n')}\n`;
    const padded = big + ' '.repeat(2 * 1024 * 1024); // trailing blanks: one blank record, skipped
    assert.ok(padded.length > 1024 * 1024 && padded.length < MAX_IMPORT_BYTES);
    const accepted = await importCsv(tokens.admin, padded, '?dryRun=1');
    assert.equal(accepted.status, 200, JSON.stringify(accepted.body).slice(0, 300));
    assert.equal(accepted.body.created, 2000);
  });
});
