/**
 * Public entry of the SDK (`lead-kanban/sdk`): framework-free, no lit, no DOM rendering. The in-memory backend
 * and the demo data (MemoryAdapter, MemoryDatabase, seed) are their own entry, `lead-kanban/sdk/memory`.
 */
export * from './schema.js';
export * from './adapter.js';
export * from './policy.js';
export * from './distribute.js';
// The history an edit writes (one entry per field, old → new), for adapters of other backends.
export * from './history.js';
// The rules of leads arriving (assignment rules, placement and history, import checks, CSV), for adapters of
// other backends that want to behave as the two that ship.
export * from './assignment-rules.js';
export * from './intake.js';
export * from './lead-import.js';
export * from './csv.js';
export * from './adapters/rest.js';
export * from './store.js';
// Rules the elements share with the SDK, defined once here: text folding (search, pickers), card order
// (bisection in a column's cards) and idle scheduling (background work, chunks fetched ahead of use).
export { foldText } from './internal/match.js';
export { compareCards, indexOfCard } from './internal/card-order.js';
export { whenIdle, type IdleDeadline } from './internal/idle.js';
