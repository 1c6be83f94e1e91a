import { html, nothing } from 'lit';
import { live } from 'lit/directives/live.js';
import type { Column, LeadStore } from '../../sdk/index.js';
import { messages } from '../l10n.js';
import { renderBulkBar, type BulkBarContext } from './bulk-bar.js';
import { keyboardIcon, searchIcon } from './icons.js';
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
  /** The "Keyboard shortcuts" button was clicked (the button is the event's currentTarget). */
  onHelp(e: MouseEvent): void;
}

/**
 * The board's toolbar (part `toolbar`): the filters, the bulk bar, and the "Keyboard shortcuts" button.
 */
export function renderToolbar(ctx: ToolbarContext) {
  const msg = messages();
  return html`<div class="toolbar" part="toolbar" role="group" aria-label=${msg.toolbarLabel}>
    ${renderFilters(ctx)} ${renderBulkBar(ctx)}
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
  const members = store?.assignableMembers ?? [];
  const value = assigneeValue(store);
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
      .columns=${ctx.columns}
      .value=${store?.filter.status ?? []}
      @change=${(e: Event) => ctx.onStatusFilter((e.target as LeadKanbanStatusFilter).value)}
    ></lead-kanban-status-filter>
  </div>`;
}
