/**
 * LeadStore: the client-side state of a board and its one write path (every change a user makes is one of
 * its commands; docs/architecture.md follows a write through it). Framework-free: no lit, no DOM; runs in the
 * browser and in Node.
 *
 * A facade: it validates input, runs commands and pushed changes, and composes the parts in ./store/:
 * - write-ledger: confirmed leads plus in-flight overlays (exact rollback by version);
 * - shown-leads, column-index, filter-state, selection-model: what the board shows and its derived figures,
 *   each kept by deltas from the one lead that changed (refresh() below is where every change fans out);
 * - member-loads, undo-history, activity-cache: members' open-lead counts, the last batch, histories;
 * - assignment-batch, move-plan, command-notices: the assignment engine, card placement, user messages;
 * - intake: leads arriving (create, import, assignment rules), answered by the backend rather than optimistic;
 * - change-batch: marks what changed and tells listeners once per command or burst of pushed events.
 */
import type { LeadAdapter } from './adapter.js';
import { AdapterError, parseOrThrow } from './adapter.js';
import type { DistributionPlan, DistributionStrategy } from './distribute.js';
import { planDistribution } from './distribute.js';
import { CARD_ORDERS, indexOfCard, lowerBound } from './internal/card-order.js';
import type { Activity, ChangeEvent, Column, Lead, LeadFilter, LeadPatch, LeadSort, Member, MemberWithLoad, Source } from './schema.js';
import {
  ColumnKeySchema,
  ColumnsSchema,
  DEFAULT_COLUMNS,
  IdSchema,
  LeadFilterSchema,
  LeadPatchSchema,
  LeadSortSchema,
  NoteBodySchema,
  SourceSchema,
} from './schema.js';
import * as z from 'zod/mini';
import { runAssignments } from './store/assignment-batch.js';
import type { AssignmentCommand, AssignmentGroup, AssignmentHost } from './store/assignment-batch.js';
import { ActivityCache } from './store/activity-cache.js';
import { ChangeBatch } from './store/change-batch.js';
import { asAdapterError, failureNotice, outcomeNotice } from './store/command-notices.js';
import { planMove, planSortedMove, type MovePlan } from './store/move-plan.js';
import { MemberLoads } from './store/member-loads.js';
import { newMoveActionId, UndoHistory, type UndoAction } from './store/undo-history.js';
import { fieldConflict, sendUpdate, type SentUpdate, type UpdateOptions } from './store/lead-update.js';
import type { UndoHost } from './store/undo-run.js';
import type * as UndoRun from './store/undo-run.js';
import { PushedNotices } from './store/pushed-notices.js';
import type { KeyValueStorage } from './adapters/memory-database.js';
import { WriteLedger } from './store/write-ledger.js';
import { ColumnIndex } from './store/column-index.js';
import { FilterState } from './store/filter-state.js';
import { loadHolder, sameButVersion } from './store/lead-values.js';
import { SelectionModel } from './store/selection-model.js';
import * as intake from './store/intake.js';
import type { ImportInput, ImportResult, NewLead, AssignmentRules } from './schema.js';
import { ShownLeads } from './store/shown-leads.js';
import type { AssignOutcome, CommandName, LeadStoreOptions, LoadStatus, StoreChange, StoreNotice } from './store/types.js';

export type { DistributionPlan, DistributionStrategy } from './distribute.js';
export type { UndoAction } from './store/undo-history.js';
export type { KeyValueStorage } from './adapters/memory-database.js';
export type { ImportProgress, IntakeAbilities, StoreImportOptions } from './store/intake.js';

export type {
  AssignOutcome,
  CommandName,
  LeadStoreOptions,
  LoadStatus,
  NoticeCode,
  NoticeCounts,
  StoreChange,
  StoreNotice,
} from './store/types.js';

const LeadIdsSchema = z.array(IdSchema);
const AssigneeSchema = z.nullable(IdSchema);
type AssignmentArgs = Parameters<typeof runAssignments> extends [AssignmentHost, ...infer Rest] ? Rest : never;
/** Where the store keeps the tie rotation of distributions (LeadStoreOptions.rotationStorage). */
const ROTATION_KEY = 'lead-kanban:distribution-rotation';
let undoRun: Promise<typeof UndoRun> | undefined;
/** How an undo runs (store/undo-run.ts), loaded with the first undo: most sessions never undo, and it weighs. */
function loadUndoRun(): Promise<typeof UndoRun> {
  undoRun ??= import('./store/undo-run.js').catch((error: unknown) => {
    undoRun = undefined; // a failed chunk load may succeed later
    throw error;
  });
  return undoRun;
}

/** Pushed changes this close together are one burst, told in one notice (see noticesSoon). */
const PUSHED_BURST_MS = 120;
/** How many departed leads lastSeen() remembers. */
const DEPARTED_KEPT = 1000;

const MoveOptionsSchema = z.object({ index: z.optional(z.int().check(z.minimum(0))), source: z.optional(SourceSchema) });

export class LeadStore {
  readonly adapter: LeadAdapter;

  private _status: LoadStatus = 'idle';
  private _error: AdapterError | null = null;
  private _me: Member | null = null;
  private _columns: readonly Column[];
  /** Change and notice delivery; every part marks what it touched there. */
  private readonly batch = new ChangeBatch();
  private readonly filterState = new FilterState();
  private sortKey: LeadSort = 'manual';

