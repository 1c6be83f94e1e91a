/**
 * Two people on the live REST board (`npm start`, one server), changing the same leads at the same moment:
 * the admin's page reassigns them while the manager's page moves them between columns, round after round,
 * both through their board's one write path (its LeadStore). Then both pages settle to exactly what the
 * server holds, every write that lost the race was refused as a conflict and told on its page, and nothing
 * was lost: per lead the version rose by one per successful write, with one history row each.
 */
import assert from 'node:assert/strict';
import { before, describe, test } from 'node:test';
import type { Page } from 'playwright-core';
import type { Lead, Member } from '../../sdk/index.js';
import { apiAs, demoUsers, readDatabase, useDemo } from './support.js';

const demo = useDemo('dev');
const ROUNDS = 4;
const LEADS = 24;
let people: Member[];

before(async () => {
  await demo.ready;
  people = await demoUsers(demo.stack);
});

interface Tally { ok: number; conflicts: string[]; otherFailures: string[]; told: string[] }

/** Installs a notice recorder on the page's board: the conflicts it told its user about, by lead. */
const recordNotices = (page: Page) => page.evaluate(() => {
  const told: string[] = [];
  (window as unknown as { told: string[] }).told = told;
  const store = (document.querySelector('lead-kanban') as unknown as { store: { onNotice(l: (n: unknown) => void): void } }).store;
  store.onNotice((notice) => {
    const n = notice as { outcome?: { conflict: string[] }; error?: { code: string }; leadIds: string[] };
    if (n.outcome?.conflict.length) told.push(...n.outcome.conflict);
    else if (n.error?.code === 'conflict') told.push(...n.leadIds);
  });
});

/** One round on the admin's page: every lead to `to`, one request per lead, all at once. */
const assignRound = (page: Page, ids: string[], to: string) => page.evaluate(async ({ ids, to }) => {
  const store = (document.querySelector('lead-kanban') as unknown as { store: {
    assign(ids: string[], to: string): Promise<{ ok: string[]; conflict: string[]; error?: { code: string } }> } }).store;
  const tally = { ok: 0, conflicts: [] as string[], otherFailures: [] as string[] };
  await Promise.all(ids.map(async (id) => {
    const outcome = await store.assign([id], to);
    tally.ok += outcome.ok.length;
    tally.conflicts.push(...outcome.conflict);
    if (outcome.error) tally.otherFailures.push(`${id}: ${outcome.error.code}`);
  }));
  return tally;
}, { ids, to });

/** One round on the manager's page: every lead to the other of New and Contacted, all at once. */
const moveRound = (page: Page, ids: string[]) => page.evaluate(async (ids) => {
  const store = (document.querySelector('lead-kanban') as unknown as { store: {
    lead(id: string): { status: string } | undefined; move(id: string, status: string): Promise<unknown> } }).store;
  const tally = { ok: 0, conflicts: [] as string[], otherFailures: [] as string[] };
  await Promise.all(ids.map(async (id) => {
    try {
      await store.move(id, store.lead(id)!.status === 'new' ? 'contacted' : 'new');
      tally.ok += 1;
    } catch (error) {
      const code = (error as { code?: string }).code;
      if (code === 'conflict') tally.conflicts.push(id);
      else tally.otherFailures.push(`${id}: ${code}`);
    }
  }));
  return tally;
}, ids);

const shown = (page: Page, ids: string[]) => page.evaluate((ids) => {
  const store = (document.querySelector('lead-kanban') as unknown as { store: { lead(id: string): Lead | undefined; isPending(id: string): boolean } }).store;
  return ids.map((id) => ({ lead: store.lead(id), pending: store.isPending(id) }));
}, ids);

