/**
 * Server-Sent Events hub: every committed change (the repository's change feed, in commit order, from this
 * instance and every other one sharing the database) is filtered here per subscriber by what its member may
 * see (sdk/policy.ts) — a lead it can see, the lead's activity, or `lead_removed` when a lead it could see
 * leaves its view — and, after changes that moved members' open-lead counts, one `member_loads` event with
 * every member's count for every stream. Heartbeats keep proxies from closing idle streams.
 *
 * What a stream may cost is bounded: each holds at most `queueBytes` its client has not read (a client that
 * stops reading is cut off, not buffered; it reconnects and reloads), subscribers who see the same thing share
 * one encoded copy of it, and a token holds at most `streamsPerToken` streams. A stream lives only as long as
 * its credential: it ends when the session expires, on logout, or once the member is deactivated (checked
 * at every heartbeat, so a logout through another instance ends it too).
 */
import type { ChangeEvent, Member, MemberLoad } from '../../sdk/schema.js';
import { canSee, movesLoads, seesAll } from '../../sdk/policy.js';
import type { Credential } from './auth.js';
import type { LeadChange } from './db/repository.js';

export type { LeadChange } from './db/repository.js';

/** What a stream's opener (presence.ts) hears of it. */
export interface StreamHooks {
  /** The stream is open: `send` queues SSE text on this stream alone (a snapshot for it). */
  opened?(send: (text: string) => void): void;
  /** The stream ended: the client went away, was too slow, logged out, or the server shut down. */
  closed?(): void;
}

interface Subscriber {
  memberId: string;
  credential: Credential;
  hooks: StreamHooks;
  controller: ReadableStreamDefaultController<Uint8Array>;
  /** Ends the connection at once, queued bytes and all (see open). */
  cut: () => void;
  expiry?: ReturnType<typeof setTimeout>;
}

export interface EventHubOptions {
  /**
   * Every member, read when changes are sent (once per drain, whatever the number of subscribers), so a
   * member's current role and active flag decide what they receive.
   */
  members: () => Promise<readonly Member[]>;
  /**
   * Every member's open-lead count, read after a drain's changes that moved counts and sent to every stream
   * as one `member_loads` event after them (counts are what `GET /api/members` shows anyone).
   */
  loads?: () => Promise<readonly MemberLoad[]>;
  /** Which of these credentials still authenticate their member (auth.ts `stillValid`). */
  stillValid: (credentials: readonly { tokenHash: string; memberId: string }[]) => Promise<Set<string>>;
  heartbeatMs?: number;
  queueBytes: number;
  streamsPerToken: number;
}

/** What a new stream is opened for. */
export interface StreamRequest {
  memberId: string;
  credential: Credential;
  /** Destroys the underlying connection (node: the response socket); default: errors the stream. */
  cut?: () => void;
  hooks?: StreamHooks;
}

/** One SSE message carrying `event` as JSON. */
export const eventText = (event: ChangeEvent) => `data: ${JSON.stringify(event)}\n\n`;
/** setTimeout takes at most a signed 32-bit delay; a later expiry is re-armed from there. */
const MAX_TIMER_MS = 2 ** 31 - 1;

export class EventHub {
  private readonly subscribers = new Set<Subscriber>();
  private readonly encoder = new TextEncoder();
  private readonly heartbeatBytes = this.encoder.encode(': heartbeat\n\n');
  private heartbeat: ReturnType<typeof setInterval> | undefined;
  /** Changes waiting to be sent, in commit order; one drain at a time keeps that order. */
  private readonly queue: (readonly LeadChange[])[] = [];
  private draining: Promise<void> | undefined;
  private checking = false;
  private readonly heartbeatMs: number;
  /** Streams cut off because their client fell `queueBytes` behind (a figure for tests and logs). */
  cutOff = 0;

  constructor(private readonly options: EventHubOptions) {
    this.heartbeatMs = options.heartbeatMs ?? 15_000;
  }

  get size(): number {
    return this.subscribers.size;
  }

  /** Bytes queued for all streams and not yet taken by their connections (shared copies counted per stream). */
  get queuedBytes(): number {
    let total = 0;
    for (const s of this.subscribers) total += this.queued(s);
    return total;
  }

