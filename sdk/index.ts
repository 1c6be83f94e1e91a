/** Public entry of the SDK (`lead-kanban/sdk`): framework-free, no lit, no DOM rendering. */
export * from './schema.js';
export * from './adapter.js';
export * from './policy.js';
export * from './seed.js';
export * from './distribute.js';
export * from './adapters/memory.js';
export * from './adapters/rest.js';
export * from './store.js';
