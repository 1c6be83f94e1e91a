/** Number and date formatting through Intl, in the document's language. */
import { whenIdle } from '../internal/idle.js';

const lang = () => (typeof document !== 'undefined' && document.documentElement.lang) || undefined;

let currency: { lang: string | undefined; format: Intl.NumberFormat } | undefined;
export function formatValue(value: number | undefined): string {
  if (value === undefined) return '';
  const now = lang();
  // One formatter per language (created once; again only if the document's language changes).
  if (!currency || currency.lang !== now) {
    currency = { lang: now, format: new Intl.NumberFormat(now, { style: 'currency', currency: 'USD', maximumFractionDigits: 0 }) };
  }
  return currency.format.format(value);
}

let dateTime: Intl.DateTimeFormat | undefined;
/** "Jan 15, 2026, 9:00 AM": absolute, so history entries say exactly when. */
export function formatDateTime(iso: string): string {
  dateTime ??= new Intl.DateTimeFormat(lang(), { dateStyle: 'medium', timeStyle: 'short' });
  return dateTime.format(new Date(iso));
}

/** A waiting time as a card shows it ("2d", "5h", "12m") and as it is said ("2 days"). */
export interface WaitLabel {
  short: string;
  long: string;
}

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
type WaitUnit = 'minute' | 'hour' | 'day';
let units: { lang: string | undefined; format: Map<string, Intl.NumberFormat>; labels: Map<string, WaitLabel> } | undefined;

/**
 * How long something has waited, in the largest whole unit: minutes under an hour (at least 1), hours under a
 * day, days after that. The same duration gives the same object (one per language, unit and count), so a view
 * handed a label re-renders only when the label itself changes.
 */
export function formatWait(ms: number): WaitLabel {
  const unit: WaitUnit = ms < HOUR ? 'minute' : ms < DAY ? 'hour' : 'day';
  const count = Math.max(1, Math.floor(ms / (unit === 'minute' ? MINUTE : unit === 'hour' ? HOUR : DAY)));
  const now = lang();
  if (!units || units.lang !== now) units = { lang: now, format: new Map(), labels: new Map() };
  const key = `${unit}:${count}`;
  let label = units.labels.get(key);
  if (!label) {
    const format = (display: 'narrow' | 'long') => {
      let f = units!.format.get(`${unit}:${display}`);
      if (!f) units!.format.set(`${unit}:${display}`, (f = new Intl.NumberFormat(now, { style: 'unit', unit, unitDisplay: display })));
      return f.format(count);
    };
    units.labels.set(key, (label = { short: format('narrow'), long: format('long') }));
  }
  return label;
}

let warming = false;
/**
 * Makes the Intl objects a board's first render needs (the currency formatter, the waiting times' unit
 * formatters, the collator the store sorts member names with) in the first idle period after the library
 * loads, typically while the page waits for its data. The first formatter or collator of a page loads locale
 * data (7-10 ms each in Chromium), which would otherwise land in the board's first frame; later instances are
 * cheap. Called when the board's module loads and when a board connects (the first call schedules it once).
 */
export function prewarmIntl(): void {
  if (warming || typeof window === 'undefined') return;
  warming = true;
  whenIdle(() => {
    formatValue(0);
    for (const ms of [MINUTE, HOUR, DAY]) formatWait(ms);
    new Intl.Collator().compare('a', 'b');
  }, 200);
}
