/**
 * Hand-off all the way, and the live board: when the lead open in the drawer leaves the user's view the drawer
 * closes, says why, and focus lands on the neighbouring card (never a blank panel, never <body>); someone
 * else assigning leads to me is told ("… assigned you 3 leads", with a button that shows them) and those cards
 * are marked; a card someone else changed is marked for a moment; a lead someone else's change takes out of
 * the filter goes with a notice.
 */
import { expect, waitUntil } from '@open-wc/testing';
import { liveRegion } from '../../src/controllers/announcer.js';
import { button, card, drawer, mountBoard, openCard, rendered, root, settle, toastTexts, type BoardSetup } from './helpers/board-setup.js';
import { choosePerson, deepActive } from './helpers/common.js';
import { drawerRoot } from './helpers/drawer-setup.js';

const focusedCard = () => deepActive()?.closest<HTMLElement>('[part~="card"]')?.getAttribute('data-lead-id') ?? null;
const name = (setup: BoardSetup, id: string) => setup.members.find((m) => m.id === id)!.name;
const cardClass = (setup: BoardSetup, id: string) => card(setup.el, id).className;

/** Waits until the drawer closed and focus is on a card of the board again. */
async function closedOnto(setup: BoardSetup): Promise<string> {
  await waitUntil(() => !drawer(setup.el).open, 'drawer closed');
  await waitUntil(() => focusedCard() !== null, 'focus on a card');
  return focusedCard()!;
}

describe('<lead-kanban> hand-off and the open drawer', () => {
  it('a member hands the open lead off: the drawer closes, says so, focus goes to the next card in its column', async () => {
    const setup = await mountBoard({ as: 'm3' });
    const column = setup.store.cardsIn('new');
    const index = column.findIndex((l) => l.assigneeId === 'm3' || l.assigneeId === null);
    const lead = column[index]!;
    const next = column[index + 1] ?? column[index - 1];
    const opened = await openCard(setup.el, lead.id);
    await choosePerson(drawerRoot(opened).querySelector('assign-picker')!, name(setup, 'm4'), true);
    await opened.updateComplete;
    drawerRoot(opened).querySelector<HTMLButtonElement>('.confirm .primary')!.click();
    const focused = await closedOnto(setup);
    expect(focused).to.equal(next?.id);
    expect(toastTexts(setup.el)).to.include(`${lead.name} was handed over to ${name(setup, 'm4')} and left your view`);
    expect(drawerRoot(opened).querySelector('h2'), 'no blank panel left behind').to.equal(null);
  });

  it('assigned away under the Unassigned filter: closed with the reason, focus on the card that took its place', async () => {
    const setup = await mountBoard();
    setup.store.setFilter({ assignee: 'unassigned' });
    await rendered(setup.el);
    const [lead, next] = setup.store.cardsIn('contacted');
    const opened = await openCard(setup.el, lead!.id);
    await choosePerson(drawerRoot(opened).querySelector('assign-picker')!, name(setup, 'm4'), true);
    expect(await closedOnto(setup)).to.equal(next!.id);
    expect(toastTexts(setup.el)).to.include(`${lead!.name} no longer matches the filter`);
    expect((await setup.backend.getLead(lead!.id)).assigneeId).to.equal('m4');
  });

  it('taken away by someone else while open: closed, told once by name, focus on a card', async () => {
    const setup = await mountBoard({ as: 'm3' });
    const lead = setup.store.cardsIn('qualified').find((l) => l.assigneeId === 'm3') ?? setup.store.cardsIn('new').find((l) => l.assigneeId === 'm3')!;
    await openCard(setup.el, lead.id);
    await setup.backend.session('m1').assign([lead.id], 'm5');
    await closedOnto(setup);
    await waitUntil(() => toastTexts(setup.el).length > 0, 'told');
    expect(toastTexts(setup.el)).to.deep.equal([`${lead.name} is no longer available to you`]);
    expect(document.activeElement).not.to.equal(document.body);
  });
});

