/**
 * The workload strip for a sales rep and for a big team: a plain member filtering by a colleague is told those
 * leads are not visible to them; chips that do not fit show that there is more, scroll with the wheel and are
 * reached with the keyboard.
 */
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { MemoryAdapter, MemoryDatabase, seed } from '../../sdk/memory.js';
import { sendMouse } from '@web/test-runner-commands';
import type { LeadKanban } from '../../src/lead-kanban/lead-kanban.js';
import { centre, columns, mountBoard, press, rendered, root } from './helpers/board-setup.js';
import { deepActive } from './helpers/common.js';

const chip = (el: LeadKanban, assignee: string) => root(el).querySelector<HTMLButtonElement>(`.chip[data-assignee="${assignee}"]`)!;
const note = (el: LeadKanban) => root(el).querySelector('.filter-note')!.textContent!.replace(/\s+/g, ' ').trim();
const frame = (el: LeadKanban) => root(el).querySelector<HTMLElement>('.chips-frame')!;
const strip = (el: LeadKanban) => root(el).querySelector<HTMLElement>('.chips')!;
const nextFrames = async (n = 3) => {
  for (let i = 0; i < n; i++) await new Promise((resolve) => requestAnimationFrame(resolve));
};

describe('<lead-kanban> workload strip', () => {
  it('tells a rep that a colleague’s leads are not visible to them, with a way back', async () => {
    const setup = await mountBoard({ as: 'm3' });
    const colleague = setup.members.find((m) => m.role === 'member' && m.active && m.id !== 'm3')!;
    expect(note(setup.el)).to.equal('');
    await sendMouse({ type: 'click', position: centre(chip(setup.el, colleague.id)) });
    await rendered(setup.el);
    expect(setup.store.filter.assignee).to.equal(colleague.id);
    expect(columns(setup.el).every((c) => c.querySelectorAll('[part~="card"]').length === 0), 'nothing to show').to.equal(true);
    expect(note(setup.el)).to.contain(`Leads assigned to ${colleague.name} are not visible to you`);
    expect(root(setup.el).querySelector('.filter-note')!.getAttribute('role'), 'said through a status region').to.equal('status');
    await sendMouse({ type: 'click', position: centre(root(setup.el).querySelector('.filter-note button')!) });
    await rendered(setup.el);
    expect(setup.store.filter.assignee).to.equal('any');
    expect(note(setup.el)).to.equal('');
  });

  it('says nothing of the kind to a manager, who sees everyone’s leads', async () => {
    const setup = await mountBoard({ as: 'm2' });
    const rep = setup.members.find((m) => m.role === 'member' && m.active)!;
    await sendMouse({ type: 'click', position: centre(chip(setup.el, rep.id)) });
    await rendered(setup.el);
    expect(note(setup.el)).to.equal('');
  });

  it('shows there is more when the chips do not fit; the wheel and the keyboard reach the rest', async () => {
    const setup = await mountBoard({ members: 14, width: 720 });
    await nextFrames();
    const chips = strip(setup.el);
    expect(chips.scrollWidth, 'the chips overflow the strip').to.be.greaterThan(chips.clientWidth);
    expect(frame(setup.el).dataset.more).to.equal('end');
    const more = root(setup.el).querySelector<HTMLElement>('.more-end')!;
    expect(getComputedStyle(more).display, 'an arrow at the end').not.to.equal('none');

    const wheel = new WheelEvent('wheel', { deltaY: 120, bubbles: true, cancelable: true });
    chips.dispatchEvent(wheel);
    expect(wheel.defaultPrevented, 'the wheel scrolls the strip, not the page').to.equal(true);
    await nextFrames();
    expect(chips.scrollLeft).to.be.greaterThan(0);
    expect(frame(setup.el).dataset.more).to.equal('start end');

    chips.scrollLeft = 0;
    await nextFrames();
    chip(setup.el, 'unassigned').focus();
    await press(setup, 'End');
    await nextFrames(4);
    const last = [...chips.querySelectorAll<HTMLElement>('.chip')].at(-1)!;
    expect(deepActive()).to.equal(last);
    const box = last.getBoundingClientRect();
    const view = chips.getBoundingClientRect();
    expect(box.right, 'the focused chip is scrolled into view').to.be.at.most(view.right + 1);
    expect(frame(setup.el).dataset.more).to.contain('start');
  });

  for (const width of [1400, 768, 390]) {
    it(`holds its height while the board loads, showing nothing yet, so the columns do not move when it fills (${width} px)`, async () => {
      const database = new MemoryDatabase(seed({ leads: 40, members: 6, seed: 11 }));
      const adapter = new MemoryAdapter({ database, as: 'm1', latency: 150 });
      const el = await fixture<LeadKanban>(html`<lead-kanban style="height:580px; width:${width}px" .adapter=${adapter}></lead-kanban>`);
      await el.updateComplete;
      expect(el.store?.status).to.equal('loading');
      const strip = () => root(el).querySelector<HTMLElement>('[part~="workload"]')!;
      const loading = strip().getBoundingClientRect().height;
      expect(getComputedStyle(root(el).querySelector('.viewing-as')!).visibility, 'nobody named yet').to.equal('hidden');
      await waitUntil(() => el.store?.status === 'ready', 'loaded');
      await waitUntil(() => root(el).querySelectorAll('.chip').length > 0, 'chips shown');
      await rendered(el);
      expect(root(el).querySelector('.viewing-as')!.textContent).to.contain('Signed in as');
      expect(getComputedStyle(root(el).querySelector('.viewing-as')!).visibility).to.equal('visible');
      expect(strip().getBoundingClientRect().height, 'the same height').to.equal(loading);
    });
  }
});
