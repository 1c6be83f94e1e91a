/**
 * Server-Sent Events hub: every committed change (the repository's change feed, in commit order, from this
 * instance and every other one sharing the database) is filtered here per subscriber by what its member may
 * see (sdk/policy.ts) — a lead it can see, the lead's activity, or `lead_removed` when a lead it could see
 * leaves its view. Heartbeats keep proxies from closing idle streams; streams whose client went away
 * (cancelled) or stopped reading (queue too long) are dropped.
 */
import type { ChangeEvent, Member } from '../../sdk/schema.js';
import { canSee } from '../../sdk/policy.js';
import type { LeadChange } from './db/repository.js';

export type { LeadChange } from './db/repository.js';

/** What a stream's opener (presence.ts) hears of it. */
export interface StreamHooks {
  /** The stream is open: `send` queues SSE text on this stream alone (a snapshot for it). */
  opened?(send: (text: string) => void): void;
  /** The stream ended: the client went away, was too slow, or the server shut down. */
  closed?(): void;
}

interface Subscriber {
  memberId: string;
  controller: ReadableStreamDefaultController<Uint8Array>;
  hooks: StreamHooks;
}

/** One SSE message carrying `event` as JSON. */
export const eventText = (event: ChangeEvent) => `data: ${JSON.stringify(event)}\n\n`;

/** A client that has not read this many chunks is too slow; it is dropped and may reconnect. */
const MAX_QUEUED_CHUNKS = 5000;

export class EventHub {
  private readonly subscribers = new Set<Subscriber>();
  private readonly encoder = new TextEncoder();
  private heartbeat: ReturnType<typeof setInterval> | undefined;
  /** Changes waiting to be sent, in commit order; one drain at a time keeps that order. */
  private readonly queue: (readonly LeadChange[])[] = [];
  private draining: Promise<void> | undefined;

  constructor(
    /**
     * Every member, read when changes are sent (once per drain, whatever the number of subscribers), so a
     * member's current role and active flag decide what they receive.
     */
    private readonly members: () => Promise<readonly Member[]>,
    private readonly heartbeatMs = 15_000,
  ) {}

  get size(): number {
    return this.subscribers.size;
  }

  /** A stream for `memberId`; cancelling it (the client going away) unsubscribes. */
  open(memberId: string, hooks: StreamHooks = {}): ReadableStream<Uint8Array> {
    let subscriber: Subscriber;
    return new ReadableStream<Uint8Array>({
      start: (controller) => {
        subscriber = { memberId, controller, hooks };
        this.subscribers.add(subscriber);
        // `retry` tells EventSource how long to wait before reconnecting; the comment flushes headers at once.
        controller.enqueue(this.encoder.encode('retry: 3000\n: connected\n\n'));
        this.startHeartbeat();
        hooks.opened?.((text) => this.subscribers.has(subscriber) && this.enqueue(subscriber, text));
      },
      cancel: () => this.drop(subscriber, false),
    });
  }

  /** Queues committed changes for the subscribers; resolves once they were handed to every stream. */
  publish(changes: readonly LeadChange[]): Promise<void> {
    if (changes.length === 0 || this.subscribers.size === 0) return this.draining ?? Promise.resolve();
    this.queue.push(changes);
    return (this.draining ??= this.drain());
  }

  private async drain(): Promise<void> {
    await null; // the caller stores this promise first
    try {
      while (this.queue.length > 0) {
        const batch = this.queue.splice(0).flat();
        let members: readonly Member[];
        try {
          members = await this.members();
        } catch (error) {
          // Without members nobody can be filtered: end the streams (clients reconnect and reload).
          console.error('[lead-kanban server] event hub could not read members', error);
          this.closeAll();
          continue;
        }
        this.send(batch, new Map(members.map((m) => [m.id, m])));
      }
    } finally {
      // Synchronously after the last check of the queue: a later publish starts a new drain.
      this.draining = undefined;
    }
  }

  private send(changes: readonly LeadChange[], members: ReadonlyMap<string, Member>): void {
    // Each change is serialized at most once, however many subscribers receive it; a subscriber only picks
    // the pieces it may see.
    const seenText: (string | undefined)[] = [];
    const removedText: (string | undefined)[] = [];
    const seen = (i: number, change: LeadChange) => (seenText[i] ??= eventText({ type: 'lead', lead: change.after }) +
      change.activities.map((activity) => eventText({ type: 'activity', activity })).join(''));
    const removed = (i: number, change: LeadChange) =>
      (removedText[i] ??= eventText({ type: 'lead_removed', leadId: change.after.id }));
    for (const subscriber of this.subscribers) {
      const viewer = members.get(subscriber.memberId);
      if (!viewer) continue;
      let text = '';
      changes.forEach((change, i) => {
        if (canSee(viewer, change.after)) text += seen(i, change);
        else if (change.before && canSee(viewer, change.before)) text += removed(i, change);
      });
      if (text) this.enqueue(subscriber, text);
    }
  }

  /** Queues text on every stream as `textFor(memberId)` says (null: nothing for that member). */
  broadcast(textFor: (memberId: string) => string | null): void {
    for (const subscriber of [...this.subscribers]) {
      const text = textFor(subscriber.memberId);
      if (text) this.enqueue(subscriber, text);
    }
  }

  /** Ends every stream (shutdown, or a feed that may have missed changes: clients reconnect and reload). */
  closeAll(): void {
    for (const subscriber of [...this.subscribers]) this.drop(subscriber, true);
  }

  private enqueue(subscriber: Subscriber, text: string): void {
    const queued = subscriber.controller.desiredSize;
    if (queued !== null && queued < -MAX_QUEUED_CHUNKS) return this.drop(subscriber, true);
    try {
      subscriber.controller.enqueue(this.encoder.encode(text));
    } catch {
      this.drop(subscriber, false);
    }
  }

  private drop(subscriber: Subscriber, close: boolean): void {
    if (!this.subscribers.delete(subscriber)) return;
    subscriber.hooks.closed?.();
    if (close) {
      try {
        subscriber.controller.close();
      } catch {
        // already closed or errored: nothing left to end
      }
    }
    if (this.subscribers.size === 0 && this.heartbeat) {
      clearInterval(this.heartbeat);
      this.heartbeat = undefined;
    }
  }

  private startHeartbeat(): void {
    if (this.heartbeat) return;
    this.heartbeat = setInterval(() => {
      for (const subscriber of [...this.subscribers]) this.enqueue(subscriber, ': heartbeat\n\n');
    }, this.heartbeatMs);
    this.heartbeat.unref?.();
  }
}
