/**
 * The demo page `npm start` serves: the board on the reference REST server (same origin, /api), logged in as
 * the admin; "View as" logs in as another demo user (a new session, so the SERVER decides what they see).
 * The Backend toggle (or `?adapter=memory`) runs the same board on the in-memory adapter instead.
 *
 * The choice survives a reload: the backend and the person are in the URL (`?adapter=memory&as=<id>`), and
 * the person per backend in sessionStorage (so switching backends and back keeps who you were).
 */
import '../src/index.js';
import { DEFAULT_COLUMNS, type Member } from '../sdk/index.js';
import { setLocale, setMessages, type LeadKanban } from '../src/index.js';
import { memoryBackend, restBackend, type Backend, type BackendKind } from './backends.js';

const THEME_KEY = 'lead-kanban-demo-theme';
const LANGUAGE_KEY = 'lead-kanban-demo-language';
const userKey = (kind: BackendKind) => `lead-kanban-demo:as:${kind}`;

const $ = <T extends HTMLElement>(selector: string) => document.querySelector<T>(selector)!;
const board = $<LeadKanban>('#board');
const viewAs = $<HTMLSelectElement>('#view-as');
const backendToggle = $<HTMLFieldSetElement>('#backend');
const session = $<HTMLParagraphElement>('#session');
const themeToggle = $<HTMLButtonElement>('#theme-toggle');
const languageSelect = $<HTMLSelectElement>('#language');
const resetButton = $<HTMLButtonElement>('#reset-data');
const errorBox = $<HTMLDivElement>('#app-error');
const errorText = $<HTMLParagraphElement>('#app-error-text');

const backends: Record<BackendKind, Backend> = { rest: restBackend(), memory: memoryBackend() };

let active: Backend = backends.rest;
let people: Member[] = [];
/** Bumped by every switch: an answer for an older switch (slow login) is dropped, never applied. */
let generation = 0;

function backendFromUrl(): BackendKind {
  return new URL(location.href).searchParams.get('adapter') === 'memory' ? 'memory' : 'rest';
}

/** The person asked for, else the one remembered for this backend, else the admin. */
function choosePerson(list: Member[], wanted: string | null): Member | undefined {
  return list.find((m) => m.id === wanted) ?? list.find((m) => m.role === 'admin') ?? list[0];
}

function remember(kind: BackendKind, member: Member): void {
  sessionStorage.setItem(userKey(kind), member.id);
  const url = new URL(location.href);
  if (kind === 'memory') url.searchParams.set('adapter', 'memory');
  else url.searchParams.delete('adapter');
  url.searchParams.set('as', member.id);
  history.replaceState(history.state, '', url); // keeps the board's own history marks (url-state)
}

function fillViewAs(list: Member[], selected: string): void {
  viewAs.replaceChildren(...list.map((m) => new Option(`${m.name} · ${m.role}`, m.id, false, m.id === selected)));
}

function showBackend(backend: Backend): void {
  for (const radio of backendToggle.querySelectorAll<HTMLInputElement>('input[name="backend"]')) {
    radio.checked = radio.value === backend.kind;
  }
  resetButton.hidden = !backend.canReset;
  document.documentElement.dataset.backend = backend.kind;
}

function showSession(member: Member | null, backend: Backend, pending = false): void {
  // The board shows the person too (its workload strip); here it is for screen readers, the chip is for eyes.
  const who = document.createElement('span');
  who.className = 'visually-hidden';
  const nobody = pending ? 'Signing in on ' : 'Not signed in on ';
  who.textContent = member ? `${pending ? 'Signing in as' : 'Signed in as'} ${member.name} (${member.role}) on ` : nobody;
  const where = document.createElement('span');
  where.className = `session-backend session-backend-${backend.kind}`;
  where.textContent = backend.label;
  session.replaceChildren(who, where);
}

function showError(message: string | null, backend: Backend): void {
  errorBox.hidden = message === null;
  errorText.textContent = message ?? '';
  // Offering the other backend only makes sense when the REST one is the one failing.
  $<HTMLButtonElement>('#app-error-memory').hidden = backend.kind !== 'rest';
}

