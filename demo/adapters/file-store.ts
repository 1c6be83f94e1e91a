/** A place a JsonDocumentAdapter keeps its document in Node: a JSON file. */
import { readFile, rename, writeFile } from 'node:fs/promises';
import type { DocumentStore } from './json-document-adapter.js';

/** A JSON file; each write goes to a temporary file first and is renamed over, so a crash never halves it. */
export function fileStore(path: string): DocumentStore {
  return {
    async read() {
      try {
        return await readFile(path, 'utf8');
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
        throw error;
      }
    },
    async write(text) {
      await writeFile(`${path}.tmp`, text);
      await rename(`${path}.tmp`, path);
    },
  };
}
