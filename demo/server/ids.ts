/**
 * Ids of new history rows: UUID version 7 (RFC 9562) — a millisecond timestamp, then a counter, then random
 * bits. Ids made later sort after earlier ones, so each new row lands at the end of the `activity.id`
 * unique index instead of at a random place in it: a batch of 1,000 rows dirties a few index pages rather
 * than one page per row, and that difference grows with the history.
 */
import { randomUUID } from 'node:crypto';

/** 12-bit counter (the `rand_a` field used as RFC 9562 method 1), so ids of the same millisecond still sort. */
const COUNTER_MAX = 0xfff;

let lastMs = 0;
let counter = 0;
/** `lastMs` as the first two groups and the version digit, formatted once per millisecond. */
let prefix = '';

/** A new UUIDv7 string; strictly greater (as a string) than every id this process made before. */
export function timeOrderedId(): string {
  const now = Date.now();
  if (now > lastMs) {
    setMs(now);
  } else if (counter < COUNTER_MAX) {
    counter++;
  } else {
    // 4,096 ids in one millisecond (or the clock went back): borrow the next millisecond, stay ordered.
    setMs(lastMs + 1);
  }
  // randomUUID's last two groups carry the RFC variant bits and 62 random bits, which v7 keeps as rand_b.
  return `${prefix}${counter.toString(16).padStart(3, '0')}-${randomUUID().slice(19)}`;
}

function setMs(ms: number): void {
  lastMs = ms;
  counter = 0;
  const time = ms.toString(16).padStart(12, '0');
  prefix = `${time.slice(0, 8)}-${time.slice(8)}-7`;
}
