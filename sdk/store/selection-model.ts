/**
 * The selection, copy on write (a set handed out is never changed afterwards), with per column the number
 * of selected leads matching the filter, kept by deltas so a column's 'none' | 'some' | 'all' state never
 * scans the column. Changes are marked on the batch; the store decides when to emit.
 */
import type { Lead } from '../schema.js';
import type { ChangeBatch } from './change-batch.js';
import type { FilterState } from './filter-state.js';
import type { ShownLeads } from './shown-leads.js';

export class SelectionModel {
  private _ids: ReadonlySet<string> = new Set();
  /** Per column: selected leads that match the filter (cardsIn ∩ selection), by deltas; null = recount. */
  private counts: Map<string, number> | null = null;

  constructor(
    private readonly shown: ShownLeads,
    private readonly filter: FilterState,
    private readonly batch: ChangeBatch,
  ) {}

  get ids(): ReadonlySet<string> {
    return this._ids;
  }

  /** The filter (or what 'me' means) changed: the counts are recounted on their next read. */
  recountLater(): void {
    this.counts = null;
  }

  /** How many selected leads of a column match the filter; recounted from the selection when stale. */
  selectedIn(status: string): number {
    if (!this.counts) {
      const counts = new Map<string, number>();
      for (const id of this._ids) {
        const lead = this.shown.get(id);
        if (lead && this.filter.matches(lead)) counts.set(lead.status, (counts.get(lead.status) ?? 0) + 1);
      }
      this.counts = counts;
    }
    return this.counts.get(status) ?? 0;
  }

  /** A selected lead changed from `prev` to `next` (undefined: it is gone, so it leaves the selection). */
  leadChanged(id: string, prev: Lead | undefined, next: Lead | undefined): void {
    this.count(prev, -1);
    this.count(next, +1);
    if (!next) this.edit([], [id]);
  }

  /**
   * Adds cards of columns (each list from that column's cardsIn) to the selection: the common bulk case,
   * counted per column without looking each lead up again. Returns whether the selection changed.
   */
  selectCards(groups: readonly (readonly [string, readonly Lead[]])[]): boolean {
    const next = new Set(this._ids);
    const counts = this.counts;
    for (const [status, cards] of groups) {
      const before = next.size;
      for (const lead of cards) next.add(lead.id);
      const added = next.size - before;
      if (added > 0 && counts) counts.set(status, (counts.get(status) ?? 0) + added);
    }
    if (next.size === this._ids.size) return false;
    this._ids = next;
    this.batch.selection = true;
    return true;
  }

  /**
   * Adds and removes ids; `remove` 'all' clears the selection. `matching`: every id comes from the filtered
   * cards, so it is counted without testing the filter again. Returns whether the selection changed.
   */
  edit(add: readonly string[], remove: readonly string[] | 'all', matching = false): boolean {
    const clearing = remove === 'all';
    const next = clearing ? new Set<string>() : new Set(this._ids);
    let changed = clearing && this._ids.size > 0;
    if (clearing) this.counts = new Map();
    else {
      for (const id of remove) {
        if (next.delete(id)) {
          changed = true;
          this.count(this.shown.get(id), -1, matching);
        }
      }
    }
    const counts = this.counts;
    for (const id of add) {
      if (next.has(id)) continue;
      const lead = this.shown.get(id);
      if (!lead) continue;
      next.add(id);
      changed = true;
      if (counts && (matching || this.filter.matches(lead))) counts.set(lead.status, (counts.get(lead.status) ?? 0) + 1);
    }
    if (!changed) return false;
    this._ids = next;
    this.batch.selection = true;
    return true;
  }

  /** Keeps the counts current as a selected lead changes, enters or leaves the selection. */
  private count(lead: Lead | undefined, delta: number, known = false): void {
    if (!this.counts || !lead || (!known && !this.filter.matches(lead))) return;
    this.counts.set(lead.status, (this.counts.get(lead.status) ?? 0) + delta);
  }
}
