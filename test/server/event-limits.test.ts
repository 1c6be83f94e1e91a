/**
 * What an event stream may cost the server: HEAD opens none, a client that stops reading is cut off once it
 * is `eventQueueBytes` behind (not buffered without end), while one that reads keeps everything, and a token
 * holds a bounded number of streams. On a large board, on both engines.
 */
import assert from 'node:assert/strict';
import { connect, type Socket } from 'node:net';
import { after, before, describe, test } from 'node:test';
import type { Lead } from '../../sdk/schema.js';
import { call, eventually, openEvents, people, startTestServer, type TestServer } from './support.js';

const QUEUE_BYTES = 256 * 1024;

describe('event streams under pressure', () => {
  let server: TestServer;
  let admin: string;
  let leads: Lead[];

  before(async () => {
    server = await startTestServer({ seed: { leads: 3000, members: 12, seed: 7 },
      limits: { eventQueueBytes: QUEUE_BYTES, streamsPerToken: 2 } });
    admin = await server.login(people.admin);
    leads = (await call(server.api, 'GET', '/leads', { token: admin })).body.leads;
    // Every lead with bob, so each batch below (alice, bob, alice, …) changes every lead.
    await call(server.api, 'POST', '/assignments', { token: admin, body: { leadIds: leads.map((l) => l.id), assigneeId: people.bob.id } });
  });
  after(() => server.dispose());

  test('HEAD /api/events answers the stream headers and subscribes nothing', async () => {
    for (let i = 0; i < 200; i++) {
      const answer = await fetch(`${server.api}/events`, { method: 'HEAD', headers: { Authorization: `Bearer ${admin}` } });
      assert.equal(answer.status, 200);
      assert.equal(answer.headers.get('content-type'), 'text/event-stream; charset=utf-8');
    }
    assert.equal(server.app.events.size, 0);
    assert.equal((await fetch(`${server.api}/events`, { method: 'HEAD' })).status, 401);
  });

  test('a client that never reads is cut off within the byte bound; a reading one gets every event', async (t) => {
    // The stalled client: a raw socket that asks for the stream and then never reads a byte.
    const stalled: Socket = connect(server.port, '127.0.0.1');
    let closed = false;
    stalled.on('close', () => (closed = true));
    stalled.on('error', () => {});
    await new Promise<void>((resolve) => stalled.once('connect', resolve));
    stalled.write(`GET /api/events HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer ${admin}\r\n\r\n`);
    stalled.pause();
    const manager = await server.login(people.manager);
    const reader = await openEvents(`${server.api}/events`, { headers: { Authorization: `Bearer ${manager}` } });
    await eventually(() => server.app.events.size === 2, 'both streams to open');

    let largest = 0;
    let maxQueued = 0;
    let batches = 0;
    const ids = leads.map((l) => l.id);
    for (; batches < 40 && server.app.events.size === 2; batches++) {
      const to = batches % 2 === 0 ? people.alice.id : people.bob.id;
      const answer = await call(server.api, 'POST', '/assignments', { token: admin,
        body: { leadIds: ids, assigneeId: to, batchId: `pressure-${batches}` } });
      assert.equal(answer.status, 200);
      largest = Math.max(largest, JSON.stringify(answer.body).length * 2);
      maxQueued = Math.max(maxQueued, server.app.events.queuedBytes);
      // The reading client keeps up: it has the whole batch before the next one is sent.
      const last = ids.at(-1)!;
      await reader.waitFor((e) => e.type === 'activity' && e.activity.leadId === last &&
        e.activity.batchId === `pressure-${batches}`, 20_000);
    }
    assert.equal(server.app.events.size, 1, `the stalled stream was cut off (after ${batches} batches)`);
    assert.ok(batches < 40);
    assert.ok(server.app.events.cutOff >= 1);
    assert.ok(maxQueued <= QUEUE_BYTES + largest, `at most ${maxQueued} bytes queued (bound ${QUEUE_BYTES} + one batch)`);
    assert.equal(server.app.events.queuedBytes, 0, 'nothing is held for the cut-off client');
    // Its connection is gone: reading now finds the end (after the few bytes the kernel still holds).
    let received = 0;
    stalled.on('data', (chunk: Buffer) => (received += chunk.length));
    stalled.resume();
    await eventually(() => closed, 'the stalled socket to be closed', 10_000);
    // What the stream carried to everyone who sees every lead (the reader is a manager, the stalled one an admin).
    const sent = reader.events.reduce((bytes, e) => bytes + Buffer.byteLength(`data: ${JSON.stringify(e)}\n\n`), 0);
    assert.ok(received < sent, `the stalled client got ${received} of the ${sent} bytes sent`);
    t.diagnostic(`cut off after ${batches} batches of ${leads.length} leads; at most ${maxQueued} bytes queued; ` +
      `the stalled client took ${received} of the ${sent} bytes sent`);
    // The reading client heard every batch, in order, and was never cut off.
    assert.equal(reader.events.filter((e) => e.type === 'activity' && e.activity.leadId === ids[0]).length, batches);
    reader.close();
  });

  test('a token holds at most streamsPerToken streams: one more ends its oldest', async () => {
    await eventually(() => server.app.events.size === 0, 'the earlier streams to be gone');
    const token = await server.login(people.alice);
    const first = await openEvents(`${server.api}/events?token=${encodeURIComponent(token)}`);
    const second = await openEvents(`${server.api}/events?token=${encodeURIComponent(token)}`);
    const other = await openEvents(`${server.api}/events?token=${encodeURIComponent(admin)}`);
    const third = await openEvents(`${server.api}/events?token=${encodeURIComponent(token)}`);
    try {
      await first.ended;
      assert.equal(server.app.events.size, 3, 'two of the token, one of another token');
      // A lead alice sees whatever the batches above left (they end with alice or bob, depending on their count).
      await call(server.api, 'POST', '/assignments', { token: admin, body: { leadIds: [leads[0]!.id], assigneeId: people.alice.id } });
      const note = await call(server.api, 'POST', `/leads/${leads[0]!.id}/notes`,
        { token: admin, body: { text: 'for the streams left' } });
      for (const reader of [second, third, other]) {
        await reader.waitFor((e) => e.type === 'activity' && e.activity.id === note.body.id);
      }
    } finally {
      for (const reader of [first, second, third, other]) reader.close();
    }
  });
});
