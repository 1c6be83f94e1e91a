/**
 * One adapter contract (adapter-contract.ts), three adapters: the MemoryAdapter that ships, the RestAdapter
 * on the real reference server, and the JsonDocumentAdapter example of the README's guide (over a JSON file).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileStore } from '../../demo/adapters/file-store.js';
import { JsonDocumentAdapter } from '../../demo/adapters/json-document-adapter.js';
import { MemoryDatabase, MemoryAdapter, seed } from '../../sdk/memory.js';
import { restContractBackend } from '../server/support.js';
import { adapterContract } from './adapter-contract.js';

adapterContract({
  name: 'MemoryAdapter',
  async start(options) {
    const database = MemoryDatabase.seeded(options);
    return { as: async (member) => new MemoryAdapter({ database, as: member.id }), close: async () => {} };
  },
});

adapterContract(restContractBackend('RestAdapter on the reference server'));

adapterContract({
  name: 'JsonDocumentAdapter (the guide example) over a JSON file',
  async start(options) {
    const dir = mkdtempSync(join(tmpdir(), 'lead-kanban-document-'));
    const store = fileStore(join(dir, 'leads.json'));
    await JsonDocumentAdapter.create(store, seed(options));
    return {
      as: async (member) => new JsonDocumentAdapter(store, member.id),
      close: async () => rmSync(dir, { recursive: true, force: true }),
    };
  },
});
