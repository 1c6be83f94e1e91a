/**
 * Public entry of the elements (`lead-kanban`): importing it registers <lead-kanban>, <lead-drawer> and
 * <assign-picker> (each guarded, so loading twice does not throw). The SDK (store, adapters, schemas) is its
 * own entry, `lead-kanban/sdk`: re-exporting it here would make a standalone elements file carry the whole
 * SDK a second time next to the SDK file a host loads anyway. Only the SDK types that appear in the
 * elements' public properties and event details are re-exported, for typing convenience.
 */
export { LeadKanban } from './lead-kanban/lead-kanban.js';
export { LeadDrawer } from './lead-drawer/lead-drawer.js';
export { AssignPicker } from './assign-picker/assign-picker.js';
export { storeContext } from './context.js';
export { setMessages, messages, setLocale, localeSettings, type Messages, type LocaleSettings } from './l10n.js';
export * from './events/index.js';
export type {
  AssignOutcome,
  Column,
  DistributionPlan,
  Lead,
  LeadAdapter,
  LeadPatch,
  LeadStore,
  Member,
  MemberWithLoad,
  Source,
} from '../sdk/index.js';
