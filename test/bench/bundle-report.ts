/**
 * The bundle figures of `npm run bench` (also printed alone by `node --import tsx test/bench/size.ts`).
 * Every figure is minified JavaScript, gzip level 9, each file compressed on its own (as served), summed:
 * - bundle.gzip: what a host that embeds the board on its REST backend loads up front — both entries
 *   (elements `lead-kanban.js` + `sdk.js`) and every chunk they import statically; its budget is 55 KB.
 * - bundle.lazy.gzip: chunks reached only through dynamic import(), fetched when first needed.
 * - bundle.total.gzip: what such a host ships in all (up front + lazy).
 * - bundle.memory-entry.gzip: `lead-kanban/sdk/memory` (in-memory backend, demo data), which that host never loads.
 */
import type { BuiltBench, BuiltFile } from './build.js';
import { le, type Report } from './report.js';

const kb = (bytes: number) => bytes / 1024;
const list = (files: BuiltFile[]) => files.map((f) => `${f.file} ${kb(f.gzipBytes).toFixed(1)} KB`).join(', ') || 'none';

export function reportBundle(report: Report, built: BuiltBench): void {
  const upFront = built.files.filter((f) => f.upFront);
  const lazy = built.files.filter((f) => !f.upFront && !f.otherEntry);
  const other = built.files.filter((f) => f.otherEntry);
  report.add('bundle.gzip', null, 'KB', [kb(built.upFront.gzipBytes)], le(55),
    `loaded up front by a host embedding the board with the REST backend: both entries (elements + SDK) and the chunks they import statically, all dependencies included, minified, gzip -9 per file: ${list(upFront)}`);
  report.add('bundle.min', null, 'KB', [kb(built.upFront.bytes)], undefined, 'the same files, minified, not compressed');
  report.add('bundle.lazy.gzip', null, 'KB', [kb(built.lazy.gzipBytes)], undefined,
    `chunks behind dynamic import() only, fetched when first needed (not in bundle.gzip): ${list(lazy)}`);
  report.add('bundle.total.gzip', null, 'KB', [kb(built.upFront.gzipBytes + built.lazy.gzipBytes)], undefined,
    'everything that host ships: bundle.gzip + bundle.lazy.gzip');
  report.add('bundle.memory-entry.gzip', null, 'KB', [kb(other.reduce((s, f) => s + f.gzipBytes, 0))], undefined,
    `lead-kanban/sdk/memory (MemoryAdapter, seed), an entry of its own that a REST host does not load: ${list(other)}`);
}
