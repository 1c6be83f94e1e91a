/**
 * Opt-in URL state of a board (`<lead-kanban url-state>`): the open lead and the filters live in the page's
 * query (`lead`, `q`, `assignee`, `status` — prefixed by the attribute's value when it has one), so a link
 * reopens the same view, and the browser's Back button closes the drawer instead of leaving the page.
 *
 * Opening a lead pushes a history entry; closing the drawer goes back over it (or, on a page opened at that
 * lead, replaces it); filter changes replace the current entry, so typing a search adds no history. Other
 * parameters of the page's URL are left as they are. A chunk of its own: a board without the attribute never
 * loads it (see lead-kanban.ts, urlStateChunk).
 */
import type { LeadFilter, LeadStore } from '../../sdk/index.js';

/** What the URL state needs of the board. */
export interface UrlStateHost {
  readonly store: LeadStore | undefined;
  /** The lead open in the drawer. */
  readonly openLeadId: string | null;
  /** Opens the drawer on a lead (as the board's `openLead`, no `lead-open` event). */
  openLead(leadId: string): void;
  /** Closes the drawer (focus goes back where it came from). */
  closeLead(): void;
  /** Shows `text` in the search box and filters by it. */
  search(text: string): void;
}

/** The view a URL describes. */
interface View {
  lead: string | null;
  filter: LeadFilter;
}

/** Marks the history entries this board pushed (one per opened lead), under the board's parameter prefix. */
const ENTRY = 'lead-kanban-url-state';

export class UrlState {
  /** The view last written to (or read from) the URL, as a string to compare. */
  private written = '';
  private appliedTo: LeadStore | undefined;
  private active = false;

  constructor(
    private readonly host: UrlStateHost,
    /** Put before each parameter name, so two boards on one page keep apart (the attribute's value). */
    private readonly prefix: string,
  ) {}

  start(): void {
    if (this.active) return;
    this.active = true;
    window.addEventListener('popstate', this.onPopState);
    this.sync();
  }

  stop(): void {
    this.active = false;
    window.removeEventListener('popstate', this.onPopState);
    this.appliedTo = undefined;
  }

  /**
   * After each render of the board: a store seen for the first time takes the view from the URL; otherwise a
   * view that changed is written to the URL. Cheap when nothing changed (one string compared).
   */
  sync(): void {
    const store = this.host.store;
    if (!this.active || !store) return;
    if (store !== this.appliedTo) {
      this.appliedTo = store;
      this.apply(this.read());
      return;
    }
    const view: View = { lead: this.host.openLeadId, filter: store.filter };
    const key = keyOf(view);
    if (key === this.written) return;
    const was = this.read();
    this.written = key;
    const url = this.urlOf(view);
    if (view.lead !== null && view.lead !== was.lead && was.lead === null) {
      history.pushState({ ...(history.state as object | null), [this.entry]: view.lead }, '', url);
    } else if (view.lead === null && was.lead !== null && this.pushedHere(was.lead)) {
      // Closing the lead opened here: back over its entry (the filters of that entry are the current ones).
      history.back();
    } else {
      history.replaceState(history.state, '', url);
    }
  }

  private readonly onPopState = () => {
    if (!this.host.store) return;
    this.apply(this.read());
  };

  /** Makes the board show a view (drawer and filters), and takes it as what the URL says. */
  private apply(view: View): void {
    const store = this.host.store!;
    this.written = keyOf(view);
    const { assignee, status, q } = view.filter;
    const current = store.filter;
    if (assignee !== current.assignee || status.join(',') !== current.status.join(',')) {
      try {
        store.setFilter({ assignee, status });
      } catch {
        // A malformed link (a status that is no column key): the filters stay as they are.
      }
    }
    if (q !== current.q) this.host.search(q);
    if (view.lead !== this.host.openLeadId) {
      if (view.lead === null) this.host.closeLead();
      else this.host.openLead(view.lead);
    }
  }

  private get entry(): string {
    return `${ENTRY}:${this.prefix}`;
  }

  /** Whether the current history entry is the one this board pushed when it opened `leadId`. */
  private pushedHere(leadId: string): boolean {
    const state = history.state as Record<string, unknown> | null;
    return state?.[this.entry] === leadId;
  }

  private param(name: string): string {
    return `${this.prefix}${name}`;
  }

  private read(): View {
    const query = new URL(location.href).searchParams;
    const status = query.get(this.param('status'));
    return {
      lead: query.get(this.param('lead')) || null,
      filter: {
        assignee: query.get(this.param('assignee')) || 'any',
        status: status ? status.split(',').map((s) => s.trim()).filter(Boolean) : [],
        q: (query.get(this.param('q')) ?? '').slice(0, 200),
      },
    };
  }

  /** The page's URL showing `view`: this board's parameters set (or removed at their defaults), others kept. */
  private urlOf(view: View): string {
    const url = new URL(location.href);
    const set = (name: string, value: string) => {
      if (value) url.searchParams.set(this.param(name), value);
      else url.searchParams.delete(this.param(name));
    };
    set('lead', view.lead ?? '');
    set('q', view.filter.q);
    set('assignee', view.filter.assignee === 'any' ? '' : view.filter.assignee);
    set('status', view.filter.status.join(','));
    return url.href;
  }
}

const keyOf = (view: View) =>
  JSON.stringify([view.lead, view.filter.assignee, view.filter.status, view.filter.q]);