  /** A stream for the request's member; cancelling it (the client going away) unsubscribes. */
  open(request: StreamRequest): ReadableStream<Uint8Array> {
    let subscriber: Subscriber;
    return new ReadableStream<Uint8Array>({
      start: (controller) => {
        const cut = request.cut ?? (() => controller.error(new Error('event stream cut off')));
        const hooks = request.hooks ?? {};
        subscriber = { memberId: request.memberId, credential: request.credential, hooks, controller, cut };
        this.limitStreamsOf(request.credential.tokenHash);
        this.subscribers.add(subscriber);
        this.armExpiry(subscriber);
        // `retry` tells EventSource how long to wait before reconnecting; the comment flushes headers at once.
        controller.enqueue(this.encoder.encode('retry: 3000\n: connected\n\n'));
        this.startHeartbeat();
        hooks.opened?.((text) => this.subscribers.has(subscriber) && this.enqueue(subscriber, this.encoder.encode(text)));
      },
      cancel: () => this.drop(subscriber),
    }, new ByteLengthQueuingStrategy({ highWaterMark: this.options.queueBytes }));
  }

  /** Queues committed changes for the subscribers; resolves once they were handed to every stream. */
  publish(changes: readonly LeadChange[]): Promise<void> {
    if (changes.length === 0 || this.subscribers.size === 0) return this.draining ?? Promise.resolve();
    this.queue.push(changes);
    return (this.draining ??= this.drain());
  }

  /** Queues text on every stream as `textFor(memberId)` says (null: nothing for that member). */
  broadcast(textFor: (memberId: string) => string | null): void {
    for (const subscriber of [...this.subscribers]) {
      const text = textFor(subscriber.memberId);
      if (text) this.enqueue(subscriber, this.encoder.encode(text));
    }
  }

  /** Ends every stream of a token (logout). */
  closeToken(tokenHash: string): void {
    for (const s of [...this.subscribers]) if (s.credential.tokenHash === tokenHash) this.end(s);
  }

  /** Ends every stream (shutdown, or a feed that may have missed changes: clients reconnect and reload). */
  closeAll(): void {
    for (const subscriber of [...this.subscribers]) this.end(subscriber);
  }

  private async drain(): Promise<void> {
    // After the I/O callbacks queued meanwhile (the caller stores this promise first): on SQLite a write's
    // changes are published as it commits, and reading every member's count and serializing a bulk change's
    // 2,000 events in the microtasks after that held back the writer's own answer by as long again.
    await new Promise<void>((resolve) => setImmediate(resolve));
    try {
      while (this.queue.length > 0) {
        const batch = this.queue.splice(0).flat();
        const { loads } = this.options;
        let members: readonly Member[], counts: readonly MemberLoad[] | undefined;
        try {
          const moved = loads !== undefined && batch.some((c) => movesLoads(c.before, c.after, c.activities));
          [members, counts] = await Promise.all([this.options.members(), moved ? loads() : undefined]);
        } catch (error) {
          // Without members nobody can be filtered: end the streams (clients reconnect and reload).
          console.error('[lead-kanban server] event hub could not read members', error);
          this.closeAll();
          continue;
        }
        this.send(batch, new Map(members.map((m) => [m.id, m])));
        if (counts) {
          const text = this.encoder.encode(eventText({ type: 'member_loads', loads: [...counts] }));
          for (const subscriber of [...this.subscribers]) this.enqueue(subscriber, text);
        }
      }
    } finally {
      // Synchronously after the last check of the queue: a later publish starts a new drain.
      this.draining = undefined;
    }
  }

