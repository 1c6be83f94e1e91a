/**
 * Loading a board and keeping it live: the initial lists (me, members, leads), then the adapter's pushed
 * changes applied to the confirmed state — in-flight overlays stay on top until they settle — with the
 * notices a burst of them brings. A reconnecting change feed reloads quietly, since changes may have been
 * missed while it was down.
 */
import type { ChangeEvent, Lead, Member, MemberWithLoad } from '../schema.js';
import { asAdapterError, failureNotice } from './command-notices.js';
import { loadHolder } from './lead-values.js';
import type { StoreCore } from './store-core.js';

/** Pushed changes this close together are one burst, told in one notice (see noticesSoon). */
const PUSHED_BURST_MS = 120;

export class LiveFeed {
  private unsubscribe: (() => void) | null = null;
  /** Pushed events that arrive while loading: applied once the initial lists are in. */
  private buffered: ChangeEvent[] | null = null;
  private membersRefresh: Promise<void> | null = null;
  /** The backend pushes `member_loads`: its counts stay live, a refresh has nothing to add. */
  private pushesLoads = false;
  /** Counts were pushed since the refresh in flight was asked for: its answer may be older than they are. */
  private loadsPushedSinceRefresh = false;
  private noticeTimer: ReturnType<typeof setTimeout> | undefined;

  constructor(private readonly core: StoreCore) {}

  /** See LeadStore.load. */
  async load(options: { quiet?: boolean } = {}): Promise<void> {
    const core = this.core;
    const adapter = core.adapter;
    core.disposed = false;
    if (!options.quiet || core.status !== 'ready') {
      core.setStatus('loading', null);
      core.flush();
    }
    if (!this.unsubscribe && adapter.subscribe) {
      // Subscribe first and buffer, so nothing changed between the lists and the subscription is missed.
      this.buffered = [];
      this.unsubscribe = adapter.subscribe((event) => this.receive(event), {
        onReconnect: () => void this.load({ quiet: true }),
      });
    } else if (this.unsubscribe) {
      this.buffered ??= [];
    }
    let me: Member, members: MemberWithLoad[], leads: Lead[];
    try {
      [me, members, leads] = await Promise.all([adapter.me(), adapter.listMembers(), adapter.listLeads()]);
    } catch (error) {
      const failure = asAdapterError(error);
      this.buffered = null;
      core.setStatus('error', failure);
      core.notify(failureNotice('load', [], failure));
      core.flush();
      return;
    }
    if (core.disposed) return;
    core.me = me;
    core.ledger.viewer = me;
    core.filterState.meId = me.id;
    core.selectionModel.recountLater(); // 'me' may resolve differently now
    const first = core.ledger.isEmpty;
    core.ledger.acceptListing(leads);
    // Counts come from the backend; rebuild the view without applying deltas to them.
    if (!(first && core.showFirstListing(leads))) {
      for (const id of new Set([...core.shown.ids(), ...core.ledger.confirmedIds()])) core.refresh(id, false);
    }
    this.takeBackendCounts(() => core.memberLoads.set(members));
    core.setStatus('ready', null);
    const buffered = this.buffered ?? [];
    this.buffered = null;
    for (const event of buffered) this.apply(event);
    core.batch.filter = true; // 'me' may resolve differently now
    core.selectionModel.recountLater();
    core.markAllColumns({ rebuild: true });
    core.flush();
  }

  /** Stops listening to the adapter. The state stays readable. */
  dispose(): void {
    this.core.disposed = true;
    clearTimeout(this.noticeTimer);
    this.noticeTimer = undefined;
    this.unsubscribe?.();
    this.unsubscribe = null;
    this.buffered = null;
    this.core.filterState.stopFolding();
  }

  /**
   * When a lead leaves our view we cannot know its new holder's count: ask the backend again (a backend that
   * pushes `member_loads` has told us already; this covers adapters that do not).
   */
  scheduleMembersRefresh(): void {
    if (this.membersRefresh || this.pushesLoads) return;
    const core = this.core;
    this.loadsPushedSinceRefresh = false;
    this.membersRefresh = (async () => {
      await Promise.resolve();
      try {
        const members = await core.adapter.listMembers();
        // Counts pushed meanwhile are newer than this answer may be: taking it would put back counts of before
        // them, and nothing would correct them until the next change of the same members.
        if (core.disposed || this.loadsPushedSinceRefresh) return;
        this.takeBackendCounts(() => core.memberLoads.set(members));
        core.flush();
      } catch {
        // Counts stay as they were; the next refresh will correct them.
      } finally {
        this.membersRefresh = null;
      }
    })();
  }

