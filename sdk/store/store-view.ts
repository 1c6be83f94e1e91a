/**
 * What a view reads of a LeadStore, and the view state it sets — members, columns and their cards, the
 * filter, the sort, the selection — none of which writes to the backend. LeadStore (sdk/store.ts) extends it
 * with loading, the commands that write, activity, presence and subscriptions. Each member is one line into a
 * named module of this folder (store-core, board-view, selection-commands).
 */
import type { Column, Lead, LeadFilter, LeadSort, MemberWithLoad } from '../schema.js';
import * as board from './board-view.js';
import * as selection from './selection-commands.js';
import type { StoreCore } from './store-core.js';

export class LeadStoreView {
  /** The shared state every part of the store works on (store-core.ts). */
  protected readonly core: StoreCore;

  protected constructor(core: StoreCore) {
    this.core = core;
  }

  // ------------------------------------------------------------------ members

  get members(): readonly MemberWithLoad[] {
    return this.core.memberLoads.current().all;
  }
  get assignableMembers(): readonly MemberWithLoad[] {
    return this.core.memberLoads.current().assignable;
  }
  member(id: string | null | undefined): MemberWithLoad | undefined {
    return this.core.member(id);
  }

  // ------------------------------------------------------------------ columns and leads

  get columns(): readonly Column[] {
    return this.core.columns;
  }

  setColumns(columns: readonly Column[]): void {
    board.setColumns(this.core, columns);
  }

  lead(id: string): Lead | undefined {
    return this.core.shown.get(id);
  }
  /**
   * The lead as shown now, or as it was last shown before it left the user's view (handed off, removed) — so
   * a view can still name a lead that is gone. Kept for the most recent departures only.
   */
  lastSeen(id: string): Lead | undefined {
    return this.core.shown.get(id) ?? this.core.departed.get(id);
  }
  get leadCount(): number {
    return this.core.shown.size;
  }

  /** Filtered cards of a column by position; the same array instance until its content or order changes. */
  cardsIn(status: string): readonly Lead[] {
    return this.core.cardsIn(status);
  }
  /**
   * Where a lead sits in cardsIn(status), or -1 when it is not among them (other column, filtered out).
   * Found by bisection over the ordered cards: O(log n), so views need not keep their own id → index maps.
   */
  indexIn(status: string, leadId: string): number {
    return board.indexIn(this.core, status, leadId);
  }

  /**
   * Where a lead would land in cardsIn(status) if moved there without an index, itself left out: the end under
   * the manual sort, else where the sort puts it (see `move`); its own index for its own column. -1 when the lead
   * is not shown.
   */
  landingIndex(leadId: string, status: string): number {
    return board.landingIndex(this.core, leadId, status);
  }
  /**
   * A number that changes whenever the marks on a column's cards change — which are selected, which have a
   * write in flight. With cardsIn()'s identity (the cards themselves) it tells a view when a column shows
   * something new, without asking about every card.
   */
  marksRevision(status: string): number {
    return this.core.marks.get(status) ?? 0;
  }
  countIn(status: string): number {
    return this.cardsIn(status).length;
  }
  /** The total value of a column's filtered cards, kept by deltas as leads change (no scan per render). */
  valueIn(status: string): number {
    return this.core.columnIndex.valueIn(status);
  }
  totalIn(status: string): number {
    return this.core.shown.countWithStatus(status);
  }

  /** Every lead matching the filter, column by column in position order. */
  matchingIds(): readonly string[] {
    return board.matchingIds(this.core);
  }

  get unassignedCount(): number {
    return this.core.shown.unassignedOpen;
  }

  /** The open unassigned lead created first: the one that has waited longest for someone (null: none). */
  get oldestUnassigned(): Lead | null {
    return this.core.shown.oldestUnassignedOpen();
  }

  isPending(leadId: string): boolean {
    return this.core.ledger.isPending(leadId);
  }

  /** Ids of leads currently held by a member (unfiltered), e.g. for workload views. */
  leadIdsAssignedTo(memberId: string | null): readonly string[] {
    return [...(this.core.shown.idsAssignedTo(memberId) ?? [])];
  }

  // ------------------------------------------------------------------ filter

  get filter(): Readonly<LeadFilter> {
    return this.core.filterState.current;
  }

  /** Throws AdapterError('invalid') naming the field when the merged filter is malformed. */
  setFilter(patch: Partial<LeadFilter>): void {
    board.setFilter(this.core, patch);
  }

  // ------------------------------------------------------------------ sort

  /** How each column's cards are ordered (see LeadSort); 'manual' (by position) until set. */
  get sort(): LeadSort {
    return this.core.sortKey;
  }

  /**
   * Orders every column's cards by `sort`. Each column is rebuilt once (one sort), then kept in that order by
   * bisection as leads change; the selection is unchanged. Under a sort other than 'manual' a card has no
   * place of its own in its column: see `move`. Throws AdapterError('invalid') for an unknown sort.
   */
  setSort(sort: LeadSort): void {
    board.setSort(this.core, sort);
  }

  // ------------------------------------------------------------------ selection

  /**
   * The selected ids as a set (a new set per change; never changed once handed out). Listing them costs
   * O(selected): prefer selectedCount / isSelected for display, and selectedIds() for a command.
   */
  get selection(): ReadonlySet<string> {
    return this.core.selectionModel.ids;
  }
  /**
   * The selected ids as a list, made once per selection change: what a bulk command sends. After "select all
   * matching" these are the leads that matched at that moment, whatever the filter says now.
   */
  selectedIds(): readonly string[] {
    return this.core.selectionModel.list();
  }
  get selectedCount(): number {
    return this.core.selectionModel.size;
  }
  /**
   * How many selected leads the current filter hides (they are on no column's cards): a bulk action still
   * reaches them, so a view says so. From the per-column counts kept by deltas: O(columns), whatever the size.
   */
  get selectedHiddenCount(): number {
    return selection.selectedHiddenCount(this.core);
  }
  /** Takes the leads the filter hides out of the selection (what is shown stays selected). */
  deselectHidden(): void {
    selection.deselectHidden(this.core);
  }
  isSelected(id: string): boolean {
    return this.core.selectionModel.has(id);
  }
  setSelected(id: string, on: boolean): void {
    selection.setSelected(this.core, id, on);
  }
  toggleSelected(id: string): void {
    this.setSelected(id, !this.core.selectionModel.has(id));
  }

  /** Selects the inclusive range between two cards: in their column's order when they share one, else board order. */
  selectRange(anchorId: string, toId: string): void {
    selection.selectRange(this.core, anchorId, toId);
  }

  selectAllIn(status: string, on = true): void {
    selection.selectAllIn(this.core, status, on);
  }

  /** Answered from per-column counts kept by deltas, not by scanning the column. */
  selectionStateIn(status: string): 'none' | 'some' | 'all' {
    return selection.selectionStateIn(this.core, status);
  }

  /**
   * Selects every lead matching the filter now, rendered or not. The selection is those leads: changing the
   * filter afterwards does not change it, and a lead arriving later is not selected. Each column's cards are
   * kept as one reference (see SelectionModel): no per-lead work unless a column already had a selection to
   * merge with. The ids are listed only when asked for (selectedIds()).
   */
  selectAllMatching(): void {
    selection.selectAllMatching(this.core);
  }

  deselect(ids: Iterable<string>): void {
    selection.deselect(this.core, ids);
  }

  clearSelection(): void {
    selection.clearSelection(this.core);
  }
}
