/**
 * What every part of a LeadStore shares: the state (confirmed leads with in-flight overlays, the shown leads
 * and their indexes, members, histories) and the few internals every command needs — refresh one lead and fan
 * the change out to every index, report a failure, flush once. The commands themselves live beside it
 * (lead-commands, selection-commands, board-view, distribution-commands, live-feed) and store.ts wires them.
 */
import type { LeadAdapter } from '../adapter.js';
import type { AdapterError } from '../adapter.js';
import type { Activity, Column, Lead, LeadSort, Member, MemberWithLoad } from '../schema.js';
import { ActivityCache } from './activity-cache.js';
import { ChangeBatch } from './change-batch.js';
import { ColumnIndex } from './column-index.js';
import { failureNotice, outcomeNotice } from './command-notices.js';
import { FilterState } from './filter-state.js';
import { loadHolder, sameButVersion } from './lead-values.js';
import { MemberLoads } from './member-loads.js';
import { PushedNotices } from './pushed-notices.js';
import { SelectionModel } from './selection-model.js';
import { ShownLeads } from './shown-leads.js';
import type { AssignmentCommand } from './assignment-batch.js';
import type { AssignOutcome, CommandName, LoadStatus, StoreNotice } from './types.js';
import { UndoHistory } from './undo-history.js';
import type { UndoHost } from './undo-run.js';
import { WriteLedger } from './write-ledger.js';

/** How many departed leads lastSeen() remembers. */
const DEPARTED_KEPT = 1000;

export class StoreCore {
  status: LoadStatus = 'idle';
  error: AdapterError | null = null;
  me: Member | null = null;
  columns: readonly Column[];
  sortKey: LeadSort = 'manual';
  /** Set by dispose(): pushed changes and late answers are ignored from then on. */
  disposed = false;

  /** Change and notice delivery; every part marks what it touched there. */
  readonly batch = new ChangeBatch();
  readonly filterState = new FilterState();

  /** Per column: bumped whenever a card's marks (selected, write in flight) change; see marksRevision(). */
  readonly marks = new Map<string, number>();
  readonly markColumn = (status: string) => void this.marks.set(status, (this.marks.get(status) ?? 0) + 1);

  // Leads: backend truth with in-flight overlays, and the shown result with its indexes.
  readonly ledger = new WriteLedger(this.batch, (id) => this.refresh(id), (id) => {
    const lead = this.shown.get(id);
    if (lead) this.markColumn(lead.status);
  });
  readonly shown = new ShownLeads();
  /** Who views which lead right now, as the backend pushed it (member ids). */
  readonly viewers = new Map<string, readonly string[]>();
  /** Leads that left the view lately, as last shown (lastSeen). */
  readonly departed = new Map<string, Lead>();
  readonly columnIndex = new ColumnIndex(this.shown, this.filterState, this.batch);
  readonly selectionModel = new SelectionModel(
    this.shown,
    this.filterState,
    this.batch,
    (s) => this.columnIndex.cardsIn(s),
    () => this.columnIndex.order,
    this.markColumn,
  );

  readonly memberLoads = new MemberLoads(this.batch);
  readonly activity = new ActivityCache(this.batch);
  readonly undoHistory = new UndoHistory(this.batch);
  readonly pushedNotices = new PushedNotices();

  /** The store's parts as the assignment engine, lead updates and undo use them. */
  readonly host: UndoHost;

  constructor(readonly adapter: LeadAdapter, columns: readonly Column[]) {
    this.columns = columns;
    this.filterState.searchLists = () => this.columnIndex.currentLists();
    this.host = {
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
  }

  member(id: string | null | undefined): MemberWithLoad | undefined {
    return id ? this.memberLoads.current().byId.get(id) : undefined;
  }

  cardsIn(status: string): readonly Lead[] {
    return this.columnIndex.cardsIn(status);
  }

  /**
   * Recomputes the shown lead from confirmed + overlays and updates every index that depends on it.
   * Returns whether the shown lead changed.
   */
  refresh(id: string, withLoadDeltas = true): boolean {
    const next = this.ledger.shownFor(id);
    const prev = this.shown.get(id);
    // While our write is in flight, the backend's copy differing only in version (our own write's pushed
    // echo, an earlier write's answer) shows nothing new: keep the optimistic object until the write
    // settles, whose refresh shows the confirmed one. A bulk assignment then re-indexes its 1,000 leads
    // twice (optimistic, settled), not three times, and its echo re-renders nothing.
    if (prev && next && prev !== next && this.ledger.isPending(id) && sameButVersion(prev, next)) return false;
    if (!this.shown.replace(id, prev, next)) return false; // same lead: keep the identity, nothing to re-render
    this.batch.markLead(id);
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

  /**
   * A load's listing into a store that shows nothing yet, confirmed already (`ledger.acceptListing`): every
   * index filled in one pass over the leads instead of lead by lead through refresh() — at 50,000 leads that
   * was ~6 hash-table writes per lead before the first frame. Applies only when nothing is shown, in flight
   * or selected, and every listed id is unique; returns false otherwise (the caller then refreshes each lead).
   */
  showFirstListing(leads: readonly Lead[]): boolean {
    if (this.shown.size > 0 || this.selectionModel.hasAny || this.ledger.hasPending) return false;
    const lists = this.shown.fill(leads);
    if (this.shown.size !== leads.length) {
      this.shown.clear(); // an id listed twice: the ledger keeps its newest version, which refresh() shows
      return false;
    }
    this.columnIndex.seed(lists);
    this.batch.leadsListed(leads);
    if (this.departed.size > 0) for (const lead of leads) this.departed.delete(lead.id);
    if (!this.disposed) this.filterState.foldAllLater(leads);
    return true;
  }

  markAllColumns(how: { rebuild: true } | { refilter: 'narrow' | 'full' }): void {
    this.columnIndex.markAll(this.columns.map((c) => c.key), how);
  }

  setStatus(status: LoadStatus, error: AdapterError | null): void {
    this.status = status;
    this.error = error;
    this.batch.status = true;
  }

  notify(notice: StoreNotice): void {
    this.batch.notify(notice);
  }

  /** Rebuilds dirty columns, then tells listeners everything that changed since the last flush. */
  flush(): void {
    this.columnIndex.bringUpToDate();
    this.memberLoads.sync();
    this.batch.emit();
  }

  /** Fetches a lead's history and caches it; later commands and pushed events extend the cache. */
  async loadActivity(leadId: string): Promise<readonly Activity[]> {
    const fetched = await this.adapter.listActivity(leadId);
    const list = this.activity.fetched(leadId, fetched);
    this.flush();
    return list;
  }

  /** Keeps cached histories current when the adapter does not push activity itself. */
  afterWrite(leadIds: readonly string[]): void {
    if (this.adapter.subscribe) return;
    for (const id of leadIds) if (this.activity.has(id)) this.loadActivity(id).catch(() => undefined);
  }

  reportOutcome(command: AssignmentCommand, outcome: AssignOutcome, leadIds: string[]): AssignOutcome {
    const notice = outcomeNotice(command, outcome, leadIds);
    if (notice && outcome.batchId && command !== 'undo' && this.undoHistory.has(outcome.batchId)) notice.undoId = outcome.batchId;
    if (notice) this.notify(notice);
    this.flush();
    return outcome;
  }

  failedOutcome(
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
  commandFailed(command: CommandName, leadIds: string[], error: AdapterError): AdapterError {
    this.notify(failureNotice(command, leadIds, error));
    this.flush();
    return error;
  }
}
