/**
 * The content of `<lead-drawer>`: its template, styles, the assignee picker (autosaved), field editing, notes,
 * the activity list, and the handlers of all of them. A chunk of its own (see drawer-body-chunk.ts): the
 * board's first frame never shows it, so a host does not load it up front. `LeadDrawer` (the shell, in the
 * entry) owns the public surface, opening, closing and focus return; it creates one DrawerBody once this
 * module has arrived and renders through it.
 *
 * A DrawerBody is not an element: its state is plain fields, and each change asks the drawer to render again
 * (`changed()`), as `@state` fields would. Handlers bound in the template are arrow functions, because lit
 * calls listeners with the element, not this object, as `this`.
 */
import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { live } from 'lit/directives/live.js';
import { AdapterError, losesSight, type Activity, type Lead, type LeadPatch } from '../../sdk/index.js';
import type { AssignPicker } from '../assign-picker/assign-picker.js';
import '../assign-picker/assign-picker.js';
import { announce } from '../controllers/announcer.js';
import { LeadAssignEvent, LeadRequestAssignEvent } from '../events/lead-assign.js';
import { LeadRequestCloseEvent } from '../events/lead-request-close.js';
import { LeadUpdateEvent } from '../events/lead-update.js';
import { messages } from '../l10n.js';
import { avatar } from '../shared/avatar.js';
import { fire } from '../shared/fire.js';
import { formatDateTime, formatValue } from '../shared/format.js';
import { describeActivity } from './activity-text.js';
import { tabbables } from './tab-stops.js';
import { FIELDS, fieldLabel, fieldOfIssue, fieldText, patchFor, type EditableKey, type FieldKey } from './lead-fields.js';
import type { LeadDrawer } from './lead-drawer.js';

export { drawerStyles } from './lead-drawer.styles.js';

type SaveState = 'idle' | 'saving' | 'saved' | 'error';

export class DrawerBody {
  private assignState: SaveState = 'idle';
  private assignMessage = '';
  /** A member about to hand the lead to someone else: the inline confirm is showing for this assignee. */
  private pendingHandOff: string | null = null;
  /** Set after a successful hand-off that took the lead out of the viewer's sight. */
  private handedOffTo: string | null = null;
  private fieldsState: SaveState = 'idle';
  private fieldErrors = new Map<EditableKey, string>();
  /** Text the user typed that is not saved (or was refused): kept in the box so they can fix it. */
  private drafts = new Map<FieldKey, string>();
  private noteText = '';
  private noteState: SaveState = 'idle';
  private noteError = '';
  private activityState: 'idle' | 'loading' | 'error' = 'idle';
  private activityError = '';
  private loadedActivityFor = '';
  private escapeHandled = false;

  constructor(private readonly host: LeadDrawer) {}

  /** Renders the drawer again: what a change of a `@state` field would do. */
  private changed(): void {
    this.host.requestUpdate();
  }

  private get lead(): Lead | undefined {
    return this.host.leadId ? this.host.store?.lead(this.host.leadId) : undefined;
  }

  private get picker(): AssignPicker | null {
    return this.host.renderRoot.querySelector('assign-picker');
  }

  // ---- lifecycle (called from the drawer's willUpdate) ---------------------------------------------------------

  willUpdate(changed: PropertyValues): void {
    const { store, leadId } = this.host;
    if (changed.has('leadId')) this.resetForLead();
    // History is fetched once per lead shown (then kept current by the store); state set here renders now.
    if (this.host.open && store?.lead(leadId) && this.loadedActivityFor !== leadId) void this.loadActivity();
  }

  private resetForLead(): void {
    this.assignState = 'idle';
    this.assignMessage = '';
    this.pendingHandOff = null;
    this.handedOffTo = null;
    this.fieldsState = 'idle';
    this.fieldErrors = new Map();
    this.drafts = new Map();
    this.noteText = '';
    this.noteState = 'idle';
    this.noteError = '';
    this.activityState = 'idle';
    this.activityError = '';
    this.loadedActivityFor = '';
  }

