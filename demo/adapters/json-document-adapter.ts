/**
 * A complete small LeadAdapter: the whole data set is one JSON document in a `DocumentStore` (a file, a
 * localStorage entry, a key-value record). It is the example the README's "Write your own adapter" guide
 * walks through, and it passes the same adapter contract test as the MemoryAdapter and the RestAdapter
 * (test/contract/adapters.test.ts).
 *
 * What every adapter must do, and how this one does it:
 * - parse what it hands out with the SDK's schemas (`parseOrThrow`), so bad stored data fails loudly, naming
 *   the field, instead of reaching the board;
 * - enforce the visibility and permission rules of `lead-kanban/sdk` (canSee, decideAssignment): a lead the
 *   caller may not see does not exist for them;
 * - bump `version` on every write and refuse a stale `expectedVersion` (`conflict`, with the current lead);
 * - answer an assignment batch in one write with a result per lead, and append history, never rewrite it.
 * It has no `subscribe` (optional): the board then shows other people's changes on its next load.
 */
import * as z from 'zod/mini';
import {
  ActivitySchema,
  AdapterError,
  AssignBodySchema,
  CLOSED_STATUSES,
  ColumnKeySchema,
  LeadSchema,
  MemberSchema,
  NoteBodySchema,
  PatchLeadBodySchema,
  canSee,
  decideAssignment,
  parseOrThrow,
  type Activity,
  type AssignOptions,
  type AssignResponse,
  type AssignResult,
  type Lead,
  type LeadAdapter,
  type LeadListQuery,
  type LeadPatch,
  type Member,
  type MemberWithLoad,
  type Source,
} from '../../sdk/index.js';

/** Where the document lives. `read` answers null while nothing was written yet. */
export interface DocumentStore {
  read(): Promise<string | null>;
  write(text: string): Promise<void>;
}

const DocumentSchema = z.object({
  members: z.array(MemberSchema),
  leads: z.array(LeadSchema),
  activities: z.array(ActivitySchema),
});
export type LeadDocument = z.infer<typeof DocumentSchema>;

const ListQuerySchema = z.object({
  status: z.optional(z.array(ColumnKeySchema)),
  assignee: z.optional(z.string().check(z.minLength(1))),
  q: z.optional(z.string().check(z.maxLength(200))),
});

/** Fields a patch may clear with null (they are optional on a lead). */
const CLEARABLE = new Set(['company', 'email', 'phone', 'value']);

