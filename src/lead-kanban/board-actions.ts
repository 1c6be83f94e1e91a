import type { LazyModule } from '../internal/lazy.js';
import { AssigneeAlert } from './assignee-alert.js';
import { BoardCollaboration } from './board-collaboration.js';
import { BoardCommands } from './board-commands.js';
import { BoardIntake } from './board-intake.js';
import { BoardKeyboard } from './board-keyboard.js';
import type { BoardParts } from './board-parts.js';
import { BoardPopups } from './board-popups.js';
import type { BoardSelection } from './board-selection.js';
import { focusBulkBar } from './bulk-bar.js';
import type { LiveMarks } from './live-marks.js';
import type * as OnDemandPartsModule from './on-demand-parts.js';
import type { ToastController } from './toasts.js';

/** What the board's actions are made of: its parts and the controllers its first frame has anyway. */
export interface BoardActionsSource {
  readonly parts: BoardParts;
  readonly selection: BoardSelection;
  readonly toasts: ToastController;
  readonly marks: LiveMarks;
  /** The chunk of the card menu, the dialogs and the keyboard lift. */
  readonly chunk: LazyModule<typeof OnDemandPartsModule>;
  /** Empties the board's search box (the assignee alert widens the view with it). */
  clearSearch(): void;
}

/**
 * What the board does when a user acts — its commands and what their notices say, the menus and dialogs,
 * intake, distribution, the assignee alert, the keyboard model — each made on its first use (a getter here),
 * not with the board: no first frame uses them, and a board that is only looked at never constructs them.
 * `made` tells what exists without making it (a render asking for a drop slot must not make the popups).
 */
export class BoardActions {
  readonly made: {
    commands?: BoardCommands;
    popups?: BoardPopups;
    intake?: BoardIntake;
    collaboration?: BoardCollaboration;
    alert?: AssigneeAlert;
    keyboard?: BoardKeyboard;
  } = {};

  constructor(private readonly source: BoardActionsSource) {}

  get commands(): BoardCommands {
    const { parts, selection, toasts } = this.source;
    return (this.made.commands ??= new BoardCommands(parts, selection, toasts));
  }

  get popups(): BoardPopups {
    const { parts, selection, chunk } = this.source;
    return (this.made.popups ??= new BoardPopups(parts, this.commands, selection, chunk));
  }

  get intake(): BoardIntake {
    const { parts, toasts, chunk } = this.source;
    return (this.made.intake ??= new BoardIntake(parts, toasts, chunk));
  }

  get collaboration(): BoardCollaboration {
    return (this.made.collaboration ??= new BoardCollaboration(this.source.parts, this.commands));
  }

  get alert(): AssigneeAlert {
    const { parts, toasts, marks } = this.source;
    return (this.made.alert ??= new AssigneeAlert(parts, toasts, marks, this.commands.names, () => this.source.clearSearch()));
  }

  get keyboard(): BoardKeyboard {
    const { parts, selection } = this.source;
    return (this.made.keyboard ??= new BoardKeyboard(parts, selection, this.commands, this.popups.liftKeys, {
      openMenu: (id) => void this.popups.openMenu(id),
      focusBulkBar: () => focusBulkBar(parts.host.shadowRoot ?? parts.host),
    }));
  }
}