  private send(changes: readonly LeadChange[], members: ReadonlyMap<string, Member>): void {
    // Each change is serialized at most once, however many subscribers receive it, and everyone who sees
    // every lead (admins, managers) shares one encoded copy of the whole message.
    const seenText: (string | undefined)[] = [];
    const removedText: (string | undefined)[] = [];
    const seen = (i: number, change: LeadChange) => (seenText[i] ??= eventText({ type: 'lead', lead: change.after }) +
      change.activities.map((activity) => eventText({ type: 'activity', activity })).join(''));
    const removed = (i: number, change: LeadChange) =>
      (removedText[i] ??= eventText({ type: 'lead_removed', leadId: change.after.id }));
    const byView = new Map<string, Uint8Array | null>();
    for (const subscriber of this.subscribers) {
      const viewer = members.get(subscriber.memberId);
      if (!viewer) continue;
      const view = viewer.active && seesAll(viewer) ? '*' : viewer.id;
      let bytes = byView.get(view);
      if (bytes === undefined) {
        let text = '';
        changes.forEach((change, i) => {
          if (canSee(viewer, change.after)) text += seen(i, change);
          else if (change.before && canSee(viewer, change.before)) text += removed(i, change);
        });
        bytes = text ? this.encoder.encode(text) : null;
        byView.set(view, bytes);
      }
      if (bytes) this.enqueue(subscriber, bytes);
    }
  }

  /** Bytes waiting in the stream's queue: the connection takes them only as fast as its client reads. */
  private queued(subscriber: Subscriber): number {
    const room = subscriber.controller.desiredSize;
    return room === null ? 0 : Math.max(0, this.options.queueBytes - room);
  }

  /**
   * A client already `queueBytes` behind is cut off instead of being handed more: one message may pass the
   * bound (a large batch arrives whole), the next finds it full. Its queue is dropped with the connection.
   */
  private enqueue(subscriber: Subscriber, bytes: Uint8Array): void {
    if (this.queued(subscriber) >= this.options.queueBytes) {
      this.cutOff++;
      return this.drop(subscriber, 'cut');
    }
    try {
      subscriber.controller.enqueue(bytes);
    } catch {
      this.drop(subscriber);
    }
  }

  /** Ends a stream: closed after what it holds when its client keeps up, cut off when it has fallen behind. */
  private end(subscriber: Subscriber): void {
    this.drop(subscriber, this.queued(subscriber) > 0 ? 'cut' : 'close');
  }

  private drop(subscriber: Subscriber, how?: 'close' | 'cut'): void {
    if (!this.subscribers.delete(subscriber)) return;
    clearTimeout(subscriber.expiry);
    subscriber.hooks.closed?.();
    try {
      if (how === 'close') subscriber.controller.close();
      else if (how === 'cut') subscriber.cut();
    } catch {
      // already closed or errored: nothing left to end
    }
    if (this.subscribers.size === 0 && this.heartbeat) {
      clearInterval(this.heartbeat);
      this.heartbeat = undefined;
    }
  }

  /** One more stream of a token than allowed ends its oldest: a client reconnecting is never locked out. */
  private limitStreamsOf(tokenHash: string): void {
    const own = [...this.subscribers].filter((s) => s.credential.tokenHash === tokenHash);
    for (const old of own.slice(0, Math.max(0, own.length - this.options.streamsPerToken + 1))) this.end(old);
  }

  private armExpiry(subscriber: Subscriber): void {
    const { expiresAt } = subscriber.credential;
    if (expiresAt === undefined) return;
    const wait = expiresAt - Date.now();
    subscriber.expiry = setTimeout(() => (wait > MAX_TIMER_MS ? this.armExpiry(subscriber) : this.end(subscriber)),
      Math.max(0, Math.min(wait, MAX_TIMER_MS)));
    subscriber.expiry.unref?.();
  }

  private startHeartbeat(): void {
    if (this.heartbeat) return;
    this.heartbeat = setInterval(() => {
      for (const subscriber of [...this.subscribers]) this.enqueue(subscriber, this.heartbeatBytes);
      void this.recheck();
    }, this.heartbeatMs);
    this.heartbeat.unref?.();
  }

  /** Ends the streams whose credential no longer authenticates (logout elsewhere, deactivation, expiry). */
  private async recheck(): Promise<void> {
    if (this.checking || this.subscribers.size === 0) return;
    this.checking = true;
    try {
      const subscribers = [...this.subscribers];
      const valid = await this.options.stillValid(
        subscribers.map((s) => ({ tokenHash: s.credential.tokenHash, memberId: s.memberId })));
      for (const s of subscribers) if (!valid.has(s.credential.tokenHash)) this.end(s);
    } catch {
      // the database is away: keep the streams; the change feed ends them if changes were missed
    } finally {
      this.checking = false;
    }
  }
}
