/**
 * The card actions menu, the bulk "Assign leads" dialog and the "Keyboard shortcuts" dialog are fetched after
 * the board's first frame, not with it. Opening one before the fetch has arrived must still open it, once it
 * arrives. This file runs in its own page, so nothing has loaded that chunk before; the fetch is held back
 * (the real module, released when the test says so) to open the menu while it is missing.
 */
import { expect, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { boardPartsChunk } from '../../src/lead-kanban/lead-kanban.js';
import {
  assignDialog,
  button,
  card,
  cardCheckbox,
  confirmButton,
  helpDialog,
  menu,
  mountBoard,
  rendered,
  root,
} from './helpers/board-setup.js';
import { deepActive } from './helpers/common.js';
import { controlFetch } from './helpers/drawer-setup.js';
import { axAll } from './helpers/picker-a11y.js';

const fetches = controlFetch(boardPartsChunk);

describe('<lead-kanban> card menu and dialogs loaded on demand', () => {
  it('the fetch starts after the first render; a menu opened before it arrives opens when it does', async () => {
    expect(customElements.get('lead-kanban-menu'), 'not part of the board module').to.equal(undefined);
    const setup = await mountBoard();
    await waitUntil(() => fetches.started === 1, 'requested after the first render, without any action');

    const lead = setup.store.cardsIn('new')[0]!;
    // The keyboard summary cards are described by is the board's own, there before the help dialog's code.
    expect(customElements.get('lead-kanban-help-dialog'), 'help dialog not part of the board module').to.equal(undefined);
    const describedBy = card(setup.el, lead.id).querySelector('.card-open')!.getAttribute('aria-describedby')!.split(' ').at(-1)!;
    expect(root(setup.el).getElementById(describedBy)?.textContent).to.match(/^Arrow keys move between cards\./);
    const menuButton = card(setup.el, lead.id).querySelector<HTMLButtonElement>('.card-menu')!;
    menuButton.click();
    await rendered(setup.el);
    expect(await axAll('menu')).to.have.length(0);

    fetches.release();
    await waitUntil(() => menu(setup.el), 'the menu opens once its code is there');
    expect(await axAll('menu', `Actions for ${lead.name}`)).to.have.length(1);
    expect(deepActive()!.textContent!.trim(), 'focus on the first item').to.equal('Move to Contacted');
    expect(menuButton.getAttribute('aria-expanded')).to.equal('true');

    // The dialog came in the same fetch: Assign opens it at once, with the store the board gave it.
    await sendKeys({ press: 'Escape' });
    cardCheckbox(setup.el, lead.id).click();
    await rendered(setup.el);
    button(setup.el, 'Assign').click();
    await waitUntil(() => assignDialog(setup.el)?.open, 'dialog open');
    expect(await axAll('dialog', 'Assign leads')).to.have.length(1);
    expect(confirmButton(setup.el).textContent!.trim()).to.equal('Assign 1 lead');
    const dialog = root(setup.el).querySelector('lead-kanban-assign-dialog') as HTMLElement & { store?: unknown };
    expect(dialog.store, 'the store the board gave it').to.equal(setup.store);

    // So did "Keyboard shortcuts".
    assignDialog(setup.el)!.close();
    button(setup.el, 'Keyboard shortcuts').click();
    await waitUntil(() => helpDialog(setup.el)?.open, 'help open');
    expect(await axAll('dialog', 'Keyboard shortcuts')).to.have.length(1);
    expect(fetches.started).to.equal(1);
  });
});
