/** Number and date formatting through Intl, in the document's language. */
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

let warming = false;
/**
 * Makes the Intl objects a board's first render needs early (typically while the board waits for its data). The first formatter or collator of a page loads locale data (7-10 ms each in Chromium), which
 * would otherwise land in the board's first frame; later instances are cheap, so the collator the store sorts
 * member names with is covered too.
 */
export function prewarmIntl(): void {
  if (warming || typeof window === 'undefined') return;
  warming = true;
  const warm = () => {
    formatValue(0);
    new Intl.Collator().compare('a', 'b');
  };
  // A task right after the board connects: before its data arrives, and never before a render that is already
  // due (that render, in a microtask, makes them itself and the warm-up then costs nothing).
  setTimeout(warm, 0);
}
