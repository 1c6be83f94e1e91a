import { LitElement, html, nothing, type PropertyValues } from 'lit';
import { property } from 'lit/decorators.js';
import type { Column, LeadAdapter, LeadSort, LeadStore } from '../../sdk/index.js';
import { provideStore } from '../context.js';
import { StoreController } from '../controllers/store-controller.js';
import { LeadOpenEvent } from '../events/index.js';
import { lazyModule } from '../internal/lazy.js';
import { Rehearsal, rehearse } from '../internal/rehearsal.js';
import { observeHeight, unobserveHeight } from '../internal/size-observer.js';
import { LocalizeController, messages } from '../l10n.js';
import { avatarStyles } from '../shared/avatar.js';
import { controlStyles } from '../shared/controls.styles.js';
import { define } from '../shared/define.js';
import { fire } from '../shared/fire.js';
import { checkColumns, checkStore, checkTheme, guardProperties } from '../internal/property-guard.js';
import { prewarmIntl } from '../shared/format.js';
import { tokens } from '../shared/tokens.styles.js';
import { drawerContentChunk } from '../lead-drawer/lead-drawer.js';
import './board-column.js';
import { columnStyles } from './board-column.styles.js';
import { MemberFaces, renderColumns } from './board-columns.js';
import { BoardActions } from './board-actions.js';
import { BoardDrawer } from './board-drawer.js';
import { canDistribute, collaborationChunk } from './board-collaboration.js';
import type {
  CardMenuEvent,
  CardOpenEvent,
  CardToggleEvent,
  ColumnAddLeadEvent,
  ColumnListEvent,
  ColumnSelectAllEvent,
} from './board-events.js';
import { BoardLayoutController } from './board-layout.js';
import { BoardUrl } from './board-url.js';
import { createBoardParts, type BoardParts } from './board-parts.js';
import { BoardSearch } from './board-search.js';
import { BoardSelection } from './board-selection.js';
import { BoardState } from './board-state.js';
import { renderToolbar } from './board-toolbar.js';
import { toolbarStyles } from './board-toolbar.styles.js';
import { cardGeometry } from './card-geometry.js';
import { DragController, dropIndex } from './drag.js';
import { FirstFrame } from './first-frame.js';
import { helpDescriptions } from './help-ids.js';
import { cardStyles } from './lead-card.styles.js';
import { boardStyles } from './lead-kanban.styles.js';
import { LiveMarks } from './live-marks.js';
import { OnDemandElements } from './on-demand-elements.js';
import { OpenLeadWatch } from './open-lead-watch.js';
import { RovingFocus } from './roving-focus.js';
import { StageSwitcher } from './stage-switcher.js';
import { hasSettled, StoreOwner } from './store-owner.js';
import { ToastController } from './toasts.js';
import { WorkloadStrip, workloadChipsChunk } from './workload-bar.js';
import { workloadStyles } from './workload-bar.styles.js';
import { WaitClock } from './wait-clock.js';

/**
 * The card menu, the bulk "Assign leads" dialog, the "Keyboard shortcuts" dialog, the intake dialogs and the
 * keyboard move mode: one chunk (on-demand-parts.ts), fetched after the board's first frame and awaited by
 * every use.
 */
export const boardPartsChunk = lazyModule(() => import('./on-demand-parts.js'));

