/**
 * Public entry `lead-kanban/sdk/rules`: the rules of leads arriving (assignment rules, where a new lead goes
 * and the history it gets, the import reader and its checks, CSV) and the history an edit writes, for
 * adapters of other backends that want to behave as the two that ship. Kept apart from `lead-kanban/sdk`,
 * which a page loads before its first frame: the store and the elements need none of these up front.
 */
// As sdk/memory.ts: depending on the SDK entry lets a bundle keep what both use (schemas) in `sdk.js`.
import './index.js';

export * from './history.js';
export * from './assignment-rules.js';
export * from './intake.js';
export * from './lead-import.js';
