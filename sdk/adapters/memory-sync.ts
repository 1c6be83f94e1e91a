/**
 * Keeps MemoryDatabases that persist under one storage key in step — the tabs of one browser on a persisted
 * in-memory board: each commit is posted to the others (BroadcastChannel, or where there is none, the storage
 * event of the others' saves), each applies what it did not have, and its sessions hear of it as of any other
 * write. So a change made in one tab shows live in the others, and no tab's save drops another's changes.
 *
 * Who wins when two tabs changed one lead from the same version before hearing of each other (the few
 * milliseconds a message takes): the higher version, and at one version the same copy in every tab
 * (`sameWinner`: a total order), so whatever order the messages arrive in, every tab ends on the same lead.
 * Both histories are kept. A session holding the losing copy is pushed the winner at the same version (the
 * store takes a pushed lead that differs at its own version: see sdk/store/write-ledger.ts).
 */
import type { Activity, AssignmentRules, Lead } from '../schema.js';

/** One commit as it travels between tabs. */
export interface SyncedCommit {
  after: Lead;
  activities: Activity[];
}

export interface SyncMessage {
  /** The sending database (a tab ignores its own messages if the transport echoes them). */
  from: string;
  commits: SyncedCommit[];
  /** Activities without a lead write (notes). */
  activities?: Activity[];
  rules?: AssignmentRules;
  ruleCursor?: string | null;
}

/** What a tab needs of the page to talk to the other tabs (the page's globals; absent in Node). */
interface Transports {
  BroadcastChannel?: new (name: string) => BroadcastChannelLike;
  addEventListener?: (type: 'storage', listener: (e: { key: string | null; newValue: string | null }) => void) => void;
  removeEventListener?: (type: 'storage', listener: (e: { key: string | null; newValue: string | null }) => void) => void;
}
interface BroadcastChannelLike {
  postMessage(message: unknown): void;
  close(): void;
  onmessage: ((event: { data: unknown }) => void) | null;
  unref?(): void;
}

/** The tabs' channel for one storage key. */
export class TabSync {
  readonly id = Math.random().toString(36).slice(2, 10);
  private readonly channel: BroadcastChannelLike | null = null;
  private readonly onStorage: ((e: { key: string | null; newValue: string | null }) => void) | null = null;

  /**
   * `receive` gets each message of another tab; `stored` (when there is no BroadcastChannel) gets the text
   * another tab saved under the key, to merge.
   */
  constructor(
    private readonly key: string,
    receive: (message: SyncMessage) => void,
    stored: (text: string) => void,
  ) {
    const page = globalThis as Transports;
    if (page.BroadcastChannel) {
      const channel = new page.BroadcastChannel(`lead-kanban:${key}`);
      channel.onmessage = (event) => {
        const message = event.data as SyncMessage;
        if (message && message.from !== this.id) receive(message);
      };
      channel.unref?.(); // Node: an open channel must not keep the process alive
      this.channel = channel;
    } else if (page.addEventListener) {
      this.onStorage = (e) => {
        if (e.key === this.key && e.newValue) stored(e.newValue);
      };
      page.addEventListener('storage', this.onStorage);
    }
  }

  /** Tells the other tabs (with the storage event only, they learn from the save that follows). */
  post(message: Omit<SyncMessage, 'from'>): void {
    this.channel?.postMessage({ ...message, from: this.id });
  }

  close(): void {
    this.channel?.close();
    if (this.onStorage) (globalThis as Transports).removeEventListener?.('storage', this.onStorage);
  }
}

/** A lead's fields in one order, so two tabs compare the same text whatever order their copies hold keys in. */
function canonical(lead: Lead): string {
  return JSON.stringify(Object.keys(lead).sort().map((k) => [k, lead[k as keyof Lead]]));
}

/** Of two leads at one version, the one every tab keeps: the later write, or (same instant) the same one. */
export function sameWinner(a: Lead, b: Lead): Lead {
  if (a.updatedAt !== b.updatedAt) return a.updatedAt > b.updatedAt ? a : b;
  return canonical(a) >= canonical(b) ? a : b;
}

/** Whether two copies of a lead hold the same fields (leads are flat records). */
export function sameFields(a: Lead, b: Lead): boolean {
  const keys = Object.keys(a) as (keyof Lead)[];
  return keys.length === Object.keys(b).length && keys.every((k) => a[k] === b[k]);
}

/** What a tab takes of another's copy of a lead: it, when it wins over its own (see above); null otherwise. */
export function merged(mine: Lead | undefined, theirs: Lead): Lead | null {
  if (!mine || theirs.version > mine.version) return theirs;
  if (theirs.version < mine.version || sameFields(mine, theirs)) return null;
  return sameWinner(mine, theirs) === theirs ? theirs : null;
}
