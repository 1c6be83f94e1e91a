/** GET /api/events: changes reach other clients, filtered by what each may see; streams are cleaned up. */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { ChangeEvent, Lead } from '../../sdk/schema.js';
import { call, eventually, openEvents, people, startTestServer, type EventReader, type TestServer } from './support.js';

let server: TestServer;
const tokens = { admin: '', manager: '', alice: '' };
let all: Lead[];
const open: EventReader[] = [];

before(async () => {
  server = await startTestServer({ heartbeatMs: 100 });
  for (const who of ['admin', 'manager', 'alice'] as const) tokens[who] = await server.login(people[who]);
  all = (await call(server.api, 'GET', '/leads', { token: tokens.admin })).body.leads;
});
after(async () => {
  for (const reader of open) reader.close();
  await server.dispose();
});

async function subscribe(token: string): Promise<EventReader> {
  const reader = await openEvents(`${server.api}/events`, { headers: { Authorization: `Bearer ${token}` } });
  assert.equal(reader.status, 200);
  open.push(reader);
  return reader;
}

const about = (id: string) => (e: ChangeEvent) =>
  (e.type === 'lead' && e.lead.id === id) || (e.type === 'activity' && e.activity.leadId === id) ||
  (e.type === 'lead_removed' && e.leadId === id);

