/**
 * The selection. Its meaning: the leads the user picked, by id. "Select all" (a column, or everything
 * matching the filter) picks the leads that match AT THAT MOMENT: changing the filter afterwards neither
 * adds nor drops any, a lead that arrives or starts matching later does not silently join a bulk action,
 * and a selected lead that changes (even out of the filter) stays selected until deselected or gone.
 *
 * Representation, so that selecting 50,000 leads costs O(columns) rather than a set of 50,000 ids:
 * - `segments`: per status, a column's card list as it was when selected in one go. Card lists are never
 *   edited in place (the column index makes new arrays), so keeping the reference freezes that moment.
 *   A lead is in a segment when its current object is found there (by bisection: the list is in card
 *   order). Segments are disjoint: one object per status and version, at most one segment per status.
 *   A segment is in the card order of its moment: when the board's sort changes, segments become ids
 *   (`reorder`, O(selected) once), so every segment is always in the current order.
 * - `dead`: per status, ids whose object in that segment no longer stands for the lead: deselected, or the
 *   lead changed since (a new object). In the latter case, its selection moves to `extra` at that moment.
 * - `extra`: selected ids not held live by a segment (picked one by one, ranges, moved out of a segment).
 * The ids are listed (materialized) only when asked for: `list()` / `ids`, e.g. by a bulk command.
 * Per column, the number of selected leads matching the filter is kept by deltas (null: recount).
 */
import { indexOfCard, type CardCompare } from '../internal/card-order.js';
import type { Lead } from '../schema.js';
import type { ChangeBatch } from './change-batch.js';
import type { FilterState } from './filter-state.js';
import type { ShownLeads } from './shown-leads.js';

/** Below this many cards a group is added id by id: a segment is worth it for big selections only. */
const SEGMENT_MIN = 16;

export class SelectionModel {
  private readonly segments = new Map<string, readonly Lead[]>();
  private readonly dead = new Map<string, Set<string>>();
  /** Live objects over all segments. */
  private segmentLive = 0;
  private readonly extra = new Set<string>();
  /** Per column: selected leads that match the filter (cardsIn ∩ selection), by deltas; null = recount. */
  private counts: Map<string, number> | null = new Map();
  /** The ids listed once per selection state (see list()). */
  private listed: readonly string[] | null = null;
  private listedSet: ReadonlySet<string> | null = null;
  /** Bumped whenever the set of selected ids changes. */
  version = 0;

  constructor(
    private readonly shown: ShownLeads,
    private readonly filter: FilterState,
    private readonly batch: ChangeBatch,
    /** A column's current filtered cards (the store's cardsIn). */
    private readonly cardsOf: (status: string) => readonly Lead[],
    /** The card order of the column lists (ColumnIndex.order). */
    private readonly order: () => CardCompare,
    /** Called with a lead's status whenever that lead's selected state changes (see LeadStore.marksRevision). */
    private readonly marked: (status: string) => void = () => {},
  ) {}

  /** How many leads are selected. */
  get size(): number {
    return this.segmentLive + this.extra.size;
  }

  /** Whether anything is selected. */
  get hasAny(): boolean {
    return this.size > 0;
  }

  has(id: string): boolean {
    if (this.extra.has(id)) return true;
    const lead = this.shown.get(id);
    return lead !== undefined && this.isLive(lead);
  }

  /** Every selected id, listed once per selection state: segments (in card order), then the others. */
  list(): readonly string[] {
    if (this.listed) return this.listed;
    const ids = new Array<string>(this.size);
    let k = 0;
    for (const [status, segment] of this.segments) {
      const dead = this.dead.get(status);
      if (dead) {
        for (const lead of segment) if (!dead.has(lead.id)) ids[k++] = lead.id;
      } else {
        for (let i = 0; i < segment.length; i++) ids[k++] = segment[i]!.id;
      }
    }
    for (const id of this.extra) ids[k++] = id;
    return (this.listed = ids);
  }

  /**
   * The selection as a read-only set, never changed once handed out (a new one per change). It iterates the
   * listed ids (spreading it makes no set) and answers has() from this model while nothing changed since.
   */
  get ids(): ReadonlySet<string> {
    return (this.listedSet ??= new SelectedIds(this.list(), this, this.version));
  }

  /**
   * The card order is about to change: the segments (lists in the old order, which bisection can no longer
   * search) become ids picked one by one. The selected leads stay exactly the same.
   */
  reorder(): void {
    if (this.segments.size === 0) return;
    for (const [status, segment] of this.segments) {
      const dead = this.dead.get(status);
      for (const lead of segment) if (!dead?.has(lead.id)) this.extra.add(lead.id);
    }
    this.segments.clear();
    this.dead.clear();
    this.segmentLive = 0;
    this.counts = null;
  }