  private async loadActivity(): Promise<void> {
    const { store, leadId } = this.host;
    if (!store || !store.lead(leadId)) return;
    this.loadedActivityFor = leadId;
    this.activityState = store.activityOf(leadId) ? 'idle' : 'loading';
    try {
      await store.loadActivity(leadId);
      if (this.host.leadId === leadId) this.activityState = 'idle';
    } catch (error) {
      if (this.host.leadId !== leadId) return;
      this.activityState = 'error';
      this.activityError = error instanceof Error ? error.message : String(error);
    }
    this.changed();
  }

  // ---- closing and the focus trap -----------------------------------------------------------------------------

  private requestClose(source: LeadRequestCloseEvent['source']): void {
    const event = new LeadRequestCloseEvent(source);
    fire(this.host, event);
    if (!event.defaultPrevented) this.host.hide();
  }

  private readonly onKeyDown = (e: KeyboardEvent): void => {
    if (e.key === 'Escape' && !e.defaultPrevented) {
      // The picker stops its own Escape while its list is open, so this only runs when the list is closed.
      e.preventDefault();
      this.escapeHandled = true;
      queueMicrotask(() => (this.escapeHandled = false));
      if (this.pendingHandOff) this.cancelHandOff();
      else this.requestClose('escape');
      return;
    }
    if (e.key === 'Tab') this.trapTab(e);
  };

  /** Native Escape handling of a modal dialog; ours runs on keydown, this only catches other close gestures. */
  private readonly onCancel = (e: Event): void => {
    e.preventDefault();
    if (!this.escapeHandled) this.requestClose('escape');
  };

  private trapTab(e: KeyboardEvent): void {
    const root = this.host.shadowRoot!;
    const stops = tabbables(root);
    const first = stops[0];
    const last = stops.at(-1);
    if (!first || !last) {
      e.preventDefault();
      return;
    }
    const active = root.activeElement;
    const inside = stops.some((el) => el === active);
    if (e.shiftKey && (active === first || !inside)) {
      e.preventDefault();
      last.focus();
    } else if (!e.shiftKey && (active === last || !inside)) {
      e.preventDefault();
      first.focus();
    }
  }

  // ---- assignment (autosaved) --------------------------------------------------------------------------------

  private readonly onAssigneeChange = (e: Event): void => {
    const picker = e.target as AssignPicker;
    const lead = this.lead;
    if (!lead) return;
    const assigneeId = picker.value ?? null; // undefined ("nothing chosen") is never bound here
    if (assigneeId === lead.assigneeId) return;
    const me = this.host.store?.me;
    if (me && losesSight(me, assigneeId)) {
      // A plain member handing the lead away will stop seeing it: ask first, inline, before anything is sent.
      this.pendingHandOff = assigneeId;
      this.changed();
      void this.host.updateComplete.then(() =>
        this.host.renderRoot.querySelector<HTMLButtonElement>('.confirm .primary')?.focus(),
      );
      return;
    }
    void this.assign(assigneeId);
  };

  private readonly cancelHandOff = (): void => {
    this.pendingHandOff = null;
    // Re-rendering sets the picker back to the lead's assignee (live binding).
    this.changed();
    void this.host.updateComplete.then(() => this.picker?.focus());
  };

  private readonly confirmHandOff = (): void => {
    const to = this.pendingHandOff;
    this.pendingHandOff = null;
    this.changed();
    if (to) void this.assign(to);
  };

  private async assign(assigneeId: string | null): Promise<void> {
    const store = this.host.store;
    const lead = this.lead;
    if (!store || !lead) return;
    const leadIds = [lead.id];
    const detail = { leadIds, assigneeId, source: 'manual' as const };
    const request = new LeadRequestAssignEvent(detail);
    fire(this.host, request);
    if (request.defaultPrevented) {
      this.changed();
      return;
    }
    const msg = messages();
    const assigneeName = assigneeId ? store.member(assigneeId)?.name ?? assigneeId : msg.unassigned;
    const handingOff = store.me ? losesSight(store.me, assigneeId) : false;
    this.assignState = 'saving';
    this.assignMessage = msg.saving;
    this.changed();
    const outcome = await store.assign(leadIds, assigneeId, { source: 'manual' });
    if (this.host.leadId !== lead.id) return;
    if (outcome.ok.includes(lead.id)) {
      this.assignState = 'saved';
      this.assignMessage = msg.saved;
      if (handingOff && !store.lead(lead.id)) this.handedOffTo = assigneeName;
      announce(assigneeId ? msg.announceAssigned(lead.name, assigneeName) : msg.announceUnassigned(lead.name));
    } else {
      this.assignState = 'error';
      this.assignMessage = outcome.error
        ? msg.assignFailed(outcome.error.message)
        : outcome.conflict.length
          ? msg.assignConflict
          : outcome.forbidden.length
            ? msg.assignForbidden
            : msg.assignNotFound;
      announce(this.assignMessage);
    }
    this.changed();
    fire(this.host, new LeadAssignEvent({ ...detail, outcome }));
  }

