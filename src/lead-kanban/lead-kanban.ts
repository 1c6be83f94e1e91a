import { LitElement, html, nothing, type PropertyValues } from 'lit';
import { property, state } from 'lit/decorators.js';
import { provide } from '@lit/context';
import type { AssignOutcome, Column, Lead, LeadAdapter, Source, StoreChange, StoreNotice } from '../../sdk/index.js';
import { LeadStore, RestAdapter } from '../../sdk/index.js';
import { storeContext } from '../context.js';
import { announce } from '../controllers/announcer.js';
import { StoreController } from '../controllers/store-controller.js';
import {
  LeadAssignEvent,
  LeadMoveEvent,
  LeadOpenEvent,
  LeadRequestAssignEvent,
  LeadRequestMoveEvent,
  LeadSelectionChangeEvent,
  type LeadMoveDetail,
} from '../events/index.js';
import { LocalizeController, messages } from '../l10n.js';
import { avatarStyles } from '../shared/avatar.js';
import { define } from '../shared/define.js';
import { fire } from '../shared/fire.js';
import { prewarmIntl } from '../shared/format.js';
import { tokens } from '../shared/tokens.styles.js';
import '../lead-drawer/lead-drawer.js';
import type { LeadKanbanAssignDialog } from './assign-dialog.js';
import { observeSize, unobserveSize, type ColumnBoard, type LeadKanbanColumn } from './board-column.js';
import type { LeadKanbanHelpDialog } from './help-dialog.js';
import { helpDescriptions } from './help-ids.js';
import { keyboardIcon } from './icons.js';
import { KeyboardLift, type Lift, type LiftStep } from './keyboard-lift.js';
import './board-column.js';
import { renderFilters } from './board-toolbar.js';
import { renderBulkBar } from './bulk-bar.js';
import type { LeadKanbanMenu, MenuItem } from './card-menu.js';
import { DragController, type Drop } from './drag.js';
import { boardStyles } from './lead-kanban.styles.js';
import { loadOnDemandParts, preloadOnDemandParts } from './on-demand.js';
import { describeOutcome } from './outcome.js';
import { RovingFocus, type FocusMove, type FocusPosition } from './roving-focus.js';
import { ToastController } from './toasts.js';
import { renderWorkload } from './workload-bar.js';

/** Search runs this long after the last keystroke, so typing does no per-key work on the board. */
const SEARCH_DEBOUNCE_MS = 150;

const ARROWS: Record<string, FocusMove> = { ArrowUp: 'up', ArrowDown: 'down', ArrowLeft: 'left', ArrowRight: 'right' };

/** The controls of a card that take part in the roving focus; arrows keep the same kind of control. */
const CARD_CONTROLS = '.card-check, .card-open, .card-menu';
type CardControl = '.card-check' | '.card-open' | '.card-menu';

/**
 * @summary A Kanban board of leads: status columns of cards, filters, selection, bulk assignment, a workload
 * strip, and a drawer for one lead. Every write goes through one LeadStore, provided by context to the
 * `<lead-drawer>` and `<assign-picker>` inside.
 *
 * Keyboard (listed in the board's "Keyboard shortcuts" dialog, whose summary describes every card): one Tab
 * stop holds all the cards (roving tabindex by lead id); arrows move it (up from the first card reaches the
 * column's "Select all in" checkbox), Home/End and Ctrl+Home/End jump; Space selects, Shift+arrows extend,
 * Escape clears; Enter opens the drawer; Shift+F10 (or the "Actions for …" button) opens the card menu;
 * M (or the menu's "Move with arrow keys") lifts the card — arrows choose the place, Enter/Space drop with one
 * move, Escape cancels; Ctrl/Cmd+arrows move at once. Everything is announced in one polite live region.
 *
 * @tagname lead-kanban
 *
 * @fires lead-open - A user opened a lead (click or Enter on its card). `leadId`.
 * @fires lead-request-move - Cancelable, before a user's move (drag, menu, keyboard) is sent.
 * @fires lead-move - A user moved a lead; the store has it (optimistically).
 * @fires lead-request-assign - Cancelable, before a user's assignment (bulk or card menu) is sent.
 * @fires lead-assign - A user's assignment settled; `detail.outcome` splits ok / conflict / forbidden / notFound.
 * @fires lead-selection-change - The user changed the selection; `selectedIds`.
 *
 * @csspart base - The board's outer frame.
 * @csspart toolbar - The row with search, filters and the bulk bar.
 * @csspart bulk-bar - Select all matching, the selected count, Clear and the bulk Assign button.
 * @csspart workload - The strip of per-member workload chips.
 * @csspart column - Each status column (`role="region"` named by its label).
 * @csspart column-header - A column's header: label, count, "Select all in".
 * @csspart card - Each lead card.
 * @csspart avatar - Assignee avatars on cards and in the workload strip.
 * @csspart toasts - The stack of notices (save errors, bulk outcomes with Undo).
 *
 * @cssproperty --lead-color-background - Board background.
 * @cssproperty --lead-color-surface - Cards, toolbar controls, dialogs.
 * @cssproperty --lead-color-surface-raised - Column background.
 * @cssproperty --lead-color-text - Main text.
 * @cssproperty --lead-color-muted - Secondary text (company, counts, "Unassigned").
 * @cssproperty --lead-color-border - Borders and dividers.
 * @cssproperty --lead-color-accent - Primary buttons, selection, focus ring.
 * @cssproperty --lead-color-accent-soft - Selected card background, pressed chips.
 * @cssproperty --lead-color-on-accent - Text on the accent colour.
 * @cssproperty --lead-color-danger - Errors.
 * @cssproperty --lead-color-success - Success notices.
 * @cssproperty --lead-color-warning - Warnings.
 * @cssproperty --lead-radius - Corner radius of cards and panels.
 * @cssproperty --lead-font-family - Font.
 * @cssproperty --lead-column-width - Width of a column (default 288px).
 */
