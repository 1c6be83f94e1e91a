/**
 * Per column: every lead in card order, and the filtered cards cardsIn() returns. Built on first read,
 * then brought up to date lazily from the edits noted since (bisection or one merge), so a move or an
 * assignment never re-sorts a column, and an unchanged column keeps its array identity. The total value of
 * the filtered cards (valueIn) is known per array (lead-values.ts, listValue): an edited list takes the sum of
 * the list it was made from plus the edits' deltas, and a refilter to a list summed before (the column itself,
 * an assignee's group) sums nothing.
 *
 * Card order is the board's sort (`order`, one of CARD_ORDERS): a new sort rebuilds each column once
 * (one O(n log n) sort per column), and every edit after that is applied in that order by bisection as before.
 */
import type { Lead } from '../schema.js';
import { compareCards, editOrdered, swapInPlace, type CardCompare } from '../internal/card-order.js';
import type { ChangeBatch } from './change-batch.js';
import type { FilterState } from './filter-state.js';
import { EMPTY, knownListValue, listValue, rememberListValue, sameArray } from './lead-values.js';
import type { ShownLeads } from './shown-leads.js';

interface ColumnCache {
  /** Every lead of the status, in card order (`order`). */
  all: readonly Lead[];
  /** `all` narrowed by the filter: the array cardsIn() returns, replaced only when its content changes. */
  cards: readonly Lead[];
}

/**
 * Why a built column must be brought up to date before it is read again:
 * - `edits`: leads that entered, left or changed in it, each with the object the cached lists held when
 *   the first of those changes happened (null: it was not in the column) — applied by bisection/merge;
 * - `refilter`: the filter changed; 'narrow' when every card matching the new filter matched the old one
 *   (a search extended by a keystroke, an added condition), so the cached cards are filtered, not `all`;
 * - `rebuild`: start over (first build, columns or `me` changed, an edit that does not add up).
 */
interface ColumnDirt {
  edits?: Map<string, Lead | null>;
  refilter?: 'narrow' | 'full';
  rebuild?: boolean;
}

export class ColumnIndex {
  private readonly built = new Map<string, ColumnCache>();
  private readonly dirty = new Map<string, ColumnDirt>();
  private _order: CardCompare = compareCards;
  /**
   * Per status, the leads a load listed (see seed): the next rebuild of a column sorts that list instead of
   * gathering its leads by id. Dropped when any shown lead changes first, and after every flush.
   */
  private seeds: Map<string, Lead[]> | null = null;

  constructor(
    private readonly shown: ShownLeads,
    private readonly filter: FilterState,
    private readonly batch: ChangeBatch,
  ) {}

  /** The order of every list here (compareCards: manual, by position). */
  get order(): CardCompare {
    return this._order;
  }

  /** Orders the columns another way: each is rebuilt (sorted) when next read; the caller marks them (markAll). */
  setOrder(order: CardCompare): void {
    this._order = order;
  }

  /** The filtered cards of a column (see ColumnCache.cards). */
  cardsIn(status: string): readonly Lead[] {
    return this.column(status).cards;
  }

  /**
   * The total value of a column's filtered cards (a lead without a value counts 0): known per array (listValue)
   * — moved by the edits' deltas, an assignee's group summed in idle time, `all` when nothing is filtered out —
   * and summed only for a list never seen before.
   */
  valueIn(status: string): number {
    return listValue(this.column(status).cards);
  }

  /** Every lead of a column in card order, filtered or not. */
  allIn(status: string): readonly Lead[] {
    return this.column(status).all;
  }

  /** The full lists of the built columns with nothing pending (read without bringing any up to date). */
  *currentLists(): IterableIterator<readonly Lead[]> {
    for (const [status, cache] of this.built) if (!this.dirty.has(status)) yield cache.all;
  }

  /**
   * Hands over every shown lead by status, as a load listed them (ShownLeads.fill): the columns' rebuild that
   * follows sorts these lists (a backend's card order makes that one pass) rather than looking every lead up.
   */
  seed(lists: Map<string, Lead[]>): void {
    this.seeds = lists;
  }

  /** Records that a lead entered, left or changed in a column (`held`: the object the cache holds, if any). */
  noteEdit(status: string, id: string, held: Lead | null): void {
    this.seeds = null; // no longer what is shown (a status without leads has no list there)
    if (!this.built.has(status)) return; // never built: built in full when first read
    let dirt = this.dirty.get(status);
    if (!dirt) this.dirty.set(status, (dirt = {}));
    if (dirt.rebuild) return;
    dirt.edits ??= new Map();
    if (!dirt.edits.has(id)) dirt.edits.set(id, held); // the first change knows what the cache holds
  }

  /** Marks every built column (and every configured one not built yet) for a rebuild or a refilter. */
  markAll(columnKeys: readonly string[], how: { rebuild: true } | { refilter: 'narrow' | 'full' }): void {
    const keys = new Set([...this.built.keys(), ...columnKeys]);
    for (const key of keys) {
      if (!this.built.has(key)) continue; // built in full when first read
      let dirt = this.dirty.get(key);
      if (!dirt) this.dirty.set(key, (dirt = {}));
      if ('rebuild' in how) dirt.rebuild = true;
      else dirt.refilter = dirt.refilter === 'full' || how.refilter === 'full' ? 'full' : 'narrow';
    }
    // Columns not built yet are built by bringUpToDate() so listeners hear about them.
    for (const key of columnKeys) if (!this.built.has(key)) this.dirty.set(key, { rebuild: true });
  }

