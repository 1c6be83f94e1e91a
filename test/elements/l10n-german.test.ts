/**
 * The elements in German from a host-supplied table (demo/locales/de.ts, a complete translation) with the
 * host's locale: `setMessages(de)` and `setLocale('de-DE', { currency: 'EUR' })`. The board, drawer, picker,
 * every dialog, a toast and a live announcement say German words, and money, numbers, durations and dates
 * come out of Intl in de-DE ("12.500 €", "15.01.2026, 09:00", "vor 3 Minuten").
 */
import { expect, waitUntil } from '@open-wc/testing';
import { de } from '../../demo/locales/de.js';
import { liveRegion } from '../../src/controllers/announcer.js';
import { localeSettings, setLocale, setMessages } from '../../src/l10n.js';
import {
  assignDialog,
  button,
  card,
  cardButton,
  confirmButton,
  dialogPicker,
  helpDialog,
  mountBoard,
  openCard,
  region,
  rendered,
  root,
  settle,
  toastTexts,
} from './helpers/board-setup.js';
import { choosePerson, chord } from './helpers/common.js';
import { drawerRoot } from './helpers/drawer-setup.js';
import { intakeDialog, openIntake } from './helpers/intake-setup.js';

const text = (node: Element | null | undefined) => node?.textContent?.replace(/\s+/g, ' ').trim() ?? '';
const euros = (n: number) => new Intl.NumberFormat('de-DE', { style: 'currency', currency: 'EUR', maximumFractionDigits: 0 }).format(n);