export class LeadKanban extends LitElement implements ColumnBoard {
  static override styles = [tokens, avatarStyles, boardStyles];

  /** The store behind the board. Set it directly, or let the board make one from `adapter` or `api`. */
  @provide({ context: storeContext })
  @property({ attribute: false })
  store: LeadStore | undefined;

  /** A backend adapter; the board makes (and loads) a LeadStore on it. Ignored when `store` is set. */
  @property({ attribute: false }) adapter: LeadAdapter | undefined;

  /** Base URL of the REST API (e.g. "/api"); the board makes a RestAdapter and a store on it. */
  @property() api: string | undefined;

  /** Bearer token for `api`. */
  @property() token: string | undefined;

  /** Columns shown, in order (default: New, Contacted, Qualified, Proposal, Won, Lost). */
  @property({ attribute: false }) columns: readonly Column[] | undefined;

  /** The lead shown in the drawer. */
  @state() private openLeadId: string | null = null;
  @state() private searchText = '';

  /** The lead whose actions menu is open (kept rendered, `aria-expanded` on its button). */
  menuLeadId: string | null = null;
  /** The card picked up for a keyboard move, and where it would land. */
  @state() private lift: Lift | null = null;
  /** A drag is in progress: columns hold their updates until the drop. */
  dragging = false;
  private dragLeadId: string | null = null;

  private ownedStore: LeadStore | undefined;
  private searchTimer: ReturnType<typeof setTimeout> | undefined;
  /** Last card whose checkbox was clicked: the anchor of Shift-click ranges. */
  private selectionAnchor: string | null = null;
  /** Assignments this board started and summarizes itself: their store notices are not shown twice. */
  private readonly ownAssignments = new Set<(leadIds: readonly string[]) => boolean>();
  private unsubscribeNotices: (() => void) | undefined;
  private noticeStore: LeadStore | undefined;
  private readonly columnEls = new Map<string, LeadKanbanColumn>();

  private readonly localize = new LocalizeController(this);
  private readonly toasts = new ToastController(this);
  private readonly drag = new DragController({
    dragStateChanged: (leadId) => this.onDragState(leadId),
    dropped: (drop) => this.onDrop(drop),
  });
  private readonly roving = new RovingFocus(this, {
    columns: () => this.visibleColumns().map((c) => c.key),
    cards: (column) => this.store?.cardsIn(column) ?? [],
    indexIn: (column, id) => this.indexIn(column, id),
    columnOf: (id) => {
      const lead = this.store?.lead(id);
      return lead && this.indexIn(lead.status, id) >= 0 ? lead.status : null;
    },
  });
  /** Keyboard move mode ("lift"): pure position arithmetic over the store's columns. */
  private readonly lifting = new KeyboardLift({
    columns: () => this.visibleColumns().map((c) => c.key),
    count: (column) => this.store?.cardsIn(column).length ?? 0,
    indexIn: (column, id) => this.indexIn(column, id),
  });
  protected readonly storeController = new StoreController(
    this,
    (change) => !(change.activity && Object.keys(change).length === 1),
    (change) => this.refreshColumns(change),
  );

  // ---- store ownership ------------------------------------------------------------------------------------

  protected override willUpdate(changed: PropertyValues<this>): void {
    const userStore = changed.has('store') && this.store !== this.ownedStore;
    if (userStore) {
      this.releaseOwnedStore();
      if (this.store && this.store.status === 'idle') void this.store.load();
    } else if (!this.store || this.store === this.ownedStore) {
      if (changed.has('adapter') && this.adapter) this.adopt(this.adapter);
      else if ((changed.has('api') || changed.has('token')) && this.api && !this.adapter) {
        this.adopt(new RestAdapter({ baseUrl: this.api, ...(this.token ? { token: this.token } : {}) }));
      }
    }
    if ((changed.has('columns') || changed.has('store')) && this.columns && this.store && this.store.columns !== this.columns) {
      this.store.setColumns(this.columns);
    }
    if (changed.has('store')) this.listenToNotices();
  }

  /** Makes, provides and loads a store on `adapter`, replacing one made earlier. */
  private adopt(adapter: LeadAdapter): void {
    this.releaseOwnedStore();
    const store = new LeadStore(adapter, this.columns ? { columns: this.columns } : {});
    this.ownedStore = store;
    this.store = store;
    void store.load();
  }

  private releaseOwnedStore(): void {
    this.ownedStore?.dispose();
    this.ownedStore = undefined;
  }

  /** Set while detached: a re-attached board reloads its own store (the backend may have moved on). */
  private detached = false;

