/** The board filter and the test of one lead against it, with the folded search text cached per lead object. */
import type { Lead, LeadFilter } from '../schema.js';
import { EMPTY_FILTER } from '../schema.js';
import { foldText, matchesAssignee, searchableText } from '../internal/match.js';
import { sameArray } from './lead-values.js';

export class FilterState {
  private _current: Readonly<LeadFilter> = EMPTY_FILTER;
  /** The filter's text, folded once rather than per lead. */
  private foldedQuery = '';
  /** Keyed by lead object: a new version of a lead is folded again, an unchanged one never. */
  private readonly searchText = new WeakMap<Lead, string>();
  /** Who 'me' means; set when the store learns it. */
  meId: string | null = null;

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

  matches(lead: Lead): boolean {
    const f = this._current;
    if (f.status.length > 0 && !f.status.includes(lead.status)) return false;
    if (!matchesAssignee(lead.assigneeId, f.assignee, this.meId)) return false;
    if (this.foldedQuery) {
      let text = this.searchText.get(lead);
      if (text === undefined) this.searchText.set(lead, (text = searchableText(lead)));
      if (!text.includes(this.foldedQuery)) return false;
    }
    return true;
  }
}
