import { deepActiveElement } from '../internal/focus.js';
import { lazyModule } from '../internal/lazy.js';
import type { LeadStore } from '../../sdk/index.js';
import type { BoardCommands } from './board-commands.js';
import type { BoardParts } from './board-parts.js';

/**
 * The distribute dialog and the conflict panel: one chunk (collaboration-parts.ts), fetched after the board's
 * first frame and awaited by every use.
 */
export const collaborationChunk = lazyModule(() => import('./collaboration-parts.js'));

/** Whether `Distribute…` has anything to work on: a selection, or unassigned leads on the board. */
export function canDistribute(store: LeadStore | undefined): boolean {
  return !!store && (store.selectedCount > 0 || store.unassignedCount > 0);
}

/**
 * The board's use of the parts people need when they work together: the "Distribute leads" dialog (on the
 * selection, or every unassigned lead matching the filter). The write itself is the board's command
 * (BoardCommands.distribute), like every other.
 */
export class BoardCollaboration {
  constructor(
    private readonly board: BoardParts,
    private readonly commands: BoardCommands,
  ) {}

  async openDistributeDialog(): Promise<void> {
    const store = this.board.store;
    if (!store) return;
    const opener = deepActiveElement();
    const unassigned = store.matchingIds().filter((id) => store.lead(id)?.assigneeId === null);
    const dialog = await this.board.summon('lead-kanban-distribute-dialog', collaborationChunk);
    await dialog?.show(
      { selected: store.selectedIds(), unassigned },
      {
        confirm: (plan) => this.commands.distribute(plan),
        closed: async () => {
          await this.board.host.updateComplete;
          if (opener?.isConnected && !(opener as HTMLButtonElement).disabled) opener.focus();
          else this.board.focusTabStop();
        },
      },
    );
  }
}
