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
 * @param {readonly string[]} entries the names of the entries a page loads before its first frame
 * @returns {import('vite').Plugin}
 */
export function compileHints(entries) {
  return {
    name: 'lead-kanban:compile-hints',
    apply: 'build',
    // After minification (which would drop the comment): the bundle's final code.
    generateBundle(_options, bundle) {
      const marked = new Set();
      const mark = (fileName) => {
        const chunk = bundle[fileName];
        if (marked.has(fileName) || chunk?.type !== 'chunk') return;
        marked.add(fileName);
        for (const next of chunk.imports) mark(next);
      };
      for (const chunk of Object.values(bundle)) {
        if (chunk.type === 'chunk' && chunk.isEntry && entries.includes(chunk.name)) mark(chunk.fileName);
      }
      for (const fileName of marked) bundle[fileName].code = `${COMPILE_HINT}\n${bundle[fileName].code}`;
    },
  };
}