describe('<lead-kanban> telling the assignee', () => {
  it('someone else assigns me leads: a toast names them, the cards are marked, Show them focuses the first', async () => {
    const setup = await mountBoard({ as: 'm3' });
    const ids = setup.store.cardsIn('new').filter((l) => l.assigneeId === null).slice(0, 3).map((l) => l.id);
    expect(ids).to.have.length(3);
    setup.store.setFilter({ status: ['lost'] }); // the leads are not on screen
    await rendered(setup.el);
    await setup.backend.session('m2').assign(ids, 'm3', { source: 'bulk' });
    await waitUntil(() => toastTexts(setup.el).includes(`${name(setup, 'm2')} assigned you 3 leads`), 'told');
    expect(liveRegion().textContent).to.equal(`${name(setup, 'm2')} assigned you 3 leads`);
    button(setup.el, 'Show them').click();
    await waitUntil(() => ids.includes(focusedCard() ?? ''), 'focus on one of them');
    await rendered(setup.el);
    for (const id of ids) expect(cardClass(setup, id)).to.contain('is-assigned');
    expect(card(setup.el, ids[0]!).textContent, 'said to screen readers too').to.contain('new for you');
    expect(setup.store.filter.status).to.deep.equal([]);
    // Opening one clears its mark.
    await openCard(setup.el, ids[0]!);
    await rendered(setup.el);
    expect(cardClass(setup, ids[0]!)).not.to.contain('is-assigned');
  });

  it('my own assignment to myself (another tab) is not an alert', async () => {
    const setup = await mountBoard({ as: 'm3' });
    const id = setup.store.cardsIn('new').find((l) => l.assigneeId === null)!.id;
    await setup.backend.session('m3').assign([id], 'm3');
    await waitUntil(() => setup.store.lead(id)!.assigneeId === 'm3', 'arrived');
    await settle(setup.el);
    expect(toastTexts(setup.el)).to.deep.equal([]);
  });
});

describe('<lead-kanban> live board', () => {
  it('a card changed by someone else is marked for a moment', async () => {
    const setup = await mountBoard();
    const lead = setup.store.cardsIn('proposal')[0]!;
    await setup.backend.session('m2').updateLead(lead.id, { value: 4321 }, lead.version);
    await waitUntil(() => cardClass(setup, lead.id).includes('is-changed'), 'marked');
    expect(card(setup.el, lead.id).textContent).to.contain('4,321');
    await waitUntil(() => !cardClass(setup, lead.id).includes('is-changed'), 'unmarked after a moment', { timeout: 5000 });
  });

  it('a lead someone else takes out of the filter goes with a notice', async () => {
    const setup = await mountBoard();
    setup.store.setFilter({ assignee: 'm4' });
    await rendered(setup.el);
    const lead = setup.store.matchingIds().map((id) => setup.store.lead(id)!)[0]!;
    await setup.backend.session('m2').assign([lead.id], 'm5');
    await waitUntil(() => toastTexts(setup.el).length > 0, 'told');
    expect(toastTexts(setup.el)).to.deep.equal([`${lead.name} was changed by someone else and no longer matches the filter`]);
    expect(root(setup.el).querySelector(`[part~="card"][data-lead-id="${lead.id}"]`)).to.equal(null);
  });
});

describe('<lead-drawer> presence', () => {
  it('shows who else has the lead open, updates in place, and says nothing once they leave', async () => {
    const setup = await mountBoard();
    const lead = setup.store.cardsIn('new').find((l) => l.assigneeId === null)!;
    const opened = await openCard(setup.el, lead.id);
    const line = () => drawerRoot(opened).querySelector('.presence')!;
    const said = () => line().querySelector(':scope > span:last-child')?.textContent?.trim() ?? '';
    expect(line().getAttribute('role')).to.equal('status');
    expect(said()).to.equal('');

    const dana = setup.backend.session('m4');
    const stop = dana.subscribe(() => undefined); // Dana's tab: its presence lasts while it listens
    await dana.setViewing(lead.id);
    await waitUntil(() => said().includes('is viewing'), 'shown');
    expect(said()).to.equal(`${name(setup, 'm4')} is viewing`);
    const lee = setup.backend.session('m5');
    const stopLee = lee.subscribe(() => undefined);
    await lee.setViewing(lead.id);
    await waitUntil(() => said().includes(' and '), 'two');
    expect(said()).to.equal(`${name(setup, 'm4')} and ${name(setup, 'm5')} are viewing`);
    stop();
    stopLee();
    await waitUntil(() => said() === '', 'gone');
    await opened.updateComplete;
  });

  it('tells the others while the drawer is open, and stops when it closes', async () => {
    const setup = await mountBoard();
    const lead = setup.store.cardsIn('contacted')[0]!;
    const { LeadStore } = await import('../../sdk/index.js');
    const other = new LeadStore(setup.backend.session('m2'));
    await other.load();
    const opened = await openCard(setup.el, lead.id);
    await waitUntil(() => other.viewersOf(lead.id).some((m) => m.id === 'm1'), 'the others see m1 viewing');
    drawerRoot(opened).querySelector<HTMLButtonElement>('.close')!.click();
    await waitUntil(() => other.viewersOf(lead.id).length === 0, 'ended on close');
    other.dispose();
  });
});