  /** Brings every dirty column up to date, so the change about to be emitted names the columns that changed. */
  bringUpToDate(): void {
    for (const status of [...this.dirty.keys()]) this.column(status);
    this.seeds = null;
  }

  /** A column's cache, brought up to date first if anything in it changed; unchanged arrays keep their identity. */
  private column(status: string): ColumnCache {
    const cache = this.built.get(status);
    const dirt = this.dirty.get(status);
    if (cache && !dirt) return cache;
    this.dirty.delete(status);
    let all: readonly Lead[] | undefined;
    let cards: readonly Lead[] | undefined;
    if (cache && dirt && !dirt.rebuild) {
      all = cache.all;
      cards = cache.cards;
      if (dirt.edits) {
        const out: Lead[] = [];
        const inCards: Lead[] = [];
        const into: Lead[] = [];
        const intoCards: Lead[] = [];
        // A new version in the same place (an assignment, an edit, a write settling): swapped, not re-sorted.
        const swaps: Lead[] = [];
        const cardSwaps: Lead[] = [];
        const filterKept = !dirt.refilter;
        for (const [id, held] of dirt.edits) {
          const now = this.shown.get(id);
          const current = now && now.status === status ? now : null;
          if (held === current) continue;
          const was = filterKept && held !== null && this.filter.matches(held);
          const is = filterKept && current !== null && this.filter.matches(current);
          if (held && current && this._order(held, current) === 0) {
            swaps.push(held, current);
            if (was && is) cardSwaps.push(held, current);
            else if (was) inCards.push(held);
            else if (is) intoCards.push(current);
            continue;
          }
          if (held) {
            out.push(held);
            if (was) inCards.push(held);
          }
          if (current) {
            into.push(current);
            if (is) intoCards.push(current);
          }
        }
        all = edit(cache.all, swaps, out, into, this._order);
        if (all) carryValue(cache.all, all, swaps, out, into);
        if (all && filterKept) {
          // Nothing filtered out: the cards are the column itself, not a second list edited the same way.
          const whole = cache.cards === cache.all && this.filter.passesAll;
          cards = whole ? all : edit(cache.cards, cardSwaps, inCards, intoCards, this._order);
          if (cards && !whole) carryValue(cache.cards, cards, cardSwaps, inCards, intoCards);
        }
        if (!cards) all = undefined; // the edits did not add up: rebuild below
      }
      if (all && dirt.refilter) {
        // A search reads the full list, whose joined text (see SearchHaystack) is kept while the list is.
        const narrow = dirt.refilter === 'narrow' && !dirt.edits && !this.filter.canSearchJoined(all);
        const source = narrow ? cache.cards : all;
        cards = this.filter.select(source);
      }
    }
    if (!all || !cards) {
      if (this.seeds) {
        const seeded = this.seeds.get(status);
        this.seeds.delete(status); // sorted in place: it becomes the column's list
        all = seeded ? seeded.sort(this._order) : EMPTY;
      } else {
        const ids = this.shown.idsWithStatus(status);
        all = ids ? [...ids].map((id) => this.shown.get(id)!).sort(this._order) : EMPTY;
      }
      cards = this.filter.select(all);
    }
    if (!cache) {
      const fresh = { all, cards: cards.length === 0 ? EMPTY : cards };
      this.built.set(status, fresh);
      this.batch.columns.add(status);
      return fresh;
    }
    const totalChanged = cache.all.length !== all.length;
    cache.all = all;
    if (!sameArray(cache.cards, cards)) {
      cache.cards = cards.length === 0 ? EMPTY : cards;
      this.batch.columns.add(status);
    } else if (totalChanged) {
      this.batch.columns.add(status);
    }
    return cache;
  }
}

/**
 * Tells `next` (`list` with swaps — pairs: old, new —, removals and insertions applied) its total value when that
 * of `list` is known: the old sum moved by the edits, no pass over the list.
 */
function carryValue(list: readonly Lead[], next: readonly Lead[], swaps: readonly Lead[], remove: readonly Lead[], insert: readonly Lead[]): void {
  const known = knownListValue(list);
  if (next === list || known === undefined) return;
  let sum = known;
  for (let i = 0; i < swaps.length; i += 2) sum += (swaps[i + 1]!.value ?? 0) - (swaps[i]!.value ?? 0);
  for (const lead of remove) sum -= lead.value ?? 0;
  for (const lead of insert) sum += lead.value ?? 0;
  rememberListValue(next, sum);
}

/** A list with swaps (see swapInPlace), removals and insertions applied; the list itself when there are none. */
function edit(
  list: readonly Lead[],
  swaps: readonly Lead[],
  remove: readonly Lead[],
  insert: readonly Lead[],
  order: CardCompare,
): readonly Lead[] | undefined {
  let out: readonly Lead[] | undefined = list;
  if (swaps.length > 0) out = swapInPlace(out, swaps, order);
  if (out && (remove.length > 0 || insert.length > 0)) out = editOrdered(out, remove, insert, order);
  return out;
}