  /** Per column: bumped whenever a card's marks (selected, write in flight) change; see marksRevision(). */
  private readonly marks = new Map<string, number>();
  private readonly markColumn = (status: string) => void this.marks.set(status, (this.marks.get(status) ?? 0) + 1);

  // Leads: backend truth with in-flight overlays, and the shown result with its indexes.
  private readonly ledger = new WriteLedger(this.batch, (id) => this.refresh(id), (id) => {
    const lead = this.shown.get(id);
    if (lead) this.markColumn(lead.status);
  });
  private readonly shown = new ShownLeads();
  /** Who views which lead right now, as the backend pushed it (member ids). */
  private readonly viewers = new Map<string, readonly string[]>();
  /** Leads that left the view lately, as last shown (lastSeen). */
  private readonly departed = new Map<string, Lead>();
  private readonly columnIndex = new ColumnIndex(this.shown, this.filterState, this.batch);
  private readonly selectionModel = new SelectionModel(
    this.shown,
    this.filterState,
    this.batch,
    (s) => this.columnIndex.cardsIn(s),
    () => this.columnIndex.order,
    this.markColumn,
  );

  private readonly memberLoads = new MemberLoads(this.batch);
  private readonly activity = new ActivityCache(this.batch);
  private readonly undoHistory = new UndoHistory(this.batch);
  private readonly pushedNotices = new PushedNotices();
  private noticeTimer: ReturnType<typeof setTimeout> | undefined;

  private unsubscribe: (() => void) | null = null;
  /** Pushed events that arrive while loading: applied once the initial lists are in. */
  private buffered: ChangeEvent[] | null = null;
  private membersRefresh: Promise<void> | null = null;
  private disposed = false;
  private readonly assignmentHost: UndoHost;
  /** Undos run one after another: each is planned against what the one before it left. */
  private undoQueue: Promise<unknown> = Promise.resolve();
  /** After whom the next distribution's ties start (see sdk/distribute.ts). */
  private rotation: string | undefined;
  private readonly rotationStorage: KeyValueStorage | undefined;
  private readonly intakeHost: intake.IntakeHost;

  constructor(adapter: LeadAdapter, options: LeadStoreOptions = {}) {
    this.adapter = adapter;
    this._columns = options.columns ? parseOrThrow(ColumnsSchema, options.columns, 'columns') : DEFAULT_COLUMNS;
    this.filterState.searchLists = () => this.columnIndex.currentLists();
    this.rotationStorage = options.rotationStorage;
    this.rotation = readRotation(this.rotationStorage);
    this.assignmentHost = {
      history: this.undoHistory,
      adapter,
      ledger: this.ledger,
      isShown: (id) => this.shown.has(id),
      membersKnown: () => this.memberLoads.known,
      member: (id) => this.member(id),
      flush: () => this.flush(),
      remember: (batchId, command, entries) =>
        this.undoHistory.remember({ id: batchId, kind: 'assign', command, leadIds: entries.map((e) => e.leadId), entries }),
      afterWrite: (ids) => this.afterWrite(ids),
      report: (command, outcome, ids) => this.reportOutcome(command, outcome, ids),
      fail: (command, ids, error, outcome) => this.failedOutcome(command, ids, outcome.assigneeId, error, outcome),
    };
    this.intakeHost = {
      adapter,
      me: () => this._me,
      accept: (lead) => {
        if (this.ledger.acceptPushed(lead)) this.flush();
      },
      refreshMembers: () => this.scheduleMembersRefresh(),
      reload: () => this.load({ quiet: true }),
    };
  }

  // ------------------------------------------------------------------ loading

  /**
   * Loads me, members and leads, then listens to the adapter's pushed changes. Failure sets status 'error'.
   * Calling it again reloads; with `quiet` the board keeps showing what it has until the lists are in (used
   * when the change feed reconnects, since changes may have been missed while it was down).
   */
  async load(options: { quiet?: boolean } = {}): Promise<void> {
    this.disposed = false;
    if (!options.quiet || this._status !== 'ready') {
      this.setStatus('loading', null);
      this.flush();
    }
    if (!this.unsubscribe && this.adapter.subscribe) {
      // Subscribe first and buffer, so nothing changed between the lists and the subscription is missed.
      this.buffered = [];
      this.unsubscribe = this.adapter.subscribe((event) => this.receive(event), {
        onReconnect: () => void this.load({ quiet: true }),
      });
    } else if (this.unsubscribe) {
      this.buffered ??= [];
    }
    let me: Member, members: MemberWithLoad[], leads: Lead[];
    try {
      [me, members, leads] = await Promise.all([this.adapter.me(), this.adapter.listMembers(), this.adapter.listLeads()]);
    } catch (error) {
      const failure = asAdapterError(error);
      this.buffered = null;
      this.setStatus('error', failure);
      this.notify(failureNotice('load', [], failure));
      this.flush();
      return;
    }
    if (this.disposed) return;
    this._me = me;
    this.ledger.viewer = me;
    this.filterState.meId = me.id;
    this.selectionModel.recountLater(); // 'me' may resolve differently now
    this.memberLoads.set(members);
    this.ledger.acceptListing(leads);
    // Counts come from the backend; rebuild the view without applying deltas to them.
    for (const id of new Set([...this.shown.ids(), ...this.ledger.confirmedIds()])) this.refresh(id, false);
    this.setStatus('ready', null);
    const buffered = this.buffered ?? [];
    this.buffered = null;
    for (const event of buffered) this.apply(event);
    this.batch.filter = true; // 'me' may resolve differently now
    this.selectionModel.recountLater();
    this.markAllColumns({ rebuild: true });
    this.flush();
  }

