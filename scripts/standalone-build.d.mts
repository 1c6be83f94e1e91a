import type { InlineConfig } from 'vite';
/** The package's entries: the elements, the SDK, the in-memory backend with the demo data, a backend's rules. */
export const ENTRY: Record<'lead-kanban' | 'sdk' | 'sdk-memory' | 'sdk-rules', string>;
/** The entries a page runs before its first frame (their files carry the compile hint). */
export const PAGE_ENTRIES: readonly string[];
/** The standalone build's configuration; `minify: false` keeps the output readable (profiling). */
export function standaloneConfig(outDir: string, options?: { minify?: boolean }): InlineConfig;
/** Builds the standalone files into `outDir` (absolute, or relative to the project folder). */
export function buildStandalone(outDir: string, options?: { minify?: boolean }): Promise<unknown>;
