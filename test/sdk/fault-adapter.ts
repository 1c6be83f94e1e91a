/**
 * A test tool, not a mock: wraps a real LeadAdapter (usually MemoryAdapter) and forwards every call to it,
 * while letting a test fail, hold (delay) or force a real conflict on chosen calls, and counting calls per
 * method. Conflicts are produced by the wrapped backend itself: the wrapper sends a version it cannot have.
 */
import type { AssignOptions, ImportOptions, LeadAdapter, LeadListQuery, SubscribeHooks } from '../../sdk/index.js';
import { AdapterError } from '../../sdk/index.js';
import type {
  Activity,
  AssignmentRules,
  AssignResponse,
  ChangeEvent,
  CreateOptions,
  ImportInput,
  ImportResult,
  Lead,
  LeadPatch,
  Member,
  MemberWithLoad,
  NewLead,
  Source,
} from '../../sdk/index.js';

export type Method =
  | 'me' | 'listMembers' | 'listLeads' | 'getLead' | 'createLead' | 'updateLead' | 'assign' | 'listActivity' | 'addNote'
  | 'importLeads' | 'getAssignmentRules' | 'setAssignmentRules' | 'listBatch';

export type Fault =
  /** The call rejects with this error without reaching the backend. */
  | { fail: Error }
  /** The call is forwarded only once `release()` is called (a slow request); with `fail`, it then fails instead. */
  | { hold: 'request'; fail?: Error }
  /** The backend handles the call at once; its answer is returned only on `release()` (a slow response). */
  | { hold: 'response' }
  /** The call reaches the backend after `ms` milliseconds. */
  | { delayMs: number }
  /** The backend answers `conflict`: for all leads of the call, or only the listed ones (assign). */
  | { conflict: true | readonly string[] };

export interface Injection {
  /** Lets held calls proceed (for `hold`); harmless otherwise. */
  release(): void;
  /** How many calls this injection has affected so far. */
  readonly hits: number;
}

interface Rule {
  method: Method;
  fault: Fault;
  remaining: number;
  hits: number;
  waiting: (() => void)[];
  released: boolean;
}

/** Adds far more than any real version, so the wrapped backend sees a stale expectation and refuses it. */
const IMPOSSIBLE = 1_000_000;

export class FaultAdapter implements LeadAdapter {
  readonly inner: LeadAdapter;
  readonly calls: Record<Method, number> = {
    me: 0, listMembers: 0, listLeads: 0, getLead: 0, createLead: 0, updateLead: 0, assign: 0, listActivity: 0, addNote: 0,
    importLeads: 0, getAssignmentRules: 0, setAssignmentRules: 0, listBatch: 0,
  };
  /** Arguments of every assign call, to assert what the store sent. */
  readonly assignCalls: { leadIds: string[]; assigneeId: string | null; options: AssignOptions }[] = [];
  private readonly rules: Rule[] = [];

  /** `subscribe: false` hides the backend's pushes, so the client's copy can go stale (as after a lost connection). */
  constructor(inner: LeadAdapter, options: { subscribe?: boolean } = {}) {
    this.inner = inner;
    if (!inner.subscribe || options.subscribe === false) this.subscribe = undefined;
    // Optional capabilities are offered only when the wrapped backend has them.
    if (inner.listBatch) this.listBatch = (batchId) => this.run(this.take('listBatch'), () => inner.listBatch!(batchId));
    if (inner.setViewing) this.setViewing = (leadId) => inner.setViewing!(leadId);
  }

  /** Applies `fault` to the next `times` calls of `method` (default 1). */
  inject(method: Method, fault: Fault, times = 1): Injection {
    const rule: Rule = { method, fault, remaining: times, hits: 0, waiting: [], released: false };
    this.rules.push(rule);
    return {
      release: () => {
        rule.released = true;
        for (const resume of rule.waiting.splice(0)) resume();
      },
      get hits() {
        return rule.hits;
      },
    };
  }

  fail(method: Method, error: Error = new AdapterError('network', 'Simulated network failure'), times = 1): Injection {
    return this.inject(method, { fail: error }, times);
  }

  totalCalls(): number {
    return Object.values(this.calls).reduce((a, b) => a + b, 0);
  }

  private take(method: Method): Rule | undefined {
    this.calls[method] += 1;
    const rule = this.rules.find((r) => r.method === method && r.remaining > 0);
    if (!rule) return undefined;
    rule.remaining -= 1;
    rule.hits += 1;
    return rule;
  }

  private gate(rule: Rule): Promise<void> {
    if (rule.released) return Promise.resolve();
    return new Promise((resolve) => rule.waiting.push(resolve));
  }