  /** Stops listening to the adapter. The state stays readable. */
  dispose(): void {
    this.disposed = true;
    clearTimeout(this.noticeTimer);
    this.noticeTimer = undefined;
    this.unsubscribe?.();
    this.unsubscribe = null;
    this.buffered = null;
    this.filterState.stopFolding();
  }

  get status(): LoadStatus {
    return this._status;
  }
  get error(): AdapterError | null {
    return this._error;
  }
  get me(): Member | null {
    return this._me;
  }

  // ------------------------------------------------------------------ members

  get members(): readonly MemberWithLoad[] {
    return this.memberLoads.current().all;
  }
  get assignableMembers(): readonly MemberWithLoad[] {
    return this.memberLoads.current().assignable;
  }
  member(id: string | null | undefined): MemberWithLoad | undefined {
    return id ? this.memberLoads.current().byId.get(id) : undefined;
  }

  // ------------------------------------------------------------------ columns and leads

  get columns(): readonly Column[] {
    return this._columns;
  }

  setColumns(columns: readonly Column[]): void {
    this._columns = parseOrThrow(ColumnsSchema, columns, 'columns');
    this.markAllColumns({ rebuild: true });
    for (const c of this._columns) this.batch.columns.add(c.key);
    this.flush();
  }

  lead(id: string): Lead | undefined {
    return this.shown.get(id);
  }
  /**
   * The lead as shown now, or as it was last shown before it left the user's view (handed off, removed) — so
   * a view can still name a lead that is gone. Kept for the most recent departures only.
   */
  lastSeen(id: string): Lead | undefined {
    return this.shown.get(id) ?? this.departed.get(id);
  }
  get leadCount(): number {
    return this.shown.size;
  }

  /** Filtered cards of a column by position; the same array instance until its content or order changes. */
  cardsIn(status: string): readonly Lead[] {
    return this.columnIndex.cardsIn(status);
  }
  /**
   * Where a lead sits in cardsIn(status), or -1 when it is not among them (other column, filtered out).
   * Found by bisection over the ordered cards: O(log n), so views need not keep their own id → index maps.
   */
  indexIn(status: string, leadId: string): number {
    const lead = this.shown.get(leadId);
    if (!lead || lead.status !== status) return -1;
    return indexOfCard(this.cardsIn(status), lead, this.columnIndex.order);
  }

  /**
   * Where a lead would land in cardsIn(status) if moved there without an index, itself left out: the end under
   * the manual sort, else where the sort puts it (see `move`); its own index for its own column. -1 when the lead
   * is not shown.
   */
  landingIndex(leadId: string, status: string): number {
    const lead = this.shown.get(leadId);
    if (!lead) return -1;
    if (lead.status === status) return this.indexIn(status, leadId);
    if (this.sortKey === 'manual') return this.countIn(status);
    const plan = this.planMoveOf(lead, status, undefined);
    const moved: Lead = { ...lead, status, position: plan.kind === 'stay' ? lead.position : plan.position };
    return lowerBound(this.cardsIn(status), moved, this.columnIndex.order);
  }
  /**
   * A number that changes whenever the marks on a column's cards change — which are selected, which have a
   * write in flight. With cardsIn()'s identity (the cards themselves) it tells a view when a column shows
   * something new, without asking about every card.
   */
  marksRevision(status: string): number {
    return this.marks.get(status) ?? 0;
  }
  countIn(status: string): number {
    return this.cardsIn(status).length;
  }
  /** The total value of a column's filtered cards, kept by deltas as leads change (no scan per render). */
  valueIn(status: string): number {
    return this.columnIndex.valueIn(status);
  }
  totalIn(status: string): number {
    return this.shown.idsWithStatus(status)?.size ?? 0;
  }

  /** Every lead matching the filter, column by column in position order. */
  matchingIds(): readonly string[] {
    const ids: string[] = [];
    for (const c of this._columns) for (const lead of this.cardsIn(c.key)) ids.push(lead.id);
    return ids;
  }

  get unassignedCount(): number {
    return this.shown.unassignedOpen;
  }

  /** The open unassigned lead created first: the one that has waited longest for someone (null: none). */
  get oldestUnassigned(): Lead | null {
    return this.shown.oldestUnassignedOpen();
  }

  isPending(leadId: string): boolean {
    return this.ledger.isPending(leadId);
  }

  /** Ids of leads currently held by a member (unfiltered), e.g. for workload views. */
  leadIdsAssignedTo(memberId: string | null): readonly string[] {
    return [...(this.shown.idsAssignedTo(memberId) ?? [])];
  }

  // ------------------------------------------------------------------ filter

  get filter(): Readonly<LeadFilter> {
    return this.filterState.current;
  }

  /** Throws AdapterError('invalid') naming the field when the merged filter is malformed. */
  setFilter(patch: Partial<LeadFilter>): void {
    const next = parseOrThrow(LeadFilterSchema, { ...this.filterState.current, ...patch }, 'filter');
    const refilter = this.filterState.replace(next);
    if (!refilter) return;
    this.batch.filter = true;
    this.selectionModel.recountLater();
    this.markAllColumns({ refilter });
    this.flush();
  }

  // ------------------------------------------------------------------ sort

  /** How each column's cards are ordered (see LeadSort); 'manual' (by position) until set. */
  get sort(): LeadSort {
    return this.sortKey;
  }

