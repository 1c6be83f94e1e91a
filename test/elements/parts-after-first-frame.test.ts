/**
 * Two parts no board's first frame shows are chunks of their own, kept out of what a page loads up front:
 * the workload strip's member chips (src/lead-kanban/workload-chips.ts) and the body of `<assign-picker>`
 * (src/assign-picker/picker-body.ts). This file runs in its own page, so neither has arrived before these tests;
 * each fetch is held back (the real module, released when the test says so) to see the page while it is missing.
 * The picker's test comes first: a board fetches the drawer's content after its first frame, which brings the
 * picker's body with it.
 */
import { aTimeout, expect, fixture, html, nextFrame, waitUntil } from '@open-wc/testing';
import { MemoryAdapter } from '../../sdk/memory.js';
import { pickerBodyChunk, type AssignPicker } from '../../src/assign-picker/assign-picker.js';
import { boardRehearsal, type LeadKanban } from '../../src/lead-kanban/lead-kanban.js';
import { workloadChipsChunk } from '../../src/lead-kanban/workload-bar.js';
import { controlFetch, loadedStore } from './helpers/drawer-setup.js';

// The board's rehearsal would fetch the chips in an idle period; these tests say when they come.
boardRehearsal.cancel();
const chipsFetch = controlFetch(workloadChipsChunk);
const pickerFetch = controlFetch(pickerBodyChunk);

/** Whether `promise` settles within a few frames. */
async function settlesSoon(promise: Promise<unknown>): Promise<boolean> {
  let settled = false;
  void promise.then(() => (settled = true));
  for (let i = 0; i < 3; i++) await nextFrame();
  await aTimeout(30);
  return settled;
}

describe('parts that come after the first frame', () => {
  it('a picker a host puts in its page fetches its body: nothing shows until it comes, then the combobox', async () => {
    const { store } = await loadedStore();
    const dana = store.assignableMembers[0]!;
    const picker = document.createElement('assign-picker') as AssignPicker;
    picker.store = store;
    picker.value = dana.id; // set before the body comes: kept
    document.body.append(picker);
    try {
      await waitUntil(() => pickerFetch.started === 1, 'the body asked for on connection');
      expect(picker.shadowRoot!.querySelector('[role="combobox"]'), 'no combobox before the body').to.equal(null);
      expect(await settlesSoon(picker.updateComplete), 'updateComplete waits for the body').to.equal(false);

      pickerFetch.release();
      await picker.updateComplete;
      const combobox = picker.shadowRoot!.querySelector<HTMLInputElement>('[role="combobox"]')!;
      expect(combobox.value).to.equal(dana.name);
      expect(combobox.labels?.[0]?.textContent?.trim()).to.equal('Assignee');
      // The body's rules came with it: the popup is a hidden top-layer surface until the list opens.
      const popup = picker.shadowRoot!.querySelector<HTMLElement>('.popup')!;
      expect(getComputedStyle(popup).position, 'popup styles adopted').to.equal('fixed');

      combobox.click();
      await picker.updateComplete;
      expect(combobox.getAttribute('aria-expanded')).to.equal('true');
      const names = [...picker.shadowRoot!.querySelectorAll('[role="option"] .name')].map((n) => n.textContent);
      expect(names[0]).to.equal('Unassigned');
      expect(names.length).to.equal(store.assignableMembers.length + 1);
    } finally {
      picker.remove();
    }
  });

  it('the board shows its cards and the strip’s frame first; the member chips come with their chunk', async () => {
    const adapter = MemoryAdapter.seeded({ leads: 30, members: 5 });
    const el = await fixture<LeadKanban>(html`<lead-kanban style="height:600px; width:1300px" .adapter=${adapter}></lead-kanban>`);
    await waitUntil(() => el.store?.status === 'ready', 'store loaded');
    await waitUntil(() => el.shadowRoot!.querySelectorAll('.card').length > 0, 'cards on the first frame');
    await waitUntil(() => chipsFetch.started === 1, 'the chips asked for after the first frame');

    const root = el.shadowRoot!;
    expect(root.querySelector('[part="workload"]')!.getAttribute('aria-label')).to.equal('Workload');
    expect(root.querySelector('.chips-frame'), 'the strip keeps the chips’ place').to.exist;
    expect(root.querySelectorAll('.chip').length, 'no chip before the chunk').to.equal(0);
    expect(await settlesSoon(el.updateComplete), 'updateComplete waits for the chips').to.equal(false);

    chipsFetch.release();
    await el.updateComplete;
    const chips = [...root.querySelectorAll<HTMLButtonElement>('.chip')];
    expect(chips.map((c) => c.querySelector('.chip-name')!.textContent)[0]).to.equal('Unassigned');
    const members = el.store!.assignableMembers;
    expect(chips.length, 'Unassigned and one chip per active member').to.equal(members.length + 1);
    const unassigned = chips[0]!;
    expect(unassigned.querySelector('.chip-count')!.textContent).to.equal(String(el.store!.unassignedCount));
    expect(chipsFetch.started, 'fetched once').to.equal(1);
  });
});
