/**
 * The card actions menu, the bulk "Assign leads" dialog and the "Keyboard shortcuts" dialog are fetched after
 * the board's first frame, not with
 * it. Opening one before the fetch has arrived must still open it, once it arrives. This file runs in its own
 * page, so nothing has loaded that chunk before; the fetch is held back (the real module, released when the
 * test says so) to open the menu while it is missing.
 */
import { expect, waitUntil } from '@open-wc/testing';
import { onDemandSource } from '../../src/lead-kanban/on-demand.js';
import { button, card, cardCheckbox, mountBoard, rendered, root } from './helpers/board-setup.js';
import { axAll } from './helpers/picker-a11y.js';

let releaseFetch!: () => void;
const fetchHeld = new Promise<void>((resolve) => (releaseFetch = resolve));
let fetchesStarted = 0;
const realLoad = onDemandSource.load;
onDemandSource.load = () => {
  fetchesStarted++;
  return fetchHeld.then(realLoad);
};

describe('<lead-kanban> card menu and bulk dialog loaded on demand (issue 6)', () => {
  it('the fetch starts after the first render; a menu opened before it arrives opens when it does', async () => {
    expect(customElements.get('lead-kanban-menu'), 'not part of the board module').to.equal(undefined);
    const setup = await mountBoard();
    await waitUntil(() => fetchesStarted === 1, 'requested after the first render, without any action');

    const lead = setup.store.cardsIn('new')[0]!;
    // The keyboard summary cards are described by is the board's own, there before the help dialog's code.
    expect(customElements.get('lead-kanban-help-dialog'), 'help dialog not part of the board module').to.equal(undefined);
    const describedBy = card(setup.el, lead.id).querySelector('.card-open')!.getAttribute('aria-describedby')!.split(' ').at(-1)!;
    expect(root(setup.el).getElementById(describedBy)?.textContent).to.match(/^Arrow keys move between cards\./);
    const menuButton = card(setup.el, lead.id).querySelector<HTMLButtonElement>('.card-menu')!;
    menuButton.click();
    await rendered(setup.el);
    expect(await axAll('menu')).to.have.length(0);

    releaseFetch();
    await waitUntil(() => root(setup.el).querySelector('[role="menu"]'), 'the menu opens once its code is there');
    expect(await axAll('menu', `Actions for ${lead.name}`)).to.have.length(1);
    expect((root(setup.el).activeElement as HTMLElement).textContent!.trim(), 'focus on the first item').to.equal(
      'Move to Contacted',
    );
    expect(menuButton.getAttribute('aria-expanded')).to.equal('true');

    // The dialog came in the same fetch: Assign opens it at once, with the store the board gave it.
    (root(setup.el).activeElement as HTMLElement).dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true }));
    cardCheckbox(setup.el, lead.id).click();
    await rendered(setup.el);
    button(setup.el, 'Assign').click();
    await waitUntil(() => root(setup.el).querySelector<HTMLDialogElement>('dialog.assign-dialog')?.open, 'dialog open');
    expect(await axAll('dialog', 'Assign leads')).to.have.length(1);
    expect(root(setup.el).querySelector('.confirm-button')!.textContent!.trim()).to.equal('Assign 1 lead');
    const dialog = root(setup.el).querySelector('lead-kanban-assign-dialog') as HTMLElement & { store?: unknown };
    expect(dialog.store, 'the store bound before the element was defined').to.equal(setup.store);

    // So did "Keyboard shortcuts".
    (root(setup.el).querySelector('dialog.assign-dialog') as HTMLDialogElement).close();
    button(setup.el, 'Keyboard shortcuts').click();
    await waitUntil(() => root(setup.el).querySelector<HTMLDialogElement>('dialog.help-dialog')?.open, 'help open');
    expect(await axAll('dialog', 'Keyboard shortcuts')).to.have.length(1);
    expect(fetchesStarted).to.equal(1);
  });
});
