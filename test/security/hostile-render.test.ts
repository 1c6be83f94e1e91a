/**
 * Hostile text, rendered, on the in-memory backend: every payload of payloads.ts as lead names, companies,
 * notes, member names, column labels and CSV cells, shown on the cards and column headers, in the drawer
 * (fields, history, notes), the picker, every dialog (assign, distribute, add lead, import preview, rules), the
 * toasts and the live region. Nothing runs (page-guard.js records any `__xss` call, error or policy
 * violation) and nothing is injected (every shadow root inspected); each payload reads back as written. Text no
 * backend can store is refused with a message naming the field, the board untouched.
 */
import { expect, waitUntil } from '@open-wc/testing';
import './page-guard.js';
import { DEFAULT_COLUMNS, type Column } from '../../sdk/index.js';
import { assignDialog, button, card, cardCheckbox, confirmButton, dialogPicker, menuItems, mountBoard, openCard, rendered, root, settle, toastTexts, type BoardSetup } from '../elements/helpers/board-setup.js';
import { choosePerson } from '../elements/helpers/common.js';
import { chooseFile, dialogButton, errorOf, labelled, openIntake, type, untilClosed } from '../elements/helpers/intake-setup.js';
import { drawerRoot } from '../elements/helpers/drawer-setup.js';
import { PAYLOADS, UNSTORABLE } from './payloads.js';

interface Guard { ran: string[]; violations: string[]; errors: string[] }
const page = window as unknown as { __guard: Guard; __injected(): string[] };

/** Column labels carry payloads too (a host sets them); keys stay the board's. */
const COLUMNS: Column[] = DEFAULT_COLUMNS.map((c, i) => ({ key: c.key, label: i === 0 ? PAYLOADS[0]! : i === 1 ? PAYLOADS[7]! : c.label }));
/** Which payloads reached which surface as text, for the figures at the end. */
const seen = new Map<string, Set<string>>();

/** The text a part shows, its shadow roots (and theirs) included. */
function textOf(scope: Node | null | undefined): string {
  if (!scope) return '';
  const parts: string[] = [scope.textContent ?? ''];
  const walk = (node: Node) => {
    for (const el of (node as ParentNode).querySelectorAll?.('*') ?? []) if (el.shadowRoot) parts.push(textOf(el.shadowRoot));
  };
  walk(scope);
  if (scope instanceof Element && scope.shadowRoot) parts.push(textOf(scope.shadowRoot));
  return parts.join('\n');
}
const shadowOf = (setup: BoardSetup, tag: string) => root(setup.el).querySelector(tag)?.shadowRoot;
const liveRegion = () => textOf(document.getElementById('lead-kanban-live-region'));

/**
 * The page shows what it shows without anything running or being injected (the whole page is inspected
 * each time); the payloads found in `text`, the surface's own text, are counted for the figures.
 */
function check(surface: string, text: string): void {
  expect(page.__guard.ran, `script ran on ${surface}`).to.deep.equal([]);
  expect(page.__injected(), `injected on ${surface}`).to.deep.equal([]);
  expect(page.__guard.errors, `errors on ${surface}`).to.deep.equal([]);
  expect(page.__guard.violations, `policy violations on ${surface}`).to.deep.equal([]);
  for (const payload of PAYLOADS) if (text.includes(payload)) (seen.get(surface) ?? seen.set(surface, new Set()).get(surface)!).add(payload);
}

async function hostileBoard(): Promise<BoardSetup> {
  const setup = await mountBoard({
    leads: PAYLOADS.length,
    members: 12,
    height: 5200,
    prepare(data) {
      data.leads.forEach((lead, i) => {
        lead.name = PAYLOADS[i]!;
        lead.company = PAYLOADS[(i + 7) % PAYLOADS.length]!;
      });
      data.members.forEach((member, i) => {
        member.name = PAYLOADS[(i * 5 + 3) % PAYLOADS.length]!;
        // An avatar address that is a script URL: shown as initials, never put in an attribute.
        if (i === 3) member.avatarUrl = 'javascript:__xss(90)';
      });
    },
  });
  setup.el.columns = COLUMNS;
  await settle(setup.el);
  return setup;
}