  /** Runs `call` under the rule: fail, hold or delay; `conflict` is handled by the callers that support it. */
  private async run<T>(rule: Rule | undefined, call: () => Promise<T>): Promise<T> {
    if (!rule) return call();
    const fault = rule.fault;
    if ('fail' in fault && !('hold' in fault)) throw fault.fail;
    if ('delayMs' in fault) {
      await new Promise((resolve) => setTimeout(resolve, fault.delayMs));
      return call();
    }
    if ('hold' in fault) {
      if (fault.hold === 'request') {
        await this.gate(rule);
        if (fault.fail) throw fault.fail;
        return call();
      }
      const pending = call();
      // Surface the backend's answer (success or failure) only once released.
      const settled = await pending.then((value) => ({ value }), (error: unknown) => ({ error }));
      await this.gate(rule);
      if ('error' in settled) throw settled.error;
      return settled.value;
    }
    return call();
  }

  me(): Promise<Member> {
    return this.run(this.take('me'), () => this.inner.me());
  }
  listMembers(): Promise<MemberWithLoad[]> {
    return this.run(this.take('listMembers'), () => this.inner.listMembers());
  }
  listLeads(query?: LeadListQuery): Promise<Lead[]> {
    return this.run(this.take('listLeads'), () => this.inner.listLeads(query));
  }
  getLead(id: string): Promise<Lead> {
    return this.run(this.take('getLead'), () => this.inner.getLead(id));
  }
  /** An optional capability: forwarded when the wrapped adapter has it, refused as unsupported otherwise. */
  private optional<T>(method: Method, present: boolean, call: () => Promise<T>): Promise<T> {
    if (!present) return Promise.reject(new AdapterError('invalid', `${method} is not supported`));
    return this.run(this.take(method), call);
  }
  createLead(lead: NewLead, options?: CreateOptions): Promise<Lead> {
    return this.optional('createLead', !!this.inner.createLead, () => this.inner.createLead!(lead, options));
  }
  importLeads(input: ImportInput, options?: ImportOptions): Promise<ImportResult> {
    return this.optional('importLeads', !!this.inner.importLeads, () => this.inner.importLeads!(input, options));
  }
  getAssignmentRules(): Promise<AssignmentRules> {
    return this.optional('getAssignmentRules', !!this.inner.getAssignmentRules, () => this.inner.getAssignmentRules!());
  }
  setAssignmentRules(rules: AssignmentRules): Promise<AssignmentRules> {
    return this.optional('setAssignmentRules', !!this.inner.setAssignmentRules, () => this.inner.setAssignmentRules!(rules));
  }
  updateLead(id: string, patch: LeadPatch, expectedVersion: number, options?: { source?: Source }): Promise<Lead> {
    const rule = this.take('updateLead');
    const stale = rule && 'conflict' in rule.fault ? expectedVersion + IMPOSSIBLE : expectedVersion;
    return this.run(rule, () => this.inner.updateLead(id, patch, stale, options));
  }
  assign(leadIds: readonly string[], assigneeId: string | null, options: AssignOptions = {}): Promise<AssignResponse> {
    const rule = this.take('assign');
    this.assignCalls.push({ leadIds: [...leadIds], assigneeId, options: { ...options } });
    let sent = options;
    if (rule && 'conflict' in rule.fault) {
      const targets = rule.fault.conflict === true ? leadIds : rule.fault.conflict;
      const expectedVersions = { ...options.expectedVersions };
      for (const id of targets) expectedVersions[id] = (expectedVersions[id] ?? 1) + IMPOSSIBLE;
      sent = { ...options, expectedVersions };
    }
    return this.run(rule, () => this.inner.assign(leadIds, assigneeId, sent));
  }
  listActivity(leadId: string): Promise<Activity[]> {
    return this.run(this.take('listActivity'), () => this.inner.listActivity(leadId));
  }
  listBatch?(batchId: string): Promise<Activity[]>;
  setViewing?(leadId: string | null): Promise<void>;
  addNote(leadId: string, text: string): Promise<Activity> {
    return this.run(this.take('addNote'), () => this.inner.addNote(leadId, text));
  }
  subscribe?(onChange: (event: ChangeEvent) => void, hooks?: SubscribeHooks): () => void {
    this.feed = { down: false, hooks };
    return this.inner.subscribe!((event) => {
      if (!this.feed?.down) onChange(event);
    }, hooks);
  }

  private feed: { down: boolean; hooks: SubscribeHooks | undefined } | undefined;

  /** Drops pushed events from now on, as a lost connection would. */
  disconnectFeed(): void {
    if (this.feed) this.feed.down = true;
  }

  /** Delivers events again and tells the subscriber it reconnected (changes may have been missed). */
  reconnectFeed(): void {
    if (!this.feed) return;
    this.feed.down = false;
    this.feed.hooks?.onReconnect?.();
  }
}
