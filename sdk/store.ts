/**
 * LeadStore: the client-side state of a board and its one write path (every change a user makes is one of
 * its commands; docs/architecture.md follows a write through it). Framework-free: no lit, no DOM; runs in the
 * browser and in Node.
 *
 * A thin facade over the parts in ./store/, each a named module. What a view reads and the view state it sets
 * (members, columns and cards, filter, sort, selection) is the base class, LeadStoreView (store/store-view.ts);
 * this class adds loading, the commands that write, activity, presence and subscriptions.
 * - store-core: the shared state (write-ledger: confirmed leads plus in-flight overlays; shown-leads,
 *   column-index, filter-state, selection-model: what the board shows, kept by deltas from the one lead that
 *   changed; member-loads, undo-history, activity-cache) and refresh(), where every change fans out;
 * - live-feed: loading, pushed changes, reconnects, the notices a burst of pushed changes brings;
 * - board-view: columns, filter, sort, where a card sits or lands;
 * - selection-commands, lead-commands (assign, keep mine, move, update, note), distribution-commands
 *   (distribute, undo), intake (create, import, assignment rules): the commands. The intake commands and the
 *   undo runner are in the SDK's late chunk (sdk/internal/late-parts.ts), loaded by their first use.
 */
import type { LeadAdapter } from './adapter.js';
import type { AdapterError } from './adapter.js';
import { parseOrThrow } from './adapter.js';
import type { DistributionPlan, DistributionStrategy } from './distribute.js';
import { latePartsFor } from './internal/late.js';
import type { Activity, Lead, LeadPatch, Member, MemberWithLoad, Source } from './schema.js';
import { ColumnsSchema, DEFAULT_COLUMNS, IdSchema } from './schema.js';
import { DistributionCommands } from './store/distribution-commands.js';
import * as commands from './store/lead-commands.js';
import { LiveFeed } from './store/live-feed.js';
import { StoreCore } from './store/store-core.js';
import { LeadStoreView } from './store/store-view.js';
import type { UndoAction } from './store/undo-history.js';
import * as intake from './store/intake.js';
import type { ImportInput, ImportResult, NewLead, AssignmentRules } from './schema.js';
import type { AssignOutcome, LeadStoreOptions, LoadStatus, StoreChange, StoreNotice } from './store/types.js';

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

export class LeadStore extends LeadStoreView {
  readonly adapter: LeadAdapter;

  private readonly feed: LiveFeed;
  private readonly distribution: DistributionCommands;
  private readonly intakeHost: intake.IntakeHost;

  constructor(adapter: LeadAdapter, options: LeadStoreOptions = {}) {
    super(new StoreCore(adapter, options.columns ? parseOrThrow(ColumnsSchema, options.columns, 'columns') : DEFAULT_COLUMNS));
    this.adapter = adapter;
    const core = this.core;
    this.feed = new LiveFeed(core);
    this.distribution = new DistributionCommands(core, options.rotationStorage);
    this.intakeHost = {
      adapter,
      me: () => core.me,
      accept: (lead) => {
        if (core.ledger.acceptPushed(lead)) core.flush();
      },
      refreshMembers: () => this.feed.scheduleMembersRefresh(),
      reload: () => this.load({ quiet: true }),
    };
  }

  // ------------------------------------------------------------------ loading

  /**
   * Loads me, members and leads, then listens to the adapter's pushed changes. Failure sets status 'error'.
   * Calling it again reloads; with `quiet` the board keeps showing what it has until the lists are in (used
   * when the change feed reconnects, since changes may have been missed while it was down).
   */
  load(options: { quiet?: boolean } = {}): Promise<void> {
    return this.feed.load(options);
  }

  /** Stops listening to the adapter. The state stays readable. */
  dispose(): void {
    this.feed.dispose();
  }

  get status(): LoadStatus {
    return this.core.status;
  }
  get error(): AdapterError | null {
    return this.core.error;
  }
  get me(): Member | null {
    return this.core.me;
  }

  // ------------------------------------------------------------------ commands

  /** Assigns (null: unassigns) leads in ONE adapter call. Never rejects: the outcome says what happened to each lead. */
  assign(leadIds: readonly string[], assigneeId: string | null, options: { source?: Source } = {}): Promise<AssignOutcome> {
    return commands.assign(this.core, leadIds, assigneeId, options);
  }

  /**
   * "Keep mine" for the leads an assignment (or distribution) found changed by someone else: each is assigned
   * again to the assignee the batch wanted for it, against the version it has now — the one the conflict
   * showed. One batch, reported like any other. "Keep theirs" needs no call: the store already shows theirs.
   */
  keepMine(outcome: AssignOutcome, leadIds: readonly string[] = outcome.conflict): Promise<AssignOutcome> {
    return commands.keepMine(this.core, outcome, leadIds);
  }

