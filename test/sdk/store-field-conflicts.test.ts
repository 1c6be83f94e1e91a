/**
 * Field edits that collide: `update(id, patch, { base })` carries the lead as the user saw it when editing
 * began. A patched field someone changed since is a conflict the user settles (nothing is sent); a change to
 * another field is no reason to refuse, even when the backend refuses the stale version.
 */
import { expect } from 'chai';
import { rejection, settle } from './helpers.js';
import { board, expectStoreEqualsBackend } from './store-setup.js';

describe('LeadStore: field edits against the lead seen when editing began', () => {
  it('refuses a field someone changed meanwhile, naming it, and sends nothing; keeping mine then saves', async () => {
    const b = await board();
    const { store } = b;
    const base = store.cardsIn('new')[0]!;
    await b.other.updateLead(base.id, { value: 12_000 }, base.version);
    await settle();
    expect(store.lead(base.id)!.value).to.equal(12_000);

    const sent = b.fault.calls.updateLead;
    const error = await rejection(store.update(base.id, { value: 15_000 }, { base }));
    expect(error.code).to.equal('conflict');
    expect(error.issues).to.deep.equal([{ path: 'value', message: 'Changed by someone else since editing began', code: 'changed' }]);
    expect(error.current).to.deep.include({ id: base.id, value: 12_000 });
    expect(b.fault.calls.updateLead, 'nothing sent').to.equal(sent);
    expect(b.notices.at(-1)).to.deep.include({ kind: 'error', command: 'update' });
    expect((await b.backend.getLead(base.id)).value).to.equal(12_000);

    // Keep mine: the user has seen theirs, so the lead now is the base.
    await store.update(base.id, { value: 15_000 }, { base: store.lead(base.id)! });
    expect((await b.backend.getLead(base.id)).value).to.equal(15_000);
    await expectStoreEqualsBackend(b);
  });

  it('saves when only other fields changed meanwhile, keeping their change', async () => {
    const b = await board();
    const { store } = b;
    const base = store.cardsIn('contacted')[0]!;
    await b.other.updateLead(base.id, { company: 'Their Company' }, base.version);
    await settle();
    await store.update(base.id, { value: 777 }, { base });
    const now = await b.backend.getLead(base.id);
    expect([now.company, now.value]).to.deep.equal(['Their Company', 777]);
    await expectStoreEqualsBackend(b);
  });

  it('a stale version the store never heard of: sent again when the field is as the user saw it, refused when not', async () => {
    const b = await board({ subscribe: false });
    const { store } = b;
    const lead = store.cardsIn('qualified')[0]!;
    // Another user changes another field; this store hears nothing of it.
    await b.other.updateLead(lead.id, { phone: '+1 555 0100' }, lead.version);
    const before = b.fault.calls.updateLead;
    const saved = await store.update(lead.id, { name: 'Renamed Here' }, { base: lead });
    expect(b.fault.calls.updateLead - before, 'refused once as stale, then sent on the newer version').to.equal(2);
    expect(saved).to.deep.include({ name: 'Renamed Here', phone: '+1 555 0100' });

    // Now the same field, changed elsewhere, unheard of: the backend's refusal comes back as the user's choice.
    const seen = store.lead(lead.id)!;
    await b.other.updateLead(lead.id, { name: 'Renamed There' }, seen.version);
    const error = await rejection(store.update(lead.id, { name: 'Mine Again' }, { base: seen }));
    expect(error.code).to.equal('conflict');
    expect(error.issues?.map((i) => [i.path, i.code])).to.deep.equal([['name', 'changed']]);
    expect(store.lead(lead.id)!.name, 'the store shows theirs').to.equal('Renamed There');
    expect((await b.backend.getLead(lead.id)).name).to.equal('Renamed There');
  });

  it('is no conflict when the field was changed to what the user asks anyway', async () => {
    const b = await board();
    const { store } = b;
    const base = store.cardsIn('new')[1]!;
    await b.other.updateLead(base.id, { value: 4321 }, base.version);
    await settle();
    await store.update(base.id, { value: 4321 }, { base });
    expect((await b.backend.getLead(base.id)).value).to.equal(4321);
  });
});