/**
 * @summary A Kanban board of leads: status columns of cards, filters and a sort, selection, bulk assignment,
 * a workload strip, adding and importing leads and the assignment rules (where the backend offers them and the
 * member may), and a drawer for one lead. Every write goes through one LeadStore, provided by context to the
 * `<lead-drawer>` and `<assign-picker>` inside.
 *
 * Unassigned cards show how long they have waited; the workload strip's Unassigned chip shows the oldest wait
 * and lists the unassigned leads oldest first. Under a sort other than Manual, cards keep the sort's order:
 * they move to other columns (and land where the sort puts them), not up or down within one.
 *
 * Keyboard: one Tab stop holds all the cards (arrows, Home/End move it; Space selects; Enter opens; Shift+F10
 * the menu; M lifts; Ctrl/Cmd+arrows move; Ctrl/Cmd+Z undoes; B goes to the bulk bar), as the board's
 * "Keyboard shortcuts" dialog lists it. Everything is announced in one polite live region.
 *
 * @tagname lead-kanban
 *
 * @fires lead-open - A user opened a lead (click or Enter on its card). `leadId`.
 * @fires lead-request-move - Cancelable, before a user's move (drag, menu, keyboard) is sent.
 * @fires lead-move - A user moved a lead; the store has it (optimistically).
 * @fires lead-request-assign - Cancelable, before a user's assignment (bulk or card menu) is sent.
 * @fires lead-assign - A user's assignment settled; `detail.outcome` splits ok / conflict / forbidden / notFound.
 * @fires lead-selection-change - The user changed the selection; `selectedIds`.
 * @fires lead-request-distribute - Cancelable, before a user's distribution (`Distribute…`) is applied; `detail.plan`.
 * @fires lead-distribute - A user's distribution settled; `detail.plan` (as previewed) and `detail.outcome`.
 *
 * @csspart base - The board's outer frame.
 * @csspart toolbar - The row with search, filters and the bulk bar.
 * @csspart bulk-bar - Select all matching, the selected count, Clear, the bulk Assign and Distribute… buttons.
 * @csspart workload - The strip of per-member workload chips.
 * @csspart column - Each status column (`role="region"` named by its label).
 * @csspart column-header - A column's header: label, count, "Select all in".
 * @csspart card - Each lead card.
 * @csspart avatar - Assignee avatars on cards and in the workload strip.
 * @csspart toasts - The stack of notices, newest on top (outcomes with Undo, conflicts with Keep mine / Keep theirs, leads assigned to you).
 *
 * @themetokens
 * @cssproperty --lead-column-width - Smallest width of a column; columns share the rest of the row, up to 340px (default 220px).
 */
export class LeadKanban extends LitElement {
  static override styles = [
    tokens,
    avatarStyles,
    controlStyles,
    cardGeometry,
    boardStyles,
    toolbarStyles,
    workloadStyles,
    columnStyles,
    cardStyles,
  ];

  /** The store behind the board. Set it directly, or let the board make one from `adapter` or `api`. */
  @property({ attribute: false })
  store: LeadStore | undefined;

  /**
   * What the drawer and pickers inside get by context: `store` once this board has checked it (willUpdate),
   * so a malformed one never reaches them and is reported once, by the board.
   */
  private readonly storeProvider = provideStore(this);

  /** A backend adapter; the board makes (and loads) a LeadStore on it. Ignored when `store` is set. */
  @property({ attribute: false }) adapter: LeadAdapter | undefined;

  /** Base URL of the REST API (e.g. "/api"); the board makes a RestAdapter and a store on it. */
  @property() api: string | undefined;

  /** Bearer token for `api`. */
  @property() token: string | undefined;

  /** Columns shown, in order (default: New, Contacted, Qualified, Proposal, Won, Lost). */
  @property({ attribute: false }) columns: readonly Column[] | undefined;

  /**
   * Opt-in: keep the open lead and the filters in the page's query (`lead`, `q`, `assignee`, `status`), so a
   * link reopens the same view and Back closes the drawer. The attribute's value, if any, prefixes the
   * parameter names (two boards on one page). Without the attribute the URL is never touched.
   */
  @property({ attribute: 'url-state' }) urlState: string | null = null;

  /**
   * The colour scheme, for this element and everything inside it: `light` or `dark`. Absent, it follows the
   * system (`prefers-color-scheme`), or `--lead-color-scheme` set on an ancestor.
   */
  @property({ reflect: true }) theme: 'light' | 'dark' | undefined;

  /** The board state its parts share: Tab stop, lift, open menu, dragged card, open lead. */
  private readonly state = new BoardState(this);
  private readonly roving = new RovingFocus(this.state, {
    columns: () => this.columnKeys(),
    cards: (column) => this.store?.cardsIn(column) ?? [],
    indexIn: (column, id) => this.store?.indexIn(column, id) ?? -1,
    columnOf: (id) => {
      const lead = this.store?.lead(id);
      return lead && this.store!.indexIn(lead.status, id) >= 0 ? lead.status : null;
    },
  });
  /** The card menu and the dialogs, rendered from their first use on. */
  private readonly onDemand = new OnDemandElements(this);
  private readonly parts: BoardParts = createBoardParts({
    host: this,
    store: () => this.store,
    state: this.state,
    roving: this.roving,
    columns: () => this.visibleColumns(),
    onDemand: this.onDemand,
  });

