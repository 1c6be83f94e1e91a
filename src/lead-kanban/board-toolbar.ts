import { html, nothing } from 'lit';
import { live } from 'lit/directives/live.js';
import type { Column, LeadSort, LeadStore } from '../../sdk/index.js';
import { LEAD_SORTS } from '../../sdk/index.js';
import { messages, type Messages } from '../l10n.js';
import { renderBulkBar, type BulkBarContext } from './bulk-bar.js';
import { importIcon, keyboardIcon, plusIcon, rulesIcon, searchIcon } from './icons.js';
import './status-filter.js';
import type { LeadKanbanStatusFilter } from './status-filter.js';

export interface ToolbarContext extends BulkBarContext {
  store: LeadStore | undefined;
  columns: readonly Column[];
  /** What the search box shows (the store's filter follows after a short debounce). */
  searchText: string;
  onSearchInput(text: string): void;
  onAssigneeFilter(value: string): void;
  onStatusFilter(value: readonly string[]): void;
  onSort(value: LeadSort): void;
  /** "Add lead", "Import leads", "Assignment rules" were clicked (each button is the event's currentTarget). */
  onAddLead(e: MouseEvent): void;
  onImport(e: MouseEvent): void;
  onRules(e: MouseEvent): void;
  /** The "Keyboard shortcuts" button was clicked (the button is the event's currentTarget). */
  onHelp(e: MouseEvent): void;
  /**
   * False on the board's first frame (first-frame.ts): the assignee filter offers only the options that do
   * not list members (and the chosen member, if any); the member options follow in the next frame.
   */
  memberOptions: boolean;
  /** A narrow or a phone's board: the filters share one row, each label above its value. */
  compact: boolean;
}

/** What each sort is called in the `Sort` control (and in the explanation of moves under a sort). */
export function sortLabel(sort: LeadSort, msg: Messages = messages()): string {
  return { manual: msg.sortManual, newest: msg.sortNewest, oldest: msg.sortOldest, value: msg.sortValue }[sort];
}

/**
 * The board's toolbar (part `toolbar`): the filters and `Sort`, the buttons for leads arriving (each shown
 * only when the store says this member can: `store.intake`), the bulk bar, and the "Keyboard shortcuts" button.
 */
export function renderToolbar(ctx: ToolbarContext) {
  const msg = messages();
  return html`<div class="toolbar" part="toolbar" role="group" aria-label=${msg.toolbarLabel}>
    ${renderFilters(ctx)} ${renderIntake(ctx)} ${renderBulkBar(ctx)}
    <button
      type="button"
      class="btn btn-quiet help-button"
      aria-label=${msg.keyboardShortcuts}
      title=${msg.keyboardShortcuts}
      aria-haspopup="dialog"
      @click=${ctx.onHelp}
    >
      ${keyboardIcon}
    </button>
  </div>`;
}

/** The assignee filter's select value: the store resolves 'me' to the member id, the select shows "Assigned to me". */
function assigneeValue(store: LeadStore | undefined): string {
  const value = store?.filter.assignee ?? 'any';
  return store?.me && value === store.me.id ? 'me' : value;
}

/**
 * The filter half of the toolbar: search box `Search leads`, select `Filter by assignee` (Anyone, Unassigned,
 * Assigned to me, each member) and the `Filter by status` combobox.
 */
function renderFilters(ctx: ToolbarContext) {
  const msg = messages();
  const store = ctx.store;
  const value = assigneeValue(store);
  const chosen = ctx.memberOptions ? undefined : store?.member(value);
  const members = ctx.memberOptions ? (store?.assignableMembers ?? []) : chosen ? [chosen] : [];
  const meId = store?.me?.id;
  return html`<div class="filters">
    <label class="search">
      ${searchIcon}
      <input
        type="search"
        class="search-input"
        aria-label=${msg.searchLeads}
        placeholder=${msg.searchPlaceholder}
        autocomplete="off"
        spellcheck="false"
        .value=${live(ctx.searchText)}
        @input=${(e: Event) => ctx.onSearchInput((e.target as HTMLInputElement).value)}
      />
    </label>
    <label class="field-frame select-wrap${value !== 'any' ? ' is-active' : ''}">
      <span class="field-prefix" aria-hidden="true">${msg.assignee}</span>
      <select
        class="assignee-filter"
        aria-label=${msg.filterByAssignee}
        @change=${(e: Event) => ctx.onAssigneeFilter((e.target as HTMLSelectElement).value)}
      >
        <option value="any" ?selected=${value === 'any'}>${msg.anyone}</option>
        <option value="unassigned" ?selected=${value === 'unassigned'}>${msg.unassigned}</option>
        ${meId ? html`<option value="me" ?selected=${value === 'me'}>${msg.assignedToMe}</option>` : nothing}
        <hr />
        ${members.map(
          (m) => html`<option value=${m.id} ?selected=${value === m.id}>${msg.assignedTo(m.name)}</option>`,
        )}
      </select>
    </label>
    <lead-kanban-status-filter
      ?compact=${ctx.compact}
      .columns=${ctx.columns}
      .value=${store?.filter.status ?? []}
      @change=${(e: Event) => ctx.onStatusFilter((e.target as LeadKanbanStatusFilter).value)}
    ></lead-kanban-status-filter>
    ${renderSort(ctx)}
  </div>`;
}

/** The `Sort` select: Manual (position), Newest, Oldest waiting, Value. */
function renderSort(ctx: ToolbarContext) {
  const msg = messages();
  const sort = ctx.store?.sort ?? 'manual';
  return html`<label class="field-frame select-wrap${sort !== 'manual' ? ' is-active' : ''}">
    <span class="field-prefix" aria-hidden="true">${msg.sort}</span>
    <select class="sort-select" aria-label=${msg.sort} @change=${(e: Event) => ctx.onSort((e.target as HTMLSelectElement).value as LeadSort)}>
      ${LEAD_SORTS.map((key) => html`<option value=${key} ?selected=${key === sort}>${sortLabel(key, msg)}</option>`)}
    </select>
  </label>`;
}

/**
 * `Add lead` (anyone who may create), `Import leads` and `Assignment rules` (admins and managers; icon
 * buttons named by aria-label, like "Keyboard shortcuts", so the toolbar keeps to one row).
 */
function renderIntake(ctx: ToolbarContext) {
  const can = ctx.store?.status === 'ready' ? ctx.store.intake : null;
  if (!can || !(can.createLead || can.importLeads || can.changeAssignmentRules)) return nothing;
  const msg = messages();
  return html`<div class="intake-actions">
    ${can.createLead
      ? html`<button type="button" class="btn add-lead" aria-haspopup="dialog" @click=${ctx.onAddLead}>
          ${plusIcon}<span>${msg.addLead}</span>
        </button>`
      : nothing}
    ${can.importLeads
      ? html`<button type="button" class="btn btn-quiet icon-button" aria-label=${msg.importLeads} title=${msg.importLeads} aria-haspopup="dialog" @click=${ctx.onImport}>
          ${importIcon}
        </button>`
      : nothing}
    ${can.changeAssignmentRules
      ? html`<button type="button" class="btn btn-quiet icon-button" aria-label=${msg.assignmentRules} title=${msg.assignmentRules} aria-haspopup="dialog" @click=${ctx.onRules}>
          ${rulesIcon}
        </button>`
      : nothing}
  </div>`;
}