describe('GET /api/events', () => {
  test("a change reaches a second client; a member never hears of a lead they may not see", async () => {
    const adminStream = await subscribe(tokens.admin);
    const aliceStream = await subscribe(tokens.alice);
    const bobs = all.find((l) => l.assigneeId === people.bob.id)!;
    const shared = all.find((l) => l.assigneeId === null)!;

    // Manager edits Bob's lead: the admin hears of it, Alice must not.
    const hidden = await call(server.api, 'PATCH', `/leads/${bobs.id}`, {
      token: tokens.manager, body: { expectedVersion: bobs.version, status: 'proposal' } });
    assert.equal(hidden.status, 200);
    const seen = await adminStream.waitFor((e) => e.type === 'lead' && e.lead.id === bobs.id);
    assert.deepEqual(seen, { type: 'lead', lead: hidden.body });
    await adminStream.waitFor((e) => e.type === 'activity' && e.activity.leadId === bobs.id &&
      e.activity.type === 'status_changed');

    // Then a change Alice may see; events keep their order, so once it arrives the hidden one would have too.
    const note = await call(server.api, 'POST', `/leads/${shared.id}/notes`, { token: tokens.manager, body: { text: 'Ping' } });
    const heard = await aliceStream.waitFor((e) => e.type === 'activity' && e.activity.id === note.body.id);
    assert.deepEqual(heard, { type: 'activity', activity: note.body });
    assert.equal(aliceStream.events.some(about(bobs.id)), false);
  });

  test('a lead leaving a member\'s view arrives as lead_removed, without its data', async () => {
    const aliceStream = await subscribe(tokens.alice);
    const lead = all.filter((l) => l.assigneeId === null)[1]!;
    const { body } = await call(server.api, 'POST', '/assignments', {
      token: tokens.manager, body: { leadIds: [lead.id], assigneeId: people.bob.id } });
    assert.equal(body.results[0].status, 'ok');
    const removed = await aliceStream.waitFor(about(lead.id));
    assert.deepEqual(removed, { type: 'lead_removed', leadId: lead.id });
    assert.equal(aliceStream.events.filter(about(lead.id)).length, 1, 'no activity of a lead she can no longer see');
  });

  test('a batch assignment streams every lead and history row to a watcher', async () => {
    const watcher = await subscribe(tokens.admin);
    const leads = all.filter((l) => l.assigneeId === null).slice(2, 6);
    const { body } = await call(server.api, 'POST', '/assignments', {
      token: tokens.manager, body: { leadIds: leads.map((l) => l.id), assigneeId: people.alice.id } });
    for (const lead of leads) {
      await watcher.waitFor((e) => e.type === 'activity' && e.activity.leadId === lead.id && e.activity.batchId === body.batchId);
    }
    const updates = watcher.events.filter((e) => e.type === 'lead' && leads.some((l) => l.id === e.lead.id));
    assert.equal(updates.length, leads.length);
  });

  test('one batch, several watchers: each hears exactly the events it may see, in batch order', async () => {
    const [adminStream, managerStream, aliceStream] =
      await Promise.all([subscribe(tokens.admin), subscribe(tokens.manager), subscribe(tokens.alice)]);
    const alices = all.find((l) => l.assigneeId === people.alice.id)!;
    const bobs = all.filter((l) => l.assigneeId === people.bob.id)[2]!;
    const [free1, free2] = all.filter((l) => l.assigneeId === null).slice(7, 9);
    const toBob = await call(server.api, 'POST', '/assignments', {
      token: tokens.manager, body: { leadIds: [alices.id, free1!.id], assigneeId: people.bob.id } });
    const toAlice = await call(server.api, 'POST', '/assignments', {
      token: tokens.manager, body: { leadIds: [bobs.id, free2!.id], assigneeId: people.alice.id } });
    const ids = [alices.id, free1!.id, bobs.id, free2!.id];
    const concerned = (stream: EventReader) => stream.events.filter((e) => ids.some((id) => about(id)(e)))
      .map((e) => (e.type === 'activity' ? { type: e.type, leadId: e.activity.leadId, batchId: e.activity.batchId } : e));
    const full = (answer: typeof toBob) => answer.body.results.flatMap((r: { leadId: string; lead: Lead }) => [
      { type: 'lead', lead: r.lead }, { type: 'activity', leadId: r.leadId, batchId: answer.body.batchId }]);
    const expected = {
      admin: [...full(toBob), ...full(toAlice)],
      alice: [{ type: 'lead_removed', leadId: alices.id }, { type: 'lead_removed', leadId: free1!.id }, ...full(toAlice)],
    };
    for (const stream of [adminStream, managerStream, aliceStream]) {
      await stream.waitFor((e) => e.type === 'activity' && e.activity.leadId === free2!.id);
    }
    assert.deepEqual(concerned(adminStream), expected.admin);
    assert.deepEqual(concerned(managerStream), expected.admin);
    assert.deepEqual(concerned(aliceStream), expected.alice);
  });

  test('after a change that moves counts, every stream gets every member\'s count and nothing of the lead', async () => {
    const aliceStream = await subscribe(tokens.alice);
    const adminStream = await subscribe(tokens.admin);
    const fresh: Lead[] = (await call(server.api, 'GET', '/leads', { token: tokens.admin })).body.leads;
    const bobs = fresh.find((l) => l.assigneeId === people.bob.id && l.status !== 'won' && l.status !== 'lost')!;
    const answer = await call(server.api, 'POST', '/assignments', { token: tokens.manager,
      body: { leadIds: [bobs.id], assigneeId: people.admin.id, expectedVersions: { [bobs.id]: bobs.version } } });
    assert.equal(answer.body.results[0].status, 'ok');
    const loads = (e: ChangeEvent) => e.type === 'member_loads';
    await adminStream.waitFor(loads);
    const event = await aliceStream.waitFor(loads);
    const members = (await call(server.api, 'GET', '/members', { token: tokens.alice })).body as { id: string; openLeads: number }[];
    assert.deepEqual(event.type === 'member_loads' && Object.fromEntries(event.loads.map((l) => [l.memberId, l.openLeads])),
      Object.fromEntries(members.map((m) => [m.id, m.openLeads])), 'the counts GET /api/members answers');
    // Alice cannot see the lead (bob's, then the admin's): nothing of it reached her stream, counts aside.
    assert.ok(!aliceStream.events.some(about(bobs.id)));
    assert.ok(!JSON.stringify(aliceStream.events).includes(bobs.name));
    // A note moves no counts: no count event follows it.
    const before = adminStream.events.filter(loads).length;
    const note = await call(server.api, 'POST', `/leads/${bobs.id}/notes`, { token: tokens.admin, body: { text: 'no counts moved' } });
    await adminStream.waitFor((e) => e.type === 'activity' && e.activity.id === note.body.id);
    assert.equal(adminStream.events.filter(loads).length, before);
  });

  test('EventSource cannot send headers: ?token= works here only; no token is 401', async () => {
    const viaQuery = await openEvents(`${server.api}/events?token=${encodeURIComponent(tokens.alice)}`);
    open.push(viaQuery);
    assert.equal(viaQuery.status, 200);
    const without = await fetch(`${server.api}/events`);
    assert.equal(without.status, 401);
    await without.body?.cancel();
    assert.equal((await call(server.api, 'GET', `/me?token=${encodeURIComponent(tokens.alice)}`)).status, 401);
  });

  test('heartbeats keep the stream alive, and a client that goes away is dropped', async () => {
    const before = server.app.events.size;
    const controller = new AbortController();
    const response = await fetch(`${server.api}/events`, {
      headers: { Authorization: `Bearer ${tokens.admin}` }, signal: controller.signal });
    assert.equal(response.headers.get('content-type'), 'text/event-stream; charset=utf-8');
    const reader = response.body!.getReader();
    const decoder = new TextDecoder();
    let text = '';
    while (!text.includes(': heartbeat')) text += decoder.decode((await reader.read()).value, { stream: true });
    assert.equal(server.app.events.size, before + 1);
    controller.abort();
    await eventually(() => server.app.events.size === before, 'the hub to drop the closed stream');
  });

  test('closeAll ends every stream (shutdown)', async () => {
    const reader = await openEvents(`${server.api}/events`, { headers: { Authorization: `Bearer ${tokens.manager}` } });
    open.push(reader);
    assert.ok(server.app.events.size > 0);
    server.app.events.closeAll();
    assert.equal(server.app.events.size, 0);
  });
});