  override connectedCallback(): void {
    super.connectedCallback();
    // Observed again after a move in the DOM (the first time: firstUpdated).
    if (this.columnsRow) observeSize(this.columnsRow, this.onColumnsHeight);
    if (this.detached && this.ownedStore && this.ownedStore === this.store) void this.ownedStore.load();
    this.detached = false;
    this.listenToNotices();
    prewarmIntl();
    preloadOnDemandParts(); // card menu, bulk dialog, keyboard help (fetched after the first frame)
  }

  /**
   * Height of the row the columns sit in, from the columns' shared ResizeObserver (it reports after layout, so
   * no layout is forced); 0 until the first report. A column created with the data uses it to guess its
   * scroller's height, so the first render with data makes the cards a column shows, not a window's worth.
   */
  get columnsHeight(): number {
    return this.measuredColumnsHeight;
  }
  private measuredColumnsHeight = 0;

  private columnsRow: Element | null = null;
  private readonly onColumnsHeight = (height: number) => (this.measuredColumnsHeight = height);

  protected override firstUpdated(): void {
    this.columnsRow = this.renderRoot.querySelector('.columns');
    if (this.columnsRow) observeSize(this.columnsRow, this.onColumnsHeight);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    // The shared observer would otherwise keep a removed board alive.
    if (this.columnsRow) unobserveSize(this.columnsRow);
    this.detached = true;
    this.ownedStore?.dispose();
    this.unsubscribeNotices?.();
    this.unsubscribeNotices = undefined;
    this.noticeStore = undefined;
    this.drag.dispose();
    clearTimeout(this.searchTimer);
  }

  private listenToNotices(): void {
    if (this.noticeStore === this.store) return;
    this.unsubscribeNotices?.();
    this.noticeStore = this.store;
    this.unsubscribeNotices = this.store?.onNotice((notice) => this.onNotice(notice));
  }

  // ---- store changes ------------------------------------------------------------------------------------------

  /**
   * Re-renders the columns whose cards changed; every other column checks its rendered window (a few dozen
   * cards) against the store and re-renders only if something it shows differs (selection, pending writes,
   * assignee names, counts). Nothing here is O(column length).
   */
  private refreshColumns(change: StoreChange): void {
    for (const [key, column] of this.columnEls) {
      if (change.columns?.has(key)) column.requestUpdate();
      else column.refresh();
    }
    if (this.openLeadId && change.leads?.has(this.openLeadId) && !this.store?.lead(this.openLeadId)) {
      // The open lead left our view (handed off, removed): the drawer says so; keep its card un-pinned.
      this.requestUpdate();
    }
  }

  private onNotice(notice: StoreNotice): void {
    const msg = messages();
    if (notice.command === 'assign' || notice.command === 'undo') {
      // Assignments started here are summarized by the board itself once they settle.
      for (const isOwn of this.ownAssignments) if (isOwn(notice.leadIds)) return;
      if (notice.kind === 'success') return; // the drawer confirms its own assignments
    }
    if (notice.command === 'update' || notice.command === 'addNote') return; // shown at the field, in the drawer
    if (notice.command === 'load' && notice.leadIds.length === 0) return; // the board shows the load error
    if (notice.kind === 'success') return;
    let text = notice.message;
    if (notice.command === 'move') {
      const id = notice.leadIds[0];
      const name = (id && this.store?.lead(id)?.name) ?? id ?? '';
      text = msg.moveFailed(name, notice.error?.message ?? notice.message);
    }
    this.toasts.show(notice.kind, text);
  }

  // ---- ColumnBoard ---------------------------------------------------------------------------------------------

  tabStop(): FocusPosition | null {
    return this.roving.current();
  }

  pinnedIds(): readonly string[] {
    const ids: string[] = [];
    const current = this.roving.current();
    if (current?.id) ids.push(current.id);
    if (this.dragLeadId) ids.push(this.dragLeadId);
    if (this.menuLeadId) ids.push(this.menuLeadId);
    if (this.openLeadId) ids.push(this.openLeadId);
    return ids;
  }

  get liftedId(): string | null {
    return this.lift?.leadId ?? null;
  }

  dropSlot(column: string): number | null {
    return this.lifting.dropSlot(this.lift, column);
  }

  connectList(column: string, list: HTMLElement): void {
    const el = list.closest('lead-kanban-column');
    if (el) this.columnEls.set(column, el);
    this.drag.connect(column, list);
  }

  disconnectList(column: string): void {
    this.columnEls.delete(column);
    this.drag.disconnect(column);
  }

  private visibleColumns(): readonly Column[] {
    return this.store?.columns ?? this.columns ?? [];
  }

  private indexIn(column: string, id: string): number {
    const el = this.columnEls.get(column);
    if (el) return el.indexOf(id);
    return this.store?.cardsIn(column).findIndex((l) => l.id === id) ?? -1;
  }

  /** After a focus, menu or lift change: each column re-renders only if what it shows differs. */
  private refreshAllColumns(): void {
    for (const column of this.columnEls.values()) column.refresh();
  }

  // ---- public methods -------------------------------------------------------------------------------------------

  /** Opens the drawer on a lead (as a click on its card does, without firing `lead-open`). */
  openLead(leadId: string): void {
    this.openLeadId = leadId;
    // The drawer may have closed itself without telling (hide()): open it again explicitly.
    void this.updateComplete.then(() => {
      const drawer = this.renderRoot.querySelector<HTMLElement & { open: boolean; show(): void }>('lead-drawer');
      if (drawer && this.openLeadId === leadId && !drawer.open) drawer.show();
    });
  }