describe('German from the host: words from its table, formats from Intl in de-DE', () => {
  beforeEach(() => {
    setMessages(de);
    setLocale('de-DE', { currency: 'EUR' });
  });
  afterEach(() => {
    setMessages({});
    setLocale(undefined, { currency: 'USD' });
  });

  it('the board: toolbar, columns with their totals in euros, cards with values and waiting times', async () => {
    const setup = await mountBoard({
      leads: 12,
      prepare: (data) => {
        const lead = data.leads.find((l) => l.status === 'new')!;
        Object.assign(lead, { value: 12500, assigneeId: null, createdAt: new Date(Date.now() - 3 * 86_400_000).toISOString() });
      },
    });
    const { el, store } = setup;
    expect(root(el).querySelector('[aria-label="Lead-Board"]'), 'the board named in German').to.exist;
    expect(root(el).querySelector<HTMLInputElement>('input[type="search"]')!.placeholder).to.equal('Leads suchen…');
    expect(text(root(el).querySelector('[part="toolbar"]'))).to.contain('Sortierung');
    for (const name of ['Lead hinzufügen', 'Leads importieren', 'Zuweisungsregeln', 'Tastenkürzel']) {
      expect(button(el, name), name).to.exist;
    }

    const total = store.valueIn('new');
    const value = text(region(el, 'New').querySelector('.column-value'));
    expect(value).to.equal(`Gesamtwert ${euros(total)}`.replace(/\s+/g, ' '));
    expect(euros(12500).replace(/\s/g, ' ')).to.equal('12.500 €'); // what de-DE money looks like

    const lead = store.cardsIn('new').find((l) => l.value === 12500)!;
    expect(text(card(el, lead.id).querySelector('.card-value'))).to.equal('12.500 €');
    const wait = card(el, lead.id).querySelector('.card-wait')!;
    expect(wait.getAttribute('title')).to.equal('Nicht zugewiesen, Wartezeit 3 Tage');
    expect(wait.getAttribute('aria-label'), 'what a screen reader says').to.equal('Wartezeit 3 Tage');
    expect(text(wait)).to.equal(new Intl.NumberFormat('de-DE', { style: 'unit', unit: 'day', unitDisplay: 'narrow' }).format(3));
  });

  it('setLocale refuses a currency or locale Intl does not know, and keeps the one in force', async () => {
    expect(() => setLocale('de-DE', { currency: 'EURO' })).to.throw(RangeError);
    expect(() => setLocale('not a locale!')).to.throw(RangeError);
    expect(localeSettings()).to.deep.equal({ locale: 'de-DE', currency: 'EUR' });
  });

  it('the drawer and its picker: German labels, the value in euros, history dated in de-DE', async () => {
    const setup = await mountBoard({ leads: 12 });
    const lead = setup.store.cardsIn('contacted').find((l) => l.value !== undefined) ?? setup.store.cardsIn('contacted')[0]!;
    const drawer = await openCard(setup.el, lead.id);
    const content = drawerRoot(drawer);
    await waitUntil(() => content.querySelector('.entry-meta time'), 'history shown');
    const labels = [...content.querySelectorAll('label')].map(text);
    for (const label of ['Firma', 'E-Mail', 'Telefon', 'Wert']) expect(labels.some((l) => l.startsWith(label)), label).to.be.true;
    expect(content.textContent).to.contain('Verlauf');
    const time = content.querySelector('.entry-meta time')!;
    expect(text(time)).to.equal(new Intl.DateTimeFormat('de-DE', { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(time.getAttribute('datetime')!)));
    expect(text(time)).to.match(/^\d{2}\.\d{2}\.\d{4}, \d{2}:\d{2}$/);

    const picker = content.querySelector('assign-picker')!;
    picker.shadowRoot!.querySelector<HTMLElement>('[role="combobox"]')!.click();
    await picker.updateComplete;
    const options = [...picker.shadowRoot!.querySelectorAll('[role="option"]')].map(text);
    expect(options[0]).to.match(/^Nicht zugewiesen \d+ offen$/);
    expect(options.slice(1).every((o) => / \d+ offen$/.test(o)), options.join(' | ')).to.be.true;
  });

  it('the dialogs: assign, distribute, add lead, import, rules and keyboard help', async () => {
    const setup = await mountBoard({ leads: 12 });
    const { el, store } = setup;
    store.setSelected(store.cardsIn('new')[0]!.id, true);
    await rendered(el);

    button(el, 'Zuweisen').click();
    await waitUntil(() => assignDialog(el)?.open, 'assign dialog open');
    expect(text(assignDialog(el)!.querySelector('h2'))).to.equal('Leads zuweisen');
    expect(assignDialog(el)!.textContent).to.contain('Wählen Sie, wer die ausgewählten Leads übernehmen soll.');
    const buttons = [...assignDialog(el)!.querySelectorAll('button')].map(text);
    expect(buttons).to.include('Abbrechen');
    expect(buttons).to.include('1 Lead zuweisen');
    assignDialog(el)!.close();
    await settle(el);

    button(el, 'Verteilen…').click();
    const distribute = () => root(el).querySelector('lead-kanban-distribute-dialog')?.shadowRoot?.querySelector('dialog');
    await waitUntil(() => distribute()?.open, 'distribute dialog open');
    expect(text(distribute()!.querySelector('h2'))).to.equal('Leads verteilen');
    expect(distribute()!.textContent).to.contain('Personen, die Leads erhalten');
    distribute()!.close();
    await settle(el);

    const add = await openIntake(el, 'Add lead', button(el, 'Lead hinzufügen'));
    expect(text(add.querySelector('h2'))).to.equal('Lead hinzufügen');
    expect(add.textContent).to.contain('Der Lead erscheint oben in seiner Spalte.');
    add.close();
    await settle(el);

    const importing = await openIntake(el, 'Import leads', button(el, 'Leads importieren'));
    expect(text(importing.querySelector('h2'))).to.equal('Leads importieren');
    expect(importing.textContent).to.contain('Oder CSV einfügen');
    importing.close();
    await settle(el);

    const rules = await openIntake(el, 'Assignment rules', button(el, 'Zuweisungsregeln'));
    await waitUntil(() => rules.textContent!.includes('Neue Leads automatisch zuweisen'), 'rules loaded');
    expect(text(rules.querySelector('h2'))).to.equal('Zuweisungsregeln');
    expect(intakeDialog(el, 'Assignment rules')).to.equal(rules);
    rules.close();
    await settle(el);

    button(el, 'Tastenkürzel').click();
    await waitUntil(() => helpDialog(el)?.open, 'help open');
    expect(text(helpDialog(el)!.querySelector('h2'))).to.equal('Tastenkürzel');
    expect(helpDialog(el)!.textContent).to.contain('Karte auswählen oder abwählen');
    helpDialog(el)!.close();
  });

  it('a toast and the live announcements speak German', async () => {
    const setup = await mountBoard({ leads: 12 });
    const { el, store } = setup;
    const lead = store.cardsIn('new')[0]!;
    cardButton(el, lead.id).focus();
    await chord('Control', 'ArrowRight');
    await settle(el);
    await waitUntil(() => liveRegion().textContent!.includes('verschoben'), 'move announced');
    expect(liveRegion().textContent).to.equal(`${lead.name} von New nach Contacted verschoben, Position 1 von ${store.countIn('contacted')}`);

    const ids = store.cardsIn('qualified').slice(0, 2).map((l) => l.id);
    const member = store.assignableMembers.find((m) => ids.every((id) => store.lead(id)!.assigneeId !== m.id))!;
    for (const id of ids) store.setSelected(id, true);
    await rendered(el);
    button(el, 'Zuweisen').click();
    await waitUntil(() => assignDialog(el)?.open, 'dialog open');
    await choosePerson(dialogPicker(el), member.name);
    await rendered(el);
    expect(text(confirmButton(el))).to.equal('2 Leads zuweisen');
    confirmButton(el).click();
    await waitUntil(() => toastTexts(el).length > 1, 'told');
    await settle(el);
    expect(toastTexts(el), 'newest first').to.deep.equal([`2 Leads ${member.name} zugewiesen`, `${lead.name} nach Contacted verschoben`]);
    expect(button(el, 'Rückgängig')).to.exist;
  });
});