  /**
   * Orders every column's cards by `sort`. Each column is rebuilt once (one sort), then kept in that order by
   * bisection as leads change; the selection is unchanged. Under a sort other than 'manual' a card has no
   * place of its own in its column: see `move`. Throws AdapterError('invalid') for an unknown sort.
   */
  setSort(sort: LeadSort): void {
    const next = parseOrThrow(LeadSortSchema, sort, 'sort');
    if (next === this.sortKey) return;
    this.sortKey = next;
    this.selectionModel.reorder();
    this.columnIndex.setOrder(CARD_ORDERS[next]);
    this.batch.sort = true;
    this.markAllColumns({ rebuild: true });
    this.flush();
  }

  // ------------------------------------------------------------------ selection

  /**
   * The selected ids as a set (a new set per change; never changed once handed out). Listing them costs
   * O(selected): prefer selectedCount / isSelected for display, and selectedIds() for a command.
   */
  get selection(): ReadonlySet<string> {
    return this.selectionModel.ids;
  }
  /**
   * The selected ids as a list, made once per selection change: what a bulk command sends. After "select all
   * matching" these are the leads that matched at that moment, whatever the filter says now.
   */
  selectedIds(): readonly string[] {
    return this.selectionModel.list();
  }
  get selectedCount(): number {
    return this.selectionModel.size;
  }
  /**
   * How many selected leads the current filter hides (they are on no column's cards): a bulk action still
   * reaches them, so a view says so. From the per-column counts kept by deltas: O(columns), whatever the size.
   */
  get selectedHiddenCount(): number {
    const size = this.selectionModel.size;
    if (size === 0) return 0;
    let shown = 0;
    for (const c of this._columns) shown += this.selectionModel.selectedIn(c.key);
    return size - shown;
  }
  /** Takes the leads the filter hides out of the selection (what is shown stays selected). */
  deselectHidden(): void {
    if (this.selectedHiddenCount === 0) return;
    const hidden = this.selectionModel.list().filter((id) => {
      const lead = this.shown.get(id);
      return !lead || this.indexIn(lead.status, id) === -1;
    });
    this.editSelection([], hidden);
  }
  isSelected(id: string): boolean {
    return this.selectionModel.has(id);
  }
  setSelected(id: string, on: boolean): void {
    if (on === this.selectionModel.has(id) || (on && !this.shown.has(id))) return;
    this.editSelection(on ? [id] : [], on ? [] : [id]);
  }
  toggleSelected(id: string): void {
    this.setSelected(id, !this.selectionModel.has(id));
  }

  /** Selects the inclusive range between two cards: in their column's order when they share one, else board order. */
  selectRange(anchorId: string, toId: string): void {
    const anchor = this.shown.get(anchorId);
    const to = this.shown.get(toId);
    if (!to) return;
    if (anchor && anchor.status === to.status) {
      // Same column: both ends found by bisection, not by scanning the column.
      const cards = this.cardsIn(to.status);
      const a = indexOfCard(cards, anchor, this.columnIndex.order);
      const b = indexOfCard(cards, to, this.columnIndex.order);
      if (a === -1 || b === -1) return this.setSelected(toId, true);
      return this.selectCards([[to.status, cards.slice(Math.min(a, b), Math.max(a, b) + 1)]]);
    }
    const order = this.matchingIds();
    const a = order.indexOf(anchorId);
    const b = order.indexOf(toId);
    if (a === -1 || b === -1) return this.setSelected(toId, true);
    this.editSelection(order.slice(Math.min(a, b), Math.max(a, b) + 1), [], true);
  }

  selectAllIn(status: string, on = true): void {
    if (on) return this.selectCards([[status, this.cardsIn(status)]]);
    this.editSelection([], this.cardsIn(status).map((l) => l.id), true);
  }

  /** Answered from per-column counts kept by deltas, not by scanning the column. */
  selectionStateIn(status: string): 'none' | 'some' | 'all' {
    const total = this.countIn(status);
    const selected = total === 0 ? 0 : this.selectionModel.selectedIn(status);
    return selected === 0 ? 'none' : selected >= total ? 'all' : 'some';
  }

  /**
   * Selects every lead matching the filter now, rendered or not. The selection is those leads: changing the
   * filter afterwards does not change it, and a lead arriving later is not selected. Each column's cards are
   * kept as one reference (see SelectionModel): no per-lead work unless a column already had a selection to
   * merge with. The ids are listed only when asked for (selectedIds()).
   */
  selectAllMatching(): void {
    this.selectCards(this._columns.map((c) => [c.key, this.cardsIn(c.key)] as const));
  }

  deselect(ids: Iterable<string>): void {
    this.editSelection([], [...ids]);
  }

  clearSelection(): void {
    if (this.selectionModel.hasAny) this.editSelection([], 'all');
  }

  // ------------------------------------------------------------------ commands

  /** Assigns (null: unassigns) leads in ONE adapter call. Never rejects: the outcome says what happened to each lead. */
  async assign(leadIds: readonly string[], assigneeId: string | null, options: { source?: Source } = {}): Promise<AssignOutcome> {
    let ids: string[], assignee: string | null, source: Source;
    try {
      ids = [...new Set(parseOrThrow(LeadIdsSchema, leadIds, 'leadIds'))];
      assignee = parseOrThrow(AssigneeSchema, assigneeId, 'assigneeId');
      source = parseOrThrow(SourceSchema, options.source ?? 'manual', 'source');
    } catch (error) {
      return this.failedOutcome('assign', [...leadIds].map(String), assigneeId, asAdapterError(error));
    }
    return this.runAssignments('assign', [{ assigneeId: assignee, leadIds: ids }], source, { assignee });
  }

