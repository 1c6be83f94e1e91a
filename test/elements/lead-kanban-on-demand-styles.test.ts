/**
 * The rules of the card menu and the bulk "Assign leads" dialog come with their chunk (on-demand-parts.ts),
 * which fills a sheet every board adopts from the start (issue 6). Two boards on one page, the second made
 * after the chunk arrived: both show the menu and the dialog styled (a fixed popup, a dialog of its width).
 */
import { expect, waitUntil } from '@open-wc/testing';
import { button, cardCheckbox, mountBoard, rendered, root, type BoardSetup } from './helpers/board-setup.js';

async function openMenu(setup: BoardSetup): Promise<HTMLElement> {
  const lead = setup.store.cardsIn('new')[0]!;
  root(setup.el).querySelector<HTMLButtonElement>(`lead-kanban-card[data-lead-id="${lead.id}"] .card-menu`)!.click();
  await waitUntil(() => root(setup.el).querySelector('[role="menu"]'), 'menu open', { timeout: 5000 });
  return root(setup.el).querySelector<HTMLElement>('[role="menu"]')!;
}

describe('<lead-kanban> styles of the parts loaded on demand (issue 6)', () => {
  it('reach every board once their chunk is there', async () => {
    const first = await mountBoard();
    const menu = await openMenu(first);
    expect(getComputedStyle(menu).position, 'the menu pops up over the board').to.equal('fixed');
    menu.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true }));
    await rendered(first.el);

    const second = await mountBoard();
    expect(getComputedStyle(await openMenu(second)).position).to.equal('fixed');

    const lead = second.store.cardsIn('new')[1]!;
    cardCheckbox(second.el, lead.id).click();
    await rendered(second.el);
    button(second.el, 'Assign').click();
    await waitUntil(() => root(second.el).querySelector<HTMLDialogElement>('dialog.assign-dialog')?.open, 'dialog open');
    const dialog = root(second.el).querySelector<HTMLDialogElement>('dialog.assign-dialog')!;
    expect(getComputedStyle(dialog).width, 'the dialog’s own width rule').to.equal('460px');
    expect(getComputedStyle(root(second.el).querySelector('.dialog-picker')!).display).to.equal('block');
  });
});
