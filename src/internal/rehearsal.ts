import { LitElement, render } from 'lit';
import { DEFAULT_ASSIGNMENT_RULES, LeadStore, type Activity, type Lead, type LeadAdapter, type MemberWithLoad } from '../../sdk/index.js';
import { whenIdle } from './idle.js';

/**
 * Rehearsals: an element's first render, played in an idle period before a user waits for it. Lit prepares a
 * template the first time it renders it — it parses the template's HTML into a `<template>` and finds its
 * parts — and keeps it, by its strings, for every later render of any element; on a fresh page that preparing
 * was about a quarter of the board's first render's script, and half of a drawer's first opening. So an
 * element that is never connected, on a store of one admin and one lead, renders into a fragment that is
 * dropped, and so does every Lit element that render makes; the real first render then finds its templates
 * prepared, its style sheets made (parsed), and the store's load and the render functions run once.
 * docs/architecture.md, "Idle time".
 *
 * Nothing of it reaches the page: no element is connected (no connectedCallback, so no controller starts, no
 * listener is added to the document, no style is adopted, nothing is measured), the store's backend is the
 * object below (it answers from memory and refuses every write, which nothing asks for), and no event is
 * fired. A rehearsal whose element already rendered for real is cancelled: that render prepared the templates.
 */

export const REHEARSAL_LEAD_ID = 'rehearsal';

const AT = '2026-01-01T00:00:00.000Z';
const MEMBER: MemberWithLoad = { id: 'rehearsal', name: 'Rehearsal', email: 'rehearsal@example.com', role: 'admin', active: true, openLeads: 0 };
const LEAD: Lead = {
  id: REHEARSAL_LEAD_ID,
  name: 'Rehearsal',
  company: 'Rehearsal',
  value: 1,
  status: 'new',
  position: 1,
  assigneeId: null,
  createdAt: AT,
  updatedAt: AT,
  version: 1,
};

/** The lead's history: one entry, so a rehearsed drawer renders the history's entries as a first opening does. */
const HISTORY: Activity[] = [{ id: 'rehearsal', leadId: REHEARSAL_LEAD_ID, type: 'created', actorId: MEMBER.id, at: AT, source: 'manual' }];

const refuse = (): Promise<never> => Promise.reject(new Error('a rehearsal writes nothing'));

/** A rehearsal's backend: an admin (so the toolbar shows its intake actions) and one unassigned lead. */
function rehearsalAdapter(): LeadAdapter {
  return {
    me: () => Promise.resolve(MEMBER),
    listMembers: () => Promise.resolve([MEMBER]),
    listLeads: () => Promise.resolve([LEAD]),
    getLead: () => Promise.resolve(LEAD),
    listActivity: () => Promise.resolve(HISTORY),
    getAssignmentRules: () => Promise.resolve(DEFAULT_ASSIGNMENT_RULES),
    createLead: refuse,
    importLeads: refuse,
    setAssignmentRules: refuse,
    updateLead: refuse,
    assign: refuse,
    addNote: refuse,
  };
}

/** Lit's `render()` is protected; a rehearsal calls it as the element's own update would. */
type Renderable = LitElement & { render(): unknown };

/**
 * Renders `element`'s template into a detached fragment, then each Lit element that render made, the same
 * way, and makes each one's style sheets; answers the tags rendered, in order. Throws what a render throws.
 */
export function rehearse(element: LitElement): string[] {
  const rendered: string[] = [];
  const pending: LitElement[] = [element];
  for (let next = pending.shift(); next; next = pending.shift()) {
    // Its constructed sheets too: Lit makes each (parsing its CSS) when the first element adopts it.
    for (const style of (next.constructor as typeof LitElement).elementStyles) if ('styleSheet' in style) void style.styleSheet;
    const fragment = document.createDocumentFragment();
    render((next as Renderable).render(), fragment, { host: next });
    rendered.push(next.localName);
    for (const inner of fragment.querySelectorAll('*')) if (inner instanceof LitElement) pending.push(inner);
  }
  return rendered;
}

/** What a rehearsal waits for before it renders. */
export interface RehearsalNeeds {
  /** Chunks its render shows (fetched when the rehearsal runs, not before). */
  chunks?: () => Promise<unknown>;
  /** What its element would have asked the store for once connected (the drawer's history). */
  data?: (store: LeadStore) => Promise<unknown>;
}

/** One element's rehearsal: `perform` gives a never-connected element the loaded store and rehearses it. */
export class Rehearsal {
  private state: 'waiting' | 'scheduled' | 'over' = 'waiting';
  private cancelIdle: (() => void) | undefined;

  constructor(
    private readonly perform: (store: LeadStore) => string[],
    private readonly needs: RehearsalNeeds = {},
  ) {}

  /** Once per page, in the first idle period after `after` settles (a chunk's arrival; default at once). */
  schedule(after: Promise<unknown> = Promise.resolve()): void {
    if (this.state !== 'waiting' || typeof window === 'undefined') return;
    this.state = 'scheduled';
    void after.then(() => {
      if (this.state !== 'scheduled') return;
      this.cancelIdle = whenIdle(() => {
        // A rehearsal only warms; one that fails (an artificial element: never connected) must not report an
        // error on every page that loads the library. Its tests call `run` directly. An element that renders
        // for real while this one waits for a chunk cancels it: it would only add work to that element's frames.
        this.run(() => this.state === 'scheduled')
          .catch(() => {})
          .finally(() => (this.state = 'over'));
      }, 200);
    });
  }

  /** The element rendered for real: no rehearsal is needed. */
  cancel(): void {
    this.state = 'over';
    this.cancelIdle?.();
  }

  /** Rehearses now, unless `wanted` turns false while it waits: answers the tags rendered. */
  async run(wanted: () => boolean = () => true): Promise<string[]> {
    await this.needs.chunks?.();
    if (!wanted()) return [];
    const store = new LeadStore(rehearsalAdapter());
    try {
      await store.load();
      await this.needs.data?.(store);
      return wanted() ? this.perform(store) : [];
    } finally {
      store.dispose();
    }
  }
}