  // ---- fields (saved on change: leaving a box or pressing Enter) ---------------------------------------------

  private onFieldInput(key: FieldKey, e: Event): void {
    const drafts = new Map(this.drafts);
    drafts.set(key, (e.target as HTMLInputElement).value);
    this.drafts = drafts;
    this.changed();
  }

  private async onFieldChange(key: FieldKey, e: Event): Promise<void> {
    const lead = this.lead;
    if (!lead) return;
    const raw = (e.target as HTMLInputElement).value;
    if (raw.trim() === fieldText(lead, key) && !this.fieldErrors.has(key)) {
      this.dropDraft(key);
      return;
    }
    await this.save(key, patchFor(key, raw));
  }

  private readonly onStatusChange = async (e: Event): Promise<void> => {
    const lead = this.lead;
    const store = this.host.store;
    const status = (e.target as HTMLSelectElement).value;
    if (!lead || !store || status === lead.status) return;
    // A status change is a move to another column: `move` gives it a position at the column's end.
    await this.runSave('status', () => store.move(lead.id, status, { source: 'manual' }), { status });
  };

  private async save(key: FieldKey, patch: LeadPatch): Promise<void> {
    const lead = this.lead;
    const store = this.host.store;
    if (!lead || !store) return;
    const saved = await this.runSave(key, () => store.update(lead.id, patch), patch);
    if (saved) this.dropDraft(key);
  }

  /** Runs one write, keeps the saving/saved/error state and puts refused fields' messages at the field. */
  private async runSave(key: EditableKey, write: () => Promise<unknown>, patch: LeadPatch): Promise<boolean> {
    const leadId = this.host.leadId;
    const errors = new Map(this.fieldErrors);
    errors.delete(key);
    this.fieldErrors = errors;
    this.fieldsState = 'saving';
    this.changed();
    try {
      await write();
      if (this.host.leadId !== leadId) return false;
      this.fieldsState = 'saved';
      this.changed();
      fire(this.host, new LeadUpdateEvent(leadId, patch));
      return true;
    } catch (error) {
      if (this.host.leadId !== leadId) return false;
      this.fieldsState = 'error';
      const next = new Map(this.fieldErrors);
      const issues = AdapterError.is(error) ? error.issues ?? [] : [];
      let placed = false;
      for (const issue of issues) {
        const field = fieldOfIssue(issue.path);
        if (field && !next.has(field)) {
          next.set(field, issue.message);
          placed = true;
        }
      }
      if (!placed) next.set(key, messages().saveFailed(error instanceof Error ? error.message : String(error)));
      this.fieldErrors = next;
      this.changed();
      return false;
    }
  }

  private dropDraft(key: FieldKey): void {
    if (!this.drafts.has(key)) return;
    const drafts = new Map(this.drafts);
    drafts.delete(key);
    this.drafts = drafts;
    this.changed();
  }

  // ---- notes ---------------------------------------------------------------------------------------------------

  private readonly addNote = async (e: Event): Promise<void> => {
    e.preventDefault();
    const store = this.host.store;
    const lead = this.lead;
    const text = this.noteText.trim();
    if (!store || !lead || !text) return;
    this.noteState = 'saving';
    this.noteError = '';
    this.changed();
    try {
      await store.addNote(lead.id, text);
      if (this.host.leadId !== lead.id) return;
      this.noteText = '';
      this.noteState = 'saved';
    } catch (error) {
      if (this.host.leadId !== lead.id) return;
      this.noteState = 'error';
      const issue = AdapterError.is(error) ? error.issues?.[0] : undefined;
      this.noteError = issue ? issue.message : messages().noteFailed(error instanceof Error ? error.message : String(error));
    }
    this.changed();
  };

  // ---- rendering -----------------------------------------------------------------------------------------------