export class JsonDocumentAdapter implements LeadAdapter {
  /** Writes of this process wait for each other, so two commands never read the same old document. */
  private queue: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly store: DocumentStore,
    /** The member this adapter acts as (in a real app: whoever the host's session says). */
    readonly memberId: string,
  ) {}

  /** Writes `data` as the document (e.g. `seed()` from lead-kanban/sdk/memory), after checking it. */
  static async create(store: DocumentStore, data: LeadDocument): Promise<void> {
    await store.write(JSON.stringify(parseOrThrow(DocumentSchema, data, 'document')));
  }

  async me(): Promise<Member> {
    return this.viewer(await this.read());
  }

  async listMembers(): Promise<MemberWithLoad[]> {
    const doc = await this.read();
    this.viewer(doc);
    const open = new Map<string, number>();
    for (const lead of doc.leads) {
      if (lead.assigneeId && !CLOSED_STATUSES.includes(lead.status)) open.set(lead.assigneeId, (open.get(lead.assigneeId) ?? 0) + 1);
    }
    return doc.members.map((m) => ({ ...m, openLeads: open.get(m.id) ?? 0 }));
  }

  async listLeads(query: LeadListQuery = {}): Promise<Lead[]> {
    const doc = await this.read();
    const viewer = this.viewer(doc);
    const { status, assignee, q } = parseOrThrow(ListQuerySchema, query, 'query');
    const text = q?.trim().toLowerCase();
    return doc.leads.filter((lead) =>
      canSee(viewer, lead) &&
      (!status?.length || status.includes(lead.status)) &&
      matchesAssignee(lead, assignee, viewer.id) &&
      (!text || [lead.name, lead.company, lead.email].some((f) => f?.toLowerCase().includes(text))));
  }

  async getLead(id: string): Promise<Lead> {
    const doc = await this.read();
    return this.visible(doc, id);
  }

  async updateLead(id: string, patch: LeadPatch, expectedVersion: number, options: { source?: Source } = {}): Promise<Lead> {
    return this.write((doc) => {
      const body = parseOrThrow(PatchLeadBodySchema, { ...patch, expectedVersion }, 'patch');
      const current = this.visible(doc, id);
      if (current.version !== body.expectedVersion) {
        throw new AdapterError('conflict', `Lead ${id} was changed by someone else`, { current });
      }
      const next: Record<string, unknown> = { ...current };
      const changed: string[] = [];
      for (const [key, value] of Object.entries(body)) {
        if (key === 'expectedVersion' || value === undefined || next[key] === value) continue;
        if (value === null && CLEARABLE.has(key)) delete next[key];
        else next[key] = value;
        changed.push(key);
      }
      if (changed.length === 0) return current;
      const at = new Date().toISOString();
      const lead = { ...next, version: current.version + 1, updatedAt: at } as Lead;
      doc.leads[doc.leads.indexOf(current)] = lead;
      if (changed.includes('status')) {
        this.log(doc, { leadId: id, type: 'status_changed', at, from: current.status, to: lead.status, source: options.source });
      }
      const fields = changed.filter((k) => k !== 'status' && k !== 'position');
      if (fields.length > 0) this.log(doc, { leadId: id, type: 'updated', at, text: fields.join(', '), source: options.source });
      return lead;
    });
  }

  async assign(leadIds: readonly string[], assigneeId: string | null, options: AssignOptions = {}): Promise<AssignResponse> {
    return this.write((doc) => {
      const viewer = this.viewer(doc);
      const body = parseOrThrow(AssignBodySchema, { leadIds: [...leadIds], assigneeId, ...options }, 'assignment');
      const assignee = body.assigneeId === null ? null : doc.members.find((m) => m.id === body.assigneeId);
      if (assignee !== null && !assignee?.active) {
        throw new AdapterError('invalid', 'assignment: assigneeId: The assignee is not an active member', {
          issues: [{ path: 'assigneeId', message: 'The assignee is not an active member' }],
        });
      }
      const batchId = body.batchId ?? newId('b');
      const at = new Date().toISOString();
      const results: AssignResult[] = [];
      for (const leadId of new Set(body.leadIds)) {
        const index = doc.leads.findIndex((l) => l.id === leadId);
        const lead = doc.leads[index];
        const step = decideAssignment(viewer, lead, assignee, body.expectedVersions?.[leadId]);
        if (!lead || step === 'not_found' || step === 'forbidden') {
          results.push({ leadId, status: step === 'forbidden' ? 'forbidden' : 'not_found' });
        } else if (step === 'conflict' || step === 'unchanged') {
          results.push({ leadId, status: step === 'conflict' ? 'conflict' : 'ok', lead });
        } else {
          const after: Lead = { ...lead, assigneeId: body.assigneeId, version: lead.version + 1, updatedAt: at };
          doc.leads[index] = after;
          this.log(doc, { leadId, type: body.assigneeId ? 'assigned' : 'unassigned', at, from: lead.assigneeId,
            to: body.assigneeId, source: body.source ?? 'manual', batchId });
          results.push({ leadId, status: 'ok', lead: after });
        }
      }
      return { batchId, results };
    });
  }

  async listActivity(leadId: string): Promise<Activity[]> {
    const doc = await this.read();
    this.visible(doc, leadId);
    return doc.activities.filter((a) => a.leadId === leadId);
  }

  async addNote(leadId: string, text: string): Promise<Activity> {
    return this.write((doc) => {
      this.visible(doc, leadId);
      const note = parseOrThrow(NoteBodySchema, { text }, 'note');
      return this.log(doc, { leadId, type: 'note', at: new Date().toISOString(), text: note.text });
    });
  }

  // ---- the document ----------------------------------------------------------------------------------------

  private async read(): Promise<LeadDocument> {
    const text = await this.store.read();
    if (text === null) throw new AdapterError('network', 'No lead document yet: create one with JsonDocumentAdapter.create');
    return parseOrThrow(DocumentSchema, JSON.parse(text), 'document');
  }

  /** Reads, changes and writes the document as one step; a thrown error writes nothing. */
  private write<T>(change: (doc: LeadDocument) => T): Promise<T> {
    const run = this.queue.then(async () => {
      const doc = await this.read();
      this.viewer(doc);
      const result = change(doc);
      await this.store.write(JSON.stringify(doc));
      return result;
    });
    this.queue = run.catch(() => undefined);
    return run;
  }

  private viewer(doc: LeadDocument): Member {
    const member = doc.members.find((m) => m.id === this.memberId);
    if (!member?.active) throw new AdapterError('unauthorized', 'Not signed in as an active member');
    return member;
  }

  /** The lead if the caller may see it; otherwise it does not exist for them. */
  private visible(doc: LeadDocument, id: string): Lead {
    const lead = doc.leads.find((l) => l.id === id);
    if (!lead || !canSee(this.viewer(doc), lead)) throw new AdapterError('not_found', `Lead ${id} not found`);
    return lead;
  }

  private log(doc: LeadDocument, entry: Omit<Activity, 'id' | 'actorId'>): Activity {
    const activity = { id: newId('a'), actorId: this.memberId, ...entry } as Activity;
    for (const key of Object.keys(activity) as (keyof Activity)[]) if (activity[key] === undefined) delete activity[key];
    doc.activities.push(activity);
    return activity;
  }
}

function matchesAssignee(lead: Lead, filter: string | undefined, meId: string): boolean {
  if (filter === undefined || filter === 'any') return true;
  if (filter === 'unassigned') return lead.assigneeId === null;
  return lead.assigneeId === (filter === 'me' ? meId : filter);
}

const newId = (prefix: string) => `${prefix}${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 10)}`;