  private readonly localize = new LocalizeController(this);
  private readonly owner = new StoreOwner(this);
  private readonly search = new BoardSearch(this, () => this.store);
  private readonly toasts = new ToastController(this);
  private readonly workload = new WorkloadStrip(this);
  private readonly layout = new BoardLayoutController(this);
  private readonly url = new BoardUrl(this.parts, {
    openLead: (id) => this.openLead(id),
    search: (text) => this.search.set(text),
  });
  private readonly stages = new StageSwitcher(this.parts);
  private readonly selection = new BoardSelection(this.parts);
  private readonly clock = new WaitClock(this);
  /** Cards marked for a while: changed by someone else, assigned to you. */
  private readonly marks = new LiveMarks(this);
  private readonly drawer = new BoardDrawer(this.parts, this.marks);
  private readonly openLeadWatch = new OpenLeadWatch(this.parts, this.toasts, () => this.drawer.element);
  /** What the board does when a user acts, each part made on its first use. */
  private readonly actions = new BoardActions({
    parts: this.parts,
    selection: this.selection,
    toasts: this.toasts,
    marks: this.marks,
    chunk: boardPartsChunk,
    clearSearch: () => this.search.set(''),
  });
  private readonly drag = new DragController({
    dragStateChanged: (leadId) => this.state.set({ dragLeadId: leadId }),
    dropped: (drop) => {
      const index = this.store ? dropIndex(this.store, drop) : null;
      if (index === null) return;
      this.roving.set({ column: drop.to, id: drop.leadId });
      this.actions.commands.move(drop.leadId, drop.to, index, 'drag');
    },
  });
  // Every store change but a history arriving for some lead re-renders the board; its columns re-render only
  // when what they are given changed. The store's notices become toasts (board-commands.ts, assignee-alert.ts);
  // cards someone else changed are marked for a moment.
  protected readonly storeController = new StoreController(this, {
    interested: (change) => !(change.activity && Object.keys(change).length === 1),
    notice: (notice) => (notice.code === 'assigned-to-you' ? this.actions.alert.show(notice) : this.actions.commands.notice(notice)),
    change: (change) => {
      if (change.remote) this.marks.mark(change.remote, 'changed');
      this.openLeadWatch.changed(change.remote);
    },
  });

  /** The member chips and options wait for the first frame with cards to be painted. */
  private readonly firstFrame = new FirstFrame(this, () => this.store);
  private readonly faces = new MemberFaces();
  /** Height of the column row (ResizeObserver, after layout); a new column's first guess of its viewport. */
  private readonly row = { height: 0 };
  private columnsRow: Element | null = null;
  private readonly onRowHeight = (height: number) => (this.row.height = height);

  // ---- lifecycle -------------------------------------------------------------------------------------------------

  protected override willUpdate(changed: PropertyValues<this>): void {
    guardProperties(this, changed, { store: checkStore, columns: checkColumns, theme: checkTheme });
    this.owner.sync(changed);
    this.storeProvider.setValue(this.store);
    this.openLeadWatch.check();
    if (changed.has('urlState')) this.url.follow(this.urlState);
  }

  override connectedCallback(): void {
    super.connectedCallback();
    boardRehearsal.cancel(); // this board's own first render prepares the templates (see rehearsal.ts)
    if (this.columnsRow) observeHeight(this.columnsRow, this.onRowHeight); // again after a move in the DOM
    prewarmIntl();
    workloadChipsChunk.preload(); // the workload strip's member chips, shown in the frame after the first
    boardPartsChunk.preload(); // card menu, bulk dialog, keyboard help (fetched after the first frame)
    drawerContentChunk.preload(); // the drawer's content (the drawer itself is rendered on the first opening)
    collaborationChunk.preload(); // distribute dialog, conflict panel
  }

  protected override firstUpdated(): void {
    this.columnsRow = this.renderRoot.querySelector('.columns');
    if (this.columnsRow) observeHeight(this.columnsRow, this.onRowHeight);
  }

