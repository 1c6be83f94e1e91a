/**
 * The store's public value types (re-exported by store.ts). Kept apart from the LeadStore class so the parts of the
 * store can name them without importing the facade that composes those parts.
 */
import type { AdapterError } from '../adapter.js';
import type { KeyValueStorage } from '../adapters/memory-database.js';
import type { Column, Source } from '../schema.js';

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
  /** Leads changed by pushed events — someone else, another tab — rather than by this store's own commands. */
  remote?: ReadonlySet<string>;
  /** Leads whose viewers (presence) changed. */
  presence?: ReadonlySet<string>;
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
  /** The source the batch was written with. */
  source?: Source;
  /**
   * Per conflicting lead, the assignee this batch wanted for it: what `keepMine` writes again, against the
   * version the lead has now (the conflict's `lead`, which the store now shows: "keep theirs" is to do nothing).
   */
  wanted?: Record<string, string | null>;
  /** undo only: what kind of action was undone. */
  undone?: 'assign' | 'move';
}

export type CommandName = 'assign' | 'move' | 'update' | 'addNote' | 'distribute' | 'undo' | 'load';

/**
 * What a notice is about:
 * - 'failed': the command's call failed; `error.code` (an AdapterErrorCode) says why.
 * - 'settled': an assignment batch (assign, distribute, undo) settled; `counts` say how many leads went
 *   through and why the others did not.
 * - 'settled' for a move: the move was saved (success; `undoId` names its action in the undo history).
 * - 'lead-unavailable': leads the board showed left the user's view, pushed by the backend (handed to
 *   someone else, deleted); one notice per burst of pushed changes.
 * - 'left-view': leads the filter showed no longer match it after someone else's change (kind 'info').
 * - 'assigned-to-you': someone else (`actorId`) assigned leads to the current user (`leadIds`; `source` says
 *   how: by hand, in bulk, distributed, by an assignment rule…); one notice per burst, per actor.
 */
export type NoticeCode = 'failed' | 'settled' | 'lead-unavailable' | 'left-view' | 'assigned-to-you';

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
  kind: 'error' | 'warning' | 'success' | 'info';
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
  /** The action this notice is about can be undone: `LeadStore.undo(undoId)`. */
  undoId?: string;
  /** 'assigned-to-you': who assigned them, and how. */
  actorId?: string;
  source?: Source;
}

export interface LeadStoreOptions {
  columns?: readonly Column[];
  /**
   * Where the tie rotation of distributions is kept between sessions (localStorage in a browser, or anything
   * alike), so the member who comes first in the list is not favoured after a reload. Without it the rotation
   * lasts as long as the store.
   */
  rotationStorage?: KeyValueStorage;
}
