/** The package's entries: the elements, the SDK, and the in-memory backend with the demo data. */
export const ENTRY: Record<'lead-kanban' | 'sdk' | 'sdk-memory', string>;
/** Builds the standalone files into `outDir` (relative to the project folder, the working directory). */
export function buildStandalone(outDir: string): Promise<unknown>;
