/** History row ids: RFC 9562 version 7 UUIDs, unique, and later ids sort after earlier ones. */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { timeOrderedId } from '../../demo/server/ids.js';

const UUID_V7 = /^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

describe('timeOrderedId', () => {
  test('is a version 7 UUID whose first 48 bits are the current time in ms', () => {
    const before = Date.now();
    const id = timeOrderedId();
    const after = Date.now();
    assert.match(id, UUID_V7);
    const ms = parseInt(id.slice(0, 8) + id.slice(9, 13), 16);
    // Never earlier than now; later only when an earlier test borrowed milliseconds (see below).
    assert.ok(ms >= before - 1 && ms <= after + 1000, `${ms} near ${before}..${after}`);
  });

  test('10,000 ids made at once (more than the 4,096 a millisecond holds) are unique and strictly ascending', () => {
    const ids = Array.from({ length: 10_000 }, () => timeOrderedId());
    for (const id of ids) assert.match(id, UUID_V7);
    assert.equal(new Set(ids).size, ids.length);
    for (let i = 1; i < ids.length; i++) assert.ok(ids[i - 1]! < ids[i]!, `${ids[i - 1]} < ${ids[i]}`);
  });
});
