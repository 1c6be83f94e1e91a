/**
 * The demo page: a full board on the in-memory backend (200 seeded leads, 12 people, ~150 ms of simulated
 * latency), persisted in localStorage so moves and assignments survive a reload. "View as" opens another
 * session on the SAME database as another member, exactly as another user would see it.
 *
 * Where the data comes from is decided in one place, `buildAdapter`, so other backends slot in there.
 */
import '../src/index.js';
import type { LeadAdapter, Member } from '../sdk/index.js';
import { MemoryAdapter, MemoryDatabase } from '../sdk/index.js';
import type { LeadKanban } from '../src/index.js';

const STORAGE_KEY = 'lead-kanban-demo';
const THEME_KEY = 'lead-kanban-demo-theme';
const LATENCY_MS = 150;

const board = document.querySelector<LeadKanban>('#board')!;
const viewAs = document.querySelector<HTMLSelectElement>('#view-as')!;
const themeToggle = document.querySelector<HTMLButtonElement>('#theme-toggle')!;
const resetButton = document.querySelector<HTMLButtonElement>('#reset-data')!;

/** The shared in-memory "server": every session below reads and writes the same data. */
const database = MemoryDatabase.seeded({ leads: 200, members: 12 }, { storageKey: STORAGE_KEY });

/** The people one can log in as, admin first. */
function people(): Member[] {
  return database.snapshot().members.filter((m) => m.active);
}

/** The backend for a session as `memberId`. */
function buildAdapter(memberId: string): LeadAdapter {
  return new MemoryAdapter({ database, as: memberId, latency: LATENCY_MS });
}

function showBoardAs(memberId: string): void {
  // A new adapter means a new LeadStore (the board makes and loads it), so nothing leaks between users.
  board.adapter = buildAdapter(memberId);
  const url = new URL(location.href);
  url.searchParams.set('as', memberId);
  history.replaceState(null, '', url);
}

function fillViewAs(members: Member[], selected: string): void {
  viewAs.replaceChildren(
    ...members.map((m) => {
      const option = new Option(`${m.name} · ${m.role}`, m.id, false, m.id === selected);
      return option;
    }),
  );
}

function applyTheme(dark: boolean): void {
  document.documentElement.dataset.theme = dark ? 'dark' : 'light';
  themeToggle.setAttribute('aria-pressed', String(dark));
  localStorage.setItem(THEME_KEY, dark ? 'dark' : 'light');
}

const members = people();
const requested = new URL(location.href).searchParams.get('as');
const initial = members.find((m) => m.id === requested)?.id ?? members.find((m) => m.role === 'admin')!.id;
fillViewAs(members, initial);
showBoardAs(initial);

viewAs.addEventListener('change', () => showBoardAs(viewAs.value));
themeToggle.addEventListener('click', () => applyTheme(document.documentElement.dataset.theme !== 'dark'));
resetButton.addEventListener('click', () => {
  localStorage.removeItem(STORAGE_KEY);
  location.reload();
});
applyTheme(localStorage.getItem(THEME_KEY) === 'dark');
