export * from './lead-open.js';
export * from './lead-move.js';
export * from './lead-assign.js';
export * from './lead-selection-change.js';
export * from './lead-request-close.js';
export * from './lead-update.js';
export * from './lead-distribute.js';
