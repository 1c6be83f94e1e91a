/**
 * The fast fault soak, on the engine under test: 200 random actions (assign, bulk assign, distribute, move,
 * edit, note, undo) from two boards through a proxy injecting a fault into 20 % of the requests. Then the
 * same kind of faults with the keys stripped, to show what the idempotency keys prevent (the check can
 * fail). The long soak is `npm run soak` (test/reliability/soak-main.ts).
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { FAULT_KINDS } from '../reliability/fault-proxy.js';
import { runSoak, summaryLine } from '../reliability/soak.js';
import { ENGINE, startTestServer, type TestServer } from './support.js';

const SEED = Number(process.env.SOAK_SEED ?? 1601);

describe('through a fault-injecting proxy', () => {
  let server: TestServer;
  before(async () => {
    server = await startTestServer();
  });
  after(() => server.dispose());

  test('200 actions of two boards, 20 % faults: boards equal the server, nothing lost or doubled, failures reported', async (t) => {
    const report = await runSoak({ server, operations: 200, rate: 0.2, seed: SEED });
    t.diagnostic(summaryLine(report, ENGINE));
    assert.deepEqual(report.problems, []);
    assert.equal(report.duplicates, 0);
    assert.equal(report.operations, 200);
    for (const kind of FAULT_KINDS) assert.ok(report.faults[kind] > 0, `${kind} faults were injected`);
    assert.equal(report.reported, report.failed, 'every failed action was reported');
  });

  test('with the event streams cut every 1.5 s and every 10 actions as well: the boards reconnect, reload and still equal the server', async (t) => {
    const report = await runSoak({ server, operations: 60, rate: 0.2, seed: SEED + 2, streamCutEveryMs: 1500,
      streamCutEveryOps: 10 });
    t.diagnostic(summaryLine(report, ENGINE));
    assert.deepEqual(report.problems, []);
    assert.ok(report.streamCuts > 0);
  });

  test('control: the same lost answers and doubled requests without keys do duplicate notes', async (t) => {
    const report = await runSoak({ server, operations: 20, rate: 0.6, seed: SEED + 1, only: ['note'],
      kinds: ['drop_after_commit', 'duplicate'], stripKeys: true });
    t.diagnostic(summaryLine(report, `${ENGINE}, keys stripped`));
    assert.ok(report.duplicates > 0, 'without idempotency keys, retried and doubled notes are written twice');
  });
});