  /**
   * "Keep mine" for the leads an assignment (or distribution) found changed by someone else: each is assigned
   * again to the assignee the batch wanted for it, against the version it has now — the one the conflict
   * showed. One batch, reported like any other. "Keep theirs" needs no call: the store already shows theirs.
   */
  async keepMine(outcome: AssignOutcome, leadIds: readonly string[] = outcome.conflict): Promise<AssignOutcome> {
    const groups = new Map<string | null, string[]>();
    for (const id of leadIds) {
      const to = outcome.wanted?.[id];
      if (to === undefined) continue;
      const group = groups.get(to);
      if (group) group.push(id);
      else groups.set(to, [id]);
    }
    const command = outcome.source === 'distribute' ? 'distribute' : 'assign';
    return this.runAssignments(command, [...groups].map(([assigneeId, ids]) => ({ assigneeId, leadIds: ids })),
      outcome.source ?? 'manual', { assignee: groups.size === 1 ? [...groups.keys()][0]! : null });
  }

  /**
   * Moves a lead to `status` at `index` of that column's cards (the lead itself left out; default: the end).
   * One lead is written, with a position between its new neighbours. Rejects with AdapterError after rollback.
   *
   * Under a sort other than 'manual' the order within a column is the sort's, not the cards' positions, so
   * `index` is not a place: a move to another column puts the lead at the end of that column's positions (it
   * shows where the sort puts it: `landingIndex`), and a move within its own column changes nothing.
   */
  async move(leadId: string, status: string, options: { index?: number; source?: Source } = {}): Promise<Lead> {
    let opts: { index?: number; source?: Source };
    try {
      parseOrThrow(ColumnKeySchema, status, 'status');
      opts = parseOrThrow(MoveOptionsSchema, options, 'options');
      if (!this._columns.some((c) => c.key === status)) {
        throw new AdapterError('invalid', `status: unknown column "${status}"`, { issues: [{ path: 'status', message: 'Unknown column', code: 'invalid_option' }] });
      }
    } catch (error) {
      throw this.commandFailed('move', [leadId], asAdapterError(error));
    }
    const lead = this.shown.get(leadId);
    if (!lead) throw this.commandFailed('move', [leadId], new AdapterError('not_found', `Lead ${leadId} not found`));
    const source = opts.source ?? 'drag';

    const plan = this.planMoveOf(lead, status, opts.index);
    if (plan.kind === 'stay') return lead;
    const patch: LeadPatch = lead.status === status ? { position: plan.position } : { status, position: plan.position };
    const from = { status: lead.status, position: lead.position };
    const to = { status, position: plan.position };
    const moved = this.runUpdate('move', leadId, patch, source, ({ result, expected }) => {
      // Kept for undo, and said as a settled move the user can undo.
      const id = newMoveActionId();
      this.undoHistory.remember({
        id, kind: 'move', command: 'move', leadIds: [leadId], entries: [{ leadId, from, to, version: result.version, base: expected }],
      });
      this.notify({ kind: 'success', code: 'settled', command: 'move', leadIds: [leadId], undoId: id });
    });
    if (plan.kind === 'renumber') {
      for (const { lead: other, position } of plan.others) {
        this.runUpdate('move', other.id, { position }, source).catch(() => undefined); // reported by notice
      }
    }
    return moved;
  }

  /**
   * Changes fields of a lead (never its assignee). Rejects with AdapterError (issues name the fields) after
   * rollback.
   *
   * `base`: the lead as the user saw it when they began editing. A field of the patch that someone changed
   * since is a `conflict` (its `current` is the lead now, an issue with code `changed` names each such field)
   * and nothing is sent: the user chooses, and keeping theirs means sending again with the lead now as base.
   * Changes to other fields are no reason to refuse: when the backend refuses a stale version and the patched
   * fields are still as the user saw them, the edit is sent again on the newer version.
   */
  async update(leadId: string, patch: LeadPatch, options: { base?: Lead } = {}): Promise<Lead> {
    let parsed: LeadPatch;
    try {
      parsed = parseOrThrow(LeadPatchSchema, patch, 'patch');
    } catch (error) {
      throw this.commandFailed('update', [leadId], asAdapterError(error));
    }
    const lead = this.shown.get(leadId);
    if (!lead) throw this.commandFailed('update', [leadId], new AdapterError('not_found', `Lead ${leadId} not found`));
    const base = options.base;
    if (!base) return this.runUpdate('update', leadId, parsed, undefined);
    const refused = fieldConflict(base, lead, parsed);
    if (refused) throw this.commandFailed('update', [leadId], refused);
    return this.runUpdate('update', leadId, parsed, undefined, undefined, (current) => fieldConflict(base, current, parsed));
  }

  async addNote(leadId: string, text: string): Promise<Activity> {
    try {
      const body = parseOrThrow(NoteBodySchema, { text }, 'note');
      if (!this.shown.has(leadId)) throw new AdapterError('not_found', `Lead ${leadId} not found`);
      const note = await this.adapter.addNote(leadId, body.text);
      this.activity.record(note);
      this.flush();
      return note;
    } catch (error) {
      const failure = asAdapterError(error);
      if (failure.code === 'not_found') this.ledger.forget(leadId);
      throw this.commandFailed('addNote', [leadId], failure);
    }
  }

