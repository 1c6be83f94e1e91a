/**
 * Undo everywhere on the board: every assignment (drawer, bulk, card menu) and every move (keyboard, menu) is
 * told in a toast naming the lead(s), newest on top, each with its own Undo; Ctrl/Cmd+Z undoes the last
 * action; an undo that meets a lead changed by someone else leaves it alone and names it.
 */
import { expect, waitUntil } from '@open-wc/testing';
import { liveRegion } from '../../src/controllers/announcer.js';
import {
  button,
  card,
  cardButton,
  menuItems,
  openCard,
  mountBoard,
  rendered,
  root,
  settle,
  toastTexts,
  type BoardSetup,
} from './helpers/board-setup.js';
import { choosePerson, chord } from './helpers/common.js';
import { drawerRoot } from './helpers/drawer-setup.js';

/** The toasts, newest first, as the user sees them: text and the names of their buttons. */
function toasts(setup: BoardSetup) {
  return [...root(setup.el).querySelectorAll('.toast')].map((t) => ({
    text: t.querySelector('.toast-text')!.textContent!.trim(),
    buttons: [...t.querySelectorAll<HTMLButtonElement>('.toast-action')].map((b) => b.textContent!.trim()),
    undo: [...t.querySelectorAll<HTMLButtonElement>('.toast-action')].find((b) => b.textContent!.trim() === 'Undo'),
  }));
}

async function menuItem(setup: BoardSetup, leadId: string, label: string): Promise<void> {
  card(setup.el, leadId).querySelector<HTMLButtonElement>('.card-menu')!.click();
  await waitUntil(() => customElements.get('lead-kanban-menu') && menuItems(setup.el).length > 0, 'menu open');
  menuItems(setup.el).find((i) => i.textContent!.trim() === label)!.click();
}

