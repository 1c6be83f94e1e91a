/**
 * SQLite: processes opening one new file at the same moment all open it. Switching a new file to WAL takes an
 * exclusive lock, and SQLite refuses one of two openers at once (SQLITE_BUSY, no wait) rather than let them
 * deadlock; openSqlite tries again (demo/server/db/sqlite.ts, useWal). A few processes (sqlite-opener.ts) are
 * started once; each round tells them all at the same moment to open the same new file. Without the retry an
 * opener failed with "database is locked" within the first few rounds (rounds 2 to 6 in four tries).
 */
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import { ENGINE } from './databases.js';

const ROUNDS = 40;
const OPENERS = 4;

/** An opener process; `next()` is its next line of output. */
function startOpener() {
  const child = spawn(process.execPath, ['--import', 'tsx', fileURLToPath(new URL('./sqlite-opener.ts', import.meta.url))],
    { stdio: ['pipe', 'pipe', 'inherit'] });
  const lines = createInterface({ input: child.stdout })[Symbol.asyncIterator]();
  return {
    child,
    async next(): Promise<string> {
      const { value, done } = await lines.next();
      if (done) throw new Error(`opener exited (${child.exitCode})`);
      return value;
    },
  };
}

test('SQLite: openers of one new file at the same moment all open it, migrated and seeded once', { skip: ENGINE !== 'sqlite' && 'SQLite only' }, async () => {
  const dir = mkdtempSync(join(tmpdir(), 'lead-kanban-open-'));
  const openers = Array.from({ length: OPENERS }, startOpener);
  try {
    assert.deepEqual(await Promise.all(openers.map((o) => o.next())), Array(OPENERS).fill('ready'));
    for (let round = 1; round <= ROUNDS; round++) {
      const path = join(dir, `round-${round}.db`);
      for (const opener of openers) opener.child.stdin.write(`${path}\n`);
      const answers = await Promise.all(openers.map((o) => o.next()));
      assert.deepEqual(answers, Array(OPENERS).fill('ok'), `round ${round}: every opener opened the file`);
      const db = new Database(path, { readonly: true });
      try {
        assert.equal(db.pragma('journal_mode', { simple: true }), 'wal');
        assert.equal((db.prepare('SELECT COUNT(*) AS n FROM members').get() as { n: number }).n, 4, 'seeded once');
      } finally {
        db.close();
      }
    }
  } finally {
    for (const opener of openers) opener.child.kill();
    rmSync(dir, { recursive: true, force: true });
  }
});