  /** Focuses the board's one Tab stop (the remembered card, or where it was). */
  private focusTabStop(): void {
    const position = this.roving.current();
    if (position) void this.focusPosition(position);
  }

  /** Moves keyboard focus to a lead's card, scrolling its column so it is rendered and visible. */
  async focusLead(leadId: string): Promise<void> {
    const column = this.store?.lead(leadId)?.status;
    if (column) await this.focusPosition({ column, id: leadId });
  }

  /**
   * Makes `position` the Tab stop and focuses it: the column scrolls so the card is rendered and visible, then
   * `control` of that card (by default its name button) or the column's empty state takes focus.
   */
  private async focusPosition(position: FocusPosition, control: CardControl | '.card-lift' = '.card-open'): Promise<void> {
    this.roving.set(position);
    this.refreshAllColumns();
    const column = this.columnEls.get(position.column);
    if (!column) return;
    if (position.id) column.reveal(position.id);
    await column.updateComplete;
    if (position.header) {
      column.querySelector<HTMLElement>('.column-check')?.focus();
      return;
    }
    if (!position.id) {
      column.querySelector<HTMLElement>('.column-empty')?.focus();
      return;
    }
    const card = column.cardElement(position.id) as (HTMLElement & { updateComplete?: Promise<unknown> }) | null;
    await card?.updateComplete;
    (card?.querySelector<HTMLElement>(control) ?? card?.querySelector<HTMLElement>('.card-open'))?.focus();
  }

  // ---- selection --------------------------------------------------------------------------------------------------

  private selectionChanged(): void {
    const store = this.store;
    if (!store) return;
    // selectedIds(): the store's list for this selection state (made once, no set), also what a bulk command sends.
    fire(this, new LeadSelectionChangeEvent(store.selectedIds()));
    announce(messages().announceSelection(store.selectedCount));
  }

  // ---- moves --------------------------------------------------------------------------------------------------------

  /**
   * The one move path for drag, menu and keyboard: cancelable request event, the store command, the event
   * and the announcement. A failed save rolls back in the store and comes back as a notice (a toast).
   */
  private moveLead(leadId: string, to: string, index: number, source: Source): boolean {
    const store = this.store;
    const lead = store?.lead(leadId);
    if (!store || !lead) return false;
    const detail: LeadMoveDetail = { leadId, from: lead.status, to, index, source };
    if (!fire(this, new LeadRequestMoveEvent(detail))) return false;
    store.move(leadId, to, { index, source }).catch(() => undefined); // reported through onNotice
    fire(this, new LeadMoveEvent(detail));
    const label = (key: string) => store.columns.find((c) => c.key === key)?.label ?? key;
    const position = this.indexIn(to, leadId) + 1;
    announce(messages().announceMoved(lead.name, label(lead.status), label(to), position || index + 1, store.countIn(to)));
    return true;
  }

  private onDragState(leadId: string | null): void {
    this.dragging = leadId !== null;
    this.dragLeadId = leadId;
    if (!this.dragging) {
      for (const column of this.columnEls.values()) column.flushDeferred();
    }
  }

  /** Turns a drop (neighbour ids) into an index in the target column's cards, the lead itself left out. */
  private onDrop(drop: Drop): void {
    const store = this.store;
    if (!store) return;
    // Indexes by bisection (O(log n)), counted with the dropped lead left out.
    const own = this.indexIn(drop.to, drop.leadId);
    const without = (id: string) => {
      const i = this.indexIn(drop.to, id);
      return i < 0 ? -1 : own >= 0 && i > own ? i - 1 : i;
    };
    let index = store.countIn(drop.to) - (own >= 0 ? 1 : 0);
    if (drop.afterId) {
      const i = without(drop.afterId);
      if (i >= 0) index = i + 1;
    } else if (drop.beforeId) {
      const i = without(drop.beforeId);
      if (i >= 0) index = i;
    } else {
      index = 0;
    }
    if (own >= 0 && own === index) return;
    this.roving.set({ column: drop.to, id: drop.leadId });
    this.moveLead(drop.leadId, drop.to, index, 'drag');
  }

  // ---- assignments --------------------------------------------------------------------------------------------------

  /**
   * The one assignment path for the bulk dialog and the card menu: cancelable request, ONE store command,
   * the settled event, a summary toast (with Undo) and the selection cleared of the leads that went through.
   */
  private async assignLeads(leadIds: readonly string[], assigneeId: string | null, source: Source): Promise<AssignOutcome | null> {
    const store = this.store;
    if (!store || leadIds.length === 0) return null;
    if (!fire(this, new LeadRequestAssignEvent({ leadIds: [...leadIds], assigneeId, source }))) return null;
    const ids = new Set(leadIds);
    const own = (noticeIds: readonly string[]) => noticeIds.every((id) => ids.has(id));
    this.ownAssignments.add(own);
    let outcome: AssignOutcome;
    try {
      outcome = await store.assign(leadIds, assigneeId, { source });
    } finally {
      this.ownAssignments.delete(own);
    }
    fire(this, new LeadAssignEvent({ leadIds: [...leadIds], assigneeId, source, outcome }));
    if (outcome.ok.length > 0 && store.selectedCount > 0) {
      const before = store.selectedCount;
      store.deselect(outcome.ok);
      if (store.selectedCount !== before) fire(this, new LeadSelectionChangeEvent(store.selectedIds()));
    }
    this.reportOutcome(outcome, assigneeId);
    return outcome;
  }

