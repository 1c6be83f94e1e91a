import { LitElement, render } from 'lit';
import { DEFAULT_ASSIGNMENT_RULES, LeadStore, type Lead, type LeadAdapter, type MemberWithLoad } from '../../sdk/index.js';
import { whenIdle } from '../internal/idle.js';

/**
 * A rehearsal of the board's first render, in an idle period after the library loads (typically while a page
 * waits for its data). Lit prepares a template the first time it renders it — it parses the template's HTML
 * into a `<template>` and finds its parts — and keeps it, by its strings, for every later render of any
 * element; on a fresh page that preparing was about a quarter of the first render's script. So a board that is
 * never connected, on a store of one admin and one lead, renders its frame and every Lit element that frame
 * makes (its column, the status filter), each into a fragment that is dropped; the real first render then
 * finds its templates prepared, and the store's load and the render functions have run once.
 * docs/architecture.md, "Idle time".
 *
 * Nothing of it reaches the page: no element is connected (no connectedCallback, so no controller starts, no
 * listener is added to the document, no style is adopted, nothing is measured), the store's backend is the
 * object below (it answers from memory and refuses every write, which nothing asks for), and no event is
 * fired. A board connected before the rehearsal ran has it cancelled: its own render prepares the templates.
 */

const AT = '2026-01-01T00:00:00.000Z';
const MEMBER: MemberWithLoad = { id: 'rehearsal', name: 'Rehearsal', email: 'rehearsal@example.com', role: 'admin', active: true, openLeads: 0 };
const LEAD: Lead = {
  id: 'rehearsal',
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

const refuse = (): Promise<never> => Promise.reject(new Error('the rehearsal writes nothing'));

/** The rehearsal's backend: an admin (so the toolbar shows its intake actions) and one unassigned lead. */
function rehearsalAdapter(): LeadAdapter {
  return {
    me: () => Promise.resolve(MEMBER),
    listMembers: () => Promise.resolve([MEMBER]),
    listLeads: () => Promise.resolve([LEAD]),
    getLead: () => Promise.resolve(LEAD),
    listActivity: () => Promise.resolve([]),
    getAssignmentRules: () => Promise.resolve(DEFAULT_ASSIGNMENT_RULES),
    createLead: refuse,
    importLeads: refuse,
    setAssignmentRules: refuse,
    updateLead: refuse,
    assign: refuse,
    addNote: refuse,
  };
}

/** Lit's `render()` is protected; the rehearsal calls it as the element's own update would. */
type Renderable = LitElement & { render(): unknown };

/**
 * Renders `element`'s template into a detached fragment, then each Lit element that render made, the same
 * way; answers the tags rendered, in order (for tests). Throws what a render throws.
 */
function rehearse(element: LitElement): string[] {
  const rendered: string[] = [];
  const pending: LitElement[] = [element];
  for (let next = pending.shift(); next; next = pending.shift()) {
    const fragment = document.createDocumentFragment();
    render((next as Renderable).render(), fragment, { host: next });
    rendered.push(next.localName);
    for (const inner of fragment.querySelectorAll('*')) if (inner instanceof LitElement) pending.push(inner);
  }
  return rendered;
}

/** Loads a store on the rehearsal's backend, gives it to `board` and rehearses the board; answers the tags. */
export async function rehearseBoard(board: LitElement & { store: LeadStore | undefined }): Promise<string[]> {
  const store = new LeadStore(rehearsalAdapter());
  try {
    await store.load();
    board.store = store;
    return rehearse(board);
  } finally {
    store.dispose();
  }
}

let cancel: (() => void) | undefined;

/**
 * Schedules the rehearsal once per page, in the first idle period after the board's module loads; `make`
 * creates the (never connected) board. Does nothing outside a browser.
 */
export function scheduleRehearsal(make: () => LitElement & { store: LeadStore | undefined }): void {
  if (cancel || typeof window === 'undefined') return;
  cancel = whenIdle(() => {
    cancel = () => {};
    // A rehearsal only warms; one that fails (an artificial board: never connected) must not report an error
    // on every page that loads the library. Its tests call rehearseBoard directly.
    rehearseBoard(make()).catch(() => {});
  }, 200);
}

/** A board connected before the rehearsal ran renders its own templates: the rehearsal is not needed. */
export function cancelRehearsal(): void {
  cancel?.();
  cancel = () => {};
}