  /**
   * Previews how leads would be spread over members (inactive ones skipped), counting members' current open
   * leads, with ties rotating between runs (see sdk/distribute.ts). Apply exactly this plan with
   * `applyDistribution`; leads the store does not hold are `skipped`.
   */
  planDistribution(leadIds: readonly string[], memberIds: readonly string[], strategy: DistributionStrategy): DistributionPlan {
    const known = leadIds.filter((id) => this.shown.has(id));
    const unknown = leadIds.filter((id) => !this.shown.has(id));
    const members = memberIds.map((id) => this.member(id)).filter((m): m is MemberWithLoad => m !== undefined);
    const plan = planDistribution(known, members, strategy, undefined, { after: this.rotation });
    plan.skipped.push(...new Set(unknown));
    return plan;
  }

  /**
   * Applies a distribution plan exactly as previewed, as one batch: one batch id (source 'distribute'), one
   * adapter call per member, one action in the undo history. Leads that changed since the preview are
   * conflicts, as for any assignment.
   */
  async applyDistribution(plan: DistributionPlan): Promise<AssignOutcome> {
    const groups = new Map<string, string[]>();
    for (const { leadId, memberId } of plan.assignments) {
      const group = groups.get(memberId);
      if (group) group.push(leadId);
      else groups.set(memberId, [leadId]);
    }
    const list: AssignmentGroup[] = [...groups].map(([assigneeId, ids]) => ({ assigneeId, leadIds: ids }));
    const outcome = await this.runAssignments('distribute', list, 'distribute', {
      assignee: groups.size === 1 ? [...groups.keys()][0]! : null,
    });
    if (outcome.ok.length > 0 && plan.rotation !== undefined) this.saveRotation(plan.rotation);
    outcome.skipped = [...plan.skipped];
    return outcome;
  }

  /** Plans and applies at once (`planDistribution`, then `applyDistribution`). */
  distribute(leadIds: readonly string[], memberIds: readonly string[], strategy: DistributionStrategy): Promise<AssignOutcome> {
    return this.applyDistribution(this.planDistribution(leadIds, memberIds, strategy));
  }

  get canUndo(): boolean {
    return this.undoHistory.canUndo;
  }

  /** The actions that can be undone, newest first: assignment batches (id = batch id) and moves. */
  get undoActions(): readonly UndoAction[] {
    return this.undoHistory.actions();
  }

  /**
   * Undoes one action of the undo history — the newest, or the one with `actionId` — as a write with source
   * 'undo' and its own history: an assignment batch goes back to each lead's previous assignee, a move puts
   * the card back where it was. Leads changed since that action are refused (reported as conflicts). Undos
   * run one after another. Null when there is nothing (or no such action) to undo.
   */
  undo(actionId?: string): Promise<AssignOutcome | null> {
    const run = this.undoQueue.then(async () => {
      const { runUndo } = await loadUndoRun();
      const record = this.undoHistory.take(actionId);
      if (!record) return null;
      try {
        return await runUndo(this.assignmentHost, record);
      } finally {
        this.flush();
      }
    });
    this.undoQueue = run.catch(() => undefined);
    return run;
  }

  // ------------------------------------------------------------------ leads arriving (store/intake.ts)

  /** What the current member can do about arriving leads here (the adapter offers it, the policy allows it). */
  get intake(): intake.IntakeAbilities {
    return intake.intakeAbilities(this.adapter, this._me);
  }

  /**
   * Creates a lead: it appears at the top of its column when the backend answers (here and, pushed, on every
   * open board). Rejects with AdapterError, `issues` naming the fields; nothing to roll back.
   */
  create(lead: NewLead): Promise<Lead> {
    return intake.createLead(this.intakeHost, lead);
  }

  /** Imports CSV text or JSON rows; `dryRun` previews. The answer lists each invalid row (see ImportResult). */
  importLeads(input: ImportInput, options?: intake.StoreImportOptions): Promise<ImportResult> {
    return intake.importLeads(this.intakeHost, input, options);
  }

  getAssignmentRules(): Promise<AssignmentRules> {
    return intake.getAssignmentRules(this.intakeHost);
  }

  /** Admins and managers; rejects with `forbidden` for members, `invalid` naming the field (`memberIds.0`). */
  setAssignmentRules(rules: AssignmentRules): Promise<AssignmentRules> {
    return intake.setAssignmentRules(this.intakeHost, rules);
  }

  // ------------------------------------------------------------------ activity

  /** Fetches a lead's history and caches it; later commands and pushed events extend the cache. */
  async loadActivity(leadId: string): Promise<readonly Activity[]> {
    const fetched = await this.adapter.listActivity(leadId);
    const list = this.activity.fetched(leadId, fetched);
    this.flush();
    return list;
  }

  activityOf(leadId: string): readonly Activity[] | undefined {
    return this.activity.of(leadId);
  }

  /** Whether the adapter can list a batch's entries (`loadBatch`). */
  get canLoadBatches(): boolean {
    return typeof this.adapter.listBatch === 'function';
  }

  /**
   * The history entries of one batch on leads the user may see now, in order (the adapter's `listBatch`;
   * `[]` from an adapter without it). Not cached: a batch is looked at rarely, and its leads move on.
   */
  async loadBatch(batchId: string): Promise<readonly Activity[]> {
    if (!this.adapter.listBatch) return [];
    return this.adapter.listBatch(parseOrThrow(IdSchema, batchId, 'batchId'));
  }

  // ------------------------------------------------------------------ presence