  private reportOutcome(outcome: AssignOutcome, assigneeId: string | null): void {
    const name = assigneeId === null ? null : (this.store?.member(assigneeId)?.name ?? assigneeId);
    const { text, kind } = describeOutcome(outcome, name);
    const canUndo = outcome.ok.length > 0 && this.store?.canUndo;
    this.toasts.show(kind, text, canUndo ? { label: messages().undo, run: () => void this.undo() } : undefined);
  }

  private async undo(): Promise<void> {
    const store = this.store;
    if (!store) return;
    // Undo's notices name the batch's leads; the summary below covers them.
    const own = (_ids: readonly string[]) => true;
    this.ownAssignments.add(own);
    let outcome: AssignOutcome | null;
    try {
      outcome = await store.undo();
    } finally {
      this.ownAssignments.delete(own);
    }
    if (!outcome) return;
    const refused = outcome.conflict.length + outcome.forbidden.length + outcome.notFound.length;
    const text = outcome.error || refused ? describeOutcome(outcome, null).text : messages().undone(outcome.ok.length);
    this.toasts.show(outcome.error ? 'error' : refused ? 'warning' : 'success', text);
  }

  // ---- card menu ------------------------------------------------------------------------------------------------------

  private menuItems(lead: Lead): MenuItem[] {
    const store = this.store!;
    const msg = messages();
    const columns = this.visibleColumns();
    const index = this.indexIn(lead.status, lead.id);
    const last = store.countIn(lead.status) - 1;
    const me = store.me;
    const items: MenuItem[] = columns
      .filter((c) => c.key !== lead.status)
      .map((c) => ({ label: msg.moveTo(c.label), run: () => this.menuMove(lead.id, c.key, store.cardsIn(c.key).length) }));
    items.push(
      { label: msg.moveUp, disabled: index <= 0, separated: true, run: () => this.menuMove(lead.id, lead.status, index - 1) },
      { label: msg.moveDown, disabled: index >= last, run: () => this.menuMove(lead.id, lead.status, index + 1) },
      { label: msg.moveToTop, disabled: index <= 0, run: () => this.menuMove(lead.id, lead.status, 0) },
      { label: msg.moveToBottom, disabled: index >= last, run: () => this.menuMove(lead.id, lead.status, last) },
      // Lift from the menu: works with a screen reader in browse mode, where the M key would not reach the board.
      { label: msg.moveWithKeys, run: () => void this.startLift(lead.id) },
      { label: msg.assignEllipsis, separated: true, run: () => void this.openAssignDialog([lead.id]) },
    );
    if (me) {
      items.push({
        label: msg.assignToMe,
        disabled: lead.assigneeId === me.id,
        run: () => void this.assignLeads([lead.id], me.id, 'manual').then(() => this.focusLead(lead.id)),
      });
    }
    items.push({
      label: msg.unassign,
      disabled: lead.assigneeId === null,
      run: () => void this.assignLeads([lead.id], null, 'manual').then(() => this.focusLead(lead.id)),
    });
    return items;
  }

  private menuMove(leadId: string, to: string, index: number): void {
    if (this.moveLead(leadId, to, Math.max(0, index), 'keyboard')) void this.focusLead(leadId);
    else void this.focusLead(leadId);
  }

  private async openMenu(leadId: string, trigger: HTMLElement, fromEnd = false): Promise<void> {
    await loadOnDemandParts();
    const lead = this.store?.lead(leadId);
    const menu = this.renderRoot.querySelector<LeadKanbanMenu>('lead-kanban-menu');
    if (!lead || !menu) return;
    this.menuLeadId = leadId;
    this.refreshAllColumns();
    menu.onClose = () => {
      this.menuLeadId = null;
      this.refreshAllColumns();
    };
    await menu.show(trigger, messages().cardActions(lead.name), this.menuItems(lead), fromEnd);
  }

  // ---- bulk dialog ---------------------------------------------------------------------------------------------------

  private async openAssignDialog(leadIds: readonly string[]): Promise<void> {
    const dialog = this.renderRoot.querySelector<LeadKanbanAssignDialog>('lead-kanban-assign-dialog');
    if (!dialog || leadIds.length === 0) return;
    const opener = (this.renderRoot as ShadowRoot).activeElement as HTMLElement | null;
    const single = leadIds.length === 1 && !(this.store?.selectedCount && this.store.isSelected(leadIds[0]!) && this.store.selectedCount > 1) ? leadIds[0]! : null;
    await loadOnDemandParts(); // the dialog's chunk (normally already there: fetched after the first frame)
    dialog.onConfirm = async (ids, assigneeId) => {
      await this.assignLeads(ids, assigneeId, ids.length > 1 ? 'bulk' : 'manual');
    };
    dialog.onClose = () => {
      if (single && this.store?.lead(single)) void this.focusLead(single);
      // The bulk Assign button is disabled once the assigned leads left the selection: focus the board instead.
      else if (opener?.isConnected && !(opener.matches('.bulk-assign') && !this.store?.selectedCount)) opener.focus();
      else this.focusTabStop();
    };
    await dialog.show(leadIds);
  }

