/** Each column header shows the total value of the leads it shows, in the page's currency format. */
import { expect } from '@open-wc/testing';
import { DEFAULT_COLUMNS, type Lead } from '../../sdk/index.js';
import { formatValue } from '../../src/shared/format.js';
import { backendLeads, mountBoard, region, settle } from './helpers/board-setup.js';

const totalText = (el: Parameters<typeof region>[0], label: string) =>
  region(el, label).querySelector('.column-value')!.textContent!.replace(/\s+/g, ' ').trim();

const sum = (leads: readonly Lead[]) => leads.reduce((s, l) => s + (l.value ?? 0), 0);

describe('<lead-kanban> column totals', () => {
  it('shows each column’s total value, following filters and edits', async () => {
    const setup = await mountBoard({ height: 1200 });
    const leads = await backendLeads(setup);
    for (const c of DEFAULT_COLUMNS) {
      const expected = formatValue(sum(leads.filter((l) => l.status === c.key)));
      expect(totalText(setup.el, c.label), c.label).to.equal(`Total value ${expected}`);
    }
    expect(totalText(setup.el, 'New')).to.match(/\$[\d,]+$/);

    const alice = setup.members.find((m) => m.role === 'member')!;
    setup.store.setFilter({ assignee: alice.id });
    await settle(setup.el);
    for (const c of DEFAULT_COLUMNS) {
      const expected = formatValue(sum(leads.filter((l) => l.status === c.key && l.assigneeId === alice.id)));
      expect(totalText(setup.el, c.label), `${c.label} under the filter`).to.equal(`Total value ${expected}`);
    }

    setup.store.setFilter({ assignee: 'any' });
    const lead = setup.store.cardsIn('new')[0]!;
    await setup.store.update(lead.id, { value: (lead.value ?? 0) + 1000 });
    await settle(setup.el);
    const now = await backendLeads(setup);
    expect(totalText(setup.el, 'New')).to.equal(`Total value ${formatValue(sum(now.filter((l) => l.status === 'new')))}`);
  });
});