function explain(error: unknown, backend: Backend): string {
  const reason = error instanceof Error ? error.message : String(error);
  return backend.kind === 'rest'
    ? `Could not sign in to the REST API (${reason}). Is the demo server running with DEMO on?`
    : `Could not start the in-memory backend (${reason}).`;
}

/** Runs the board on `kind` as `wantedId` (or the remembered person, or the admin). */
async function activate(kind: BackendKind, wantedId: string | null): Promise<void> {
  const run = ++generation;
  const backend = backends[kind];
  active = backend;
  showBackend(backend);
  showError(null, backend);
  // The backend's badge at once, while the people load: filled in later, its width moved the whole bar.
  showSession(null, backend, true);
  viewAs.disabled = true;
  try {
    if (people.length === 0 || viewAs.dataset.backend !== kind) {
      people = await backend.people();
      if (run !== generation) return;
      viewAs.dataset.backend = kind;
    }
    const member = choosePerson(people, wantedId ?? sessionStorage.getItem(userKey(kind)));
    if (!member) throw new Error('nobody to sign in as');
    fillViewAs(people, member.id);
    showSession(member, backend, true);
    const adapter = await backend.adapterFor(member);
    if (run !== generation) return;
    // A new adapter makes the board build (and load) a new LeadStore: nothing leaks between people.
    board.adapter = adapter;
    remember(kind, member);
    showSession(member, backend);
  } catch (error) {
    if (run !== generation) return;
    people = [];
    viewAs.replaceChildren();
    board.store = undefined; // do not leave the previous person's board on screen under an error
    showSession(null, backend);
    showError(explain(error, backend), backend);
  } finally {
    if (run === generation) {
      viewAs.disabled = viewAs.options.length === 0;
      viewAs.closest('label')!.hidden = viewAs.options.length === 0; // nobody to list: no empty select
    }
  }
}

/** The page's colours, and the board's scheme through its `theme` attribute (the drawer and pickers follow). */
function applyTheme(dark: boolean, remember = true): void {
  document.documentElement.dataset.theme = dark ? 'dark' : 'light';
  board.theme = dark ? 'dark' : 'light';
  themeToggle.setAttribute('aria-pressed', String(dark));
  if (remember) localStorage.setItem(THEME_KEY, dark ? 'dark' : 'light');
}

/**
 * The board's language as a host sets it: a translated table (fetched when first chosen) and the locale that
 * dates, numbers and money are formatted in. English is the elements' own table.
 */
async function applyLanguage(language: string): Promise<void> {
  if (language === 'de') {
    const { de, germanColumns } = await import('./locales/de.js');
    setMessages(de);
    setLocale('de-DE', { currency: 'EUR' });
    board.columns = germanColumns(DEFAULT_COLUMNS);
  } else {
    setMessages({});
    setLocale('en-US', { currency: 'USD' });
    board.columns = DEFAULT_COLUMNS;
  }
  board.lang = language;
  languageSelect.value = language;
  localStorage.setItem(LANGUAGE_KEY, language);
}

viewAs.addEventListener('change', () => void activate(active.kind, viewAs.value));
backendToggle.addEventListener('change', (event) => {
  const value = (event.target as HTMLInputElement).value;
  if (value === 'rest' || value === 'memory') void activate(value, null);
});
$<HTMLButtonElement>('#app-error-retry').addEventListener('click', () => void activate(active.kind, null));
$<HTMLButtonElement>('#app-error-memory').addEventListener('click', () => void activate('memory', null));
themeToggle.addEventListener('click', () => applyTheme(document.documentElement.dataset.theme !== 'dark'));
resetButton.addEventListener('click', () => {
  active.reset();
  location.reload();
});

languageSelect.addEventListener('change', () => void applyLanguage(languageSelect.value));

// A choice made here before wins; else the system's colour scheme, as the elements themselves do.
const storedTheme = localStorage.getItem(THEME_KEY);
applyTheme(storedTheme ? storedTheme === 'dark' : matchMedia('(prefers-color-scheme: dark)').matches, storedTheme !== null);
void applyLanguage(localStorage.getItem(LANGUAGE_KEY) === 'de' ? 'de' : 'en');
void activate(backendFromUrl(), new URL(location.href).searchParams.get('as'));
