/**
 * Change and notice delivery. Everything the store does marks what it touched here; one emit() hands the
 * accumulated change to listeners, so a command or a burst of pushed events re-renders once.
 */
import type { StoreChange, StoreNotice } from './types.js';

/** Calls each listener; one that throws does not stop the others, and its error is still reported. */
function deliver<T>(listeners: ReadonlySet<(value: T) => void>, value: T): void {
  for (const listener of [...listeners]) {
    try {
      listener(value);
    } catch (error) {
      queueMicrotask(() => {
        throw error;
      });
    }
  }
}

export class ChangeBatch {
  // The sets are handed to listeners as they are, so emit() starts new ones rather than clearing these.
  leads = new Set<string>();
  columns = new Set<string>();
  activity = new Set<string>();
  /** Leads changed by pushed events (not by this store's own commands). */
  remote = new Set<string>();
  /** Leads whose viewers changed. */
  presence = new Set<string>();
  selection = false;
  filter = false;
  sort = false;
  members = false;
  status = false;
  pending = false;
  undo = false;

  private readonly listeners = new Set<(change: StoreChange) => void>();
  private readonly noticeListeners = new Set<(notice: StoreNotice) => void>();
  private emitScheduled = false;

  subscribe(listener: (change: StoreChange) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  onNotice(listener: (notice: StoreNotice) => void): () => void {
    this.noticeListeners.add(listener);
    return () => this.noticeListeners.delete(listener);
  }

  notify(notice: StoreNotice): void {
    deliver(this.noticeListeners, notice);
  }

  /** Tells listeners everything marked since the last emit; nothing at all when nothing was marked. */
  emit(): void {
    const empty =
      this.leads.size === 0 && this.columns.size === 0 && this.activity.size === 0 && this.remote.size === 0 &&
      this.presence.size === 0 &&
      !this.selection && !this.filter && !this.sort && !this.members && !this.status && !this.pending && !this.undo;
    if (empty) return;
    // Taken before delivery: whatever a listener changes in turn goes into the next batch.
    const out: StoreChange = {};
    if (this.leads.size) out.leads = this.leads;
    if (this.columns.size) out.columns = this.columns;
    if (this.activity.size) out.activity = this.activity;
    if (this.remote.size) out.remote = this.remote;
    if (this.presence.size) out.presence = this.presence;
    for (const key of ['selection', 'filter', 'sort', 'members', 'status', 'pending', 'undo'] as const) if (this[key]) out[key] = true;
    this.leads = new Set();
    this.columns = new Set();
    this.activity = new Set();
    this.remote = new Set();
    this.presence = new Set();
    this.selection = this.filter = this.sort = this.members = this.status = this.pending = this.undo = false;
    deliver(this.listeners, out);
  }

  /** Runs `flush` once in a microtask however often it is asked for before then (a bulk change arrives as many events). */
  flushSoon(flush: () => void): void {
    if (this.emitScheduled) return;
    this.emitScheduled = true;
    queueMicrotask(() => {
      this.emitScheduled = false;
      flush();
    });
  }
}
