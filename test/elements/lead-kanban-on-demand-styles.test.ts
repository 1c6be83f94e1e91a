/**
 * The card menu and the bulk "Assign leads" dialog bring their styles with their chunk (each element's own
 * static styles, in its own shadow root). Two boards on one page, the second made after the chunk arrived:
 * both show the menu and the dialog styled (a fixed popup, a dialog of its width).
 */
import { expect, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { assignDialog, button, card, cardCheckbox, menu, mountBoard, rendered, type BoardSetup } from './helpers/board-setup.js';

async function openMenu(setup: BoardSetup): Promise<HTMLElement> {
  const lead = setup.store.cardsIn('new')[0]!;
  card(setup.el, lead.id).querySelector<HTMLButtonElement>('.card-menu')!.click();
  await waitUntil(() => menu(setup.el), 'menu open', { timeout: 5000 });
  return menu(setup.el)!;
}

describe('<lead-kanban> styles of the parts loaded on demand', () => {
  it('reach every board once their chunk is there', async () => {
    const first = await mountBoard();
    const opened = await openMenu(first);
    expect(getComputedStyle(opened).position, 'the menu pops up over the board').to.equal('fixed');
    await sendKeys({ press: 'Escape' });
    await rendered(first.el);
    expect(menu(first.el)).to.equal(null);

    const second = await mountBoard();
    expect(getComputedStyle(await openMenu(second)).position).to.equal('fixed');
    await sendKeys({ press: 'Escape' });

    const lead = second.store.cardsIn('new')[1]!;
    cardCheckbox(second.el, lead.id).click();
    await rendered(second.el);
    button(second.el, 'Assign').click();
    await waitUntil(() => assignDialog(second.el)?.open, 'dialog open');
    const dialog = assignDialog(second.el)!;
    expect(getComputedStyle(dialog).width, 'the dialog’s own width rule').to.equal('460px');
    expect(getComputedStyle(dialog.querySelector('.dialog-picker')!).display).to.equal('block');
  });
});
