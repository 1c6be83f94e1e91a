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

/**
 * The ids of a whole first listing as the `leads` of a change: a Set like any other, whose entries are only put
 * in when something reads or adds them. Listeners of a load's change rarely ask about one lead (the drawer, a
 * conflict panel), and at 50,000 leads putting every id in was a tenth of the store's load. `size` needs no
 * entries: the listing's ids are unique (StoreCore.showFirstListing takes only such listings).
 */
class ListedIds extends Set<string> {
  private listed: readonly { readonly id: string }[] | null;

  constructor(listed: readonly { readonly id: string }[]) {
    super();
    this.listed = listed;
  }

  private fill(): void {
    const listed = this.listed;
    if (!listed) return;
    this.listed = null;
    for (let i = 0; i < listed.length; i++) super.add(listed[i]!.id);
  }

  override get size(): number {
    return this.listed ? this.listed.length : super.size;
  }
  override has(id: string): boolean {
    this.fill();
    return super.has(id);
  }
  override add(id: string): this {
    this.fill();
    return super.add(id);
  }
  override delete(id: string): boolean {
    this.fill();
    return super.delete(id);
  }
  override clear(): void {
    this.listed = null;
    super.clear();
  }
  override forEach(each: (value: string, key: string, set: Set<string>) => void, thisArg?: unknown): void {
    this.fill();
    super.forEach(each, thisArg);
  }
  override keys(): SetIterator<string> {
    this.fill();
    return super.keys();
  }
  override values(): SetIterator<string> {
    this.fill();
    return super.values();
  }
  override entries(): SetIterator<[string, string]> {
    this.fill();
    return super.entries();
  }
  override [Symbol.iterator](): SetIterator<string> {
    this.fill();
    return super[Symbol.iterator]();
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

  /** Marks every lead of a first listing (unique ids) as changed, without a hash insert per lead (see ListedIds). */
  leadsListed(listed: readonly { readonly id: string }[]): void {
    if (this.leads.size === 0) this.leads = new ListedIds(listed);
    else for (const lead of listed) this.leads.add(lead.id);
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
