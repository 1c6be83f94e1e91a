/**
 * Public entry of the SDK (`lead-kanban/sdk`): framework-free, no lit, no DOM rendering. The in-memory backend
 * and the demo data (MemoryAdapter, MemoryDatabase, seed) are their own entry, `lead-kanban/sdk/memory`; the
 * rules a backend runs on arriving leads and edits (placement, assignment rules, the import reader, the edit
 * history) are `lead-kanban/sdk/rules` (sdk/rules.ts): a page loads this entry before its first frame.
 */
export * from './schema.js';
export * from './adapter.js';
export * from './policy.js';
export * from './distribute.js';
// What the store and the elements need of the import rules: the fields, the size limits, values, CSV.
export * from './import-fields.js';
export * from './csv.js';
export * from './adapters/rest.js';
export * from './store.js';
// Rules the elements share with the SDK, defined once here: text folding (search, pickers), card order
// (bisection in a column's cards) and idle scheduling (background work, chunks fetched ahead of use).
export { foldText } from './internal/match.js';
export { compareCards, indexOfCard } from './internal/card-order.js';
export { whenIdle, type IdleDeadline } from './internal/idle.js';
