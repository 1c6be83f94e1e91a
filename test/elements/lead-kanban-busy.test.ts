/**
 * The row of columns says whether the board is still waiting for its data (aria-busy): while it has no store
 * (a host that logs in first), while its store loads, and not once the leads are in or the load has failed —
 * assistive technology and scripts wait for it instead of reading empty columns as an empty pipeline.
 */
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { AdapterError, LeadStore, type Lead, type LeadAdapter } from '../../sdk/index.js';
import { MemoryAdapter, MemoryDatabase } from '../../sdk/memory.js';
import { seed } from '../../sdk/seed.js';
import type { LeadKanban } from '../../src/lead-kanban/lead-kanban.js';
import '../../src/index.js';
import { cardElements, headerCount, region, root } from './helpers/board-setup.js';

const busy = (el: LeadKanban) => root(el).querySelector('.columns')!.getAttribute('aria-busy');

/** A MemoryAdapter whose lead listing waits until released (or fails when told to). */
function heldAdapter(): { adapter: LeadAdapter; release(): void; fail(): void } {
  const inner = new MemoryAdapter({ database: new MemoryDatabase(seed({ leads: 12, members: 3, seed: 5 })), as: 'm1' });
  let release!: () => void;
  let fail!: () => void;
  const gate = new Promise<void>((resolve, reject) => {
    release = resolve;
    fail = () => reject(new AdapterError('network', 'the backend is unreachable'));
  });
  const adapter = Object.create(inner) as LeadAdapter;
  adapter.listLeads = async (): Promise<Lead[]> => {
    await gate;
    return inner.listLeads();
  };
  return { adapter, release, fail };
}

describe('<lead-kanban> busy while it waits for its data', () => {
  it('is busy with no store, busy while the store loads, and not once the cards are in', async () => {
    const el = await fixture<LeadKanban>(html`<lead-kanban style="height: 900px"></lead-kanban>`);
    expect(busy(el), 'no store yet').to.equal('true');

    const held = heldAdapter();
    el.store = new LeadStore(held.adapter);
    await el.updateComplete;
    expect(busy(el), 'loading').to.equal('true');
    expect(cardElements(root(el))).to.have.length(0);

    held.release();
    await waitUntil(() => busy(el) === 'false', 'the board settles once the leads are in');
    const total = (await el.store.adapter.listLeads()).filter((l) => l.status === 'new').length;
    expect(headerCount(region(el, 'New'))).to.equal(String(total));
    expect(cardElements(root(el)).length).to.be.greaterThan(0);
  });

  it('is not busy once the load has failed: the board says so and offers Retry', async () => {
    const held = heldAdapter();
    const store = new LeadStore(held.adapter);
    const el = await fixture<LeadKanban>(html`<lead-kanban style="height: 900px" .store=${store}></lead-kanban>`);
    expect(busy(el)).to.equal('true');
    held.fail();
    await waitUntil(() => busy(el) === 'false', 'a failed load is settled too');
    const retry = [...root(el).querySelectorAll('button')].find((b) => b.textContent?.trim() === 'Retry');
    expect(retry, 'a Retry button').to.exist;
  });
});