describe('two pages on one live board', () => {
  test('concurrent reassigning and moving of the same leads: both pages settle to the server, stale writes are conflicts, nothing lost', async () => {
    const admin = people.find((m) => m.role === 'admin')!;
    const manager = people.find((m) => m.role === 'manager')!;
    // One assignee per round, none of them the leads' first one: every assignment that goes through changes
    // the lead (an assignment to its current assignee would be answered ok with nothing to write).
    const [z, ...others] = people.filter((m) => m.role === 'member' && m.active);
    assert.ok(others.length >= ROUNDS, 'an assignee per round');
    const api = await apiAs(demo.stack, admin.email);
    // Leads in New, first all given to z.
    const leads = (await api.listLeads()).filter((l) => l.status === 'new').slice(0, LEADS);
    assert.equal(leads.length, LEADS);
    const ids = leads.map((l) => l.id);
    await api.assign(ids, z!.id);
    const start = new Map((await api.listLeads()).filter((l) => ids.includes(l.id)).map((l) => [l.id, l.version]));
    const seqBefore = readDatabase(demo.stack, (db) => (db.prepare('SELECT MAX(seq) AS s FROM activity').get() as { s: number }).s);

    const a = await demo.openDemo(`?as=${encodeURIComponent(admin.id)}`);
    const b = await demo.openDemo(`?as=${encodeURIComponent(manager.id)}`);
    try {
      await recordNotices(a.page);
      await recordNotices(b.page);
      const tallies: { page: 'a' | 'b'; tally: Omit<Tally, 'told'> }[] = [];
      for (let round = 0; round < ROUNDS; round++) {
        const [ta, tb] = await Promise.all([assignRound(a.page, ids, others[round]!.id), moveRound(b.page, ids)]);
        tallies.push({ page: 'a', tally: ta }, { page: 'b', tally: tb });
      }
      const total = (page: 'a' | 'b') => tallies.filter((t) => t.page === page).map((t) => t.tally)
        .reduce((s, t) => ({ ok: s.ok + t.ok, conflicts: [...s.conflicts, ...t.conflicts], otherFailures: [...s.otherFailures, ...t.otherFailures] }));
      const sumA = total('a');
      const sumB = total('b');
      assert.deepEqual([...sumA.otherFailures, ...sumB.otherFailures], [], 'every refused write was a conflict');
      assert.ok(sumA.conflicts.length + sumB.conflicts.length > 0, 'the pages did race each other');

      // Both pages settle to exactly what the server holds.
      const server = async () => new Map((await api.listLeads()).filter((l) => ids.includes(l.id)).map((l) => [l.id, l]));
      for (const page of [a.page, b.page]) {
        const deadline = Date.now() + 15_000;
        for (;;) {
          const truth = await server();
          const views = await shown(page, ids);
          const equal = views.every((v, i) => !v.pending && JSON.stringify(v.lead) === JSON.stringify(truth.get(ids[i]!)));
          if (equal) break;
          if (Date.now() > deadline) assert.deepEqual(views.map((v) => v.lead), ids.map((id) => truth.get(id)), 'the page equals the server');
          await new Promise((r) => setTimeout(r, 200));
        }
      }

      // Every conflict was told on the page that met it.
      for (const [page, sum] of [[a.page, sumA], [b.page, sumB]] as const) {
        const told = await page.evaluate(() => (window as unknown as { told: string[] }).told);
        for (const id of sum.conflicts) assert.ok(told.includes(id), `the conflict on ${id} was told`);
      }

      // No lost update: per lead one version step and one history row per successful write.
      const end = await server();
      const steps = ids.reduce((s, id) => s + end.get(id)!.version - start.get(id)!, 0);
      assert.equal(steps, sumA.ok + sumB.ok, 'version steps = successful writes');
      const rows = readDatabase(demo.stack, (db) => (db.prepare(
        `SELECT COUNT(*) AS n FROM activity WHERE seq > ? AND type IN ('assigned', 'unassigned', 'status_changed') AND lead_id IN (${ids.map(() => '?').join(',')})`,
      ).get(seqBefore, ...ids) as { n: number }).n);
      assert.equal(rows, sumA.ok + sumB.ok, 'history rows = successful writes');
      const writes = ROUNDS * LEADS * 2;
      console.log(`two pages: ${writes} writes raced, ${sumA.ok + sumB.ok} went through, ${sumA.conflicts.length + sumB.conflicts.length} conflicts (each told), 0 lost`);
      assert.equal(sumA.ok + sumB.ok + sumA.conflicts.length + sumB.conflicts.length, writes);
      assert.deepEqual([...a.errors, ...b.errors], []);
    } finally {
      await a.context.close();
      await b.context.close();
    }
  });
});
