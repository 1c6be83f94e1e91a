/**
 * Public entry `lead-kanban/sdk/memory`: the in-browser backend — MemoryDatabase, MemoryAdapter (sessions with
 * the same policy, versions and history as the reference server) — and `seed`, the deterministic demo data.
 * For demos, tests, prototypes and offline use. Kept apart from `lead-kanban/sdk` so that a host on its own
 * backend (RestAdapter or a custom LeadAdapter) does not load an in-memory database it never uses.
 */
// Whoever uses this entry loads the SDK entry too (for the LeadStore): depending on it lets a bundle keep the
// modules both use (schemas, policy) in `sdk.js` instead of splitting them off into a third shared file.
import './index.js';
// The same for the rules of arriving leads and edits (sdk/rules.ts), which the in-memory backend runs: they
// stay in the rules entry, out of `sdk.js`, which a page loads before its first frame.
import './rules.js';

export * from './adapters/memory.js';
export * from './seed.js';