  /** The filter (or what 'me' means) changed: the counts are recounted on their next read. */
  recountLater(): void {
    this.counts = null;
  }

  /** How many selected leads of a column match the filter; recounted when stale. */
  selectedIn(status: string): number {
    this.counts ??= this.recount();
    return this.counts.get(status) ?? 0;
  }

  /**
   * A lead changed from `prev` to `next` (undefined: it is gone, so it leaves the selection). Called for
   * every change while anything is selected: a lead held by a segment moves its selection to `extra`, as
   * its new object is not in the segment.
   */
  leadChanged(id: string, prev: Lead | undefined, next: Lead | undefined): void {
    let selected = this.extra.has(id);
    if (!selected && prev && this.isLive(prev)) {
      this.kill(prev);
      selected = true;
      if (next) this.extra.add(id);
    }
    if (!selected) return;
    if (prev) this.marked(prev.status);
    if (next) this.marked(next.status);
    this.count(prev, -1);
    if (next) {
      this.count(next, +1);
    } else {
      this.extra.delete(id);
      this.changed();
    }
  }

  /**
   * Adds cards of columns (each list from that column's cardsIn, or a slice of it: every card matches the
   * filter) to the selection. A big group becomes a segment, a reference to its list rather than a set of
   * its ids: the only per-id work is one look (by bisection) at each id picked one by one, or a merge with
   * the column's earlier segment.
   * Returns whether the selection changed.
   */
  selectCards(groups: readonly (readonly [string, readonly Lead[]])[]): boolean {
    let changed = false;
    for (const [status, cards] of groups) {
      const added = cards.length < SEGMENT_MIN ? this.addEach(cards) : this.addSegment(status, cards);
      if (added === 0) continue;
      changed = true;
      this.marked(status);
      if (this.counts) this.counts.set(status, (this.counts.get(status) ?? 0) + added);
    }
    if (changed) this.changed();
    return changed;
  }

  /**
   * Adds and removes ids; `remove` 'all' clears the selection. `matching`: every id comes from the filtered
   * cards, so it is counted without testing the filter again. Returns whether the selection changed.
   */
  edit(add: readonly string[], remove: readonly string[] | 'all', matching = false): boolean {
    let changed = false;
    if (remove === 'all') {
      changed = this.size > 0;
      for (const status of this.segments.keys()) this.marked(status);
      for (const id of this.extra) {
        const lead = this.shown.get(id);
        if (lead) this.marked(lead.status);
      }
      this.segments.clear();
      this.dead.clear();
      this.segmentLive = 0;
      this.extra.clear();
      this.counts = new Map();
    } else {
      for (const id of remove) {
        const lead = this.shown.get(id);
        if (this.extra.delete(id)) changed = true;
        else if (lead && this.isLive(lead)) {
          this.kill(lead);
          changed = true;
        } else continue;
        if (lead) this.marked(lead.status);
        this.count(lead, -1, matching);
      }
    }
    for (const id of add) {
      if (this.has(id)) continue;
      const lead = this.shown.get(id);
      if (!lead) continue;
      this.extra.add(id);
      changed = true;
      this.marked(lead.status);
      this.count(lead, +1, matching);
    }
    if (changed) this.changed();
    return changed;
  }

  // ---------------------------------------------------------------------------------------------- internals

  /** Whether this object is a live member of its status's segment. */
  private isLive(lead: Lead): boolean {
    const segment = this.segments.get(lead.status);
    if (!segment || this.dead.get(lead.status)?.has(lead.id)) return false;
    return indexOfCard(segment, lead, this.order()) !== -1;
  }

  /** A segment object stops standing for its lead; a segment with no live object left is dropped. */
  private kill(lead: Lead): void {
    const status = lead.status;
    const segment = this.segments.get(status)!;
    let dead = this.dead.get(status);
    if (!dead) this.dead.set(status, (dead = new Set()));
    dead.add(lead.id);
    this.segmentLive--;
    if (dead.size === segment.length) {
      this.segments.delete(status);
      this.dead.delete(status);
    } else if (dead.size > 256 && dead.size * 2 > segment.length) {
      // Mostly dead: keep only the live objects, so old lead versions are not held on to.
      this.segments.set(status, segment.filter((l) => !dead.has(l.id)));
      this.dead.delete(status);
    }
  }

