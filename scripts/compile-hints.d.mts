import type { Plugin } from 'vite';
/** V8's per-file compile hint (first line of a file). */
export const COMPILE_HINT: string;
/** Marks the given entries and the chunks they import statically with the compile hint (standalone build). */
export function compileHints(entries: readonly string[]): Plugin;
/** The files fetched before any of `fileNames` runs: they and every chunk they import statically, transitively. */
export function staticClosure(chunks: ReadonlyMap<string, { imports: readonly string[] }>, fileNames: Iterable<string>): Set<string>;
