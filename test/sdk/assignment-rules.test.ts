import { expect } from 'chai';
import type { AssignmentRules } from '../../sdk/index.js';
import { assignmentRuleIssues, planNewLeads, planRuleAssignments, newLeadHistory } from '../../sdk/rules.js';
import type { RuleMember } from '../../sdk/rules.js';

const team = (...loads: number[]): RuleMember[] => loads.map((openLeads, i) => ({ id: `m${i + 1}`, active: true, openLeads }));
const rules = (strategy: AssignmentRules['strategy'], memberIds: string[], extra: Partial<AssignmentRules> = {}): AssignmentRules =>
  ({ enabled: true, strategy, memberIds, ...extra });
const arriving = (n: number, status = 'new') => Array.from({ length: n }, () => ({ status }));
/** One lead at a time, `times` calls, the cursor each call returns passed to the next (as a backend persists it). */
function oneByOne(r: AssignmentRules, members: () => RuleMember[], times: number): (string | null)[] {
  let cursor: string | null = null;
  const got: (string | null)[] = [];
  for (let i = 0; i < times; i++) {
    const plan = planRuleAssignments(r, members(), arriving(1), cursor);
    got.push(...plan.assignees);
    cursor = plan.cursor;
  }
  return got;
}
const tally = (ids: readonly (string | null)[]) => {
  const counts: Record<string, number> = {};
  for (const id of ids) counts[String(id)] = (counts[String(id)] ?? 0) + 1;
  return counts;
};

describe('assignment rules', () => {
  it('round robin spreads a batch of 9 leads 3/3/3 in list order and returns the cursor', () => {
    const plan = planRuleAssignments(rules('round_robin', ['m1', 'm2', 'm3']), team(5, 0, 9), arriving(9), null);
    expect(plan.assignees).to.deep.equal(['m1', 'm2', 'm3', 'm1', 'm2', 'm3', 'm1', 'm2', 'm3']);
    expect(plan.cursor).to.equal('m3');
    expect(plan.unplaced).to.deep.equal([]);
  });

  it('round robin goes on from a persisted cursor across calls: one lead at a time is as fair as a batch', () => {
    const got = oneByOne(rules('round_robin', ['m1', 'm2', 'm3']), () => team(0, 0, 0), 7);
    expect(got).to.deep.equal(['m1', 'm2', 'm3', 'm1', 'm2', 'm3', 'm1']);
    // The cursor's member left the list: the rotation starts again from the top.
    expect(planRuleAssignments(rules('round_robin', ['m2', 'm3']), team(0, 0, 0), arriving(1), 'm1').assignees).to.deep.equal(['m2']);
  });

  it('skips inactive and unknown members automatically, without losing the rotation', () => {
    const members = team(0, 0, 0);
    members[1]!.active = false;
    const plan = planRuleAssignments(rules('round_robin', ['m1', 'm2', 'ghost', 'm3']), members, arriving(4), 'm1');
    expect(plan.assignees).to.deep.equal(['m3', 'm1', 'm3', 'm1']);
    members[0]!.active = false;
    members[2]!.active = false;
    const nobody = planRuleAssignments(rules('balanced', ['m1', 'm2', 'm3']), members, arriving(2), 'm1');
    expect(nobody).to.deep.equal({ assignees: [null, null], unplaced: [0, 1], cursor: 'm1' });
  });

  it('balanced gives each lead to whoever holds the fewest open leads, counting the batch itself', () => {
    const plan = planRuleAssignments(rules('balanced', ['m1', 'm2', 'm3']), team(4, 1, 0), arriving(6), null);
    // m3 holds none and gets the first; then m2 and m3 tie and take turns (the tie goes to whoever comes
    // first after the last receiver); m1, at 4, is never the least loaded.
    expect(plan.assignees).to.deep.equal(['m3', 'm2', 'm3', 'm2', 'm3', 'm2']);
    expect(tally(plan.assignees)).to.deep.equal({ m2: 3, m3: 3 });
    const more = planRuleAssignments(rules('balanced', ['m1', 'm2', 'm3']), team(4, 1, 0), arriving(9), null);
    // 5 open leads held + 9 arriving: they end 5/5/4, m1 receiving one once the others caught up with it.
    expect(tally(more.assignees)).to.deep.equal({ m1: 1, m2: 4, m3: 4 });
  });

  it('balanced ties rotate with the cursor rather than favouring the top of the list', () => {
    // Equal loads at every call (as if each lead had been closed before the next arrived).
    expect(oneByOne(rules('balanced', ['m1', 'm2', 'm3']), () => team(2, 2, 2), 4)).to.deep.equal(['m1', 'm2', 'm3', 'm1']);
  });

  it('capacity never gives a member more than their capacity; leads nobody can take stay unassigned and are named', () => {
    const members: RuleMember[] = [
      { id: 'm1', active: true, capacity: 2, openLeads: 1 },
      { id: 'm2', active: true, capacity: 3, openLeads: 0 },
      { id: 'm3', active: true, capacity: 0, openLeads: 0 },
    ];
    const plan = planRuleAssignments(rules('capacity', ['m1', 'm2', 'm3']), members, arriving(6), null);
    expect(plan.assignees).to.deep.equal(['m2', 'm1', 'm2', 'm2', null, null]);
    expect(plan.unplaced).to.deep.equal([4, 5]);
    expect(plan.cursor).to.equal('m2');
    // Without a capacity there is no limit.
    const open = planRuleAssignments(rules('capacity', ['m1', 'm4']), [...members, { id: 'm4', active: true, openLeads: 50 }], arriving(3), null);
    expect(open.assignees).to.deep.equal(['m1', 'm4', 'm4']);
  });

  it('takes only leads without an assignee in the covered columns; given assignees count towards balance', () => {
    const r = rules('balanced', ['m1', 'm2'], { statuses: ['new', 'contacted'] });
    const plan = planRuleAssignments(r, team(0, 0), [
      { status: 'new', assigneeId: 'm1' },
      { status: 'qualified' },
      { status: 'contacted' },
      { status: 'new' },
    ], null);
    expect(plan.assignees).to.deep.equal([null, null, 'm2', 'm1']);
    // Closed leads are no open work: they do not tip the balance.
    const closed = planRuleAssignments(rules('balanced', ['m1', 'm2']), team(0, 0), [{ status: 'won' }, { status: 'new' }], null);
    expect(closed.assignees).to.deep.equal(['m1', 'm2']);
    expect(planRuleAssignments({ ...r, enabled: false }, team(0, 0), arriving(2), 'm1')).to.deep.equal({ assignees: [null, null], unplaced: [], cursor: 'm1' });
  });

  it('refuses rules naming unknown, inactive or repeated members, or unknown columns, naming the field', () => {
    const members = [
      { id: 'm1', name: 'Ada', active: true },
      { id: 'm2', name: 'Bo', active: false },
    ];
    const issues = assignmentRuleIssues(rules('round_robin', ['m1', 'm2', 'm9', 'm1'], { statuses: ['new', 'nope'] }), members, ['new', 'won']);
    expect(issues).to.deep.equal([
      { path: 'memberIds.1', code: 'inactive_member', message: 'Bo is not an active member' },
      { path: 'memberIds.2', code: 'unknown_member', message: 'Unknown member "m9"' },
      { path: 'memberIds.3', code: 'duplicate_member', message: 'Ada is listed twice' },
      { path: 'statuses.1', code: 'unknown_status', message: 'Unknown column "nope"' },
    ]);
    expect(assignmentRuleIssues(rules('balanced', []), members, ['new'])).to.deep.equal([
      { path: 'memberIds', code: 'no_members', message: 'Choose at least one member to receive new leads' },
    ]);
    expect(assignmentRuleIssues({ enabled: false, strategy: 'balanced', memberIds: [] }, members, ['new'])).to.deep.equal([]);
  });
});

