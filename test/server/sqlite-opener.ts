/**
 * One opener of sqlite-open.test.ts, a process of its own: says "ready", then for each line on stdin (a file's
 * path, written to every opener at once) opens that file as the server does (openSqlite), closes it and prints
 * "ok" or the error's code and message.
 */
import { createInterface } from 'node:readline';
import { openSqlite } from '../../demo/server/db/sqlite.js';

process.stdout.write('ready\n');
for await (const path of createInterface({ input: process.stdin })) {
  try {
    const repo = openSqlite(path, { seed: { leads: 20, members: 4 } });
    await repo.close();
    process.stdout.write('ok\n');
  } catch (error) {
    process.stdout.write(`${(error as { code?: string }).code ?? 'error'}: ${(error as Error).message}\n`);
  }
}
