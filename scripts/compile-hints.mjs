// Build plugin for the standalone files: marks the files a page runs as it loads — the page entries and every
// chunk they import statically — with V8's per-file compile hint, the magic comment below as the first line.
// Chromium then compiles all of a marked file's functions while it streams the file, on a background thread,
// instead of each one on the main thread the first time it is called: the board's first render called about a
// hundred functions for the first time (docs/architecture.md, "Compile hints"). Other browsers ignore the
// comment. Lazy chunks are not marked: they arrive after the first frame, and most of their code waits for a
// user's action.
/** The comment: it must come first in the file (only other comments may precede it). */
export const COMPILE_HINT = '//# allFunctionsCalledOnLoad';

/**
 * The files a browser fetches before any of `fileNames` runs: those files and every chunk they import
 * statically, transitively (a dynamic import() is not in `imports`). Also what the bench counts as loaded up
 * front (test/bench/build.ts).
 * @param {ReadonlyMap<string, { imports: readonly string[] }>} chunks the bundle's chunks by file name
 * @param {Iterable<string>} fileNames
 * @returns {Set<string>}
 */
export function staticClosure(chunks, fileNames) {
  const reached = new Set();
  const visit = (fileName) => {
    const chunk = chunks.get(fileName);
    if (reached.has(fileName) || !chunk) return;
    reached.add(fileName);
    for (const next of chunk.imports) visit(next);
  };
  for (const fileName of fileNames) visit(fileName);
  return reached;
}

/**
 * @param {readonly string[]} entries the names of the entries a page loads before its first frame
 * @returns {import('vite').Plugin}
 */
export function compileHints(entries) {
  return {
    name: 'lead-kanban:compile-hints',
    apply: 'build',
    // After minification (which would drop the comment): the bundle's final code.
    generateBundle(_options, bundle) {
      const chunks = new Map(Object.values(bundle).filter((c) => c.type === 'chunk').map((c) => [c.fileName, c]));
      const pageEntries = [...chunks.values()].filter((c) => c.isEntry && entries.includes(c.name)).map((c) => c.fileName);
      for (const fileName of staticClosure(chunks, pageEntries)) {
        const chunk = chunks.get(fileName);
        chunk.code = `${COMPILE_HINT}\n${chunk.code}`;
      }
    },
  };
}
