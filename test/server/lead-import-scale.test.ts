/**
 * Imports at full size, on the database engine under test: 10,000 rows through the assignment rules, with
 * every event stream getting exactly the new leads its member may see; and an import the database fails in
 * the middle of, which leaves nothing behind — no lead, no history row, no moved rotation, no event.
 * Times are reported (t.diagnostic), never asserted: speed goals live in `npm run bench`.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { ChangeEvent, Lead } from '../../sdk/schema.js';
import { MAX_IMPORT_ROWS } from '../../sdk/schema.js';
import { ENGINE } from './databases.js';
import { call, people, startTestServer, type EventReader, type TestServer } from './support.js';

let server: TestServer;
const tokens = { admin: '', alice: '' };
const rotation = [people.alice.id, people.bob.id, 'm5'];

before(async () => {
  server = await startTestServer();
  tokens.admin = await server.login(people.admin);
  tokens.alice = await server.login(people.alice);
  const rules = await call(server.api, 'PUT', '/assignment-rules', { token: tokens.admin,
    body: { enabled: true, strategy: 'round_robin', memberIds: rotation } });
  assert.equal(rules.status, 200);
});
after(() => server.dispose());

const csvOf = (prefix: string, rows: number) => ['name,email,value,status',
  ...Array.from({ length: rows }, (_, i) => `${prefix} ${i},${prefix.toLowerCase()}${i}@client.io,${i % 500},${i % 3 === 0 ? 'Contacted' : ''}`),
].join('\n');
const importCsv = (csv: string, query = '') => call(server.api, 'POST', `/leads/import${query}`, { token: tokens.admin,
  raw: csv, headers: { 'Content-Type': 'text/csv' } });
const counts = async () => ({
  leads: await server.db.count('SELECT COUNT(*) FROM leads'),
  activity: await server.db.count('SELECT COUNT(*) FROM activity'),
  cursor: (await server.db.query<{ c: string | null }>('SELECT cursor_member_id AS c FROM assignment_rules'))[0]!.c,
});
const leadNames = (stream: EventReader, prefix: string) =>
  stream.events.flatMap((e) => (e.type === 'lead' && e.lead.name.startsWith(`${prefix} `) ? [e.lead] : []));

describe('importing at full size', () => {
  test(`${MAX_IMPORT_ROWS.toLocaleString('en')} rows: one transaction, the rules applied evenly, every stream given what its member may see`, async (t) => {
    const [adminStream, aliceStream] = [await server.stream(tokens.admin), await server.stream(tokens.alice)];
    const csv = csvOf('Bulk', MAX_IMPORT_ROWS);
    const before = await counts();
    const changeLogBefore = ENGINE === 'postgres' ? await server.db.count('SELECT COUNT(*) FROM change_log') : 0;

    let started = performance.now();
    const preview = await importCsv(csv, '?dryRun=1');
    const previewMs = performance.now() - started;
    assert.equal(preview.status, 200);
    assert.deepEqual(preview.body, { dryRun: true, rowCount: MAX_IMPORT_ROWS, created: MAX_IMPORT_ROWS, errors: [],
      duplicates: [], ignoredColumns: [] });

    started = performance.now();
    const { status, body } = await importCsv(csv);
    const importMs = performance.now() - started;
    assert.equal(status, 200, JSON.stringify(body).slice(0, 500));
    assert.equal(body.created, MAX_IMPORT_ROWS);

    const stored = await counts();
    assert.equal(stored.leads, before.leads + MAX_IMPORT_ROWS);
    assert.equal(stored.activity, before.activity + 2 * MAX_IMPORT_ROWS, 'created and assigned (rule) for each');
    assert.equal(await server.db.count("SELECT COUNT(*) FROM activity WHERE source = 'rule'"), MAX_IMPORT_ROWS);
    assert.equal(await server.db.count("SELECT COUNT(DISTINCT batch_id) FROM activity WHERE source IN ('import', 'rule')"), 1);
    const perMember = await server.db.query<{ assignee_id: string; n: number }>(
      "SELECT assignee_id, COUNT(*) AS n FROM leads WHERE name LIKE 'Bulk %' GROUP BY assignee_id ORDER BY assignee_id");
    assert.deepEqual(perMember.map((r) => [r.assignee_id, Number(r.n)]),
      [[people.alice.id, 3334], [people.bob.id, 3333], ['m5', 3333]]);
    assert.equal(stored.cursor, people.alice.id, 'the last row (9,999) went to the first of the rotation');

    // The admin's stream carries every new lead and both history rows of each; Alice's only her own leads.
    started = performance.now();
    const last = (await call(server.api, 'GET', '/leads?q=bulk%209999', { token: tokens.admin })).body.leads[0] as Lead;
    const lastOf = (e: ChangeEvent) => e.type === 'activity' && e.activity.leadId === last.id && e.activity.type === 'assigned';
    await adminStream.waitFor(lastOf, 30_000);
    const deliveredMs = performance.now() - started;
    const seenByAdmin = leadNames(adminStream, 'Bulk');
    assert.equal(seenByAdmin.length, MAX_IMPORT_ROWS);
    assert.equal(new Set(seenByAdmin.map((l) => l.id)).size, MAX_IMPORT_ROWS);
    assert.equal(adminStream.events.filter((e) => e.type === 'activity').length, 2 * MAX_IMPORT_ROWS);

    const mark = await call(server.api, 'POST', '/leads', { token: tokens.admin, body: { name: 'Marker', assigneeId: people.alice.id } });
    await aliceStream.waitFor((e) => e.type === 'lead' && e.lead.id === mark.body.id, 30_000);
    const seenByAlice = leadNames(aliceStream, 'Bulk');
    assert.equal(seenByAlice.length, 3334);
    assert.ok(seenByAlice.every((l) => l.assigneeId === people.alice.id));
    if (ENGINE === 'postgres') {
      const rows = await server.db.count('SELECT COUNT(*) FROM change_log') - changeLogBefore;
      assert.equal(rows, 21, 'the import in 20 change-log rows of 500 leads, then the marker');
    }
    t.diagnostic(`${ENGINE}: preview ${Math.round(previewMs)} ms, import ${Math.round(importMs)} ms, ` +
      `all events on a stream ${Math.round(deliveredMs)} ms later`);
  });

  for (const [what, table, condition] of [
    ['on lead 1,500 of 3,000', 'leads', "NEW.name = 'Broken 1500'"],
    ['on the history, once all 3,000 leads were written', 'activity', "NEW.type = 'assigned'"],
  ] as const) {
    test(`an import the database fails ${what} leaves nothing half-imported`, async () => {
      const stream = await server.stream(tokens.admin);
      const before = await counts();
      const undo = await server.db.faultOnInsert(table, condition);
      try {
        const failed = await importCsv(csvOf('Broken', 3000));
        assert.equal(failed.status, 500);
        assert.equal(failed.body.error.code, 'internal');
      } finally {
        await undo();
      }
      assert.deepEqual(await counts(), before, 'no lead, no history row, the rotation where it was');
      assert.equal(await server.db.count("SELECT COUNT(*) FROM leads WHERE name LIKE 'Broken %'"), 0);
      // Events keep commit order: once a later write arrives, anything of the failed import would have.
      const mark = await call(server.api, 'POST', '/leads', { token: tokens.admin, body: { name: 'After the failure' } });
      await stream.waitFor((e) => e.type === 'lead' && e.lead.id === mark.body.id);
      assert.deepEqual(leadNames(stream, 'Broken'), []);
      assert.equal(mark.body.assigneeId, rotation[rotation.indexOf(before.cursor!) + 1] ?? rotation[0],
        'the next lead takes the next slot, as if the failed import never happened');
    });
  }
});
