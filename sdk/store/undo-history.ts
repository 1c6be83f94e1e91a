/**
 * The undo history: the user's recent undoable actions, newest last — assignment batches (assign, distribute)
 * and moves, in one list, so "undo" means the last thing the user did whatever it was. Each action can also be
 * undone on its own, by id (a toast's Undo undoes its own action, not whatever came after it).
 *
 * Every entry keeps the version its action produced; the undo write expects exactly that version, so a lead
 * changed since (by someone else, or by a later action) is refused and reported rather than overwritten.
 * When an undo writes a lead, the older entries of that lead that produced the state it restored are moved on
 * to the new version: undoing twice in a row walks back through the user's own actions on the same lead.
 */
import type { Lead } from '../schema.js';
import type { ChangeBatch } from './change-batch.js';

/** Where a card sits: its column and its position there. */
export interface CardPlace {
  status: string;
  position: number;
}

interface EntryVersions {
  leadId: string;
  /** The version the action produced: the undo write expects exactly this one. */
  version: number;
  /** The version the action was written over (what an older entry of the same lead produced). */
  base: number;
}

export interface AssignmentUndoEntry extends EntryVersions {
  from: string | null;
  to: string | null;
}

export interface MoveUndoEntry extends EntryVersions {
  from: CardPlace;
  to: CardPlace;
}

/** What can be undone, as the store describes it to a view: what kind of action, which leads. */
export interface UndoAction {
  /** Pass it to `LeadStore.undo(id)`; an assignment batch's id is its `batchId`. */
  readonly id: string;
  readonly kind: 'assign' | 'move';
  readonly command: 'assign' | 'distribute' | 'move';
  readonly leadIds: readonly string[];
}

export type UndoRecord =
  | (UndoAction & { kind: 'assign'; entries: AssignmentUndoEntry[] })
  | (UndoAction & { kind: 'move'; entries: MoveUndoEntry[] });

/** What an assignment undo sends (per previous assignee) and what it refuses up front. */
export interface UndoPlan {
  groups: Map<string | null, string[]>;
  expected: Map<string, number>;
  changedSince: string[];
  gone: string[];
}

/** How many actions are kept: enough to walk back a working session, few enough to stay cheap. */
export const UNDO_LIMIT = 20;

let moveCounter = 0;
/** The id of a move action (assignment batches use their batch id). */
export function newMoveActionId(): string {
  return `mv-${Date.now().toString(36)}-${(++moveCounter).toString(36)}`;
}

export class UndoHistory {
  private records: UndoRecord[] = [];

  constructor(private readonly batch: ChangeBatch) {}

  get canUndo(): boolean {
    return this.records.length > 0;
  }

  /** The actions that can be undone, newest first. */
  actions(): readonly UndoAction[] {
    return [...this.records].reverse();
  }

  has(id: string): boolean {
    return this.records.some((r) => r.id === id);
  }

  remember(record: UndoRecord): void {
    if (record.entries.length === 0) return;
    this.records.push(record);
    if (this.records.length > UNDO_LIMIT) this.records.splice(0, this.records.length - UNDO_LIMIT);
    this.batch.undo = true;
  }

  /** Takes an action out of the history (the newest without an id); null when there is none (or no such one). */
  take(id?: string): UndoRecord | null {
    const at = id === undefined ? this.records.length - 1 : this.records.findIndex((r) => r.id === id);
    if (at < 0) return null;
    const [record] = this.records.splice(at, 1);
    this.batch.undo = true;
    return record!;
  }

  /**
   * An undo wrote `leadId` back to the state `base` had, producing `version`: older entries of that lead that
   * produced `base` now expect `version`.
   */
  rebase(leadId: string, base: number, version: number): void {
    for (const record of this.records) {
      for (const entry of record.entries) if (entry.leadId === leadId && entry.version === base) entry.version = version;
    }
  }
}

/** Plans an assignment undo against the leads as confirmed now: each lead back to its previous assignee. */
export function planAssignmentUndo(
  entries: readonly AssignmentUndoEntry[],
  confirmed: (id: string) => Lead | undefined,
  shown: (id: string) => boolean,
): UndoPlan {
  const plan: UndoPlan = { groups: new Map(), expected: new Map(), changedSince: [], gone: [] };
  for (const entry of entries) {
    const current = confirmed(entry.leadId);
    if (!current || !shown(entry.leadId)) plan.gone.push(entry.leadId);
    else if (current.version !== entry.version) plan.changedSince.push(entry.leadId);
    else {
      plan.expected.set(entry.leadId, entry.version);
      const group = plan.groups.get(entry.from);
      if (group) group.push(entry.leadId);
      else plan.groups.set(entry.from, [entry.leadId]);
    }
  }
  return plan;
}
