/**
 * What the board tells the user about writes, in the words of the localization table (src/l10n.ts) — never in
 * words from the SDK, whose notices are structure only (src/notice-text.ts words them). Each outcome is told
 * once: failures and refused leads by the store's notice whoever started the command, a success by whoever
 * started it.
 */
import { expect, waitUntil } from '@open-wc/testing';
import { messages, setMessages } from '../../src/l10n.js';
import { liveRegion } from '../../src/controllers/announcer.js';
import {
  assignDialog,
  button,
  confirmButton,
  dialogPicker,
  mountBoard,
  openCard,
  refusedMove,
  rendered,
  settle,
  toastTexts,
} from './helpers/board-setup.js';
import { choosePerson } from './helpers/common.js';
import { drawerRoot } from './helpers/drawer-setup.js';

/** A table in another language for the words these tests look at (the rest stays English). */
const german = {
  moveFailed: (name: string, reason: string) => `${name} konnte nicht verschoben werden: ${reason}`,
  outcomeAssigned: (n: number, name: string) => `${n} Leads an ${name} vergeben`,
  outcomeConflict: (n: number) => `${n} von jemand anderem geändert`,
  assignConflict: 'Jemand anderes hat diesen Lead gerade geändert.',
  leadsUnavailable: (names: string) => `${names} ist nicht mehr verfügbar`,
  undo: 'Rückgängig',
};

describe('<lead-kanban> notices in the words of the localization table', () => {
  beforeEach(() => setMessages(german));
  afterEach(() => setMessages({}));

  it('a refused move: one toast, the lead named, the frame translated', async () => {
    const setup = await mountBoard();
    const lead = await refusedMove(setup);
    await settle(setup.el);
    expect(toastTexts(setup.el)).to.deep.equal([`${lead.name} konnte nicht verschoben werden: not yours`]);
    expect(setup.store.lead(lead.id)!.status, 'rolled back').to.equal('new');
  });

  it('a bulk assignment with a refused lead: one toast in the table\'s words, with its Undo', async () => {
    const setup = await mountBoard();
    const ids = setup.store.cardsIn('new').slice(0, 3).map((l) => l.id);
    expect(ids).to.have.length(3);
    const member = setup.store.assignableMembers.find((m) => ids.every((id) => setup.store.lead(id)!.assigneeId !== m.id))!;
    setup.fault.inject('assign', { conflict: [ids[0]!] });
    const notices: unknown[] = [];
    setup.store.onNotice((n) => notices.push(n));
    for (const id of ids) setup.store.setSelected(id, true);
    await rendered(setup.el);
    button(setup.el, 'Assign').click();
    await waitUntil(() => assignDialog(setup.el)?.open, 'dialog open');
    await choosePerson(dialogPicker(setup.el), member.name);
    await rendered(setup.el);
    confirmButton(setup.el).click();
    await waitUntil(() => toastTexts(setup.el).length > 0, 'told');
    await settle(setup.el);
    expect(toastTexts(setup.el)).to.deep.equal([`2 Leads an ${member.name} vergeben · 1 von jemand anderem geändert`]);
    expect(liveRegion().textContent).to.equal(toastTexts(setup.el)[0]);
    expect(button(setup.el, 'Rückgängig'), 'Undo offered for the two that went through').to.exist;
    expect(notices, 'the store said it once, as structure').to.have.length(1);
  });

  it('an assignment refused in the drawer: said at the picker, in the table\'s words, and not again in a toast', async () => {
    const setup = await mountBoard();
    const lead = setup.store.cardsIn('contacted')[0]!;
    const other = setup.store.assignableMembers.find((m) => m.id !== lead.assigneeId)!;
    const opened = await openCard(setup.el, lead.id);
    setup.fault.inject('assign', { conflict: true });
    await choosePerson(drawerRoot(opened).querySelector('assign-picker')!, other.name);
    await waitUntil(() => drawerRoot(opened).querySelector('.assign-status.error'), 'told');
    await settle(setup.el);
    await opened.updateComplete;
    expect(drawerRoot(opened).querySelector('.assign-status')!.textContent!.trim()).to.equal(german.assignConflict);
    expect(drawerRoot(opened).querySelector('.conflict'), 'the drawer offers the choices').to.exist;
    expect(toastTexts(setup.el)).to.deep.equal([]);
  });

  it('a lead leaving the user\'s view: the table\'s sentence, naming the lead', async () => {
    const setup = await mountBoard({ as: 'm3' });
    const mine = setup.store.leadIdsAssignedTo('m3')[0]!;
    expect(mine, 'm3 holds a lead').to.be.a('string');
    const name = setup.store.lead(mine)!.name;
    setup.store.setSelected(mine, true);
    await setup.backend.session('m1').assign([mine], 'm4');
    await waitUntil(() => toastTexts(setup.el).length > 0, 'told');
    expect(toastTexts(setup.el)).to.deep.equal([`${name} ist nicht mehr verfügbar`]);
    expect(messages().leadsUnavailable(name, 1)).to.equal(`${name} ist nicht mehr verfügbar`);
  });
});
