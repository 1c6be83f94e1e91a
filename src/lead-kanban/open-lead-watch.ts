import { messages } from '../l10n.js';
import type { BoardParts } from './board-parts.js';
import type { ToastController } from './toasts.js';

/**
 * The lead open in the drawer leaving the user's view — handed off from the drawer, assigned away under a
 * filter it no longer matches, taken away or changed by someone else — closes the drawer (never a blank panel
 * with a heading), says why, and puts focus on the neighbouring card: the Tab stop, which the roving focus
 * resolves to the card now where the lead was (never focus on `<body>`). Checked before every render of the
 * board; a lead with a write in flight is left open until the write settles (a failed one rolls back).
 */
export class OpenLeadWatch {
  /** Leads store changes since the last check brought from elsewhere: their leaving is the store's notice to tell. */
  private remote = new Set<string>();

  constructor(
    private readonly board: BoardParts,
    private readonly toasts: ToastController,
    /** The drawer, once the board closed it: its update completes once its dialog has closed. */
    private readonly drawer: () => { updateComplete: Promise<unknown> } | null,
  ) {}

  /** Every store change, before the board renders it. */
  changed(remote: ReadonlySet<string> | undefined): void {
    for (const id of remote ?? []) this.remote.add(id);
  }

  check(): void {
    const { store, state } = this.board;
    const remote = this.remote;
    this.remote = new Set();
    const id = state.openLeadId;
    if (!id || !store || store.status !== 'ready' || store.isPending(id)) return;
    const lead = store.lead(id);
    if (lead && store.indexIn(lead.status, id) >= 0) return;
    const msg = messages();
    const last = store.lastSeen(id);
    const name = last?.name ?? id;
    // Someone else's change (taken away, no longer matching): the store's notice says so, once. Gone by our
    // own write: we handed it to the assignee it last had here.
    let reason: string | null = null;
    if (remote.has(id)) reason = null;
    else if (lead) reason = msg.leftViewFilter(name);
    else if (last?.assigneeId) reason = msg.leftViewHandedOff(name, store.member(last.assigneeId)?.name ?? last.assigneeId);
    state.set({ openLeadId: null });
    if (reason) this.toasts.show('info', reason);
    void this.refocus();
  }

  private async refocus(): Promise<void> {
    await this.board.host.updateComplete;
    await this.drawer()?.updateComplete; // its dialog has closed (and given focus back where it could)
    this.board.focusTabStop();
  }
}
