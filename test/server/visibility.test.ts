/**
 * The visibility rules of sdk/policy.ts for each role, through the real API: admins and managers see
 * everything; a member sees their own and unassigned leads, and another member's lead does not exist for
 * them on any path.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Lead } from '../../sdk/schema.js';
import { call, people, startTestServer, type TestServer } from './support.js';

let server: TestServer;
const tokens: Record<'admin' | 'manager' | 'alice' | 'bob', string> = { admin: '', manager: '', alice: '', bob: '' };
let all: Lead[];

before(async () => {
  server = await startTestServer();
  for (const who of ['admin', 'manager', 'alice', 'bob'] as const) tokens[who] = await server.login(people[who]);
  all = (await call(server.api, 'GET', '/leads', { token: tokens.admin })).body.leads;
});
after(() => server.dispose());

const bobsLead = () => all.find((l) => l.assigneeId === people.bob.id)!;
const current = async (id: string): Promise<Lead> => (await call(server.api, 'GET', `/leads/${id}`, { token: tokens.admin })).body;

describe('admin and manager', () => {
  for (const who of ['admin', 'manager'] as const) {
    test(`${who} sees every lead and may read any of them`, async () => {
      const { body } = await call(server.api, 'GET', '/leads', { token: tokens[who] });
      assert.equal(body.leads.length, all.length);
      assert.equal((await call(server.api, 'GET', `/leads/${bobsLead().id}`, { token: tokens[who] })).status, 200);
    });
  }

  test('a manager may reassign any lead to any active member', async () => {
    const lead = bobsLead();
    const { status, body } = await call(server.api, 'POST', '/assignments', {
      token: tokens.manager, body: { leadIds: [lead.id], assigneeId: people.admin.id } });
    assert.equal(status, 200);
    assert.equal(body.results[0].status, 'ok');
    assert.equal((await current(lead.id)).assigneeId, people.admin.id);
  });
});

describe('member', () => {
  test("the list holds only the member's own and unassigned leads, whatever the filter", async () => {
    const { body } = await call(server.api, 'GET', '/leads', { token: tokens.alice });
    const expected = all.filter((l) => l.assigneeId === null || l.assigneeId === people.alice.id).map((l) => l.id);
    assert.deepEqual(body.leads.map((l: Lead) => l.id).sort(), expected.sort());
    assert.ok(all.some((l) => l.assigneeId !== null && l.assigneeId !== people.alice.id), 'others hold leads');
    const asBob = await call(server.api, 'GET', `/leads?assignee=${people.bob.id}`, { token: tokens.alice });
    assert.equal(asBob.status, 200);
    assert.deepEqual(asBob.body.leads, []);
    const byName = await call(server.api, 'GET', `/leads?q=${encodeURIComponent(bobsLead().name)}`, { token: tokens.alice });
    assert.ok(!byName.body.leads.some((l: Lead) => l.id === bobsLead().id));
  });

  test("another member's lead is 404 to read, patch, note, list activity and assign — and stays unchanged", async () => {
    const lead = all.filter((l) => l.assigneeId === people.bob.id)[1]!;
    const before = await current(lead.id);
    const beforeHistory = (await call(server.api, 'GET', `/leads/${lead.id}/activity`, { token: tokens.admin })).body;

    const read = await call(server.api, 'GET', `/leads/${lead.id}`, { token: tokens.alice });
    assert.equal(read.status, 404);
    assert.equal(read.body.error.code, 'not_found');
    assert.equal(JSON.stringify(read.body).includes(lead.name), false, 'no data of it leaks');

    const patch = await call(server.api, 'PATCH', `/leads/${lead.id}`, {
      token: tokens.alice, body: { expectedVersion: before.version, name: 'Hijacked' } });
    assert.equal(patch.status, 404);
    assert.equal(patch.body.current, undefined);

    const note = await call(server.api, 'POST', `/leads/${lead.id}/notes`, { token: tokens.alice, body: { text: 'mine now' } });
    assert.equal(note.status, 404);

    const history = await call(server.api, 'GET', `/leads/${lead.id}/activity`, { token: tokens.alice });
    assert.equal(history.status, 404);

    const assign = await call(server.api, 'POST', '/assignments', {
      token: tokens.alice, body: { leadIds: [lead.id], assigneeId: people.alice.id } });
    assert.equal(assign.status, 200);
    assert.deepEqual(assign.body.results, [{ leadId: lead.id, status: 'not_found' }]);

    assert.deepEqual(await current(lead.id), before);
    const afterHistory = (await call(server.api, 'GET', `/leads/${lead.id}/activity`, { token: tokens.admin })).body;
    assert.deepEqual(afterHistory, beforeHistory);
  });

  test('a stale version on an invisible lead is still 404, never 409 with its data', async () => {
    const lead = all.filter((l) => l.assigneeId === people.bob.id)[2]!;
    const patch = await call(server.api, 'PATCH', `/leads/${lead.id}`, {
      token: tokens.alice, body: { expectedVersion: 999, name: 'x' } });
    assert.equal(patch.status, 404);
  });

  test('a member may work on an unassigned lead, and handing it off removes it from their view', async () => {
    const lead = all.find((l) => l.assigneeId === null && l.status === 'new')!;
    const note = await call(server.api, 'POST', `/leads/${lead.id}/notes`, { token: tokens.alice, body: { text: 'Looking' } });
    assert.equal(note.status, 201);
    const moved = await call(server.api, 'PATCH', `/leads/${lead.id}`, {
      token: tokens.alice, body: { expectedVersion: lead.version, status: 'contacted' } });
    assert.equal(moved.status, 200);
    const handoff = await call(server.api, 'POST', '/assignments', {
      token: tokens.alice, body: { leadIds: [lead.id], assigneeId: people.bob.id } });
    assert.equal(handoff.body.results[0].status, 'ok');
    assert.equal((await call(server.api, 'GET', `/leads/${lead.id}`, { token: tokens.alice })).status, 404);
    assert.equal((await call(server.api, 'GET', `/leads/${lead.id}`, { token: tokens.bob })).status, 200);
  });

  test("a member's own lead is theirs to read and assign", async () => {
    const lead = all.find((l) => l.assigneeId === people.alice.id)!;
    assert.equal((await call(server.api, 'GET', `/leads/${lead.id}`, { token: tokens.alice })).status, 200);
    const unassign = await call(server.api, 'POST', '/assignments', {
      token: tokens.alice, body: { leadIds: [lead.id], assigneeId: null } });
    assert.equal(unassign.body.results[0].status, 'ok');
    assert.equal(unassign.body.results[0].lead.assigneeId, null);
  });
});

describe('assignees', () => {
  test('an inactive or unknown assignee is 400 naming assigneeId, and nothing changes', async () => {
    const lead = all.find((l) => l.assigneeId === null)!;
    const before = await current(lead.id);
    for (const assigneeId of [people.inactive.id, 'no-such-member']) {
      const { status, body } = await call(server.api, 'POST', '/assignments', {
        token: tokens.admin, body: { leadIds: [lead.id], assigneeId } });
      assert.equal(status, 400);
      assert.deepEqual(body.error.issues.map((i: { path: string }) => i.path), ['assigneeId']);
    }
    assert.deepEqual(await current(lead.id), before);
  });

  test('an inactive member cannot sign in, even with a host token', async () => {
    const host = await startTestServer({ demo: false, apiTokens: { 'host-token-inactive': people.inactive.id,
      'host-token-admin': people.admin.id } });
    try {
      assert.equal((await call(host.api, 'GET', '/me', { token: 'host-token-inactive' })).status, 401);
      assert.equal((await call(host.api, 'GET', '/me', { token: 'host-token-admin' })).status, 200);
    } finally {
      await host.dispose();
    }
  });
});
