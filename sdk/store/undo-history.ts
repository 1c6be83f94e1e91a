/**
 * The last assignment batch (assign or distribute), kept so it can be undone, and the check of which of
 * its leads can still be restored: a lead changed since the batch would lose that change, so it is refused.
 */
import type { Lead } from '../schema.js';
import type { ChangeBatch } from './change-batch.js';

export interface UndoEntry {
  leadId: string;
  from: string | null;
  to: string | null;
  /** The version the batch produced: the undo write expects exactly this one. */
  version: number;
}

interface UndoRecord {
  batchId: string;
  entries: UndoEntry[];
}

/** What an undo sends (per previous assignee) and what it refuses up front. */
export interface UndoPlan {
  groups: Map<string | null, string[]>;
  expected: Map<string, number>;
  changedSince: string[];
  gone: string[];
}

export class UndoHistory {
  private record: UndoRecord | null = null;
  private inFlight = false;

  constructor(private readonly batch: ChangeBatch) {}

  get canUndo(): boolean {
    return this.record !== null && !this.inFlight;
  }

  remember(batchId: string, entries: UndoEntry[]): void {
    this.record = { batchId, entries };
    this.batch.undo = true;
  }

  /**
   * Takes the last batch out of the history and marks an undo in flight, planned against the leads as
   * confirmed now; null when there is nothing to undo or an undo is already running.
   */
  start(confirmed: (id: string) => Lead | undefined, shown: (id: string) => boolean): UndoPlan | null {
    const record = this.record;
    if (!record || this.inFlight) return null;
    this.record = null;
    this.inFlight = true;
    this.batch.undo = true;
    const plan: UndoPlan = { groups: new Map(), expected: new Map(), changedSince: [], gone: [] };
    for (const entry of record.entries) {
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

  finished(): void {
    this.inFlight = false;
    this.batch.undo = true;
  }
}
