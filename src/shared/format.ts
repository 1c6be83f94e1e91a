/** Number and date formatting through Intl, in the document's language. */
const lang = () => (typeof document !== 'undefined' && document.documentElement.lang) || undefined;

let currency: Intl.NumberFormat | undefined;
export function formatValue(value: number | undefined): string {
  if (value === undefined) return '';
  currency ??= new Intl.NumberFormat(lang(), { style: 'currency', currency: 'USD', maximumFractionDigits: 0 });
  return currency.format(value);
}

let dateTime: Intl.DateTimeFormat | undefined;
/** "Jan 15, 2026, 9:00 AM": absolute, so history entries say exactly when. */
export function formatDateTime(iso: string): string {
  dateTime ??= new Intl.DateTimeFormat(lang(), { dateStyle: 'medium', timeStyle: 'short' });
  return dateTime.format(new Date(iso));
}
