/**
 * Presence: who has which lead open right now, for the drawer's "Dana Ruiz is viewing".
 *
 * A client names itself with a random client id on its event stream (`GET /api/events?client=`) and says
 * what it views with `PUT /api/presence` (again every ~25 s while it does). Each instance keeps the table of
 * every client's presence — its own and, through the repository's presence channel (PostgreSQL NOTIFY; in
 * process for SQLite), every other instance's — so a change made on one instance reaches the streams of all.
 * An entry ends when its client's stream closes, when the client says it views nothing, or when it is not
 * renewed within TTL_MS (a tab that vanished, an instance that died).
 *
 * What a subscriber hears: `{ type: 'presence', leadId, viewerIds }` when the people viewing a lead change,
 * and on opening its stream, one such event per lead someone views — only for leads that member may see
 * (sdk/policy.ts), so nobody learns anything of a lead that does not exist for them.
 */
import { randomUUID } from 'node:crypto';
import type { ChangeEvent, Lead, Member } from '../../sdk/schema.js';
import { canSee } from '../../sdk/policy.js';
import type { Repository } from './db/repository.js';
import { eventText, type EventHub, type StreamHooks } from './events.js';

/** An entry not renewed for this long has ended. */
export const PRESENCE_TTL_MS = 60_000;
const SWEEP_MS = 5_000;

interface Entry {
  memberId: string;
  leadId: string;
  until: number;
}

/** What instances tell each other (JSON on the presence channel). */
type Message =
  | { op: 'set'; client: string; member: string; lead: string | null; until: number }
  | { op: 'clear'; client: string };

/** Reads every lead, whoever may see it: presence checks each subscriber's sight itself. */
const EVERYONE: Member = { id: '(presence)', name: 'presence', email: 'presence@localhost', role: 'admin', active: true };

export class Presence {
  private readonly entries = new Map<string, Entry>();
  private readonly sweeper: ReturnType<typeof setInterval>;
  private readonly unlisten: () => void;
  /** This instance, for logs only. */
  readonly instance = randomUUID();

  constructor(
    private readonly repo: Repository,
    private readonly hub: EventHub,
    private readonly ttlMs = PRESENCE_TTL_MS,
  ) {
    this.unlisten = repo.onPresence((text) => this.received(text));
    this.sweeper = setInterval(() => this.sweep(), Math.min(SWEEP_MS, ttlMs / 2));
    this.sweeper.unref();
  }

  /** `viewer`'s client `clientId` now views `leadId` (null: nothing); the lead was checked visible to them. */
  async set(viewer: Member, clientId: string, leadId: string | null): Promise<string[]> {
    const message: Message = { op: 'set', client: clientId, member: viewer.id, lead: leadId, until: Date.now() + this.ttlMs };
    // Applied here at once (the answer says who views it), then told to every instance (our own echo changes nothing).
    this.apply(message);
    await this.publish(message);
    return leadId === null ? [] : this.viewersOf(leadId);
  }

  /** The members viewing a lead now (each once). */
  viewersOf(leadId: string): string[] {
    const now = Date.now();
    const ids = new Set<string>();
    for (const entry of this.entries.values()) if (entry.leadId === leadId && entry.until > now) ids.add(entry.memberId);
    return [...ids].sort();
  }

  /** Hooks for an event stream of `viewer`'s client: a snapshot when it opens, the client's presence ends when it closes. */
  streamHooks(viewer: Member, clientId: string | undefined): StreamHooks {
    return {
      opened: (send) => void this.snapshot(viewer, send),
      closed: () => {
        if (clientId === undefined || !this.entries.has(clientId)) return;
        const message: Message = { op: 'clear', client: clientId };
        this.apply(message);
        void this.publish(message);
      },
    };
  }

  close(): void {
    clearInterval(this.sweeper);
    this.unlisten();
  }

  private async publish(message: Message): Promise<void> {
    try {
      await this.repo.publishPresence(JSON.stringify(message));
    } catch (error) {
      // Best effort: other instances learn it at the next renewal (or the entry times out there).
      console.error('[lead-kanban server] presence could not be shared', error);
    }
  }

  private received(text: string): void {
    let message: Message;
    try {
      message = JSON.parse(text) as Message;
    } catch {
      return;
    }
    this.apply(message);
  }

  /** Applies a message; the leads whose viewers changed are told to the streams. */
  private apply(message: Message): void {
    const before = this.entries.get(message.client);
    if (message.op === 'clear' || message.lead === null) this.entries.delete(message.client);
    else this.entries.set(message.client, { memberId: message.member, leadId: message.lead, until: message.until });
    const after = this.entries.get(message.client);
    const leads = new Set<string>();
    if (before && (before.leadId !== after?.leadId || before.memberId !== after?.memberId)) leads.add(before.leadId);
    if (after && (after.leadId !== before?.leadId || after.memberId !== before?.memberId)) leads.add(after.leadId);
    if (leads.size > 0) void this.tell([...leads]);
  }

  private sweep(): void {
    const now = Date.now();
    const leads = new Set<string>();
    for (const [client, entry] of this.entries) {
      if (entry.until > now) continue;
      this.entries.delete(client);
      leads.add(entry.leadId);
    }
    if (leads.size > 0) void this.tell([...leads]);
  }

  /** Tells each stream the viewers of these leads, for the leads its member may see. */
  private async tell(leadIds: readonly string[]): Promise<void> {
    if (this.hub.size === 0) return;
    let members: readonly Member[];
    let leads: Map<string, Lead>;
    try {
      [members, leads] = await Promise.all([this.repo.members(), this.repo.visibleLeads(EVERYONE, leadIds)]);
    } catch (error) {
      console.error('[lead-kanban server] presence could not be told', error);
      return;
    }
    const byId = new Map(members.map((m) => [m.id, m]));
    for (const lead of leads.values()) {
      const text = eventText(this.event(lead.id));
      this.hub.broadcast((memberId) => {
        const member = byId.get(memberId);
        return member && canSee(member, lead) ? text : null;
      });
    }
  }

  /** A new stream hears who views which lead now, for the leads its member may see. */
  private async snapshot(viewer: Member, send: (text: string) => void): Promise<void> {
    const viewed = [...new Set([...this.entries.values()].map((e) => e.leadId))];
    if (viewed.length === 0) return;
    try {
      const leads = await this.repo.visibleLeads(viewer, viewed);
      for (const id of leads.keys()) {
        const event = this.event(id);
        if (event.viewerIds.length > 0) send(eventText(event));
      }
    } catch (error) {
      console.error('[lead-kanban server] presence snapshot failed', error);
    }
  }

  private event(leadId: string): Extract<ChangeEvent, { type: 'presence' }> {
    return { type: 'presence', leadId, viewerIds: this.viewersOf(leadId) };
  }
}
