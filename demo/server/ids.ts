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

/** A new UUIDv7 string; strictly greater (as a string) than every id this process made before. */
export function timeOrderedId(): string {
  const now = Date.now();
  if (now > lastMs) {
    lastMs = now;
    counter = 0;
  } else if (counter < COUNTER_MAX) {
    counter++;
  } else {
    // 4,096 ids in one millisecond (or the clock went back): borrow the next millisecond, stay ordered.
    lastMs++;
    counter = 0;
  }
  const time = lastMs.toString(16).padStart(12, '0');
  // randomUUID's last two groups carry the RFC variant bits and 62 random bits, which v7 keeps as rand_b.
  const random = randomUUID().slice(19);
  return `${time.slice(0, 8)}-${time.slice(8)}-7${counter.toString(16).padStart(3, '0')}-${random}`;
}