  /**
   * Moves a lead to `status` at `index` of that column's cards (the lead itself left out; default: the end).
   * One lead is written, with a position between its new neighbours. Rejects with AdapterError after rollback.
   *
   * Under a sort other than 'manual' the order within a column is the sort's, not the cards' positions, so
   * `index` is not a place: a move to another column puts the lead at the end of that column's positions (it
   * shows where the sort puts it: `landingIndex`), and a move within its own column changes nothing.
   */
  move(leadId: string, status: string, options: { index?: number; source?: Source } = {}): Promise<Lead> {
    return commands.move(this.core, leadId, status, options);
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
  update(leadId: string, patch: LeadPatch, options: { base?: Lead } = {}): Promise<Lead> {
    return commands.update(this.core, leadId, patch, options);
  }

  addNote(leadId: string, text: string): Promise<Activity> {
    return commands.addNote(this.core, leadId, text);
  }

  /**
   * Previews how leads would be spread over members (inactive ones skipped), counting members' current open
   * leads, with ties rotating between runs (see sdk/distribute.ts). Apply exactly this plan with
   * `applyDistribution`; leads the store does not hold are `skipped`.
   */
  planDistribution(leadIds: readonly string[], memberIds: readonly string[], strategy: DistributionStrategy): DistributionPlan {
    return this.distribution.plan(leadIds, memberIds, strategy);
  }

  /**
   * Applies a distribution plan exactly as previewed, as one batch: one batch id (source 'distribute'), one
   * adapter call per member, one action in the undo history. Leads that changed since the preview are
   * conflicts, as for any assignment.
   */
  applyDistribution(plan: DistributionPlan): Promise<AssignOutcome> {
    return this.distribution.apply(plan);
  }

  /** Plans and applies at once (`planDistribution`, then `applyDistribution`). */
  distribute(leadIds: readonly string[], memberIds: readonly string[], strategy: DistributionStrategy): Promise<AssignOutcome> {
    return this.applyDistribution(this.planDistribution(leadIds, memberIds, strategy));
  }

  get canUndo(): boolean {
    return this.core.undoHistory.canUndo;
  }

  /** The actions that can be undone, newest first: assignment batches (id = batch id) and moves. */
  get undoActions(): readonly UndoAction[] {
    return this.core.undoHistory.actions();
  }

  /**
   * Undoes one action of the undo history — the newest, or the one with `actionId` — as a write with source
   * 'undo' and its own history: an assignment batch goes back to each lead's previous assignee, a move puts
   * the card back where it was. Leads changed since that action are refused (reported as conflicts). Undos
   * run one after another. Null when there is nothing (or no such action) to undo.
   */
  undo(actionId?: string): Promise<AssignOutcome | null> {
    return this.distribution.undo(actionId);
  }

  // ------------------------------------------------------------------ leads arriving (store/intake.ts)

  /** What the current member can do about arriving leads here (the adapter offers it, the policy allows it). */
  get intake(): intake.IntakeAbilities {
    return intake.intakeAbilities(this.adapter, this.core.me);
  }

  /**
   * Creates a lead: it appears at the top of its column when the backend answers (here and, pushed, on every
   * open board). Rejects with AdapterError, `issues` naming the fields; nothing to roll back.
   */
  create(lead: NewLead): Promise<Lead> {
    return latePartsFor('lead').then(({ storeIntake }) => storeIntake.createLead(this.intakeHost, lead));
  }

  /** Imports CSV text or JSON rows; `dryRun` previews. The answer lists each invalid row (see ImportResult). */
  importLeads(input: ImportInput, options?: intake.StoreImportOptions): Promise<ImportResult> {
    return latePartsFor('import').then(({ storeIntake }) => storeIntake.importLeads(this.intakeHost, input, options));
  }

  getAssignmentRules(): Promise<AssignmentRules> {
    return latePartsFor('assignment rules').then(({ storeIntake }) => storeIntake.getAssignmentRules(this.intakeHost));
  }

  /** Admins and managers; rejects with `forbidden` for members, `invalid` naming the field (`memberIds.0`). */
  setAssignmentRules(rules: AssignmentRules): Promise<AssignmentRules> {
    return latePartsFor('assignment rules').then(({ storeIntake }) => storeIntake.setAssignmentRules(this.intakeHost, rules));
  }

  // ------------------------------------------------------------------ activity

  /** Fetches a lead's history and caches it; later commands and pushed events extend the cache. */
  loadActivity(leadId: string): Promise<readonly Activity[]> {
    return this.core.loadActivity(leadId);
  }

  activityOf(leadId: string): readonly Activity[] | undefined {
    return this.core.activity.of(leadId);
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
    const ids = this.core.viewers.get(leadId);
    if (!ids) return [];
    const me = this.core.me?.id;
    return ids.filter((id) => id !== me).map((id) => this.member(id)).filter((m): m is MemberWithLoad => m !== undefined);
  }

  // ------------------------------------------------------------------ subscriptions

  subscribe(listener: (change: StoreChange) => void): () => void {
    return this.core.batch.subscribe(listener);
  }

  onNotice(listener: (notice: StoreNotice) => void): () => void {
    return this.core.batch.onNotice(listener);
  }
}
