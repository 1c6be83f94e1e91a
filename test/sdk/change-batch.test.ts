/**
 * The store's change batch (sdk/store/change-batch.ts): a first listing's leads are named by a read-only view
 * that makes its Set only when asked; a lead marked in the same batch joins them, and what listeners get
 * answers like the Set of every marked id.
 */
import { expect } from 'chai';
import type { StoreChange } from '../../sdk/index.js';
import { ChangeBatch } from '../../sdk/store/change-batch.js';

const listing = (n: number) => Array.from({ length: n }, (_, i) => ({ id: `lead-${i}` }));

function emitted(batch: ChangeBatch): StoreChange[] {
  const changes: StoreChange[] = [];
  batch.subscribe((c) => changes.push(c));
  batch.emit();
  return changes;
}

describe('ChangeBatch: the leads of a first listing', () => {
  it('names every listed lead, without a Set until asked', () => {
    const batch = new ChangeBatch();
    batch.leadsListed(listing(5));
    const [change] = emitted(batch);
    const leads = change!.leads!;
    expect(leads.size).to.equal(5);
    expect(leads.has('lead-3')).to.equal(true);
    expect(leads.has('lead-5')).to.equal(false);
    expect([...leads]).to.deep.equal(['lead-0', 'lead-1', 'lead-2', 'lead-3', 'lead-4']);
    expect([...new Set(leads)].length).to.equal(5);
    const seen: string[] = [];
    leads.forEach((id, key, set) => {
      expect(key).to.equal(id);
      expect(set).to.equal(leads);
      seen.push(id);
    });
    expect(seen).to.have.length(5);
  });

  it('a lead marked in the same batch joins the listed ones; the next batch starts empty', () => {
    const batch = new ChangeBatch();
    batch.leadsListed(listing(3));
    batch.markLead('pushed-1');
    batch.markLead('lead-1'); // already listed: counted once
    const [change] = emitted(batch);
    expect(change!.leads!.size).to.equal(4);
    expect([...change!.leads!].sort()).to.deep.equal(['lead-0', 'lead-1', 'lead-2', 'pushed-1']);
    expect(batch.leads.size).to.equal(0);
  });

  it('a listing into a batch that already names leads adds to them', () => {
    const batch = new ChangeBatch();
    batch.markLead('earlier');
    batch.leadsListed(listing(2));
    const [change] = emitted(batch);
    expect([...change!.leads!].sort()).to.deep.equal(['earlier', 'lead-0', 'lead-1']);
  });
});