  protected override updated(): void {
    this.drag.prune(this.columnKeys()); // lists of columns that are gone
    this.drag.allowReorder((this.store?.sort ?? 'manual') === 'manual');
    this.selection.noteHidden();
  }

  /** Complete once the parts on their way (the workload strip's chips, a chunk of their own) have rendered too. */
  protected override async getUpdateComplete(): Promise<boolean> {
    const complete = await super.getUpdateComplete();
    return (await this.workload.waiting()?.then(() => super.getUpdateComplete())) ?? complete;
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    if (this.columnsRow) unobserveHeight(this.columnsRow);
    this.drag.dispose();
    this.marks.dispose();
  }

  /**
   * Rehearses a board's first two frames on `store` (src/internal/rehearsal.ts): a board that is never
   * connected renders its first frame, then the frame after it (the member chips and options).
   * @internal
   */
  static rehearse(store: LeadStore): string[] {
    const board = new LeadKanban();
    board.store = store;
    const first = rehearse(board);
    board.firstFrame.complete = true;
    return [...first, ...rehearse(board)];
  }

  // ---- public methods --------------------------------------------------------------------------------------------

  /** Opens the drawer on a lead (as a click on its card does, without firing `lead-open`). */
  openLead(leadId: string): void {
    this.drawer.open(leadId);
  }

  /** Moves keyboard focus to a lead's card, scrolling its column so it is rendered and visible. */
  async focusLead(leadId: string): Promise<void> {
    await this.parts.focusLead(leadId);
  }

  private visibleColumns(): readonly Column[] {
    return this.store?.columns ?? this.columns ?? [];
  }

  private columnKeys(): string[] {
    return this.visibleColumns().map((c) => c.key);
  }

  // ---- events from the parts -------------------------------------------------------------------------------------

  private readonly onCardToggle = (e: CardToggleEvent) => {
    this.selection.toggle(e.leadId, e.range);
    const column = this.store?.lead(e.leadId)?.status;
    if (column) this.roving.set({ column, id: e.leadId });
  };

  private readonly onCardOpen = (e: CardOpenEvent) => {
    const column = this.store?.lead(e.leadId)?.status;
    if (column) this.roving.set({ column, id: e.leadId });
    fire(this, new LeadOpenEvent(e.leadId));
    this.marks.clear([e.leadId]);
    this.openLead(e.leadId);
  };

  // The keyboard model and the undo key are made on the first key or focus that needs them.
  private readonly onBoardKeydown = (e: KeyboardEvent) => this.actions.commands.undoKey(e);
  private readonly onColumnsKeydown = (e: KeyboardEvent) => this.actions.keyboard.keydown(e);
  private readonly onColumnsFocusin = (e: FocusEvent) => this.actions.keyboard.focusin(e);
  private readonly onColumnsFocusout = (e: FocusEvent) => this.actions.keyboard.focusout(e);

  private readonly onCardMenu = (e: CardMenuEvent) => this.actions.popups.toggleMenu(e.leadId, e.trigger);

  private readonly onHelpClick = (e: MouseEvent) => void this.actions.popups.openHelp(e.currentTarget as HTMLElement);

  private readonly onSelectAllIn = (e: ColumnSelectAllEvent) => this.selection.toggleColumn(e.column);

  private readonly onColumnList = (e: ColumnListEvent) => this.drag.connect(e.column, e.list);

  private readonly onColumnAddLead = (e: ColumnAddLeadEvent) => void this.actions.intake.openAddLead(e.trigger, e.column);

  private readonly onSort = (sort: LeadSort) => this.store?.setSort(sort);

  /** The workload strip's Unassigned chip: the leads waiting for someone, oldest first (or the filter off again). */
  private readonly onUnassigned = (on: boolean) => {
    this.store?.setFilter({ assignee: on ? 'unassigned' : 'any' });
    if (on) this.store?.setSort('oldest');
  };

  private readonly onAssigneeFilter = (value: string) => this.store?.setFilter({ assignee: value });

  private readonly onStatusFilter = (value: readonly string[]) => this.store?.setFilter({ status: [...value] });

  // ---- render ----------------------------------------------------------------------------------------------------

