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
  /** The card order (LeadStore.sort) changed. */
  sort?: boolean;
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

/**
 * What a notice is about:
 * - 'failed': the command's call failed; `error.code` (an AdapterErrorCode) says why.
 * - 'settled': an assignment batch (assign, distribute, undo) settled; `counts` say how many leads went
 *   through and why the others did not.
 * - 'lead-unavailable': a lead the user was looking at (selected, or its history open) left their view.
 */
export type NoticeCode = 'failed' | 'settled' | 'lead-unavailable';

/** How the leads of an assignment batch ended, counted. */
export interface NoticeCounts {
  ok: number;
  conflict: number;
  forbidden: number;
  notFound: number;
}

/**
 * What the store tells the user, as structure only — never words: a UI turns it into text in its own
 * language (the elements do it in src/notice-text.ts).
 */
export interface StoreNotice {
  kind: 'error' | 'warning' | 'success';
  code: NoticeCode;
  /** The command reported on; 'load' also stands for the live view (pushed changes). */
  command: CommandName;
  leadIds: string[];
  /** 'settled' only. */
  counts?: NoticeCounts;
  /** 'failed' only: what went wrong (its `code`; its `message` is the backend's detail, not a sentence for users). */
  error?: AdapterError;
  /** Assignment commands: the outcome returned to the caller. */
  outcome?: AssignOutcome;
}

export interface LeadStoreOptions {
  columns?: readonly Column[];
}