  render(): TemplateResult {
    return html`<dialog
      part="base"
      role="dialog"
      aria-modal="true"
      aria-labelledby="title"
      @keydown=${this.onKeyDown}
      @cancel=${this.onCancel}
    >
      <div part="backdrop" class="backdrop" @click=${() => this.requestClose('backdrop')}></div>
      <div part="panel" class="panel">${this.host.open ? this.renderContent() : nothing}</div>
    </dialog>`;
  }

  private renderContent(): TemplateResult {
    const msg = messages();
    const store = this.host.store;
    const lead = this.lead;
    if (!lead) {
      const loading = !store || store.status === 'idle' || store.status === 'loading';
      const title = this.handedOffTo ? msg.handedOff(this.handedOffTo) : loading ? msg.loadingLead : msg.leadNotFound;
      return html`<header part="header" class="header">
        <div class="title-row">
          <div class="titles"><h2 id="title" tabindex="-1">${title}</h2></div>
          ${this.renderCloseButton()}
        </div>
      </header>`;
    }
    return html`${this.renderHeader(lead)}
      <div part="body" class="body">${this.renderFields(lead)} ${this.renderActivity(lead)}</div>`;
  }

  private renderCloseButton(): TemplateResult {
    return html`<button
      part="close-button"
      class="close"
      type="button"
      aria-label=${messages().close}
      title=${messages().close}
      @click=${() => this.requestClose('close-button')}
    >
      <svg viewBox="0 0 16 16" aria-hidden="true">
        <path d="M4 4l8 8M12 4l-8 8" fill="none" stroke="currentColor" stroke-width="1.7" stroke-linecap="round" />
      </svg>
    </button>`;
  }

  private renderHeader(lead: Lead): TemplateResult {
    const msg = messages();
    const store = this.host.store;
    const status = store?.columns.find((c) => c.key === lead.status)?.label ?? lead.status;
    const pendingName = this.pendingHandOff ? store?.member(this.pendingHandOff)?.name ?? this.pendingHandOff : '';
    return html`<header part="header" class="header">
      <div class="title-row">
        <div class="titles">
          <h2 id="title" tabindex="-1">${lead.name}</h2>
          <p class="subtitle">
            ${lead.company ? html`<span>${lead.company}</span>` : nothing}
            <span class="chip">${status}</span>
            ${lead.value !== undefined ? html`<span class="chip value">${formatValue(lead.value)}</span>` : nothing}
          </p>
        </div>
        ${this.renderCloseButton()}
      </div>
      <div class="assign-row">
        <assign-picker
          part="picker"
          label=${msg.assignee}
          .store=${store}
          .value=${live(this.pendingHandOff ?? lead.assigneeId)}
          @change=${this.onAssigneeChange}
        ></assign-picker>
        <span class="assign-status ${this.assignState}">${this.assignState === 'idle' ? '' : this.assignMessage}</span>
      </div>
      ${this.pendingHandOff
        ? html`<div class="confirm" role="group" aria-labelledby="handoff-text">
            <p id="handoff-text">${msg.handOffWarning(1)}</p>
            <div class="actions">
              <button class="button primary" type="button" @click=${this.confirmHandOff}>
                ${msg.handOffConfirm(pendingName)}
              </button>
              <button class="button" type="button" @click=${this.cancelHandOff}>${msg.cancel}</button>
            </div>
          </div>`
        : nothing}
    </header>`;
  }