describe('new lead planning', () => {
  const columns = [{ key: 'new' }, { key: 'won' }];

  it('puts new leads above the top card of their column, in the order given; an empty column starts at one step', () => {
    const tops: Record<string, number> = { new: 500 };
    const plan = planNewLeads(
      [{ name: 'A' }, { name: 'B', status: 'won' }, { name: 'C', status: 'new' }, { name: 'D', status: 'won' }],
      { columns, rules: { enabled: false, strategy: 'round_robin', memberIds: [] }, members: [], cursor: null, topPosition: (s) => tops[s] },
    );
    expect(plan.leads.map((l) => [l.status, l.position])).to.deep.equal([['new', -1500], ['won', 1000], ['new', -500], ['won', 2000]]);
    expect(plan.leads.every((l) => l.assigneeId === null && l.assignedBy === null)).to.equal(true);
  });

  it('records who chose the assignee, and the history says so: rule, or the creator\'s source', () => {
    const plan = planNewLeads([{ name: 'A' }, { name: 'B', assigneeId: 'm2' }, { name: 'C' }], {
      columns, rules: rules('round_robin', ['m1', 'm2']), members: team(0, 0), cursor: 'm1', topPosition: () => undefined,
    });
    expect(plan.leads.map((l) => [l.assigneeId, l.assignedBy])).to.deep.equal([['m2', 'rule'], ['m2', 'creator'], ['m1', 'rule']]);
    expect(plan.cursor).to.equal('m1');
    expect(newLeadHistory(plan.leads[0]!, 'import')).to.deep.equal([
      { type: 'created', source: 'import' },
      { type: 'assigned', from: null, to: 'm2', source: 'rule' },
    ]);
    expect(newLeadHistory(plan.leads[1]!, 'manual')).to.deep.equal([
      { type: 'created', source: 'manual' },
      { type: 'assigned', from: null, to: 'm2', source: 'manual' },
    ]);
    expect(newLeadHistory({ status: 'new', position: 1, assigneeId: null, assignedBy: null }, 'api')).to.deep.equal([{ type: 'created', source: 'api' }]);
  });
});
