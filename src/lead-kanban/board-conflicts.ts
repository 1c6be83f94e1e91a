import { html } from 'lit';
import type { StoreNotice } from '../../sdk/index.js';
import { announce } from '../controllers/announcer.js';
import { messages } from '../l10n.js';
import { collaborationChunk } from './board-collaboration.js';
import type { BoardParts } from './board-parts.js';
import type { BoardSelection } from './board-selection.js';
import type { ConflictChoices } from './conflict-panel.js';
import type { ToastController } from './toasts.js';

/** A toast offering a choice stays this long (and, like every toast, while it is hovered or focused). */
export const CONFLICT_LIFETIME = 30_000;

/**
 * What the board offers when a write met a newer version (another user, another tab): in the toast that tells
 * the outcome, the conflict panel (conflict-panel.ts: who changed what, when) with `Keep mine` — the same
 * write again, against the version the lead has now — and `Keep theirs` — nothing written, their version is
 * what the board already shows. One choice for all the leads of a bulk or distribute result. A conflict on
 * the lead open in the drawer is the drawer's to show.
 */
export class BoardConflicts {
  constructor(
    private readonly board: BoardParts,
    private readonly selection: BoardSelection,
    private readonly toasts: ToastController,
    /** "Keep mine" for a move: the board's last move of that lead, asked again. */
    private readonly retryMove: (leadId: string) => boolean,
  ) {}

  /** The leads of a notice the user can choose for: an assignment's conflicts, or a move's. */
  leadsOf(notice: StoreNotice): string[] {
    const outcome = notice.outcome;
    if (outcome && notice.command !== 'undo') return outcome.conflict.filter((id) => outcome.wanted?.[id] !== undefined);
    if (notice.command === 'move' && notice.code === 'failed' && notice.error?.code === 'conflict') return notice.leadIds.slice(0, 1);
    return [];
  }

  /** True when the drawer shows this conflict itself (it is about the one lead open there). */
  inDrawer(leadIds: readonly string[]): boolean {
    return leadIds.length === 1 && leadIds[0] === this.board.state.openLeadId;
  }

  /** The panel for the toast of `notice`; `toastId` is read when a choice is made (the toast exists by then). */
  panel(notice: StoreNotice, leadIds: readonly string[], toastId: () => number): unknown {
    const store = this.board.store;
    void collaborationChunk.load().catch(() => undefined); // normally there already (fetched after the first frame)
    const done = () => {
      this.toasts.dismiss(toastId());
      const first = leadIds.find((id) => store?.lead(id));
      if (first) void this.board.focusLead(first);
      else this.board.focusTabStop();
    };
    const choices: ConflictChoices = {
      keepMine: async () => {
        if (notice.command === 'move') this.retryMove(leadIds[0]!);
        else if (store && notice.outcome) this.selection.release((await store.keepMine(notice.outcome, leadIds)).ok);
        done();
      },
      keepTheirs: () => {
        this.selection.release(leadIds);
        announce(messages().keptTheirs(leadIds.length));
        done();
      },
    };
    return html`<lead-kanban-conflicts .store=${store} .leadIds=${leadIds} .choices=${choices}></lead-kanban-conflicts>`;
  }
}
