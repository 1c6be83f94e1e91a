/**
 * The build's compile hints (scripts/compile-hints.mjs): which files of a bundle get V8's per-file hint as
 * their first line — the named entries and what they import statically, transitively — and which do not.
 * The shipped files are checked in test/package/package.test.ts.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { COMPILE_HINT, compileHints } from '../../scripts/compile-hints.mjs';

interface FakeChunk { type: 'chunk'; fileName: string; name: string; isEntry: boolean; imports: string[]; code: string }

const chunk = (fileName: string, isEntry: boolean, imports: string[] = []): FakeChunk =>
  ({ type: 'chunk', fileName, name: fileName.replace(/\.js$/, ''), isEntry, imports, code: `/* ${fileName} */` });

/** Runs the plugin's generateBundle over a bundle, answering the files that were hinted. */
function hinted(entries: string[], chunks: FakeChunk[]): string[] {
  const bundle: Record<string, FakeChunk | { type: 'asset'; fileName: string }> = Object.fromEntries(chunks.map((c) => [c.fileName, c]));
  bundle['style.css'] = { type: 'asset', fileName: 'style.css' };
  const hook = compileHints(entries).generateBundle as (this: unknown, options: unknown, bundle: unknown) => void;
  hook.call({}, {}, bundle);
  for (const c of chunks) assert.ok(c.code.endsWith(`/* ${c.fileName} */`), `${c.fileName}'s code is kept`);
  return chunks.filter((c) => c.code.startsWith(`${COMPILE_HINT}\n`)).map((c) => c.fileName).sort();
}

test('the named entries and every chunk they reach by static imports are hinted, each once', () => {
  const files = [
    chunk('lead-kanban.js', true, ['live.js', 'sdk.js']),
    chunk('sdk.js', true),
    chunk('live.js', false, ['shared.js']),
    chunk('shared.js', false, ['live.js']), // a cycle ends
    chunk('drawer-content.js', false, ['live.js']), // reached only by import(): not in `imports`
    chunk('sdk-rules.js', true, ['sdk.js']),
  ];
  assert.deepEqual(hinted(['lead-kanban', 'sdk'], files), ['lead-kanban.js', 'live.js', 'sdk.js', 'shared.js']);
  assert.equal(files[2]!.code.split(COMPILE_HINT).length, 2, 'one hint, even when reached twice');
});

test('an entry not named is not hinted, nor what only it imports; an entry name that is not built marks nothing', () => {
  const files = [chunk('sdk-rules.js', true, ['rules-part.js']), chunk('rules-part.js', false), chunk('sdk.js', true)];
  assert.deepEqual(hinted(['sdk'], files), ['sdk.js']);
  assert.deepEqual(hinted(['nothing'], [chunk('sdk.js', true)]), []);
});
