/** The board filter and the test of one lead against it, with the folded search text cached per lead object. */
import type { Lead, LeadFilter } from '../schema.js';
import { EMPTY_FILTER } from '../schema.js';
import { whenIdle, type IdleDeadline } from '../internal/idle.js';
import { foldText, matchesAssignee, searchableText } from '../internal/match.js';
import { AssigneeGroups } from './assignee-groups.js';
import { sameArray } from './lead-values.js';
import { LEAD_BREAK, SearchHaystack } from './search-haystack.js';

/** The most one background slice runs, even in a long idle period: input arriving meanwhile waits at most this. */
const SLICE_MS = 10;

export class FilterState {
  private _current: Readonly<LeadFilter> = EMPTY_FILTER;
  /** The filter's text, folded once rather than per lead. */
  private foldedQuery = '';
  /** Keyed by lead object: a new version of a lead is folded again, an unchanged one never. */
  private readonly searchText = new WeakMap<Lead, string>();
  /** Per list searched (a column's full list, replaced whenever the column changes): its joined text. */
  private readonly haystacks = new WeakMap<readonly Lead[], SearchHaystack>();
  /** Per column list: its leads by assignee (see AssigneeGroups), built in idle slices like the joined texts. */
  private readonly byAssignee = new WeakMap<readonly Lead[], AssigneeGroups>();
  /** Who 'me' means; set when the store learns it. */
  meId: string | null = null;
  /** Leads whose search text is folded ahead of the first query, in idle slices (see backgroundSlice). */
  private foldQueue: Lead[] = [];
  private foldNext = 0;
  /**
   * Lead versions shown since the last slice, each followed by the version it replaced (undefined: none),
   * whose folded text they take over in that slice when their text is the same (see foldLater).
   */
  private changed: (Lead | undefined)[] = [];
  /** Cancels the scheduled slice, null when none is. */
  private foldTimer: (() => void) | null = null;

  get current(): Readonly<LeadFilter> {
    return this._current;
  }

  /**
   * Takes a parsed filter. Returns null when it equals the current one, else how the cards must be
   * recomputed: 'narrow' when every lead matching the new filter matched the old one (a search extended
   * by a keystroke, an added condition), so the filtered cards can be filtered again instead of all leads.
   */
  replace(next: LeadFilter): 'narrow' | 'full' | null {
    const previous = this._current;
    if (next.assignee === previous.assignee && next.q === previous.q && sameArray(next.status, previous.status)) return null;
    const previousQuery = this.foldedQuery;
    this._current = Object.freeze({ ...next, status: Object.freeze([...next.status]) as string[] });
    this.foldedQuery = foldText(next.q);
    const narrows =
      (previous.assignee === 'any' || previous.assignee === next.assignee) &&
      (previous.status.length === 0 || (next.status.length > 0 && next.status.every((k) => previous.status.includes(k)))) &&
      this.foldedQuery.includes(previousQuery);
    return narrows ? 'narrow' : 'full';
  }

  /**
   * Queues a lead for folding ahead of time. Folding every lead on the first search keystroke cost ~30 ms
   * at 10,000 leads and ~80 ms at 50,000, so it is done after load in idle periods, at most SLICE_MS at a
   * time (no DOM APIs: this runs in Node too). A query that arrives first folds what is left as it meets it.
   * `previous`: the version it replaces, whose folded text is reused when name, company and email are equal.
   * Even that lookup waits for the slice: a bulk assignment shows 1,000 leads twice (optimistic, settled),
   * and two WeakMap lookups and a write per version were a few ms of its script.
   */
  foldLater(lead: Lead, previous?: Lead): void {
    // Its column's list changes too, so a timer runs either way (the joined texts are prepared after folding).
    this.foldTimer ??= whenIdle(this.backgroundSlice);
    this.changed.push(lead, previous);
  }

  /** foldLater for a whole first listing: none of these objects has been folded yet, so no lead is looked up. */
  foldAllLater(leads: readonly Lead[]): void {
    this.foldTimer ??= whenIdle(this.backgroundSlice);
    if (this.foldQueue.length === this.foldNext) {
      this.foldQueue = leads.slice();
      this.foldNext = 0;
    } else for (const lead of leads) this.foldQueue.push(lead);
  }

  /**
   * The lists worth a joined search text (the store's current column lists); set by the store. Once every
   * queued lead is folded, the lists without one are joined in idle periods.
   */
  searchLists: (() => Iterable<readonly Lead[]>) | null = null;

  /** Drops queued folding and its timer (the store was disposed). */
  stopFolding(): void {
    this.foldTimer?.();
    this.foldTimer = null;
    this.foldQueue = [];
    this.foldNext = 0;
    this.changed = [];
  }

