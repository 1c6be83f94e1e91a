/**
 * The two backends the demo can run the board on, behind one small interface, so the page code only asks
 * "who can I log in as?" and "give me an adapter acting as this person".
 *
 * - `rest`: the reference server that `npm start` mounts under /api on this origin (SQLite file). Logging in
 *   is the demo-mode `POST /api/session`; the people come from `GET /api/demo-users`.
 * - `memory`: the MemoryAdapter on a seeded in-browser database, persisted in localStorage, with simulated
 *   latency. Every "View as" session shares that one database, exactly as users share a server.
 */
import type { LeadAdapter, Member } from '../sdk/index.js';
import { RestAdapter } from '../sdk/index.js';
import { MemoryAdapter, MemoryDatabase } from '../sdk/memory.js';

export type BackendKind = 'rest' | 'memory';

export interface Backend {
  readonly kind: BackendKind;
  /** Shown next to the user: where the data lives. */
  readonly label: string;
  /** Active people one may view the board as, admin first. */
  people(): Promise<Member[]>;
  /** An adapter acting as `member`. */
  adapterFor(member: Member): Promise<LeadAdapter>;
  /** Whether "Reset demo data" means anything here. */
  readonly canReset: boolean;
  reset(): void;
}

const ROLE_ORDER: Record<Member['role'], number> = { admin: 0, manager: 1, member: 2 };

/** Admin, then managers, then members; by name within a role. */
export function byRoleThenName(a: Member, b: Member): number {
  return ROLE_ORDER[a.role] - ROLE_ORDER[b.role] || a.name.localeCompare(b.name);
}

/** Same origin as the page: vite serves both (demo/server/vite-plugin.ts). */
export const API_BASE = '/api';

export function restBackend(): Backend {
  return {
    kind: 'rest',
    label: `REST API · ${API_BASE}`,
    canReset: false, // the server has no reset endpoint; delete the SQLite file (DATABASE_PATH) instead
    reset() {},
    async people() {
      const users = await RestAdapter.listDemoUsers(API_BASE);
      return users.filter((m) => m.active).sort(byRoleThenName);
    },
    // The server decides visibility from the token, never from the page. A token is kept per person for this
    // tab (sessionStorage), so reloading or switching back reuses the session instead of opening a new one;
    // when the server no longer knows it (expired, database replaced), the demo signs in again.
    async adapterFor(member) {
      const key = `${TOKEN_KEY}:${member.email}`;
      const kept = sessionStorage.getItem(key);
      if (kept) {
        const adapter = new RestAdapter({ baseUrl: API_BASE, token: kept });
        try {
          const me = await adapter.me();
          if (me.id === member.id) return adapter;
        } catch {
          // unauthorized or unreachable: sign in afresh below (an unreachable server fails there, visibly)
        }
        sessionStorage.removeItem(key);
      }
      const adapter = await RestAdapter.login(API_BASE, member.email);
      const token = adapter.token;
      if (token) sessionStorage.setItem(key, token);
      return adapter;
    },
  };
}

const STORAGE_KEY = 'lead-kanban-demo';
const TOKEN_KEY = 'lead-kanban-demo-token';
const LATENCY_MS = 150;

export function memoryBackend(): Backend {
  let database: MemoryDatabase | undefined;
  // Made on first use, so a REST-only visit never seeds (or rewrites) localStorage.
  const db = () => (database ??= MemoryDatabase.seeded({ leads: 200, members: 12 }, { storageKey: STORAGE_KEY }));
  return {
    kind: 'memory',
    label: 'In memory · this browser',
    canReset: true,
    reset() {
      localStorage.removeItem(STORAGE_KEY);
    },
    async people() {
      return db().snapshot().members.filter((m) => m.active).sort(byRoleThenName);
    },
    async adapterFor(member) {
      return new MemoryAdapter({ database: db(), as: member.id, latency: LATENCY_MS });
    },
  };
}
