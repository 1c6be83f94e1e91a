import { deepActiveElement } from '../internal/focus.js';
import type { LazyModule } from '../internal/lazy.js';
import { messages } from '../l10n.js';
import type { LiftKeys } from './board-keyboard.js';
import type { BoardCommands } from './board-commands.js';
import type { BoardParts } from './board-parts.js';
import type { BoardSelection } from './board-selection.js';
import type { KeyboardLift } from './keyboard-lift.js';
import { cardMenuButton } from './lead-card.js';
import type * as OnDemandPartsModule from './on-demand-parts.js';

type OnDemandParts = typeof OnDemandPartsModule;

/**
 * The board's use of its on-demand parts (on-demand-parts.ts): the card menu, the bulk "Assign leads" dialog,
 * the "Keyboard shortcuts" dialog and the keyboard move mode. Each use awaits the chunk (normally there
 * already: it is fetched after the first frame), then talks to the element or module it brought.
 */
export class BoardPopups {
  /** The keyboard move mode, made when it is first used. */
  private lift: KeyboardLift | undefined;

  constructor(
    private readonly board: BoardParts,
    private readonly commands: BoardCommands,
    private readonly selection: BoardSelection,
    private readonly chunk: LazyModule<OnDemandParts>,
  ) {}

  /** The lift as the keyboard sees it. */
  readonly liftKeys: LiftKeys = {
    start: (id) => void this.startLift(id),
    keydown: (e) => this.lift?.keydown(e),
    end: (how, refocus) => this.lift?.end(how, refocus),
  };

  /** Where a lifted card would land in a column (null unless a lift is aimed there). */
  dropSlot(column: string): number | null {
    return this.lift?.dropSlot(column) ?? null;
  }

  async startLift(leadId: string): Promise<void> {
    const { KeyboardLift } = await this.chunk.load();
    this.lift ??= new KeyboardLift(this.board, this.commands);
    await this.lift.start(leadId);
  }

  /** A card's actions button: opens its menu, or closes it when it is the one open. */
  toggleMenu(leadId: string, trigger: HTMLElement): void {
    const menu = this.board.element('lead-kanban-menu');
    if (menu?.isOpen && this.board.state.menuLeadId === leadId) menu.hide(true);
    else void this.openMenu(leadId, trigger);
  }

  private cardMenuButtonOf(column: string | undefined, leadId: string): HTMLElement | null {
    const card = this.board.column(column ?? '')?.cardElement(leadId);
    return card ? cardMenuButton(card) : null;
  }

  /** Opens a lead's card menu beside `trigger` (by default its card's actions button). */
  async openMenu(leadId: string, trigger?: HTMLElement): Promise<void> {
    const menu = await this.board.summon('lead-kanban-menu', this.chunk);
    const lead = this.board.store?.lead(leadId);
    const button = trigger ?? this.cardMenuButtonOf(lead?.status, leadId);
    if (!menu || !lead || !button) return;
    this.board.state.set({ menuLeadId: leadId });
    const items = this.chunk.loaded()!.cardMenuItems(lead, this.board, this.commands, {
      lift: (id) => void this.startLift(id),
      assignDialog: (ids) => void this.openAssignDialog(ids),
    });
    await menu.show(button, messages().cardActions(lead.name), items, () => this.board.state.set({ menuLeadId: null }));
  }

  /**
   * The "Assign leads" dialog for these leads; focus goes back where it belongs when it closes. `selection`:
   * they are the selection (the bulk Assign button), so the dialog says how many of them the filter hides.
   */
  async openAssignDialog(leadIds: readonly string[], how: { selection?: boolean } = {}): Promise<void> {
    const store = this.board.store;
    if (!store || leadIds.length === 0) return;
    const opener = deepActiveElement();
    // One lead that is not part of a bigger selection: focus goes back to its card afterwards.
    const single = leadIds.length === 1 && !(store.isSelected(leadIds[0]!) && store.selectedCount > 1) ? leadIds[0]! : null;
    await (await this.board.summon('lead-kanban-assign-dialog', this.chunk))?.show(leadIds, {
      confirm: (ids, assigneeId) => this.commands.assign(ids, assigneeId, ids.length > 1 ? 'bulk' : 'manual'),
      hiddenCount: () => (how.selection ? store.selectedHiddenCount : 0),
      clearHidden: () => {
        this.selection.clearHidden();
        return store.selectedIds();
      },
      closed: async () => {
        if (single && store.lead(single)) return void this.board.focusLead(single);
        // The bulk Assign button is disabled once the assigned leads left the selection: the Tab stop then.
        await this.board.host.updateComplete;
        if (opener?.isConnected && !(opener as HTMLButtonElement).disabled) opener.focus();
        else this.board.focusTabStop();
      },
    });
  }

  /** The "Keyboard shortcuts" dialog; focus returns to `opener` when it closes. */
  async openHelp(opener: HTMLElement): Promise<void> {
    await (await this.board.summon('lead-kanban-help-dialog', this.chunk))?.show(opener);
  }
}