  private addEach(cards: readonly Lead[]): number {
    let added = 0;
    for (const lead of cards) {
      if (this.extra.has(lead.id) || this.isLive(lead)) continue;
      this.extra.add(lead.id);
      added++;
    }
    return added;
  }

  /** Makes `cards` (current objects, card order) part of the status's segment; returns how many were added. */
  private addSegment(status: string, cards: readonly Lead[]): number {
    const old = this.segments.get(status);
    let before = 0;
    let segment = cards;
    if (old) {
      const dead = this.dead.get(status);
      before = old.length - (dead?.size ?? 0);
      segment = unionOfCards(old, dead, cards, this.order());
      this.dead.delete(status);
    }
    this.segments.set(status, segment);
    this.segmentLive += segment.length - before;
    // Ids picked one by one that the segment now holds are no longer counted twice.
    let absorbed = 0;
    for (const id of this.extra) {
      const lead = this.shown.get(id);
      if (lead && lead.status === status && indexOfCard(segment, lead, this.order()) !== -1) {
        this.extra.delete(id);
        absorbed++;
      }
    }
    return segment.length - before - absorbed;
  }

  private recount(): Map<string, number> {
    const counts = new Map<string, number>();
    for (const [status, segment] of this.segments) {
      const n = liveIn(segment, this.dead.get(status), this.cardsOf(status), this.order());
      if (n > 0) counts.set(status, n);
    }
    for (const id of this.extra) {
      const lead = this.shown.get(id);
      if (lead && this.filter.matches(lead)) counts.set(lead.status, (counts.get(lead.status) ?? 0) + 1);
    }
    return counts;
  }

  /** Keeps the counts current as a selected lead changes, enters or leaves the selection. */
  private count(lead: Lead | undefined, delta: number, known = false): void {
    if (!this.counts || !lead || (!known && !this.filter.matches(lead))) return;
    this.counts.set(lead.status, (this.counts.get(lead.status) ?? 0) + delta);
  }

  /** The set of selected ids changed. */
  private changed(): void {
    this.version++;
    this.listed = null;
    this.listedSet = null;
    this.batch.selection = true;
  }
}

/** Live objects of a segment that are among the cards (both in card order; a live object is current). */
function liveIn(segment: readonly Lead[], dead: ReadonlySet<string> | undefined, cards: readonly Lead[], compare: CardCompare): number {
  if (segment === cards) return segment.length - (dead?.size ?? 0);
  let n = 0;
  let i = 0;
  let j = 0;
  while (i < segment.length && j < cards.length) {
    const a = segment[i]!;
    const b = cards[j]!;
    if (a === b) {
      if (!dead?.has(a.id)) n++;
      i++;
      j++;
      continue;
    }
    const order = compare(a, b);
    if (order <= 0) i++;
    if (order >= 0) j++;
  }
  return n;
}

/** The live objects of `old` and the cards, in card order, each once (current objects compare by identity). */
function unionOfCards(old: readonly Lead[], dead: ReadonlySet<string> | undefined, cards: readonly Lead[], compare: CardCompare): Lead[] {
  const out: Lead[] = [];
  let i = 0;
  let j = 0;
  while (i < old.length || j < cards.length) {
    const a = old[i];
    if (a && dead?.has(a.id)) {
      i++;
      continue;
    }
    const b = cards[j];
    if (a === b) {
      out.push(a!);
      i++;
      j++;
    } else if (!b || (a && compare(a, b) <= 0)) {
      out.push(a!);
      i++;
    } else {
      out.push(b);
      j++;
    }
  }
  return out;
}

/** A frozen selection (see SelectionModel.ids): the listed ids, and a set of them made only if asked after a change. */
class SelectedIds implements ReadonlySet<string> {
  private lookup: Set<string> | undefined;

  constructor(
    private readonly list: readonly string[],
    private readonly model: SelectionModel,
    private readonly version: number,
  ) {}

  get size(): number {
    return this.list.length;
  }
  has(id: string): boolean {
    if (this.model.version === this.version) return this.model.has(id);
    return (this.lookup ??= new Set(this.list)).has(id);
  }
  forEach(callback: (value: string, key: string, set: ReadonlySet<string>) => void, thisArg?: unknown): void {
    for (const id of this.list) callback.call(thisArg, id, id, this);
  }
  *entries(): SetIterator<[string, string]> {
    for (const id of this.list) yield [id, id];
  }
  keys(): SetIterator<string> {
    return this.list[Symbol.iterator]();
  }
  values(): SetIterator<string> {
    return this.list[Symbol.iterator]();
  }
  [Symbol.iterator](): SetIterator<string> {
    return this.list[Symbol.iterator]();
  }
}
