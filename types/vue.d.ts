// Generated from custom-elements.json by scripts/framework-types.mjs (`npm run analyze`). Do not edit.
// Vue 3 template types for the elements: `import type {} from 'lead-kanban/vue'` once in a project.
// Tell Vue's compiler the tags are custom elements (`compilerOptions.isCustomElement`); Vue then sets
// known properties as properties, and `@lead-open` listens to the `lead-open` event.
import type { AllowedComponentProps, EmitFn, HTMLAttributes, VNodeProps } from 'vue';
import type {
  AssignPicker,
  LeadAssignEvent,
  LeadDistributeEvent,
  LeadDrawer,
  LeadKanban,
  LeadMoveEvent,
  LeadOpenEvent,
  LeadRequestAssignEvent,
  LeadRequestCloseEvent,
  LeadRequestDistributeEvent,
  LeadRequestMoveEvent,
  LeadSelectionChangeEvent,
  LeadUpdateEvent,
} from 'lead-kanban';

/** A custom element as a template component: its chosen properties as props, its events as emits. */
type CustomElement<E, Props extends keyof E, Events extends Record<string, Event>> = new () => E & {
  /** @deprecated For template type checking only; not a property of the element. */
  $props: HTMLAttributes & Partial<Pick<E, Props>> & AllowedComponentProps & VNodeProps;
  /** @deprecated For template type checking only; not a property of the element. */
  $emit: EmitFn<{ [K in keyof Events]: (event: Events[K]) => void }>;
};

declare module 'vue' {
  interface GlobalComponents {
    /** A Kanban board of leads: status columns of cards, filters and a sort, selection, bulk assignment, a workload strip, adding and importing leads and the assignment rules (where the backend offers them and the member may), and a drawer for one lead. Every write goes through one LeadStore, provided by context to the `<lead-drawer>` and `<assign-picker>` inside. */
    'lead-kanban': CustomElement<
      LeadKanban,
      'store' | 'adapter' | 'api' | 'token' | 'columns' | 'urlState' | 'theme',
      {
        /** A user opened a lead (click or Enter on its card). `leadId`. */
        'lead-open': LeadOpenEvent;
        /** Cancelable, before a user's move (drag, menu, keyboard) is sent. */
        'lead-request-move': LeadRequestMoveEvent;
        /** A user moved a lead; the store has it (optimistically). */
        'lead-move': LeadMoveEvent;
        /** Cancelable, before a user's assignment (bulk or card menu) is sent. */
        'lead-request-assign': LeadRequestAssignEvent;
        /** A user's assignment settled; `detail.outcome` splits ok / conflict / forbidden / notFound. */
        'lead-assign': LeadAssignEvent;
        /** The user changed the selection; `selectedIds`. */
        'lead-selection-change': LeadSelectionChangeEvent;
        /** Cancelable, before a user's distribution (`Distribute…`) is applied; `detail.plan`. */
        'lead-request-distribute': LeadRequestDistributeEvent;
        /** A user's distribution settled; `detail.plan` (as previewed) and `detail.outcome`. */
        'lead-distribute': LeadDistributeEvent;
      }
    >;
    /** A slide-in side panel showing one lead: assign it (saved at once), edit its fields, add notes and read its history. A modal dialog named by the lead's name. */
    'lead-drawer': CustomElement<
      LeadDrawer,
      'store' | 'leadId' | 'open' | 'theme',
      {
        /** Cancelable, before the drawer closes at the user's request (Escape, close button, backdrop click); `preventDefault()` keeps it open. */
        'lead-request-close': LeadRequestCloseEvent;
        /** Cancelable, before the picker's choice is saved; `preventDefault()` reverts it. */
        'lead-request-assign': LeadRequestAssignEvent;
        /** After the assignment settled; `detail.outcome` tells how it went. */
        'lead-assign': LeadAssignEvent;
        /** After a field edit was saved (the store accepted it). */
        'lead-update': LeadUpdateEvent;
        /** A user opened another lead from the drawer (a lead of a batch in the history); the drawer shows it. */
        'lead-open': LeadOpenEvent;
      }
    >;
    /** Chooses who owns a lead: an editable combobox (APG "list autocomplete") of active members with their open-lead counts, plus "Unassigned". Typing filters the list; it never writes to the store itself. */
    'assign-picker': CustomElement<
      AssignPicker,
      'store' | 'value' | 'placeholder' | 'name' | 'disabled' | 'label' | 'theme',
      {
        /** Fired just before `change`, as native form controls do (bubbles, composed). */
        'input': Event;
        /** The user chose a different assignee; read `.value` (bubbles, composed). */
        'change': Event;
      }
    >;
  }
}