  private renderFields(lead: Lead): TemplateResult {
    const msg = messages();
    const columns = this.host.store?.columns ?? [];
    const stateText =
      this.fieldsState === 'saving' ? msg.saving : this.fieldsState === 'saved' ? msg.savedAt : '';
    const statusError = this.fieldErrors.get('status');
    return html`<section>
      <div class="section-head">
        <h3 id="details-heading">${msg.details}</h3>
        <span class="save-state">${stateText}</span>
      </div>
      <div class="fields">
        ${FIELDS.map((f) => {
          const error = this.fieldErrors.get(f.key);
          const id = `field-${f.key}`;
          return html`<div part="field" class="field ${f.wide ? 'wide' : ''}">
            <label for=${id}>${f.label(msg)}</label>
            <input
              id=${id}
              name=${f.key}
              type=${f.type}
              inputmode=${f.inputMode ?? nothing}
              autocomplete=${f.autocomplete}
              .value=${live(this.drafts.get(f.key) ?? fieldText(lead, f.key))}
              aria-invalid=${error ? 'true' : nothing}
              aria-describedby=${error ? `${id}-error` : nothing}
              @input=${(e: Event) => this.onFieldInput(f.key, e)}
              @change=${(e: Event) => this.onFieldChange(f.key, e)}
            />
            ${error ? html`<p class="error" id="${id}-error">${error}</p>` : nothing}
          </div>`;
        })}
        <div part="field" class="field">
          <label for="field-status">${msg.fieldStatus}</label>
          <select
            id="field-status"
            name="status"
            .value=${live(lead.status)}
            aria-invalid=${statusError ? 'true' : nothing}
            aria-describedby=${statusError ? 'field-status-error' : nothing}
            @change=${this.onStatusChange}
          >
            ${columns.map((c) => html`<option value=${c.key} ?selected=${c.key === lead.status}>${c.label}</option>`)}
          </select>
          ${statusError ? html`<p class="error" id="field-status-error">${statusError}</p>` : nothing}
        </div>
      </div>
    </section>`;
  }

  /** The note composer sits at the top of the Activity feed, where the note will appear. */
  private renderNoteForm(): TemplateResult {
    const msg = messages();
    return html`<form part="notes" class="note-form" @submit=${this.addNote}>
      <label for="note" class="visually-hidden">${msg.noteLabel}</label>
      <textarea
        id="note"
        rows="2"
        placeholder=${msg.notePlaceholder}
        .value=${live(this.noteText)}
        aria-invalid=${this.noteError ? 'true' : nothing}
        aria-describedby=${this.noteError ? 'note-error' : nothing}
        @input=${(e: Event) => {
          this.noteText = (e.target as HTMLTextAreaElement).value;
          this.changed();
        }}
        @keydown=${(e: KeyboardEvent) => {
          // Ctrl/Cmd+Enter adds the note, as in most chat and CRM tools.
          if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) void this.addNote(e);
        }}
      ></textarea>
      <div class="actions">
        ${this.noteError ? html`<p class="error" id="note-error">${this.noteError}</p>` : html`<span></span>`}
        <button class="button primary" type="submit" ?disabled=${!this.noteText.trim() || this.noteState === 'saving'}>
          ${msg.addNote}
        </button>
      </div>
    </form>`;
  }

  private renderActivity(lead: Lead): TemplateResult {
    const msg = messages();
    const entries = this.host.store?.activityOf(lead.id) ?? [];
    // Newest first: the latest change is what people open the drawer to see.
    const newestFirst = [...entries].reverse();
    return html`<section part="activity">
      <div class="section-head"><h3 id="activity-heading">${msg.activity}</h3></div>
      ${this.renderNoteForm()}
      ${this.activityState === 'error'
        ? html`<p class="error">${msg.activityLoadFailed(this.activityError)}</p>`
        : nothing}
      ${this.activityState === 'loading' && entries.length === 0
        ? html`<p class="muted">${msg.activityLoading}</p>`
        : nothing}
      <ol aria-labelledby="activity-heading">
        ${newestFirst.map((entry) => this.renderEntry(entry))}
      </ol>
      ${this.activityState === 'idle' && entries.length === 0 ? html`<p class="muted">${msg.noActivity}</p>` : nothing}
    </section>`;
  }

  private renderEntry(entry: Activity): TemplateResult {
    const msg = messages();
    const store = this.host.store;
    const text = describeActivity(entry, {
      msg,
      memberName: (id) => store?.member(id)?.name,
      columnLabel: (key) => store?.columns.find((c) => c.key === key)?.label,
      fieldLabel: (key) => fieldLabel(key, msg),
    });
    const via = entry.source && entry.source !== 'manual' && entry.source !== 'api' ? msg.viaSource(entry.source) : '';
    return html`<li class="entry">
      ${avatar(store?.member(entry.actorId))}
      <div>
        <p class="entry-text">${text}</p>
        ${entry.type === 'note' && entry.text ? html`<p class="note-text">${entry.text}</p>` : nothing}
        <p class="entry-meta"><time datetime=${entry.at}>${formatDateTime(entry.at)}</time>${via ? ` · ${via}` : ''}</p>
      </div>
    </li>`;
  }
}
