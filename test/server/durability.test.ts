/**
 * A server process killed (SIGKILL: no shutdown code runs) in the middle of a large batch assignment: after
 * a restart the batch is entirely applied or not at all, and the history agrees with the leads. A batch
 * whose answer arrived before the kill is there after the restart, whole. Its idempotency record committed
 * with it: the client's retry after the restart is answered, not applied again; the record of the killed one
 * was rolled back with it, so its retry under the same key applies it. On both engines.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import Database from 'better-sqlite3';
import { openRepository } from '../../demo/server/db/open.js';
import type { Lead } from '../../sdk/schema.js';
import { seed } from '../../sdk/seed.js';
import { createTestDatabase, type TestDatabase } from './databases.js';
import { spawnServer, type ServerProcess } from './processes.js';
import { call } from './support.js';

const SEED = { leads: 10_000, members: 12, seed: 11 };
const data = seed(SEED);
const admin = data.members.find((m) => m.role === 'admin')!;
const [first, second] = data.members.filter((m) => m.role === 'member' && m.active);

interface Stored {
  id: string;
  assignee_id: string | null;
  version: number;
}

describe('SIGKILL during a large batch assignment', () => {
  let db: TestDatabase;
  let server: ServerProcess | undefined;
  let token: string;

  const start = async () => {
    server = await spawnServer(db.env);
    token = (await call(server.api, 'POST', '/session', { body: { email: admin.email } })).body.token;
  };
  const stored = async (ids: readonly string[]) => {
    const rows = await db.query<Stored>('SELECT id, assignee_id, version FROM leads');
    const wanted = new Set(ids);
    return new Map(rows.filter((r) => wanted.has(r.id)).map((r) => [r.id, r]));
  };
  const historyOf = (batchId: string) =>
    db.query<{ lead_id: string; from_value: string | null; to_value: string | null }>(
      'SELECT lead_id, from_value, to_value FROM activity WHERE batch_id = ? ORDER BY seq', [batchId]);

  /** True while the server holds an open write transaction, seen from outside its process. */
  let writing: () => Promise<boolean>;

  before(async () => {
    db = await createTestDatabase();
    // The large board is seeded here, once; the server then finds members and seeds nothing.
    await (await openRepository({ ...db.options, seed: SEED })).close();
    if (db.engine === 'sqlite') {
      // Another connection cannot take the write lock while the server's transaction holds it.
      const probe = new Database(db.options.databasePath!);
      probe.pragma('busy_timeout = 0');
      writing = async () => {
        try {
          probe.exec('BEGIN IMMEDIATE');
          probe.exec('ROLLBACK');
          return false;
        } catch {
          return true;
        }
      };
      after(() => probe.close());
    } else {
      // A transaction gets an xid once it locks or writes rows.
      writing = async () => (await db.count(`SELECT COUNT(*) FROM pg_stat_activity
        WHERE application_name = 'lead-kanban' AND backend_xid IS NOT NULL`)) > 0;
    }
    await start();
  });
  after(async () => {
    await server?.stop();
    await db?.drop();
  });

  /** Checks the batch is all or nothing and the history says the same; answers whether it was applied. */
  async function allOrNothing(batch: readonly Lead[], batchId: string, to: string): Promise<boolean> {
    const now = await stored(batch.map((l) => l.id));
    const history = await historyOf(batchId);
    const applied = batch.filter((l) => now.get(l.id)!.assignee_id === to).length;
    assert.ok(applied === 0 || applied === batch.length, `${applied} of ${batch.length} leads applied`);
    if (applied === 0) {
      assert.equal(history.length, 0, 'no history row of a batch that was not applied');
      for (const lead of batch) assert.equal(now.get(lead.id)!.version, lead.version, `${lead.id} version untouched`);
      return false;
    }
    assert.deepEqual(history, batch.map((l) => ({ lead_id: l.id, from_value: l.assigneeId, to_value: to })),
      'one history row per lead, in batch order');
    for (const lead of batch) assert.equal(now.get(lead.id)!.version, lead.version + 1, `${lead.id} version + 1`);
    return true;
  }

  const currentLeads = async (): Promise<Lead[]> => (await call(server!.api, 'GET', '/leads', { token })).body.leads;

  test('killed inside the transaction: after restart nothing of the batch exists, and its retry under the same key applies it', async () => {
    const batch = (await currentLeads()).filter((l) => l.assigneeId !== first!.id);
    assert.ok(batch.length > 8000, `${batch.length} leads in the batch`);
    const batchId = 'killed-mid-batch';
    const body = { leadIds: batch.map((l) => l.id), assigneeId: first!.id, batchId,
      expectedVersions: Object.fromEntries(batch.map((l) => [l.id, l.version])) };
    const key = 'retry-of-the-killed-batch';
    const answer = fetch(`${server!.api}/assignments`, { method: 'POST', body: JSON.stringify(body),
      headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json', 'Idempotency-Key': key } })
      .then((r) => r.status, (error: Error) => error);
    let seenWriting = false;
    for (const until = Date.now() + 30_000; !seenWriting && Date.now() < until;) {
      seenWriting = await writing();
      if (!seenWriting) await new Promise((r) => setTimeout(r, 1));
    }
    assert.ok(seenWriting, 'the batch transaction was seen open');
    await server!.kill();
    const outcome = await answer;
    assert.ok(outcome instanceof Error, `the request never got an answer (got ${String(outcome)})`);
    if (db.engine === 'postgres') {
      // The database rolls back an open transaction once it notices its client is gone.
      for (const until = Date.now() + 30_000; Date.now() < until;) {
        if (await db.count("SELECT COUNT(*) FROM pg_stat_activity WHERE application_name = 'lead-kanban'") === 0) break;
        await new Promise((r) => setTimeout(r, 50));
      }
    }

    await start();
    assert.equal(await allOrNothing(batch, batchId, first!.id), false, 'killed before its commit: not applied');
    const again = await call(server!.api, 'POST', '/assignments', { token, body, headers: { 'Idempotency-Key': key } });
    assert.equal(again.status, 200);
    assert.equal(again.headers.get('idempotency-replayed'), null, 'applied now: the killed attempt left no record');
    assert.equal(again.body.results.filter((r: { status: string }) => r.status === 'ok').length, batch.length);
    assert.equal(await allOrNothing(batch, batchId, first!.id), true);
  });

  test('killed right after the answer: after restart the whole batch and its history are there; a retry under its key is answered, not applied again', async () => {
    const batch = (await currentLeads()).filter((l) => l.assigneeId !== second!.id).slice(0, 5000);
    const batchId = 'answered-then-killed';
    const keyed = { token, body: { leadIds: batch.map((l) => l.id), assigneeId: second!.id, batchId },
      headers: { 'Idempotency-Key': 'retry-after-the-restart' } };
    const first = await call(server!.api, 'POST', '/assignments', keyed);
    assert.equal(first.status, 200);
    await server!.kill();
    await start();
    assert.equal(await allOrNothing(batch, batchId, second!.id), true);
    // The answer was lost to the client (say): its retry after the restart gets the stored answer, nothing more.
    const retry = await call(server!.api, 'POST', '/assignments', { ...keyed, token });
    assert.equal(retry.status, 200);
    assert.equal(retry.headers.get('idempotency-replayed'), 'true');
    assert.deepEqual(retry.body, first.body);
    assert.equal(await allOrNothing(batch, batchId, second!.id), true, 'still once');
  });
});
