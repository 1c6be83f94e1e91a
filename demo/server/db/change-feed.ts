/**
 * How a change committed through one instance reaches the event streams of every instance on the same
 * PostgreSQL database, in commit order, within milliseconds.
 *
 * A write transaction stores its changes (the leads after, who could see them before, the history rows) as
 * one `change_log` row and, in the same transaction, `pg_notify`s that row's id. NOTIFY is delivered only
 * on commit, to every listening connection, in commit order, and it carries nothing but the id: well under
 * its 8,000-byte limit whatever the batch size, and no lead data ever travels outside a query. Each
 * instance keeps one connection LISTENing; for each id it uses the changes it still holds in memory (its own
 * writes) or reads the row, then hands the changes to the event hub, which filters them per subscriber.
 *
 * If the listening connection drops, notifications may be lost: `onLost` ends the open streams (clients
 * reconnect and reload), new streams are refused while `following` is false, and the feed reconnects with
 * backoff. Rows older than a few minutes are deleted; a listener that far behind has already been cut off.
 */
import pg from 'pg';
import type { LeadChange } from './repository.js';

export const CHANGE_CHANNEL = 'lead_kanban_changes';
/** Presence between instances (demo/server/presence.ts): small JSON messages, carried whole by NOTIFY. */
export const PRESENCE_CHANNEL = 'lead_kanban_presence';
/** How long change-log rows (and changes held for our own notifications) are kept. */
const KEEP_MS = 5 * 60_000;
const PRUNE_EVERY_MS = 60_000;
const RECONNECT_MS = [250, 500, 1000, 2000, 5000];

/** The payload stored per change: `before` reduced to what visibility needs. */
export function serializeChanges(changes: readonly LeadChange[]): string {
  return JSON.stringify(changes.map((c) => ({
    ...(c.before ? { before: { assigneeId: c.before.assigneeId } } : {}), after: c.after, activities: c.activities,
  })));
}

export interface FeedHandlers {
  deliver(changes: readonly LeadChange[]): void;
  lost(): void;
  /** A presence message, from any instance (this one included). */
  presence?(message: string): void;
}

export class ChangeFeed {
  private client: pg.Client | undefined;
  /** Changes this instance committed (or is committing), by change-log id, until their notification arrives. */
  private readonly own = new Map<string, { changes: readonly LeadChange[]; at: number }>();
  private readonly queue: string[] = [];
  private draining: Promise<void> | undefined;
  private reconnectTimer: ReturnType<typeof setTimeout> | undefined;
  private readonly pruneTimer: ReturnType<typeof setInterval>;
  private attempt = 0;
  private stopped = false;
  following = false;

  constructor(
    private readonly config: pg.ClientConfig,
    private readonly pool: pg.Pool,
    private readonly handlers: FeedHandlers,
  ) {
    this.pruneTimer = setInterval(() => void this.prune(), PRUNE_EVERY_MS);
    this.pruneTimer.unref();
  }

  /** Connects and LISTENs; rejects when the database cannot be reached (the first time only). */
  async start(): Promise<void> {
    const client = new pg.Client(this.config);
    client.on('error', () => this.disconnected(client)); // also 'end' below; either way we reconnect
    client.on('end', () => this.disconnected(client));
    client.on('notification', (message) => {
      if (message.channel === CHANGE_CHANNEL && message.payload) this.enqueue(message.payload);
      else if (message.channel === PRESENCE_CHANNEL && message.payload) this.handlers.presence?.(message.payload);
    });
    try {
      await client.connect();
      await client.query(`LISTEN ${CHANGE_CHANNEL}`);
      await client.query(`LISTEN ${PRESENCE_CHANNEL}`);
    } catch (error) {
      client.removeAllListeners();
      client.on('error', () => {});
      void client.end().catch(() => {});
      throw error;
    }
    if (this.stopped) {
      void client.end().catch(() => {});
      return;
    }
    this.client = client;
    this.attempt = 0;
    this.following = true;
  }

  /** Called inside the writing transaction, before COMMIT: the notification may arrive before COMMIT returns. */
  expect(id: string, changes: readonly LeadChange[]): void {
    this.own.set(id, { changes, at: Date.now() });
  }

  /** The transaction rolled back: no notification will come. */
  forget(ids: readonly string[]): void {
    for (const id of ids) this.own.delete(id);
  }

  async stop(): Promise<void> {
    this.stopped = true;
    this.following = false;
    clearInterval(this.pruneTimer);
    clearTimeout(this.reconnectTimer);
    const client = this.client;
    this.client = undefined;
    if (client) {
      client.removeAllListeners('end');
      await client.end().catch(() => {});
    }
    await this.draining;
  }

  private disconnected(client: pg.Client): void {
    if (this.client !== client) return; // an earlier connection, already replaced
    this.client = undefined;
    this.following = false;
    client.removeAllListeners();
    client.on('error', () => {});
    void client.end().catch(() => {});
    if (this.stopped) return;
    console.error('[lead-kanban server] change feed lost its database connection; reconnecting');
    this.handlers.lost();
    this.scheduleReconnect();
  }

  private scheduleReconnect(): void {
    const delay = RECONNECT_MS[Math.min(this.attempt++, RECONNECT_MS.length - 1)]!;
    this.reconnectTimer = setTimeout(() => {
      this.start().then(() => console.error('[lead-kanban server] change feed reconnected'),
        () => this.scheduleReconnect());
    }, delay);
    this.reconnectTimer.unref();
  }

  private enqueue(id: string): void {
    this.queue.push(id);
    this.draining ??= this.drain();
  }

  /** One drain at a time, ids in notification (= commit) order; payloads we do not hold are read in one query. */
  private async drain(): Promise<void> {
    await null; // the caller stores this promise first
    try {
      while (this.queue.length > 0) {
        const ids = this.queue.splice(0);
        const missing = ids.filter((id) => !this.own.has(id));
        const read = new Map<string, string>();
        if (missing.length > 0) {
          try {
            const result = await this.pool.query<{ id: string; payload: string }>(
              'SELECT id::text AS id, payload FROM change_log WHERE id = ANY ($1::bigint[])', [missing]);
            for (const row of result.rows) read.set(row.id, row.payload);
          } catch (error) {
            console.error('[lead-kanban server] change feed could not read the change log', error);
          }
        }
        for (const id of ids) {
          const mine = this.own.get(id);
          this.own.delete(id);
          const payload = read.get(id);
          const changes = mine?.changes ?? (payload === undefined ? undefined : (JSON.parse(payload) as LeadChange[]));
          if (changes) this.handlers.deliver(changes);
          else this.handlers.lost(); // unreadable (pruned, or the database went away): streams must reload
        }
      }
    } finally {
      this.draining = undefined;
    }
  }

  private async prune(): Promise<void> {
    const now = Date.now();
    for (const [id, entry] of this.own) if (now - entry.at > KEEP_MS) this.own.delete(id);
    try {
      await this.pool.query(`DELETE FROM change_log WHERE created_at < now() - make_interval(secs => $1)`,
        [KEEP_MS / 1000]);
    } catch {
      // the database is away; the next round tries again
    }
  }
}
