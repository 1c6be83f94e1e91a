/**
 * Public entry of the elements (`lead-kanban`): importing it registers <lead-kanban>, <lead-drawer> and
 * <assign-picker> (each guarded, so loading twice does not throw) and re-exports the SDK for convenience.
 */
export { LeadKanban } from './lead-kanban/lead-kanban.js';
export { LeadDrawer } from './lead-drawer/lead-drawer.js';
export { AssignPicker } from './assign-picker/assign-picker.js';
export { storeContext } from './context.js';
export { setMessages, messages, type Messages } from './l10n.js';
export * from './events/index.js';
export * from '../sdk/index.js';
