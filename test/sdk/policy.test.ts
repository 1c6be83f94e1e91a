import { expect } from 'chai';
import { decideAssignment } from '../../sdk/index.js';
import { seed } from '../../sdk/memory.js';

describe('policy: decideAssignment (one decision for every backend)', () => {
  const { members } = seed({ leads: 0, members: 6 });
  const admin = members[0]!;
  const alice = members[2]!;
  const bob = members[3]!;
  const lead = (assigneeId: string | null, version = 3) => ({ assigneeId, version });

  it('hides a lead the viewer may not see, whatever else is asked', () => {
    expect(decideAssignment(alice, lead(bob.id), alice, 3)).to.equal('not_found');
    expect(decideAssignment(alice, undefined, alice, undefined)).to.equal('not_found');
  });

  it('refuses a stale version, answers an already-held lead as unchanged, otherwise writes', () => {
    expect(decideAssignment(admin, lead(null), bob, 2)).to.equal('conflict');
    expect(decideAssignment(admin, lead(bob.id), bob, 3)).to.equal('unchanged');
    expect(decideAssignment(admin, lead(null), null, undefined)).to.equal('unchanged');
    expect(decideAssignment(alice, lead(null), bob, 3)).to.equal('write');
    expect(decideAssignment(alice, lead(alice.id), null, undefined)).to.equal('write');
  });

  it('an inactive viewer is forbidden', () => {
    expect(decideAssignment({ ...admin, active: false }, lead(null), bob, undefined)).to.equal('forbidden');
  });
});