  protected override render() {
    const msg = messages();
    const store = this.store;
    return html`<section class="board" part="base" aria-label=${msg.boardLabel} @keydown=${this.onBoardKeydown}>
      ${renderToolbar({
        store,
        columns: this.visibleColumns(),
        searchText: this.search.text,
        onSearchInput: this.search.input,
        onAssigneeFilter: this.onAssigneeFilter,
        onStatusFilter: this.onStatusFilter,
        onSelectAllMatching: () => this.selection.selectAllMatching(),
        onClear: () => this.selection.clear(),
        onClearHidden: () => this.selection.clearHidden(),
        onBulkBarKeydown: (e) => this.actions.keyboard.bulkBarKeydown(e),
        onAssign: () => void this.actions.popups.openAssignDialog(store?.selectedIds() ?? [], { selection: true }),
        onSort: this.onSort,
        onAddLead: (e) => void this.actions.intake.openAddLead(e.currentTarget as HTMLElement),
        onImport: (e) => void this.actions.intake.openImport(e.currentTarget as HTMLElement),
        onRules: (e) => void this.actions.intake.openRules(e.currentTarget as HTMLElement),
        canDistribute: canDistribute(store),
        onDistribute: () => void this.actions.collaboration.openDistributeDialog(),
        onHelp: this.onHelpClick,
        memberOptions: this.firstFrame.complete,
        compact: this.layout.compact,
      })}
      ${this.workload.render({
        store,
        now: this.clock.now,
        onFilter: this.onAssigneeFilter,
        onUnassigned: this.onUnassigned,
        chips: this.firstFrame.complete,
      })}
      ${this.layout.phone ? this.stages.render(this.visibleColumns()) : nothing}
      ${store?.status === 'error'
        ? html`<div class="load-error">
            <p>${msg.loadFailed(store.error?.message ?? '')}</p>
            <button type="button" class="btn" @click=${() => void store.load()}>${msg.retry}</button>
          </div>`
        : nothing}
      <div
        class="columns"
        aria-busy=${hasSettled(store) ? 'false' : 'true'}
        @keydown=${this.onColumnsKeydown}
        @focusin=${this.onColumnsFocusin}
        @focusout=${this.onColumnsFocusout}
        @card-toggle=${this.onCardToggle}
        @card-open=${this.onCardOpen}
        @card-menu=${this.onCardMenu}
        @column-select-all=${this.onSelectAllIn}
        @column-add-lead=${this.onColumnAddLead}
        @column-list=${this.onColumnList}
      >
        ${renderColumns({
          columns: this.visibleColumns(),
          store,
          state: this.state,
          stop: this.roving.current(),
          faces: this.faces.current(store?.members),
          marks: this.marks.current,
          dropSlot: (key) => this.actions.made.popups?.dropSlot(key) ?? null,
          row: this.row,
          now: this.clock.now,
        })}
      </div>
      ${this.onDemand.has('lead-kanban-menu') ? html`<lead-kanban-menu></lead-kanban-menu>` : nothing}
      ${this.onDemand.has('lead-kanban-assign-dialog')
        ? html`<lead-kanban-assign-dialog .store=${store}></lead-kanban-assign-dialog>`
        : nothing}
      ${this.onDemand.has('lead-kanban-help-dialog') ? html`<lead-kanban-help-dialog></lead-kanban-help-dialog>` : nothing}
      ${this.actions.made.intake?.render() ?? nothing}
      ${this.onDemand.has('lead-kanban-distribute-dialog')
        ? html`<lead-kanban-distribute-dialog .store=${store}></lead-kanban-distribute-dialog>`
        : nothing}
      ${helpDescriptions()}
      ${this.drawer.render()}
      ${this.toasts.render()}
    </section>`;
  }
}

/**
 * The first render, rehearsed in an idle period after this module loads (src/internal/rehearsal.ts). Made
 * before the element is defined: defining it upgrades the boards already on the page, whose connection
 * cancels it.
 */
export const boardRehearsal = new Rehearsal((store) => LeadKanban.rehearse(store), {
  chunks: () => workloadChipsChunk.load(), // the frame after the first shows the member chips
});
define('lead-kanban', LeadKanban);
prewarmIntl(); // in the first idle period after this module loads (see format.ts)
boardRehearsal.schedule();

declare global {
  interface HTMLElementTagNameMap {
    'lead-kanban': LeadKanban;
  }
}
