import '../l10n/parts-late.js'; // the words of the parts loaded on demand (joins the table first)
import type { Lead } from '../../sdk/index.js';
import { messages } from '../l10n.js';
import type { BoardCommands } from './board-commands.js';
import type { BoardParts } from './board-parts.js';
import type { MenuItem } from './card-menu.js';

/** What the card menu's items do beyond moves (the board provides them). */
export interface CardMenuActions {
  lift(leadId: string): void;
  assignDialog(leadIds: readonly string[]): void;
}

/**
 * The items of a card's actions menu: Move to each other column, up/down/top/bottom (only under the Manual
 * sort: otherwise the sort orders the column), Move with arrow keys, Assign…, Assign to me, Unassign. Every
 * move and assignment goes through the board's commands.
 */
export function cardMenuItems(lead: Lead, board: BoardParts, commands: BoardCommands, actions: CardMenuActions): MenuItem[] {
  const store = board.store!;
  const msg = messages();
  const index = store.indexIn(lead.status, lead.id);
  const last = store.countIn(lead.status) - 1;
  const me = store.me;
  const move = (to: string, at: number) => {
    commands.move(lead.id, to, Math.max(0, at), 'keyboard');
    void board.focusLead(lead.id);
  };
  const assign = (assigneeId: string | null) =>
    void commands.assign([lead.id], assigneeId, 'manual').then(() => board.focusLead(lead.id));
  const items: MenuItem[] = board
    .columnKeys()
    .filter((key) => key !== lead.status)
    .map((key) => ({ label: msg.moveTo(board.columnLabel(key)), run: () => move(key, store.countIn(key)) }));
  if (store.sort === 'manual') {
    items.push(
      { label: msg.moveUp, disabled: index <= 0, separated: true, run: () => move(lead.status, index - 1) },
      { label: msg.moveDown, disabled: index >= last, run: () => move(lead.status, index + 1) },
      { label: msg.moveToTop, disabled: index <= 0, run: () => move(lead.status, 0) },
      { label: msg.moveToBottom, disabled: index >= last, run: () => move(lead.status, last) },
    );
  }
  items.push(
    // Lift from the menu: works with a screen reader in browse mode, where the M key would not reach the board.
    { label: msg.moveWithKeys, separated: store.sort !== 'manual', run: () => actions.lift(lead.id) },
    { label: msg.assignEllipsis, separated: true, run: () => actions.assignDialog([lead.id]) },
  );
  if (me) items.push({ label: msg.assignToMe, disabled: lead.assigneeId === me.id, run: () => assign(me.id) });
  items.push({ label: msg.unassign, disabled: lead.assigneeId === null, run: () => assign(null) });
  return items;
}
