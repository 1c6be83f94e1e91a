/**
 * Several REST clients writing the same leads at once, each from what it last saw: the load of the
 * concurrency tests on one instance (assignments.test.ts) and across instances (scale-out.test.ts), and the
 * checks they share. Not a test file.
 *
 * What must hold: a write succeeds only on the version its client saw and makes exactly the next one; every
 * other write is a conflict carrying a newer version; per lead, the successful writes' versions are exactly
 * start+1 … final (none lost, none twice); one history row per successful write; and an event stream that
 * sees every lead carries each lead's versions in strictly increasing order, one per successful write.
 */
import assert from 'node:assert/strict';
import type { AssignResponse, Lead } from '../../sdk/schema.js';
import type { TestDatabase } from './databases.js';
import { call, type EventReader } from './support.js';

export interface WritersOptions {
  /** The API each client talks to (several clients may share one, several instances may be listed). */
  clients: readonly string[];
  token: string;
  /** The leads fought over. */
  leads: readonly Lead[];
  rounds: number;
  /** Active member ids to assign to. */
  assignees: readonly string[];
  /** Prefix of every batch id, to find this run's history rows. */
  tag: string;
  /** Every other write a PATCH of `value` instead of a reassignment (both check the version in their transaction). */
  mixPatches?: boolean;
}

export interface WritersOutcome {
  ok: number;
  conflict: number;
  /** Each lead's version before the run. */
  start: Map<string, number>;
  /** Per lead, the version each successful write made. */
  okVersions: Map<string, number[]>;
}

export async function writeConcurrently(options: WritersOptions): Promise<WritersOutcome> {
  const { leads, assignees, tag, token } = options;
  const start = new Map(leads.map((l) => [l.id, l.version]));
  const okVersions = new Map<string, number[]>(leads.map((l) => [l.id, []]));
  const counts = { ok: 0, conflict: 0 };
  const client = async (api: string, n: number) => {
    const known = new Map(leads.map((l) => [l.id, l]));
    for (let i = 0; i < options.rounds; i++) {
      const lead = leads[(i * 3 + n) % leads.length]!;
      const seen = known.get(lead.id)!;
      const patch = options.mixPatches && i % 2 === 1;
      const answer = patch
        ? await call(api, 'PATCH', `/leads/${lead.id}`, { token, body: { expectedVersion: seen.version, value: 1000 * n + i } })
        : await call(api, 'POST', '/assignments', { token, body: { leadIds: [lead.id],
          assigneeId: assignees.filter((id) => id !== seen.assigneeId)[(i + n) % (assignees.length - 1)],
          expectedVersions: { [lead.id]: seen.version }, source: 'api', batchId: `${tag}-${n}-${i}` } });
      const result = !patch && answer.status === 200 ? (answer.body as AssignResponse).results[0] : undefined;
      const written: Lead | undefined = patch ? (answer.status === 200 ? answer.body : undefined)
        : result?.status === 'ok' ? result.lead : undefined;
      const current: Lead | undefined = patch ? (answer.status === 409 ? answer.body.current : undefined)
        : result?.status === 'conflict' ? result.lead : undefined;
      if (written) {
        counts.ok++;
        assert.equal(written.version, seen.version + 1, `a write on v${seen.version} of ${lead.id} makes the next version`);
        okVersions.get(lead.id)!.push(written.version);
      } else if (current) {
        counts.conflict++;
        assert.ok(current.version > seen.version, `a conflict carries a newer version (${current.version} > ${seen.version})`);
      } else {
        assert.fail(`neither written nor a conflict: ${answer.status} ${JSON.stringify(answer.body).slice(0, 300)}`);
      }
      known.set(lead.id, written ?? current!);
    }
  };
  await Promise.all(options.clients.map((api, n) => client(api, n)));
  return { ...counts, start, okVersions };
}

/** No lost update, none applied twice, one history row per successful write. */
export async function assertNoLostUpdate(db: TestDatabase, outcome: WritersOutcome, tag: string,
  mixPatches = false): Promise<void> {
  const ids = [...outcome.start.keys()];
  const inList = ids.map(() => '?').join(', ');
  const rows = await db.count(`SELECT COUNT(*) FROM activity WHERE lead_id IN (${inList})
    AND (batch_id LIKE ?${mixPatches ? " OR type = 'updated'" : ''})`, [...ids, `${tag}-%`]);
  assert.equal(rows, outcome.ok, 'one history row per successful write');
  const stored = new Map((await db.query<{ id: string; version: number }>(`SELECT id, version FROM leads
    WHERE id IN (${inList})`, ids)).map((r) => [r.id, Number(r.version)]));
  for (const [id, from] of outcome.start) {
    const versions = [...outcome.okVersions.get(id)!].sort((x, y) => x - y);
    // Each successful write made a distinct version, together exactly start+1 … stored: none lost.
    assert.deepEqual(versions, Array.from({ length: stored.get(id)! - from }, (_, i) => from + 1 + i), id);
  }
}

/** A stream that sees every lead carried each lead's versions in strictly increasing order, one per write. */
export async function assertStreamInOrder(watcher: EventReader, outcome: WritersOutcome): Promise<void> {
  for (const [id, versions] of outcome.okVersions) {
    const final = Math.max(outcome.start.get(id)!, ...versions);
    if (versions.length > 0) {
      await watcher.waitFor((e) => e.type === 'lead' && e.lead.id === id && e.lead.version === final, 10_000);
    }
    const seen = watcher.events.filter((e) => e.type === 'lead' && e.lead.id === id)
      .map((e) => (e.type === 'lead' ? e.lead.version : 0));
    assert.deepEqual(seen, [...versions].sort((x, y) => x - y), `${id}: versions on the stream`);
  }
}