describe('<lead-kanban> undo toasts and Ctrl+Z', () => {
  it('three quick assignments: three toasts naming each lead, newest on top, each Undo undoing its own', async () => {
    const setup = await mountBoard({ as: 'm1' });
    const leads = setup.store.cardsIn('new').filter((l) => l.assigneeId !== 'm1').slice(0, 3);
    const admin = setup.members.find((m) => m.id === 'm1')!;
    const before = new Map(leads.map((l) => [l.id, l.assigneeId]));
    for (const lead of leads) {
      await menuItem(setup, lead.id, 'Assign to me');
      await waitUntil(() => toastTexts(setup.el).includes(`${lead.name} assigned to ${admin.name}`), `told for ${lead.name}`);
    }
    await settle(setup.el);
    expect(toasts(setup).map((t) => t.text)).to.deep.equal(leads.map((l) => `${l.name} assigned to ${admin.name}`).reverse());
    expect(toasts(setup).every((t) => t.buttons.includes('Undo'))).to.equal(true);

    // The middle toast's Undo undoes the middle assignment only.
    toasts(setup)[1]!.undo!.click();
    await waitUntil(() => toastTexts(setup.el).includes(`Assignment of ${leads[1]!.name} undone`), 'undone');
    await settle(setup.el);
    expect((await setup.backend.getLead(leads[1]!.id)).assigneeId).to.equal(before.get(leads[1]!.id));
    expect((await setup.backend.getLead(leads[0]!.id)).assigneeId).to.equal('m1');
    expect((await setup.backend.getLead(leads[2]!.id)).assigneeId).to.equal('m1');
    const history = await setup.backend.listActivity(leads[1]!.id);
    expect(history.at(-1)).to.deep.include({ source: 'undo', from: 'm1' });
  });

  it('a keyboard move: the toast names lead and column (not spoken twice), Undo puts the card back', async () => {
    const setup = await mountBoard();
    const lead = setup.store.cardsIn('new')[0]!;
    cardButton(setup.el, lead.id).focus();
    await chord('Control', 'ArrowRight');
    await waitUntil(() => toastTexts(setup.el).includes(`${lead.name} moved to Contacted`), 'told');
    expect(liveRegion().textContent, 'the move was announced when made').to.match(/^Moved /);
    await settle(setup.el);
    toasts(setup)[0]!.undo!.click();
    await waitUntil(() => toastTexts(setup.el).includes(`Move of ${lead.name} undone`), 'undone');
    await settle(setup.el);
    expect((await setup.backend.getLead(lead.id)).status).to.equal('new');
    expect(setup.store.indexIn('new', lead.id)).to.equal(0);
  });

  it('Ctrl+Z on the board undoes the last action, then the one before; in a text field it is left to the field', async () => {
    const setup = await mountBoard();
    const lead = setup.store.cardsIn('qualified')[0]!;
    cardButton(setup.el, lead.id).focus();
    await chord('Control', 'ArrowRight'); // to Proposal
    await waitUntil(() => !setup.store.isPending(lead.id) && setup.store.canUndo, 'moved');
    await settle(setup.el);
    cardButton(setup.el, lead.id).focus();
    await chord('Control', 'ArrowRight'); // to Won
    await waitUntil(() => setup.store.undoActions.length === 2 && !setup.store.isPending(lead.id), 'moved again');
    await settle(setup.el);
    expect(setup.store.lead(lead.id)!.status).to.equal('won');

    const search = root(setup.el).querySelector<HTMLInputElement>('.search-input')!;
    search.focus();
    await chord('Control', 'z');
    await settle(setup.el);
    expect(setup.store.lead(lead.id)!.status, 'typing undo is the field\'s').to.equal('won');

    cardButton(setup.el, lead.id).focus();
    await chord('Control', 'z');
    await waitUntil(() => setup.store.lead(lead.id)!.status === 'proposal' && !setup.store.isPending(lead.id), 'first undo');
    await settle(setup.el);
    cardButton(setup.el, lead.id).focus();
    await chord('Control', 'z');
    await waitUntil(() => setup.store.lead(lead.id)!.status === 'qualified' && !setup.store.isPending(lead.id), 'second undo');
    await settle(setup.el);
    expect((await setup.backend.getLead(lead.id)).status).to.equal('qualified');
    expect(setup.store.canUndo).to.equal(false);
  });

  it('an assignment in the drawer offers Undo in a toast too', async () => {
    const setup = await mountBoard();
    const lead = setup.store.cardsIn('contacted')[0]!;
    const other = setup.store.assignableMembers.find((m) => m.id !== lead.assigneeId)!;
    const opened = await openCard(setup.el, lead.id);
    await choosePerson(drawerRoot(opened).querySelector('assign-picker')!, other.name, true);
    await waitUntil(() => toastTexts(setup.el).includes(`${lead.name} assigned to ${other.name}`), 'told');
    button(setup.el, 'Undo').click();
    await waitUntil(() => toastTexts(setup.el).includes(`Assignment of ${lead.name} undone`), 'undone');
    await settle(setup.el);
    expect((await setup.backend.getLead(lead.id)).assigneeId).to.equal(lead.assigneeId);
  });

  it('a bulk Undo leaves a lead someone else changed meanwhile alone and names it', async () => {
    const setup = await mountBoard();
    const leads = setup.store.cardsIn('new').filter((l) => l.assigneeId !== 'm4').slice(0, 3);
    const ids = leads.map((l) => l.id);
    await setup.store.assign(ids, 'm4', { source: 'bulk' });
    await waitUntil(() => toastTexts(setup.el).some((t) => t.startsWith('3 leads assigned to')), 'told');
    await setup.backend.session('m2').assign([ids[1]!], 'm5');
    await waitUntil(() => setup.store.lead(ids[1]!)!.assigneeId === 'm5', 'the other change arrived');
    await rendered(setup.el);
    toasts(setup).find((t) => t.text.startsWith('3 leads assigned to'))!.undo!.click();
    await waitUntil(() => toastTexts(setup.el).some((t) => t.startsWith('Undone for 2 leads')), 'told');
    expect(toastTexts(setup.el)[0]).to.equal(`Undone for 2 leads · Not undone, changed since: ${leads[1]!.name}`);
    expect((await setup.backend.getLead(ids[1]!)).assigneeId).to.equal('m5');
    for (const lead of [leads[0]!, leads[2]!]) expect((await setup.backend.getLead(lead.id)).assigneeId).to.equal(lead.assigneeId);
  });
});