  // ---- toolbar handlers -----------------------------------------------------------------------------------------------

  private readonly onHelpClick = async (e: MouseEvent) => {
    const opener = e.currentTarget as HTMLElement;
    await loadOnDemandParts(); // the dialog's chunk (normally already there: fetched after the first frame)
    const dialog = this.renderRoot.querySelector<LeadKanbanHelpDialog>('lead-kanban-help-dialog');
    await dialog?.show(opener);
  };

  private readonly onSearchInput = (text: string) => {
    this.searchText = text;
    clearTimeout(this.searchTimer);
    this.searchTimer = setTimeout(() => this.store?.setFilter({ q: text.slice(0, 200) }), SEARCH_DEBOUNCE_MS);
  };

  private readonly onAssigneeFilter = (value: string) => {
    this.store?.setFilter({ assignee: value });
  };

  private readonly onStatusFilter = (value: string[]) => {
    this.store?.setFilter({ status: value });
  };

  // ---- delegated card events ------------------------------------------------------------------------------------------

  private readonly onColumnsClick = (e: MouseEvent) => {
    const store = this.store;
    const target = e.target as HTMLElement;
    if (!store) return;
    const columnCheck = target.closest<HTMLInputElement>('.column-check');
    if (columnCheck) {
      const key = columnCheck.dataset.column!;
      store.selectAllIn(key, store.selectionStateIn(key) !== 'all');
      columnCheck.checked = store.selectionStateIn(key) === 'all';
      this.selectionChanged();
      return;
    }
    const card = target.closest<HTMLElement>('lead-kanban-card');
    const id = card?.dataset.leadId;
    if (!card || !id) return;
    if (target.closest('.card-check')) {
      if (e.shiftKey && this.selectionAnchor && this.selectionAnchor !== id && store.lead(this.selectionAnchor)) {
        store.selectRange(this.selectionAnchor, id);
      } else {
        store.toggleSelected(id);
      }
      this.selectionAnchor = id;
      this.setFocusTo(id);
      this.selectionChanged();
      return;
    }
    const menuButton = target.closest<HTMLElement>('.card-menu');
    if (menuButton) {
      const menu = this.renderRoot.querySelector<LeadKanbanMenu>('lead-kanban-menu');
      if (menu?.isOpen && this.menuLeadId === id) menu.hide(true);
      else void this.openMenu(id, menuButton);
      return;
    }
    if (target.closest('.card-open')) {
      this.setFocusTo(id);
      fire(this, new LeadOpenEvent(id));
      this.openLead(id);
    }
  };

  /** Makes a card the Tab stop without moving focus (a click already focused it). */
  private setFocusTo(id: string): void {
    const column = this.store?.lead(id)?.status;
    if (!column) return;
    const before = this.roving.current();
    this.roving.set({ column, id });
    if (before?.id !== id) this.refreshAllColumns();
  }

  private readonly onColumnsFocusIn = (e: FocusEvent) => {
    const target = e.target as HTMLElement;
    if (target.matches('.column-check')) {
      const column = target.dataset.column;
      if (column && !this.roving.isHeaderTabStop(column)) {
        this.roving.set({ column, id: null, header: true });
        this.refreshAllColumns();
      }
      return;
    }
    if (target.matches(CARD_CONTROLS)) {
      const id = target.closest<HTMLElement>('lead-kanban-card')?.dataset.leadId;
      if (id) this.setFocusTo(id);
    }
  };

  /** Focus left a lifted card (a click elsewhere, a window switch): the move is cancelled, the card stays put. */
  private readonly onColumnsFocusOut = (e: FocusEvent) => {
    if (this.lift && (e.target as HTMLElement).matches('.card-lift')) this.endLift('cancel', false);
  };

