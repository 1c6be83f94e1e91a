/**
 * Elements written into the page before the library loads (a host's HTML, a server-rendered page) are upgraded
 * when the library defines them: their connectedCallback runs inside `customElements.define`, while the
 * module defining them is still being evaluated. Nothing the module makes after that call may be reached from
 * there (a `const` declared below it throws). This file imports the library only after the elements exist.
 */
import { expect, waitUntil } from '@open-wc/testing';
import { MemoryAdapter, MemoryDatabase, seed } from '../../sdk/memory.js';

describe('elements on the page before the library loads', () => {
  it('upgrade without an error, and the board then loads and shows its cards', async () => {
    const host = document.createElement('div');
    host.innerHTML = '<lead-kanban style="height:500px;width:1200px"></lead-kanban><lead-drawer></lead-drawer><assign-picker></assign-picker>';
    document.body.append(host);
    const errors: string[] = [];
    const onError = (e: ErrorEvent) => errors.push(e.message);
    window.addEventListener('error', onError);
    try {
      await import('../../src/index.js');
    } finally {
      window.removeEventListener('error', onError);
    }
    expect(errors).to.deep.equal([]);
    const board = host.querySelector('lead-kanban')!;
    expect(board.shadowRoot, 'upgraded').to.not.equal(null);
    board.adapter = new MemoryAdapter({ database: new MemoryDatabase(seed({ leads: 30, members: 4, seed: 5 })), as: 'm1', latency: 0 });
    await waitUntil(() => board.store?.status === 'ready', 'store loaded');
    await waitUntil(() => board.shadowRoot!.querySelectorAll('[part~="card"]').length > 0, 'cards shown');
    host.remove();
  });
});