  /** Whether the adapter shares presence (LeadAdapter.setViewing): without it, views show nobody viewing. */
  get presenceSupported(): boolean {
    return typeof this.adapter.setViewing === 'function';
  }

  /** Says which lead this user has open now (null: none); ignored by adapters without presence. */
  viewing(leadId: string | null): void {
    this.adapter.setViewing?.(leadId).catch(() => undefined); // best effort: presence is a courtesy
  }

  /** The other people who have a lead open right now (never the current user), as members. */
  viewersOf(leadId: string): readonly MemberWithLoad[] {
    const ids = this.viewers.get(leadId);
    if (!ids) return [];
    return ids.filter((id) => id !== this._me?.id).map((id) => this.member(id)).filter((m): m is MemberWithLoad => m !== undefined);
  }

  // ------------------------------------------------------------------ subscriptions

  subscribe(listener: (change: StoreChange) => void): () => void {
    return this.batch.subscribe(listener);
  }

  onNotice(listener: (notice: StoreNotice) => void): () => void {
    return this.batch.onNotice(listener);
  }

  // ================================================================== internals: writes

  /**
   * One lead update (store/lead-update.ts); `saved` runs once it went through, before listeners hear of it.
   * `rebase`: on a stale version, whether to send it again on the current lead (see UpdateOptions).
   */
  private async runUpdate(
    command: 'move' | 'update',
    leadId: string,
    patch: LeadPatch,
    source: Source | undefined,
    saved?: (update: SentUpdate) => void,
    rebase?: UpdateOptions['rebase'],
  ): Promise<Lead> {
    let update: SentUpdate;
    try {
      update = await sendUpdate(this.assignmentHost, leadId, patch, source, rebase ? { rebase } : {});
    } catch (error) {
      throw this.commandFailed(command, [leadId], asAdapterError(error));
    }
    this.afterWrite([leadId]);
    saved?.(update);
    this.flush();
    return this.shown.get(leadId) ?? update.result;
  }

  private saveRotation(memberId: string): void {
    this.rotation = memberId;
    try {
      this.rotationStorage?.setItem(ROTATION_KEY, memberId);
    } catch {
      // Storage full or disabled: the rotation still holds for this store's life.
    }
  }

  /** Where `move` puts a lead: between its new neighbours, or under a sort other than manual as planSortedMove says. */
  private planMoveOf(lead: Lead, status: string, index: number | undefined): MovePlan {
    const full = this.columnIndex.allIn(status);
    if (this.sortKey !== 'manual') return planSortedMove(lead, status, full);
    return planMove(lead, status, index, this.cardsIn(status), full);
  }

  /** The assignment engine (see assignment-batch.ts) run on this store's parts. */
  private runAssignments(...args: AssignmentArgs): Promise<AssignOutcome> {
    return runAssignments(this.assignmentHost, ...args);
  }

  /** Keeps cached histories current when the adapter does not push activity itself. */
  private afterWrite(leadIds: readonly string[]): void {
    if (this.adapter.subscribe) return;
    for (const id of leadIds) if (this.activity.has(id)) this.loadActivity(id).catch(() => undefined);
  }

  private reportOutcome(command: AssignmentCommand, outcome: AssignOutcome, leadIds: string[]): AssignOutcome {
    const notice = outcomeNotice(command, outcome, leadIds);
    if (notice && outcome.batchId && command !== 'undo' && this.undoHistory.has(outcome.batchId)) notice.undoId = outcome.batchId;
    if (notice) this.notify(notice);
    this.flush();
    return outcome;
  }

  private failedOutcome(
    command: CommandName,
    leadIds: string[],
    assigneeId: string | null,
    error: AdapterError,
    base?: AssignOutcome,
  ): AssignOutcome {
    const outcome: AssignOutcome = base ?? { batchId: null, assigneeId, ok: [], conflict: [], forbidden: [], notFound: [] };
    outcome.error = error;
    this.notify(failureNotice(command, leadIds, error, outcome));
    this.flush();
    return outcome;
  }

  /** Reports a failed command and returns its error for the caller to throw. */
  private commandFailed(command: CommandName, leadIds: string[], error: AdapterError): AdapterError {
    this.notify(failureNotice(command, leadIds, error));
    this.flush();
    return error;
  }

  // ================================================================== internals: pushed changes

  /**
   * A pushed change. Not parsed again here: the adapter contract says every value an adapter hands over is
   * already parsed (the RestAdapter parses each event at the wire and drops malformed ones; the
   * MemoryAdapter's events are made by its own code from data it parsed on the way in). Re-parsing cost
   * ~30 ms for the 2,000 events a bulk assignment of 1,000 leads pushes back.
   */
  private receive(event: ChangeEvent): void {
    if (this.disposed) return;
    if (this.buffered) {
      this.buffered.push(event);
      return;
    }
    // A bulk change arrives as many events: render once for the burst. The echo of our own bulk write shows
    // nothing new (see refresh), so it schedules nothing: the command's own flush reports the settled leads.
    if (this.apply(event)) this.batch.flushSoon(() => this.flush());
  }