  /**
   * The board's keyboard model on a card control (checkbox, name button, menu button) or an empty column:
   * arrows/Home/End move the one Tab stop (keeping the same kind of control), Shift+arrows extend the
   * selection, Space selects, Escape clears, M lifts, Ctrl/Cmd+arrows move at once, Shift+F10 opens the menu.
   */
  private readonly onColumnsKeydown = (e: KeyboardEvent) => {
    const store = this.store;
    const target = e.target as HTMLElement;
    if (!store) return;
    if (target.matches('.card-lift')) {
      this.onLiftKeydown(e);
      return;
    }
    if (!target.matches(`${CARD_CONTROLS}, .column-empty, .column-check`)) return;
    const control = (['.card-check', '.card-open', '.card-menu'] as const).find((c) => target.matches(c)) ?? '.card-open';
    const header = target.matches('.column-check');
    const id = target.closest<HTMLElement>('lead-kanban-card')?.dataset.leadId ?? null;
    const column = id ? store.lead(id)?.status : header ? target.dataset.column : target.dataset.emptyColumn;
    if (!column) return;
    this.roving.set({ column, id, ...(header ? { header } : {}) });
    const arrow = ARROWS[e.key];
    const mod = e.ctrlKey || e.metaKey;
    if (arrow && mod && id && !e.shiftKey && !e.altKey) {
      e.preventDefault();
      this.keyboardMove(id, arrow);
      return;
    }
    if (arrow && !mod && !e.altKey) {
      e.preventDefault();
      const next = this.roving.target(arrow);
      if (!next) return;
      if (e.shiftKey && id && next.id) this.extendSelection(id, column, next.id, arrow);
      void this.focusPosition(next, control);
      return;
    }
    switch (e.key) {
      case 'Home':
      case 'End': {
        e.preventDefault();
        const next = this.roving.target(mod ? (e.key === 'Home' ? 'first' : 'last') : e.key === 'Home' ? 'home' : 'end');
        if (next) void this.focusPosition(next, control);
        return;
      }
      case ' ':
        // The checkbox and the menu button keep their own Space (toggle, open); on the name, Space selects.
        if (!id || control !== '.card-open') return;
        e.preventDefault(); // no button activation: Space selects, Enter opens
        store.toggleSelected(id);
        this.selectionAnchor = id;
        this.selectionChanged();
        return;
      case 'Escape':
        if (store.selectedCount > 0) {
          e.preventDefault();
          store.clearSelection();
          this.selectionChanged();
        }
        return;
      case 'm':
      case 'M':
        if (id && !mod && !e.altKey && !e.shiftKey) {
          e.preventDefault();
          void this.startLift(id);
        }
        return;
      case 'F10':
      case 'ContextMenu':
        if (id && (e.key === 'ContextMenu' || e.shiftKey)) {
          e.preventDefault();
          const button = target.closest('lead-kanban-card')?.querySelector<HTMLElement>('.card-menu');
          if (button) void this.openMenu(id, button);
        }
        return;
    }
  };

  /**
   * Shift+arrow: up/down selects the range from the anchor (in this column) to the next card; left/right adds
   * the card in the next column and makes it the anchor. The focused card is always part of the selection.
   */
  private extendSelection(id: string, column: string, nextId: string, arrow: FocusMove): void {
    const store = this.store!;
    if (arrow === 'up' || arrow === 'down') {
      const anchorLead = this.selectionAnchor ? store.lead(this.selectionAnchor) : undefined;
      const anchor = anchorLead && anchorLead.status === column && store.isSelected(anchorLead.id) ? anchorLead.id : id;
      store.selectRange(anchor, nextId);
      this.selectionAnchor = anchor;
    } else {
      store.setSelected(id, true);
      store.setSelected(nextId, true);
      this.selectionAnchor = nextId;
    }
    this.selectionChanged();
  }

  // ---- keyboard move mode (lift) --------------------------------------------------------------------------------------

  private columnLabel(key: string): string {
    return this.visibleColumns().find((c) => c.key === key)?.label ?? key;
  }

  /** Picks a card up: focus goes to its `role="application"` overlay, which takes the arrow keys. */
  private async startLift(leadId: string): Promise<void> {
    const lead = this.store?.lead(leadId);
    const lift = lead ? this.lifting.start(leadId, lead.status) : null;
    if (!lead || !lift) return;
    this.lift = lift;
    await this.focusPosition({ column: lead.status, id: leadId }, '.card-lift');
    const { position, total } = this.lifting.place(lift);
    announce(messages().announceLifted(lead.name, this.columnLabel(lift.to), position, total));
  }

  private onLiftKeydown(e: KeyboardEvent): void {
    const lift = this.lift;
    const lead = lift ? this.store?.lead(lift.leadId) : undefined;
    if (!lift || !lead) {
      if (lift) this.endLift('cancel', false);
      return;
    }
    const steps: Record<string, LiftStep> = { ...ARROWS, Home: 'home', End: 'end' } as Record<string, LiftStep>;
    const step = steps[e.key];
    if (step) {
      e.preventDefault();
      const next = this.lifting.step(lift, step);
      if (next !== lift) {
        this.lift = next;
        this.refreshAllColumns();
        this.columnEls.get(next.to)?.revealIndex(this.lifting.dropSlot(next, next.to) ?? next.index);
      }
      const { position, total } = this.lifting.place(next);
      announce(messages().announceLiftPosition(lead.name, this.columnLabel(next.to), position, total));
      return;
    }
    switch (e.key) {
      case 'Enter':
      case ' ':
        e.preventDefault();
        this.endLift('drop', true);
        return;
      case 'Escape':
        e.preventDefault();
        e.stopPropagation();
        this.endLift('cancel', true);
        return;
      case 'Tab':
        // Leaving a lifted card puts it back; focus returns to the card, the next Tab leaves the board.
        e.preventDefault();
        this.endLift('cancel', true);
        return;
    }
  }

  /** Drops (ONE store move, source "keyboard") or cancels; focus returns to the card's name unless it left. */
  private endLift(how: 'drop' | 'cancel', refocus: boolean): void {
    const lift = this.lift;
    const store = this.store;
    if (!lift || !store) return;
    this.lift = null; // first: removing the focused overlay must not cancel again
    this.refreshAllColumns();
    const lead = store.lead(lift.leadId);
    if (!lead) return;
    const msg = messages();
    if (how === 'drop' && !this.lifting.isHome(lift)) {
      this.moveLead(lift.leadId, lift.to, lift.index, 'keyboard'); // announces "Moved … from … to …"
    } else {
      const index = this.indexIn(lead.status, lead.id);
      const total = store.cardsIn(lead.status).length;
      const say = how === 'drop' ? msg.announceLiftUnchanged : msg.announceLiftCancelled;
      announce(say(lead.name, this.columnLabel(lead.status), index + 1, total));
    }
    if (refocus) void this.focusLead(lift.leadId);
    else this.roving.set({ column: store.lead(lift.leadId)?.status ?? lead.status, id: lift.leadId });
  }

