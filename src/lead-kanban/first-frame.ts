import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { LeadStore } from '../../sdk/index.js';
import { inFrameAfterNext } from '../internal/idle.js';

/**
 * What the board's first frame with data leaves out, and when the rest follows. The first frame shows the
 * columns and their cards, the toolbar's controls and the workload strip's frame; the member chips of the
 * strip and the member options of the assignee filter (a pass over the members with a locale collator, which
 * a page creates for the first time here, and some hundred elements) come in the frame after it. `complete` turns true once the first frame with the store's data has been
 * painted, and stays true (a store loaded again keeps everything shown).
 */
export class FirstFrame implements ReactiveController {
  complete = false;
  private scheduled = false;

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly store: () => LeadStore | undefined,
  ) {
    host.addController(this);
  }

  hostUpdated(): void {
    if (this.complete || this.scheduled || this.store()?.status !== 'ready') return;
    this.scheduled = true;
    inFrameAfterNext(() => {
      this.complete = true;
      this.host.requestUpdate();
    });
  }
}