  /**
   * One idle slice of background work: fold queued leads, then give each current column list its assignee
   * groups, then its joined text, until the idle period (at most SLICE_MS) is used up; always some progress. A long
   * idle period after a load folds 10,000 leads in one or two slices; a query arriving first folds what is left
   * as it meets it.
   */
  private readonly backgroundSlice = (deadline: IdleDeadline): void => {
    this.foldTimer = null;
    const end = performance.now() + Math.min(SLICE_MS, deadline.timeRemaining());
    const changed = this.changed;
    let c = 0;
    while (c < changed.length) {
      const stop = Math.min(changed.length, c + 512);
      for (; c < stop; c += 2) this.takeOverOrQueue(changed[c]!, changed[c + 1]);
      if (performance.now() >= end) break;
    }
    this.changed = c < changed.length ? changed.slice(c) : [];
    if (this.changed.length > 0) {
      this.foldTimer = whenIdle(this.backgroundSlice);
      return;
    }
    const queue = this.foldQueue;
    let i = this.foldNext;
    while (i < queue.length) {
      const stop = Math.min(queue.length, i + 256);
      for (; i < stop; i++) this.searchTextOf(queue[i]!);
      if (performance.now() >= end) break;
    }
    if (i < queue.length) {
      this.foldNext = i;
      this.foldTimer = whenIdle(this.backgroundSlice);
      return;
    }
    this.foldQueue = [];
    this.foldNext = 0;
    // Folding first: a first search meeting unfolded leads folds them on the spot (at 50,000 leads its script
    // was 25 against 17 ms with the groups made first), where an assignee filter without its groups makes
    // them in one pass per column (13 against 10–11 ms; the same sitting, 2 × 5 runs each).
    if (!this.prepareLists(end, (list) => this.byAssignee.has(list), (list) => this.byAssignee.set(list, new AssigneeGroups(list)))) {
      this.foldTimer = whenIdle(this.backgroundSlice);
      return;
    }
    const textOf = (lead: Lead) => this.searchTextOf(lead);
    if (!this.prepareLists(end, (list) => this.haystacks.has(list), (list) => this.haystacks.set(list, new SearchHaystack(list, textOf)))) {
      this.foldTimer = whenIdle(this.backgroundSlice);
    }
  };

  /**
   * Gives each current column list one index (`has`/`make`) until `end`; returns whether every list has it.
   * Every slice prepares at least one list: an idle callback that fires on its timeout has no time left at
   * all, and must still move the work on.
   */
  private prepareLists(end: number, has: (list: readonly Lead[]) => boolean, make: (list: readonly Lead[]) => void): boolean {
    let prepared = false;
    for (const list of this.searchLists?.() ?? []) {
      if (has(list)) continue;
      if (prepared && performance.now() >= end) return false;
      make(list);
      prepared = true;
    }
    return true;
  }

  /** A new version takes over its previous version's folded text when that text is the same; else it is queued. */
  private takeOverOrQueue(lead: Lead, previous: Lead | undefined): void {
    if (this.searchText.has(lead)) return;
    const known = previous && this.searchText.get(previous);
    if (known !== undefined && previous!.name === lead.name && previous!.company === lead.company && previous!.email === lead.email) {
      this.searchText.set(lead, known); // a new version with the same text (an assignment, a move)
    } else this.foldQueue.push(lead);
  }

  private searchTextOf(lead: Lead): string {
    let text = this.searchText.get(lead);
    if (text === undefined) this.searchText.set(lead, (text = searchableText(lead)));
    return text;
  }

  /** Whether select(list) would search the joined text of `list`. */
  canSearchJoined(list: readonly Lead[]): boolean {
    return this.foldedQuery !== '' && !this.foldedQuery.includes(LEAD_BREAK) && this.haystacks.has(list);
  }

  /** True when the filter lets every lead through: a column's cards are then all its leads. */
  get passesAll(): boolean {
    const f = this._current;
    return f.status.length === 0 && (f.assignee === undefined || f.assignee === 'any') && !this.foldedQuery;
  }

  /**
   * The leads of `list` that match, in order: `list` itself when every lead does (no pass at all), and for
   * the common assignee-only filter a test of one field, not the general matches() per lead.
   */
  select(list: readonly Lead[]): readonly Lead[] {
    if (this.passesAll) return list;
    const f = this._current;
    if (f.status.length === 0 && !this.foldedQuery) {
      const wanted = f.assignee === 'unassigned' ? null : f.assignee === 'me' ? this.meId : f.assignee;
      if (wanted === null && f.assignee !== 'unassigned') return []; // 'me' unknown: nothing matches
      const groups = this.byAssignee.get(list);
      if (groups) return groups.cardsOf(wanted);
      return list.filter((lead) => lead.assigneeId === wanted);
    }
    // The joined text is prepared in the background (see backgroundSlice); a list without one yet is searched per lead.
    const haystack = this.canSearchJoined(list) ? this.haystacks.get(list) : undefined;
    if (haystack) return haystack.find(this.foldedQuery, (lead) => this.matchesBesidesText(lead));
    return list.filter((lead) => this.matches(lead));
  }

  /** The status and assignee conditions (the search text is tested by the caller). */
  private matchesBesidesText(lead: Lead): boolean {
    const f = this._current;
    if (f.status.length > 0 && !f.status.includes(lead.status)) return false;
    return matchesAssignee(lead.assigneeId, f.assignee, this.meId);
  }

  matches(lead: Lead): boolean {
    if (!this.matchesBesidesText(lead)) return false;
    if (this.foldedQuery && !this.searchTextOf(lead).includes(this.foldedQuery)) return false;
    return true;
  }
}
