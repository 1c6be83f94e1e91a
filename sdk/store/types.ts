/**
 * The store's public value types (re-exported by store.ts). Kept apart from the LeadStore class so the parts of the
 * store can name them without importing the facade that composes those parts.
 */
import type { AdapterError } from '../adapter.js';
import type { Column } from '../schema.js';

export type LoadStatus = 'idle' | 'loading' | 'ready' | 'error';

/** What changed in one notification; listeners re-render only what is named. */
export interface StoreChange {
  leads?: ReadonlySet<string>;
  columns?: ReadonlySet<string>;
  selection?: boolean;
  filter?: boolean;
  members?: boolean;
  status?: boolean;
  pending?: boolean;
  undo?: boolean;
  activity?: ReadonlySet<string>;
}

export interface AssignOutcome {
  batchId: string | null;
  assigneeId: string | null;
  ok: string[];
  conflict: string[];
  forbidden: string[];
  notFound: string[];
  error?: AdapterError;
  /** distribute only: leads the plan could not place (capacity exhausted, no active member). */
  skipped?: string[];
}

export type CommandName = 'assign' | 'move' | 'update' | 'addNote' | 'distribute' | 'undo' | 'load';

export interface StoreNotice {
  kind: 'error' | 'warning' | 'success';
  command: CommandName;
  leadIds: string[];
  message: string;
  error?: AdapterError;
  outcome?: AssignOutcome;
}

export interface LeadStoreOptions {
  columns?: readonly Column[];
}
