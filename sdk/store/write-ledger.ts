/**
 * The optimistic write ledger: each lead as the backend last told us (`confirmed`, newest version wins),
 * plus per lead the chain of in-flight writes, each an overlay (a pure function on the lead).
 *
 * What the board shows is confirmed with the chain's overlays applied. A failed write simply drops its
 * overlay: whatever else happened to the lead meanwhile (a remote edit, an earlier command's result) stays,
 * and nothing is restored from a stale snapshot. When every write has settled the chains are empty, so the
 * board equals what the backend said.
 *
 * Writes on one lead are sent one after another; each carries the version its author saw, advanced past
 * its own earlier writes when they succeed, so a change made by someone else in between is a conflict,
 * never silently overwritten.
 */
import { whenIdle } from '../internal/idle.js';
import { canSee } from '../policy.js';
import type { Lead, Member } from '../schema.js';
import type { ChangeBatch } from './change-batch.js';
import { sameLead } from './lead-values.js';

/** One in-flight write on one lead. */
export interface PendingWrite {
  readonly leadId: string;
  readonly apply: (lead: Lead) => Lead;
  /** The version sent as expectation; advanced when an earlier write of ours on this lead succeeds. */
  expected: number;
  /** Set explicitly (undo expects the version its batch produced) and never advanced. */
  readonly fixed: boolean;
  /** Earlier writes on the same lead, which must settle before this one is sent (none: send at once). */
  readonly after: Promise<void> | undefined;
  /** Settles when the write has; made only when a later write has to wait for it. */
  settled(): Promise<void>;
  resolve(): void;
}

/**
 * A class rather than an object of closures: a bulk assignment of 1,000 leads makes 1,000 of these. The
 * settled promise is made lazily: nothing waits on most writes.
 */
class InFlightWrite implements PendingWrite {
  private done = false;
  private promise: Promise<void> | undefined;
  private resolvePromise: (() => void) | undefined;

  constructor(
    readonly leadId: string,
    readonly apply: (lead: Lead) => Lead,
    public expected: number,
    readonly fixed: boolean,
    readonly after: Promise<void> | undefined,
  ) {}

  settled(): Promise<void> {
    return (this.promise ??= this.done ? Promise.resolve() : new Promise<void>((r) => (this.resolvePromise = r)));
  }

  resolve(): void {
    this.done = true;
    this.resolvePromise?.();
  }
}

/** How a write ended, as far as the lead's confirmed state goes. */
export type Settlement = { lead?: Lead; success?: boolean; gone?: boolean };

export class WriteLedger {
  private readonly confirmedById = new Map<string, Lead>();
  /**
   * A first listing not put in `confirmedById` yet: a load hands its leads to the shown leads, which index them
   * anyway, and the ledger takes them by id in the next idle period — or at once, when asked before then (a
   * write, a pushed change, a reload). At 50,000 leads those hash inserts were a sixth of the store's load.
   */
  private listing: readonly Lead[] | null = null;
  private cancelTake: (() => void) | null = null;
  private readonly chains = new Map<string, PendingWrite[]>();
  /** Leads a pushed `lead_removed` took away: a late answer to our own write must not bring them back. */
  private readonly removed = new Set<string>();
  /** Who we are: a lead handed to someone we may not see is gone for us. */
  viewer: Member | null = null;

  /**
   * `refresh` recomputes what the board shows for a lead after its confirmed state or chain changed;
   * `pendingChanged` hears that a lead's first write started or its last one ended (after that refresh).
   */
  constructor(
    private readonly batch: ChangeBatch,
    private readonly refresh: (leadId: string) => boolean,
    private readonly pendingChanged: (leadId: string) => void = () => {},
  ) {}

  /** Every confirmed lead by id (a pending first listing taken first). */
  private get confirmed(): Map<string, Lead> {
    if (this.listing) this.takeListing();
    return this.confirmedById;
  }

  private takeListing(): void {
    const leads = this.listing!;
    this.listing = null;
    this.cancelTake?.();
    this.cancelTake = null;
    this.putListed(leads);
  }

  confirmedLead(id: string): Lead | undefined {
    return this.confirmed.get(id);
  }
  confirmedIds(): IterableIterator<string> {
    return this.confirmed.keys();
  }
  /** Nothing confirmed and nothing in flight (before the first load). */
  get isEmpty(): boolean {
    return !this.listing && this.confirmedById.size === 0 && this.chains.size === 0;
  }
  /** Whether any write is in flight. */
  get hasPending(): boolean {
    return this.chains.size > 0;
  }
  isPending(leadId: string): boolean {
    return (this.chains.get(leadId)?.length ?? 0) > 0;
  }
  pendingIds(): IterableIterator<string> {
    return this.chains.keys();
  }

  /** What the board shows for a lead: confirmed with the in-flight overlays applied, in order. */
  shownFor(id: string): Lead | undefined {
    let next = this.confirmed.get(id);
    if (next) for (const write of this.chains.get(id) ?? []) next = write.apply(next);
    return next;
  }