  /**
   * Counts as the backend has them (`take` sets them), then the effect of our own in-flight overlays re-added:
   * a write the backend has not committed yet is in no count of its. One it has committed is not added twice:
   * its pushed echo, which comes before the counts, already made it the confirmed lead.
   */
  private takeBackendCounts(take: () => void): void {
    const core = this.core;
    take();
    for (const id of core.ledger.pendingIds()) {
      core.memberLoads.move(loadHolder(core.ledger.confirmedLead(id)), loadHolder(core.shown.get(id)));
    }
  }

  /**
   * A pushed change. Not parsed again here: the adapter contract says every value an adapter hands over is
   * already parsed (the RestAdapter parses each event at the wire and drops malformed ones; the
   * MemoryAdapter's events are made by its own code from data it parsed on the way in). Re-parsing cost
   * ~30 ms for the 2,000 events a bulk assignment of 1,000 leads pushes back.
   */
  private receive(event: ChangeEvent): void {
    if (this.core.disposed) return;
    if (this.buffered) {
      this.buffered.push(event);
      return;
    }
    // A bulk change arrives as many events: render once for the burst. The echo of our own bulk write shows
    // nothing new (see refresh), so it schedules nothing: the command's own flush reports the settled leads.
    if (this.apply(event)) this.core.batch.flushSoon(() => this.core.flush());
  }

  /**
   * Applies a pushed change to the confirmed state; in-flight overlays stay on top until they settle.
   * Returns whether listeners have something to hear about.
   */
  private apply(event: ChangeEvent): boolean {
    const core = this.core;
    switch (event.type) {
      case 'lead': {
        const before = core.shown.get(event.lead.id);
        const matched = before !== undefined && core.filterState.matches(before);
        if (!core.ledger.acceptPushed(event.lead)) return false;
        core.batch.remote.add(event.lead.id);
        const now = core.shown.get(event.lead.id);
        // Someone else's change took it out of what the filter shows (not our own write in flight).
        if (matched && now && !core.filterState.matches(now) && !core.ledger.isPending(now.id)) {
          core.pushedNotices.leadLeftFilter(now.id);
          this.noticesSoon();
        }
        return true;
      }
      case 'lead_removed': {
        const wasShown = core.shown.has(event.leadId);
        const ours = core.ledger.isPending(event.leadId);
        core.ledger.forget(event.leadId);
        if (wasShown) this.scheduleMembersRefresh();
        // The echo of our own hand-off in flight is not someone else's change.
        if (wasShown && !ours) {
          core.batch.remote.add(event.leadId);
          core.pushedNotices.leadRemoved(event.leadId);
          this.noticesSoon();
        }
        return true;
      }
      case 'activity':
        if (core.pushedNotices.activity(event.activity, core.me?.id)) this.noticesSoon();
        return core.activity.record(event.activity);
      case 'member_loads':
        // After the leads of the same change: counts for everyone, those of leads this user cannot see too.
        this.pushesLoads = true;
        this.loadsPushedSinceRefresh = true;
        this.takeBackendCounts(() => core.memberLoads.setLoads(event.loads));
        return true;
      case 'presence':
        if (event.viewerIds.length > 0) core.viewers.set(event.leadId, event.viewerIds);
        else core.viewers.delete(event.leadId);
        core.batch.presence.add(event.leadId);
        return true;
    }
  }

  /**
   * Says what pushed changes brought, once the burst is over: a server sends a bulk change as one chunk, but a
   * browser hands its messages over one task at a time, so "within a moment" is what makes them one burst.
   */
  private noticesSoon(): void {
    if (this.noticeTimer || this.core.disposed) return;
    this.noticeTimer = setTimeout(() => {
      this.noticeTimer = undefined;
      for (const notice of this.core.pushedNotices.take()) this.core.notify(notice);
    }, PUSHED_BURST_MS);
  }
}