  /** Ctrl/Cmd + arrow: moves the focused card one place up/down, or to the next column left/right. */
  private keyboardMove(id: string, arrow: FocusMove): void {
    const store = this.store!;
    const lead = store.lead(id);
    if (!lead) return;
    const keys = this.visibleColumns().map((c) => c.key);
    const index = this.indexIn(lead.status, id);
    let to = lead.status;
    let at = index;
    if (arrow === 'up') at = index - 1;
    else if (arrow === 'down') at = index + 1;
    else {
      const c = keys.indexOf(lead.status) + (arrow === 'left' ? -1 : 1);
      if (c < 0 || c >= keys.length) return;
      to = keys[c]!;
      at = Math.min(index, store.cardsIn(to).length);
    }
    if (at < 0 || (to === lead.status && at > store.cardsIn(to).length - 1)) return;
    if (this.moveLead(id, to, at, 'keyboard')) void this.focusLead(id);
  }

  // ---- drawer ------------------------------------------------------------------------------------------------------------

  private readonly onDrawerRequestClose = () => {
    const id = this.openLeadId;
    // The drawer closes itself unless someone prevents the request; look once every listener has run.
    queueMicrotask(() => {
      const drawer = this.renderRoot.querySelector<HTMLElement & { open: boolean }>('lead-drawer');
      if (drawer && !drawer.open) this.drawerClosed(id);
    });
  };

  private drawerClosed(id: string | null): void {
    this.openLeadId = null;
    if (!id) return;
    // The drawer gives focus back to the element it came from; if that card was re-rendered, find it again.
    void this.updateComplete.then(() => {
      const active = (this.renderRoot as ShadowRoot).activeElement;
      if (!active || !active.closest(`lead-kanban-card[data-lead-id="${CSS.escape(id)}"]`)) {
        if (this.store?.lead(id)) void this.focusLead(id);
      }
    });
  }

  // ---- render ---------------------------------------------------------------------------------------------------------------

  protected override render() {
    const msg = messages();
    const store = this.store;
    const columns = this.visibleColumns();
    const status = store?.status ?? 'idle';
    return html`<section class="board" part="base" aria-label=${msg.boardLabel}>
      <div class="toolbar" part="toolbar" role="group" aria-label=${msg.toolbarLabel}>
        ${renderFilters({
          store,
          columns,
          searchText: this.searchText,
          onSearchInput: this.onSearchInput,
          onAssigneeFilter: this.onAssigneeFilter,
          onStatusFilter: this.onStatusFilter,
        })}
        ${renderBulkBar({
          store,
          onSelectAllMatching: () => {
            store?.selectAllMatching();
            this.selectionChanged();
          },
          onClear: () => {
            store?.clearSelection();
            this.selectionChanged();
          },
          onAssign: () => void this.openAssignDialog(store?.selectedIds() ?? []),
        })}
        <button
          type="button"
          class="btn btn-quiet help-button"
          aria-label=${msg.keyboardShortcuts}
          title=${msg.keyboardShortcuts}
          aria-haspopup="dialog"
          @click=${this.onHelpClick}
        >
          ${keyboardIcon}
        </button>
      </div>
      ${renderWorkload({ store, onFilter: (assignee) => this.onAssigneeFilter(assignee) })}
      ${status === 'error'
        ? html`<div class="load-error">
            <p>${msg.loadFailed(store?.error?.message ?? '')}</p>
            <button type="button" class="btn" @click=${() => void store?.load()}>${msg.retry}</button>
          </div>`
        : nothing}
      <div
        class="columns${status === 'loading' ? ' is-loading' : ''}"
        @click=${this.onColumnsClick}
        @keydown=${this.onColumnsKeydown}
        @focusin=${this.onColumnsFocusIn}
        @focusout=${this.onColumnsFocusOut}
      >
        ${columns.map(
          (c) => html`<lead-kanban-column
            role="region"
            aria-label=${c.label}
            part="column"
            data-column=${c.key}
            ?data-drop-target=${this.lift?.to === c.key}
            .board=${this}
            .column=${c}
          ></lead-kanban-column>`,
        )}
      </div>
      <lead-kanban-menu></lead-kanban-menu>
      <lead-kanban-assign-dialog .store=${store}></lead-kanban-assign-dialog>
      <lead-kanban-help-dialog></lead-kanban-help-dialog>
      ${helpDescriptions()}
      <lead-drawer
        .leadId=${this.openLeadId ?? ''}
        ?open=${this.openLeadId !== null}
        @lead-request-close=${this.onDrawerRequestClose}
      ></lead-drawer>
      ${this.toasts.render()}
    </section>`;
  }

  protected override updated(changed: PropertyValues<this>): void {
    // Columns render from the store themselves; a new store or new columns means a full re-render of them.
    if (changed.has('store') || changed.has('columns')) for (const column of this.columnEls.values()) column.requestUpdate();
  }
}

define('lead-kanban', LeadKanban);

declare global {
  interface HTMLElementTagNameMap {
    'lead-kanban': LeadKanban;
  }
}