  /** Adds an optimistic overlay to a lead and returns its pending write (sent later by the caller). */
  begin(leadId: string, apply: (lead: Lead) => Lead, fixedExpected?: number): PendingWrite {
    let chain = this.chains.get(leadId);
    if (!chain) this.chains.set(leadId, (chain = []));
    const last = chain[chain.length - 1];
    const after = chain.length > 0 ? Promise.all(chain.map((w) => w.settled())).then(() => undefined) : undefined;
    const expected = fixedExpected ?? last?.expected ?? this.confirmed.get(leadId)?.version ?? 1;
    const write = new InFlightWrite(leadId, apply, expected, fixedExpected !== undefined, after);
    chain.push(write);
    if (chain.length === 1) this.batch.pending = true;
    this.refresh(leadId);
    if (chain.length === 1) this.pendingChanged(leadId);
    return write;
  }

  /** Removes a write's overlay and records what the backend said; the shown lead is recomputed. */
  finish(write: PendingWrite, settlement: Settlement): void {
    const chain = this.chains.get(write.leadId) ?? [];
    const at = chain.indexOf(write);
    if (at !== -1) chain.splice(at, 1);
    const settled = chain.length === 0;
    if (settled) {
      this.chains.delete(write.leadId);
      this.batch.pending = true;
    }
    if (settlement.success && settlement.lead) {
      // Our later writes on this lead were built on this one: they now expect the version it produced.
      for (const next of chain) if (!next.fixed && next.expected === write.expected) next.expected = settlement.lead.version;
    }
    // Not found for this write: gone, unless a newer version than the one it was based on reached us since (a
    // late answer; had the lead left us again after that version, the change feed says so too).
    if (settlement.gone) {
      if (!((this.confirmed.get(write.leadId)?.version ?? 0) > write.expected)) this.forget(write.leadId);
    } else if (settlement.lead) this.confirm(settlement.lead, true);
    this.refresh(write.leadId);
    if (settled) this.pendingChanged(write.leadId);
    write.resolve();
  }

  /**
   * A lead pushed by the backend: it exists again even if it was removed before. Returns whether what the
   * board shows changed (not for the echo of our own write in flight: see the store's refresh).
   */
  acceptPushed(lead: Lead): boolean {
    this.removed.delete(lead.id);
    this.confirm(lead, false);
    return this.refresh(lead.id);
  }

  /**
   * The backend's full list (a load): listed leads are taken unless we hold a newer version, unlisted ones
   * dropped. Does not refresh: the caller recomputes every lead at once, without count deltas.
   */
  acceptListing(leads: readonly Lead[]): void {
    if (this.isEmpty && this.removed.size === 0) {
      // The first listing: taken by id later (see `listing`); nothing held can be missing from it.
      this.listing = leads;
      this.cancelTake = whenIdle(() => {
        this.cancelTake = null;
        if (this.listing) this.takeListing();
      });
      return;
    }
    const confirmed = this.confirmed; // an earlier listing still pending is taken first
    const listed = new Set<string>();
    for (const lead of leads) listed.add(lead.id);
    this.putListed(leads);
    for (const id of [...confirmed.keys()]) if (!listed.has(id)) confirmed.delete(id);
  }

  /** Takes listed leads unless we hold a newer version; a listed lead exists again even if it was removed. */
  private putListed(leads: readonly Lead[]): void {
    const confirmed = this.confirmedById;
    const removed = this.removed.size > 0;
    for (const lead of leads) {
      if (removed) this.removed.delete(lead.id);
      const current = confirmed.get(lead.id);
      if (!current || lead.version >= current.version) confirmed.set(lead.id, lead);
    }
  }

  /** The lead does not exist for us (any more). */
  forget(leadId: string): void {
    this.confirmed.delete(leadId);
    this.removed.add(leadId);
    this.refresh(leadId);
  }

  /** Accepts a lead the backend returned or pushed, if it is newer than what we hold. */
  private confirm(lead: Lead, fromOwnWrite: boolean): void {
    if (fromOwnWrite && this.removed.has(lead.id)) return; // removed since by a pushed event
    const current = this.confirmed.get(lead.id);
    // Older than what we hold (a late answer, after a pushed newer version): it says nothing about the lead
    // now. Above all, its assignee must not hide the lead: a hand-off answered after the lead came back to us
    // would otherwise take it off the board for good (no later event brings it back).
    if (current && lead.version < current.version) return;
    if (this.viewer && !canSee(this.viewer, lead)) {
      // Handed off to someone else: it no longer exists for us, exactly as the backend's lists will say.
      this.confirmed.delete(lead.id);
      this.removed.add(lead.id);
      return;
    }
    if (!current || lead.version > current.version) this.confirmed.set(lead.id, lead);
    // Pushed at the version we hold but different: the backend settled a race our copy lost (tabs on one
    // persisted MemoryDatabase, memory-sync.ts). A server never does that; our own write's echo is equal.
    else if (!fromOwnWrite && lead.version === current.version && lead !== current && !sameLead(lead, current)) {
      this.confirmed.set(lead.id, lead);
    }
  }
}
