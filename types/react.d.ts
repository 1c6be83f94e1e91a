// Generated from custom-elements.json by scripts/framework-types.mjs (`npm run analyze`). Do not edit.
// React 19 JSX for the elements: `import type {} from 'lead-kanban/react'` once in a project.
// React 19 sets a custom element's props as properties (objects included) and adds `on<event>` props as
// listeners of exactly that event name: `onlead-open` listens to `lead-open`, `onchange` to `change`.
import type { DetailedHTMLProps, HTMLAttributes } from 'react';
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

/** The element's own properties and events, in place of React's HTML props of the same names. */
type ElementProps<E, Own> = Omit<DetailedHTMLProps<HTMLAttributes<E>, E>, keyof Own> & Own;

export declare namespace LeadKanbanJsx {
  /** A Kanban board of leads: status columns of cards, filters and a sort, selection, bulk assignment, a workload strip, adding and importing leads and the assignment rules (where the backend offers them and the member may), and a drawer for one lead. Every write goes through one LeadStore, provided by context to the `<lead-drawer>` and `<assign-picker>` inside. */
  interface LeadKanbanProps {
    /** The store behind the board. Set it directly, or let the board make one from `adapter` or `api`. */
    store?: LeadKanban['store'];
    /** A backend adapter; the board makes (and loads) a LeadStore on it. Ignored when `store` is set. */
    adapter?: LeadKanban['adapter'];
    /** Base URL of the REST API (e.g. "/api"); the board makes a RestAdapter and a store on it. */
    api?: LeadKanban['api'];
    /** Bearer token for `api`. */
    token?: LeadKanban['token'];
    /** Columns shown, in order (default: New, Contacted, Qualified, Proposal, Won, Lost). */
    columns?: LeadKanban['columns'];
    /** Opt-in: keep the open lead and the filters in the page's query (`lead`, `q`, `assignee`, `status`), so a link reopens the same view and Back closes the drawer. The attribute's value, if any, prefixes the parameter names (two boards on one page). Without the attribute the URL is never touched. */
    urlState?: LeadKanban['urlState'];
    /** The colour scheme, for this element and everything inside it: `light` or `dark`. Absent, it follows the system (`prefers-color-scheme`), or `--lead-color-scheme` set on an ancestor. */
    theme?: LeadKanban['theme'];
    /** A user opened a lead (click or Enter on its card). `leadId`. */
    'onlead-open'?: (event: LeadOpenEvent) => void;
    /** Cancelable, before a user's move (drag, menu, keyboard) is sent. */
    'onlead-request-move'?: (event: LeadRequestMoveEvent) => void;
    /** A user moved a lead; the store has it (optimistically). */
    'onlead-move'?: (event: LeadMoveEvent) => void;
    /** Cancelable, before a user's assignment (bulk or card menu) is sent. */
    'onlead-request-assign'?: (event: LeadRequestAssignEvent) => void;
    /** A user's assignment settled; `detail.outcome` splits ok / conflict / forbidden / notFound. */
    'onlead-assign'?: (event: LeadAssignEvent) => void;
    /** The user changed the selection; `selectedIds`. */
    'onlead-selection-change'?: (event: LeadSelectionChangeEvent) => void;
    /** Cancelable, before a user's distribution (`Distribute…`) is applied; `detail.plan`. */
    'onlead-request-distribute'?: (event: LeadRequestDistributeEvent) => void;
    /** A user's distribution settled; `detail.plan` (as previewed) and `detail.outcome`. */
    'onlead-distribute'?: (event: LeadDistributeEvent) => void;
  }

  /** A slide-in side panel showing one lead: assign it (saved at once), edit its fields, add notes and read its history. A modal dialog named by the lead's name. */
  interface LeadDrawerProps {
    /** The store the lead comes from; provided by a surrounding `<lead-kanban>` or set directly. */
    store?: LeadDrawer['store'];
    /** Id of the lead shown. */
    leadId?: LeadDrawer['leadId'];
    /** Whether the drawer is showing. */
    open?: LeadDrawer['open'];
    /** The colour scheme, for this element and everything inside it: `light` or `dark`. Absent, it follows the system (`prefers-color-scheme`), or `--lead-color-scheme` set on an ancestor. */
    theme?: LeadDrawer['theme'];
    /** Cancelable, before the drawer closes at the user's request (Escape, close button, backdrop click); `preventDefault()` keeps it open. */
    'onlead-request-close'?: (event: LeadRequestCloseEvent) => void;
    /** Cancelable, before the picker's choice is saved; `preventDefault()` reverts it. */
    'onlead-request-assign'?: (event: LeadRequestAssignEvent) => void;
    /** After the assignment settled; `detail.outcome` tells how it went. */
    'onlead-assign'?: (event: LeadAssignEvent) => void;
    /** After a field edit was saved (the store accepted it). */
    'onlead-update'?: (event: LeadUpdateEvent) => void;
    /** A user opened another lead from the drawer (a lead of a batch in the history); the drawer shows it. */
    'onlead-open'?: (event: LeadOpenEvent) => void;
  }

  /** Chooses who owns a lead: an editable combobox (APG "list autocomplete") of active members with their open-lead counts, plus "Unassigned". Typing filters the list; it never writes to the store itself. */
  interface AssignPickerProps {
    /** The store the members come from; provided by a surrounding `<lead-kanban>` or set directly. */
    store?: AssignPicker['store'];
    /** The chosen member id, or null for nobody. The attribute `value=""` means null. `undefined` (property only) means nothing is chosen yet: the field shows `placeholder`, no option is selected, and choosing "Unassigned" then fires `change` too (a dialog can wait for an explicit choice). */
    value?: AssignPicker['value'];
    /** Text shown in the empty field while nothing is chosen (`value` undefined), e.g. "Choose a person". */
    placeholder?: AssignPicker['placeholder'];
    /** Form field name (submitted as the member id, or an empty string for nobody). */
    name?: AssignPicker['name'];
    disabled?: AssignPicker['disabled'];
    /** Visible label. Unset: the label "Assignee" exists for assistive technology but is visually hidden. */
    label?: AssignPicker['label'];
    /** The colour scheme, for this element and everything inside it: `light` or `dark`. Absent, it follows the system (`prefers-color-scheme`), or `--lead-color-scheme` set on an ancestor. */
    theme?: AssignPicker['theme'];
    /** Fired just before `change`, as native form controls do (bubbles, composed). */
    'oninput'?: (event: Event) => void;
    /** The user chose a different assignee; read `.value` (bubbles, composed). */
    'onchange'?: (event: Event) => void;
  }
}

declare module 'react' {
  namespace JSX {
    interface IntrinsicElements {
      /** A Kanban board of leads: status columns of cards, filters and a sort, selection, bulk assignment, a workload strip, adding and importing leads and the assignment rules (where the backend offers them and the member may), and a drawer for one lead. Every write goes through one LeadStore, provided by context to the `<lead-drawer>` and `<assign-picker>` inside. */
      'lead-kanban': ElementProps<LeadKanban, LeadKanbanJsx.LeadKanbanProps>;
      /** A slide-in side panel showing one lead: assign it (saved at once), edit its fields, add notes and read its history. A modal dialog named by the lead's name. */
      'lead-drawer': ElementProps<LeadDrawer, LeadKanbanJsx.LeadDrawerProps>;
      /** Chooses who owns a lead: an editable combobox (APG "list autocomplete") of active members with their open-lead counts, plus "Unassigned". Typing filters the list; it never writes to the store itself. */
      'assign-picker': ElementProps<AssignPicker, LeadKanbanJsx.AssignPickerProps>;
    }
  }
}
