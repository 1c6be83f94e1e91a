/**
 * In this repository the framework examples import the package by its published names (`lead-kanban`,
 * `lead-kanban/sdk`, `lead-kanban/sdk/memory`), exactly as a host app does; these aliases point the names at
 * the sources. A host needs none of this: npm installs the package and its `exports` map does the rest.
 */
import { fileURLToPath } from 'node:url';

const source = (path: string) => fileURLToPath(new URL(`../${path}`, import.meta.url));

export const packageAliases = [
  { find: /^lead-kanban$/, replacement: source('src/index.ts') },
  { find: /^lead-kanban\/sdk$/, replacement: source('sdk/index.ts') },
  { find: /^lead-kanban\/sdk\/memory$/, replacement: source('sdk/memory.ts') },
];

/** The tags the package registers: Vue's compiler must treat them as custom elements, not components. */
export const isLeadKanbanElement = (tag: string): boolean => ['lead-kanban', 'lead-drawer', 'assign-picker'].includes(tag);