describe('hostile text rendered on the in-memory backend', function () {
  this.timeout(60000);
  after(() => {
    const pairs = [...seen.values()].reduce((n, s) => n + s.size, 0);
    console.log(`hostile-render: ${PAYLOADS.length} payloads; ${pairs} payload × surface renderings over ${seen.size} surfaces: ${[...seen].map(([s, p]) => `${s} ${p.size}`).join(', ')}; 0 ran, 0 injected`);
  });

  it('shows every payload as written on cards and column headers, the workload strip and the toolbar', async () => {
    const setup = await hostileBoard();
    const texts = new Set<string>();
    for (const lead of setup.store.matchingIds()) texts.add(card(setup.el, lead).querySelector('.card-open')!.textContent!.trim());
    // (trim() also takes U+FEFF, which one payload ends with: both sides are trimmed alike.)
    expect([...texts].sort(), 'every card reads its payload').to.deep.equal([...new Set(PAYLOADS.map((p) => p.trim()))].sort());
    const headers = [...root(setup.el).querySelectorAll('lead-kanban-column')].map((c) => c.querySelector('h2, .column-title')?.textContent ?? '');
    expect(headers.join('\n')).to.include(PAYLOADS[0]!).and.to.include(PAYLOADS[7]!);
    check('cards and column headers', [...root(setup.el).querySelectorAll('lead-kanban-column')].map(textOf).join('\n'));
    check('workload strip', textOf(root(setup.el).querySelector('.workload')));
  });

  it('drawer: fields, history and notes; the picker lists member names; an assignment through it says who', async () => {
    const setup = await hostileBoard();
    for (const [i, id] of setup.store.matchingIds().slice(0, 12).entries()) {
      await setup.backend.addNote(id, PAYLOADS[(i * 3) % PAYLOADS.length]!);
      await setup.backend.addNote(id, PAYLOADS[(i * 3 + 1) % PAYLOADS.length]!);
    }
    for (const id of setup.store.matchingIds().slice(0, 12)) {
      const opened = await openCard(setup.el, id);
      await waitUntil(() => drawerRoot(opened).textContent!.includes(setup.store.lead(id)!.name), 'drawer shows the lead');
      await settle(setup.el);
      check('drawer', textOf(drawerRoot(opened)));
    }
    const id = setup.store.matchingIds()[0]!;
    const opened = await openCard(setup.el, id);
    const someone = setup.store.assignableMembers.find((m) => m.id !== setup.store.lead(id)!.assigneeId)!;
    const picker = drawerRoot(opened).querySelector('assign-picker')!;
    picker.shadowRoot!.querySelector<HTMLElement>('[role="combobox"]')!.click();
    await picker.updateComplete;
    check('picker list', textOf(picker));
    picker.shadowRoot!.querySelector<HTMLElement>('[role="combobox"]')!.click();
    await picker.updateComplete;
    await choosePerson(picker, someone.name, true);
    await waitUntil(() => setup.store.lead(id)!.assigneeId === someone.id && !setup.store.isPending(id), 'assigned');
    await settle(setup.el);
    check('drawer', textOf(drawerRoot(opened)));
    check('toasts', toastTexts(setup.el).join('\n'));
    check('live region', liveRegion());
  });

  it('bulk assign and distribute dialogs, the menu, a move to a hostile column, and undo', async () => {
    const setup = await hostileBoard();
    const ids = setup.store.cardsIn('new').slice(0, 3).map((l) => l.id);
    for (const id of ids) cardCheckbox(setup.el, id).click();
    await rendered(setup.el);
    button(setup.el, 'Assign').click();
    await waitUntil(() => assignDialog(setup.el)?.open, 'assign dialog open');
    const to = setup.store.assignableMembers[1]!;
    await choosePerson(dialogPicker(setup.el), to.name, true);
    check('assign dialog', textOf(shadowOf(setup, 'lead-kanban-assign-dialog')));
    confirmButton(setup.el).click();
    await waitUntil(() => ids.every((id) => setup.store.lead(id)!.assigneeId === to.id && !setup.store.isPending(id)), 'assigned');
    await settle(setup.el);
    check('toasts', toastTexts(setup.el).join('\n'));

    for (const id of ids) setup.store.setSelected(id, true);
    await rendered(setup.el);
    button(setup.el, 'Distribute…').click();
    const distribute = () => root(setup.el).querySelector('lead-kanban-distribute-dialog')?.shadowRoot?.querySelector('dialog');
    await waitUntil(() => distribute()?.open, 'distribute dialog open');
    await settle(setup.el);
    check('distribute dialog', textOf(shadowOf(setup, 'lead-kanban-distribute-dialog')));
    dialogButton(distribute()!, /^Distribute \d+ leads?$/).click();
    await waitUntil(() => !distribute()?.open, 'distributed');
    await settle(setup.el);
    check('toasts', toastTexts(setup.el).join('\n'));

    const lead = setup.store.cardsIn('contacted')[0]!;
    card(setup.el, lead.id).querySelector<HTMLButtonElement>('.card-menu')!.click();
    await waitUntil(() => customElements.get('lead-kanban-menu') && menuItems(setup.el).length > 0, 'menu open');
    check('menu', textOf(shadowOf(setup, 'lead-kanban-menu')));
    menuItems(setup.el).find((i) => i.textContent!.trim() === `Move to ${COLUMNS[0]!.label}`)!.click();
    await waitUntil(() => setup.store.lead(lead.id)!.status === 'new' && !setup.store.isPending(lead.id), 'moved');
    await settle(setup.el);
    check('toasts', toastTexts(setup.el).join('\n'));
    check('live region', liveRegion());
    await setup.store.undo();
    await settle(setup.el);
    check('toasts', toastTexts(setup.el).join('\n'));
  });

  it('add lead, import preview and assignment rules dialogs; unstorable text is refused, naming the field', async () => {
    const setup = await hostileBoard();
    const add = await openIntake(setup.el, 'Add lead');
    await type(labelled(add, 'Name'), PAYLOADS[9]!);
    await type(labelled(add, 'Company'), PAYLOADS[36]!);
    check('add lead dialog', textOf(add));
    dialogButton(add, 'Create lead').click();
    await untilClosed(setup.el, add);
    check('toasts', toastTexts(setup.el).join('\n'));

    for (const bad of UNSTORABLE) {
      const again = await openIntake(setup.el, 'Add lead');
      await type(labelled(again, 'Name'), bad);
      dialogButton(again, 'Create lead').click();
      await waitUntil(() => errorOf(labelled(again, 'Name')) !== null, 'the name is refused');
      expect(errorOf(labelled(again, 'Name'))).to.match(/Name/);
      dialogButton(again, 'Cancel').click();
      await untilClosed(setup.el, again);
    }
    check('add lead refusals', '');

    // Every payload in a cell; a third of them where the preview shows the value back (an invalid status or email).
    const rows = PAYLOADS.map((p, i) => [p, p, i % 3 === 1 ? p : `p${i}@x.example`, i % 3 === 2 ? p : 'new', String(i)]);
    const cell = (v: string) => `"${v.replace(/"/g, '""')}"`;
    const csv = ['name,company,email,status,value', ...rows.map((r) => r.map(cell).join(','))].join('\n');
    const importing = await openIntake(setup.el, 'Import leads');
    chooseFile(labelled(importing, 'CSV file'), csv);
    await waitUntil(() => /rows read/.test(importing.textContent!), 'preview shown', { timeout: 20000 });
    await settle(setup.el);
    check('import preview', textOf(importing));
    dialogButton(importing, /^Import \d+ leads?$/).click();
    await untilClosed(setup.el, importing);
    check('toasts', toastTexts(setup.el).join('\n'));
    check('cards and column headers', [...root(setup.el).querySelectorAll('lead-kanban-column')].map(textOf).join('\n'));

    const rules = await openIntake(setup.el, 'Assignment rules');
    await waitUntil(() => rules.querySelector('[role="switch"]'), 'rules loaded');
    check('rules dialog', textOf(rules));
  });
});
