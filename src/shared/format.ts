/**
 * Number, money, date and duration formatting through Intl, in the locale and currency in force (`setLocale`
 * in src/l10n.ts; by default the document's language and USD).
 */
import { whenIdle } from '../internal/idle.js';
import { localeSettings } from '../l10n.js';

/**
 * One Intl formatter per locale and kind, made on first use: making one loads locale data (milliseconds), so a
 * board of hundreds of cards must not make one per card, and a locale switch makes each kind once more.
 */
const formatters = new Map<string, Intl.NumberFormat | Intl.DateTimeFormat | Intl.RelativeTimeFormat>();
export function cachedFormatter<T extends Intl.NumberFormat | Intl.DateTimeFormat | Intl.RelativeTimeFormat>(
  kind: string,
  make: (locale: string | undefined) => T,
): T {
  const { locale } = localeSettings();
  const key = `${locale ?? ''}|${kind}`;
  let formatter = formatters.get(key) as T | undefined;
  if (!formatter) formatters.set(key, (formatter = make(locale)));
  return formatter;
}

/** A lead's value in whole units of the currency in force ("$12,500", "12.500 €"). */
export function formatValue(value: number | undefined): string {
  if (value === undefined) return '';
  const { currency } = localeSettings();
  return cachedFormatter(`currency:${currency}`, (locale) =>
    new Intl.NumberFormat(locale, { style: 'currency', currency, maximumFractionDigits: 0 })).format(value);
}

/** "Jan 15, 2026, 9:00 AM" ("15.01.2026, 09:00"): absolute, so history entries say exactly when. */
export function formatDateTime(iso: string): string {
  return cachedFormatter('datetime', (locale) => new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' }))
    .format(new Date(iso));
}

/** A whole number with the locale's grouping ("10,000", "10.000"). */
export function formatCount(n: number): string {
  return cachedFormatter('count', (locale) => new Intl.NumberFormat(locale)).format(n);
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
const waitLabels = new Map<string, WaitLabel>();

/**
 * How long something has waited, in the largest whole unit: minutes under an hour (at least 1), hours under a
 * day, days after that. The same duration gives the same object (one per locale, unit and count), so a view
 * handed a label re-renders only when the label itself changes.
 */
export function formatWait(ms: number): WaitLabel {
  const unit: WaitUnit = ms < HOUR ? 'minute' : ms < DAY ? 'hour' : 'day';
  const count = Math.max(1, Math.floor(ms / (unit === 'minute' ? MINUTE : unit === 'hour' ? HOUR : DAY)));
  const key = `${localeSettings().locale ?? ''}|${unit}:${count}`;
  let label = waitLabels.get(key);
  if (!label) {
    const format = (unitDisplay: 'narrow' | 'long') =>
      cachedFormatter(`${unit}:${unitDisplay}`, (locale) => new Intl.NumberFormat(locale, { style: 'unit', unit, unitDisplay })).format(count);
    waitLabels.set(key, (label = { short: format('narrow'), long: format('long') }));
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
