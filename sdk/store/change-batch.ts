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
 * The ids of a whole first listing as the `leads` of a change (a ReadonlySet, as every change's sets): the Set
 * behind it is only made when something asks about an id. Listeners of a load's change rarely ask about one
 * lead (the drawer, a conflict panel), and at 50,000 leads putting every id in a Set was a tenth of the store's
 * load. `size` needs no Set: the listing's ids are unique (StoreCore.showFirstListing takes only such
 * listings). Not a Set subclass on purpose: a built-in Set method reading the internal entries would see none.
 */
export class ListedIds implements ReadonlySet<string> {
  private ids: Set<string> | null = null;

  constructor(private readonly listed: readonly { readonly id: string }[]) {}

  /** The ids as a Set (made on first use; the batch takes it over when more leads join the change). */
  set(): Set<string> {
    if (!this.ids) {
      const ids = new Set<string>();
      for (let i = 0; i < this.listed.length; i++) ids.add(this.listed[i]!.id);
      this.ids = ids;
    }
    return this.ids;
  }

  get size(): number {
    return this.listed.length;
  }
  has(id: string): boolean {
    return this.set().has(id);
  }
  forEach(each: (value: string, key: string, set: ReadonlySet<string>) => void, thisArg?: unknown): void {
    for (const id of this.set()) each.call(thisArg, id, id, this);
  }
  keys(): SetIterator<string> {
    return this.set().keys();
  }
  values(): SetIterator<string> {
    return this.set().values();
  }
  entries(): SetIterator<[string, string]> {
    return this.set().entries();
  }
  [Symbol.iterator](): SetIterator<string> {
    return this.set()[Symbol.iterator]();
  }
}

export class ChangeBatch {
  // The sets are handed to listeners as they are, so emit() starts new ones rather than clearing these.
  leads: Set<string> | ListedIds = new Set<string>();
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

  /** Marks a lead as changed. */
  markLead(id: string): void {
    if (this.leads instanceof ListedIds) this.leads = this.leads.set(); // more than the listing: a Set of its own
    this.leads.add(id);
  }

  /** Marks every lead of a first listing (unique ids) as changed, without a hash insert per lead (see ListedIds). */
  leadsListed(listed: readonly { readonly id: string }[]): void {
    if (this.leads.size === 0) this.leads = new ListedIds(listed);
    else for (const lead of listed) this.markLead(lead.id);
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
