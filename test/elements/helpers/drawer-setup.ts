/** A real MemoryAdapter + LeadStore for the drawer and picker tests, and a wrapper that makes assign fail. */
import {
  AdapterError,
  LeadStore,
  type AssignOptions,
  type AssignResponse,
  type LeadAdapter,
  type LeadListQuery,
  type LeadPatch,
  type Source,
  type ChangeEvent,
} from '../../../sdk/index.js';
import { MemoryAdapter } from '../../../sdk/memory.js';
import type { LazyModule } from '../../../src/internal/lazy.js';
import type { LeadDrawer } from '../../../src/lead-drawer/lead-drawer.js';

export interface Setup<A extends LeadAdapter = MemoryAdapter> {
  adapter: A;
  backend: MemoryAdapter;
  store: LeadStore;
}

/** 24 leads, 6 members: m1 admin, m2 manager, m3–m5 members, m6 inactive. Acts as `as` (default the admin). */
export async function loadedStore(as?: string): Promise<Setup> {
  const backend = MemoryAdapter.seeded({ leads: 24, members: 6, ...(as ? { as } : {}) });
  const store = new LeadStore(backend);
  await store.load();
  return { adapter: backend, backend, store };
}

/** The real adapter, except that `assign` fails while `failing` is true (a network error, nothing written). */
export class FailingAssignAdapter implements LeadAdapter {
  failing = true;
  constructor(readonly inner: MemoryAdapter) {}
  me() { return this.inner.me(); }
  listMembers() { return this.inner.listMembers(); }
  listLeads(query?: LeadListQuery) { return this.inner.listLeads(query); }
  getLead(id: string) { return this.inner.getLead(id); }
  updateLead(id: string, patch: LeadPatch, expectedVersion: number, options?: { source?: Source }) {
    return this.inner.updateLead(id, patch, expectedVersion, options);
  }
  async assign(leadIds: readonly string[], assigneeId: string | null, options?: AssignOptions): Promise<AssignResponse> {
    if (this.failing) throw new AdapterError('network', 'Simulated network failure');
    return this.inner.assign(leadIds, assigneeId, options);
  }
  listActivity(leadId: string) { return this.inner.listActivity(leadId); }
  addNote(leadId: string, text: string) { return this.inner.addNote(leadId, text); }
  subscribe(onChange: (event: ChangeEvent) => void) { return this.inner.subscribe(onChange); }
}

export async function failingStore(): Promise<Setup<FailingAssignAdapter>> {
  const backend = MemoryAdapter.seeded({ leads: 24, members: 6 });
  const adapter = new FailingAssignAdapter(backend);
  const store = new LeadStore(adapter);
  await store.load();
  return { adapter, backend, store };
}

/** The shadow root of a drawer's content (`<lead-drawer-content>`), where its dialog, fields and history are. */
export function drawerRoot(drawer: LeadDrawer): ShadowRoot {
  const content = drawer.shadowRoot!.querySelector('lead-drawer-content');
  if (!content?.shadowRoot) throw new Error('the drawer content is not there (its chunk has not arrived)');
  return content.shadowRoot;
}

/**
 * Puts the fetch of an on-demand chunk under a test's control, to act before the chunk has arrived: while
 * `offline` each fetch fails as a dropped network would; otherwise it waits until `release()`, then loads
 * the real module. `started` counts the fetches begun. Install it before anything on the page fetched that chunk.
 */
export interface FetchControl {
  started: number;
  offline: boolean;
  release(): void;
}

export function controlFetch<T>(chunk: LazyModule<T>): FetchControl {
  const realLoad = chunk.source.load;
  let release!: () => void;
  const released = new Promise<void>((resolve) => (release = resolve));
  const control: FetchControl = { started: 0, offline: false, release };
  chunk.source.load = () => {
    control.started++;
    if (control.offline) return Promise.reject(new TypeError('Failed to fetch dynamically imported module (simulated: offline)'));
    return released.then(realLoad);
  };
  return control;
}