  /**
   * Applies a pushed change to the confirmed state; in-flight overlays stay on top until they settle.
   * Returns whether listeners have something to hear about.
   */
  private apply(event: ChangeEvent): boolean {
    switch (event.type) {
      case 'lead': {
        const before = this.shown.get(event.lead.id);
        const matched = before !== undefined && this.filterState.matches(before);
        if (!this.ledger.acceptPushed(event.lead)) return false;
        this.batch.remote.add(event.lead.id);
        const now = this.shown.get(event.lead.id);
        // Someone else's change took it out of what the filter shows (not our own write in flight).
        if (matched && now && !this.filterState.matches(now) && !this.isPending(now.id)) {
          this.pushedNotices.leadLeftFilter(now.id);
          this.noticesSoon();
        }
        return true;
      }
      case 'lead_removed': {
        const wasShown = this.shown.has(event.leadId);
        const ours = this.isPending(event.leadId);
        this.ledger.forget(event.leadId);
        if (wasShown) this.scheduleMembersRefresh();
        // The echo of our own hand-off in flight is not someone else's change.
        if (wasShown && !ours) {
          this.batch.remote.add(event.leadId);
          this.pushedNotices.leadRemoved(event.leadId);
          this.noticesSoon();
        }
        return true;
      }
      case 'activity':
        if (this.pushedNotices.activity(event.activity, this._me?.id)) this.noticesSoon();
        return this.activity.record(event.activity);
      case 'presence':
        if (event.viewerIds.length > 0) this.viewers.set(event.leadId, event.viewerIds);
        else this.viewers.delete(event.leadId);
        this.batch.presence.add(event.leadId);
        return true;
    }
  }

  /**
   * When a lead leaves our view we cannot know its new holder's count: ask the backend again, then re-add
   * the effect of our own in-flight overlays, which the backend does not know yet.
   */
  private scheduleMembersRefresh(): void {
    if (this.membersRefresh) return;
    this.membersRefresh = (async () => {
      await Promise.resolve();
      try {
        const members = await this.adapter.listMembers();
        if (this.disposed) return;
        this.memberLoads.set(members);
        for (const id of this.ledger.pendingIds()) {
          const base = this.ledger.confirmedLead(id);
          const shown = this.shown.get(id);
          this.memberLoads.move(loadHolder(base), loadHolder(shown));
        }
        this.flush();
      } catch {
        // Counts stay as they were; the next refresh will correct them.
      } finally {
        this.membersRefresh = null;
      }
    })();
  }

  // ================================================================== internals: indexes and notifications

  /**
   * Recomputes the shown lead from confirmed + overlays and updates every index that depends on it.
   * Returns whether the shown lead changed.
   */
  private refresh(id: string, withLoadDeltas = true): boolean {
    const next = this.ledger.shownFor(id);
    const prev = this.shown.get(id);
    // While our write is in flight, the backend's copy differing only in version (our own write's pushed
    // echo, an earlier write's answer) shows nothing new: keep the optimistic object until the write
    // settles, whose refresh shows the confirmed one. A bulk assignment then re-indexes its 1,000 leads
    // twice (optimistic, settled), not three times, and its echo re-renders nothing.
    if (prev && next && prev !== next && this.ledger.isPending(id) && sameButVersion(prev, next)) return false;
    if (!this.shown.replace(id, prev, next)) return false; // same lead: keep the identity, nothing to re-render
    this.batch.leads.add(id);
    if (prev && !next) {
      this.departed.set(id, prev);
      if (this.departed.size > DEPARTED_KEPT) this.departed.delete(this.departed.keys().next().value!);
    } else if (next && this.departed.size > 0) this.departed.delete(id);
    if (next && !this.disposed) this.filterState.foldLater(next, prev);
    if (prev) this.columnIndex.noteEdit(prev.status, id, prev);
    if (next && next.status !== prev?.status) this.columnIndex.noteEdit(next.status, id, null);
    if (this.selectionModel.hasAny) this.selectionModel.leadChanged(id, prev, next);
    if (withLoadDeltas) this.memberLoads.move(loadHolder(prev), loadHolder(next));
    return true;
  }

  private markAllColumns(how: { rebuild: true } | { refilter: 'narrow' | 'full' }): void {
    this.columnIndex.markAll(this._columns.map((c) => c.key), how);
  }

  private selectCards(groups: readonly (readonly [string, readonly Lead[]])[]): void {
    if (this.selectionModel.selectCards(groups)) this.flush();
  }

  /** `matching`: every id comes from the filtered cards (see SelectionModel.edit). */
  private editSelection(add: readonly string[], remove: readonly string[] | 'all', matching = false): void {
    if (this.selectionModel.edit(add, remove, matching)) this.flush();
  }

  private setStatus(status: LoadStatus, error: AdapterError | null): void {
    this._status = status;
    this._error = error;
    this.batch.status = true;
  }

  private notify(notice: StoreNotice): void {
    this.batch.notify(notice);
  }

  /**
   * Says what pushed changes brought, once the burst is over: a server sends a bulk change as one chunk, but a
   * browser hands its messages over one task at a time, so "within a moment" is what makes them one burst.
   */
  private noticesSoon(): void {
    if (this.noticeTimer || this.disposed) return;
    this.noticeTimer = setTimeout(() => {
      this.noticeTimer = undefined;
      for (const notice of this.pushedNotices.take()) this.notify(notice);
    }, PUSHED_BURST_MS);
  }

  /** Rebuilds dirty columns, then tells listeners everything that changed since the last flush. */
  private flush(): void {
    this.columnIndex.bringUpToDate();
    this.memberLoads.sync();
    this.batch.emit();
  }
}

function readRotation(storage: KeyValueStorage | undefined): string | undefined {
  try {
    return storage?.getItem(ROTATION_KEY) ?? undefined;
  } catch {
    return undefined;
  }
}
