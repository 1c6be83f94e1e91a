import type { StoreNotice } from '../../sdk/index.js';
import { messages } from '../l10n.js';
import type { Names } from '../notice-text.js';
import { collaborationChunk } from './board-collaboration.js';
import type { BoardParts } from './board-parts.js';
import type { LiveMarks } from './live-marks.js';
import type { ToastController } from './toasts.js';

/**
 * Telling the assignee: when someone else assigns leads to the current user (the store's `assigned-to-you`
 * notice, one per person and burst), the board says so in a toast — "Dana Ruiz assigned you 3 leads" — with a
 * button that shows them (the filter widened as far as needed, focus on the first), and marks those cards
 * until they are opened (live-marks.ts).
 */
export class AssigneeAlert {
  constructor(
    private readonly board: BoardParts,
    private readonly toasts: ToastController,
    private readonly marks: LiveMarks,
    private readonly names: Names,
    /** Empties the search box (and the store's search with it). */
    private readonly clearSearch: () => void,
  ) {}

  show(notice: StoreNotice): void {
    const ids = notice.leadIds;
    this.marks.mark(ids, 'assigned');
    // Its words are in the collaboration chunk, as every notice's (BoardCommands.notice): told in order with them.
    collaborationChunk.inOrder(({ assignedToYouText }) =>
      this.toasts.show('info', assignedToYouText(notice, this.names), {
        actions: [{ label: messages().showThem(ids.length), run: () => void this.reveal(ids) }],
      }),
    );
  }

  /** Shows the leads: as few filters widened as it takes, then focus on the first of them. */
  private async reveal(leadIds: readonly string[]): Promise<void> {
    const store = this.board.store;
    if (!store) return;
    const ids = leadIds.filter((id) => store.lead(id));
    const hidden = () => ids.filter((id) => store.indexIn(store.lead(id)!.status, id) < 0).length > 0;
    if (hidden() && store.filter.assignee !== 'me' && store.filter.assignee !== store.me?.id) store.setFilter({ assignee: 'me' });
    if (hidden()) store.setFilter({ status: [] });
    if (hidden()) this.clearSearch();
    const first = ids.find((id) => store.indexIn(store.lead(id)!.status, id) >= 0);
    if (first) await this.board.focusLead(first);
  }
}
