/** "now", "2 minutes ago", "yesterday": how long ago, in the locale in force (Intl.RelativeTimeFormat). */
import { cachedFormatter } from './format.js';

const UNITS: [Intl.RelativeTimeFormatUnit, number][] = [
  ['year', 365 * 86_400_000],
  ['month', 30 * 86_400_000],
  ['week', 7 * 86_400_000],
  ['day', 86_400_000],
  ['hour', 3_600_000],
  ['minute', 60_000],
  ['second', 1000],
];

export function formatRelative(iso: string, now = Date.now()): string {
  const rtf = cachedFormatter('relative', (locale) => new Intl.RelativeTimeFormat(locale, { numeric: 'auto' }));
  const ago = Date.parse(iso) - now;
  // Under 45 seconds reads as "now" (numeric auto): a clock a little ahead of ours does not say "in 3 seconds".
  if (Math.abs(ago) < 45_000) return rtf.format(0, 'second');
  const [unit, size] = UNITS.find(([, ms]) => Math.abs(ago) >= ms) ?? UNITS.at(-1)!;
  return rtf.format(Math.round(ago / size), unit);
}
