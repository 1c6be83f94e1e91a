import { expect } from 'chai';
import { planDistribution } from '../../sdk/index.js';
import type { DistributableMember } from '../../sdk/index.js';

const ids = (n: number) => Array.from({ length: n }, (_, i) => `l${i + 1}`);
const spread = (counts: Record<string, number>) => {
  const values = Object.values(counts);
  return Math.max(...values) - Math.min(...values);
};

describe('planDistribution', () => {
  const members: DistributableMember[] = [
    { id: 'a', active: true },
    { id: 'b', active: true },
    { id: 'c', active: false },
    { id: 'd', active: true },
  ];

  it('even: every lead planned once, max − min ≤ 1, inactive members skipped', () => {
    for (const n of [0, 1, 2, 3, 7, 100, 1001]) {
      const plan = planDistribution(ids(n), members, 'even');
      expect(plan.assignments).to.have.length(n);
      expect(new Set(plan.assignments.map((a) => a.leadId)).size).to.equal(n);
      expect(Object.keys(plan.perMember)).to.deep.equal(['a', 'b', 'd']);
      expect(plan.assignments.some((a) => a.memberId === 'c')).to.equal(false);
      expect(spread(plan.perMember)).to.be.at.most(1);
      expect(plan.skipped).to.deep.equal([]);
    }
  });

  it('even: the extra leads go to the least-loaded members; counts only the distributed leads', () => {
    const plan = planDistribution(ids(4), members, 'even', { a: 10, b: 0, d: 3 });
    expect(plan.perMember).to.deep.equal({ a: 1, b: 2, d: 1 });
  });

  it('is deterministic and ignores duplicate lead ids', () => {
    const first = planDistribution([...ids(20), 'l1', 'l2'], members, 'even', { a: 2 });
    const second = planDistribution([...ids(20), 'l1', 'l2'], members, 'even', { a: 2 });
    expect(first).to.deep.equal(second);
    expect(first.assignments).to.have.length(20);
  });

  it('capacity: respects capacity minus current load, fills the lowest load first, skips the rest', () => {
    const team: DistributableMember[] = [
      { id: 'a', active: true, capacity: 5, openLeads: 3 }, // room 2
      { id: 'b', active: true, capacity: 4, openLeads: 0 }, // room 4
      { id: 'x', active: false, capacity: 100 },
    ];
    const plan = planDistribution(ids(10), team, 'capacity');
    expect(plan.perMember).to.deep.equal({ a: 2, b: 4 });
    expect(plan.skipped).to.deep.equal(ids(10).slice(6));
    // b starts emptiest, so it takes the first leads until its load reaches a's.
    expect(plan.assignments.slice(0, 3).map((a) => a.memberId)).to.deep.equal(['b', 'b', 'b']);
  });

  it('capacity: explicit current load wins over openLeads; members without capacity are unlimited', () => {
    const team: DistributableMember[] = [
      { id: 'a', active: true, capacity: 3, openLeads: 0 },
      { id: 'u', active: true },
    ];
    const plan = planDistribution(ids(9), team, 'capacity', new Map([['a', 2], ['u', 5]]));
    expect(plan.perMember).to.deep.equal({ a: 1, u: 8 });
    expect(plan.skipped).to.deep.equal([]);
  });

  it('ties rotate: they start after `after`, and the plan says who took the last one', () => {
    const team: DistributableMember[] = [{ id: 'a', active: true }, { id: 'b', active: true }, { id: 'd', active: true }];
    const first = planDistribution(ids(1), team, 'even');
    expect(first.assignments[0]!.memberId).to.equal('a');
    expect(first.rotation).to.equal('a');
    const second = planDistribution(ids(1), team, 'even', undefined, { after: first.rotation });
    expect(second.assignments[0]!.memberId).to.equal('b');
    const third = planDistribution(ids(4), team, 'even', undefined, { after: 'b' });
    expect(third.perMember).to.deep.equal({ a: 1, b: 1, d: 2 });
    expect(third.rotation).to.equal('d');
    // Loads still come first: the least-loaded member gets the extra lead whatever the rotation says.
    expect(planDistribution(ids(1), team, 'even', { a: 0, b: 1, d: 1 }, { after: 'a' }).assignments[0]!.memberId).to.equal('a');
    // Evenly divisible: nobody took an extra lead, so the rotation does not move.
    expect(planDistribution(ids(3), team, 'even', undefined, { after: 'b' }).rotation).to.equal(undefined);
    // By capacity, ties between equal loads rotate too.
    expect(planDistribution(ids(1), team, 'capacity', undefined, { after: 'a' }).assignments[0]!.memberId).to.equal('b');
  });

  it('skips everything when no active member is chosen', () => {
    const plan = planDistribution(ids(3), [{ id: 'c', active: false }], 'even');
    expect(plan.assignments).to.deep.equal([]);
    expect(plan.skipped).to.deep.equal(ids(3));
  });
});
