import '../l10n/parts-late.js'; // the words of the parts loaded on demand (joins the table first)
import { html, nothing, type TemplateResult } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { live } from 'lit/directives/live.js';
import { AdapterError, type Lead, type LeadPatch } from '../../sdk/index.js';
import { announce } from '../controllers/announcer.js';
import { LeadUpdateEvent } from '../events/lead-update.js';
import { issueText } from '../issue-text.js';
import { messages } from '../l10n.js';
import { fire } from '../shared/fire.js';
import { formatValue } from '../shared/format.js';
import { draftsOf, type DraftBook, type FieldDraft } from './drafts.js';
import type { DrawerHost, SaveState } from './drawer-host.js';
import { collides, conflictText, lastChangeOf, renderFieldConflict, type FieldConflictView } from './field-conflict.js';
import { FIELDS, fieldLabel, fieldOfIssue, fieldText, holdsText, patchFor, type FieldKey, type FieldSpec } from './lead-fields.js';

/**
 * The drawer's Details: each field saved on change (leaving the box or pressing Enter) as ONE store command,
 * `lead-update` after the store accepted it.
 *
 * What the user typed is a draft of that lead (drafts.ts) until it is saved or discarded: closing the drawer
 * keeps it, reopening shows it ("Not saved yet", Save, Discard), a refused value stays with its message. Each
 * save carries the lead as it was when editing began; a field someone else changed meanwhile is shown as a
 * conflict (field-conflict.ts) for the user to settle with Keep mine or Keep theirs.
 */
export class DrawerFields {
  private state: SaveState = 'idle';
  /** A refused status change (the select has no draft: it is saved as chosen). */
  private statusError = '';
  /** The field typed into since this lead was shown: its draft is being written, not waiting to be saved. */
  private typing: FieldKey | null = null;
  /** The save running per lead and field ("leadId:key"), so saves of one field follow each other. */
  private readonly inFlight = new Map<string, Promise<void>>();

  constructor(private readonly host: DrawerHost) {}

  /** Another lead is shown, or the drawer opened again: drafts stay (they are the lead's), the rest starts over. */
  reset(): void {
    this.state = 'idle';
    this.statusError = '';
    this.typing = null;
  }

  private get book(): DraftBook | undefined {
    return this.host.store ? draftsOf(this.host.store) : undefined;
  }

  private onInput(key: FieldKey, e: Event): void {
    const lead = this.host.lead;
    if (!lead) return;
    this.typing = key;
    this.book?.setField(lead.id, key, (e.target as HTMLInputElement).value, lead);
    this.host.requestUpdate();
  }

  private readonly onChange = (key: FieldKey) => {
    this.typing = null;
    void this.save(key);
  };

  /**
   * Saves a field's draft, after the save of it already running (a second Enter while the first is in flight):
   * each is compared with the lead as the one before left it.
   */
  private save(key: FieldKey): Promise<void> {
    const slot = `${this.host.leadId}:${key}`;
    const next = (this.inFlight.get(slot) ?? Promise.resolve()).then(() => this.saveNow(key));
    this.inFlight.set(slot, next);
    void next.finally(() => {
      if (this.inFlight.get(slot) === next) this.inFlight.delete(slot);
      this.host.requestUpdate();
    });
    return next;
  }

  /** Whether a save of this lead's field is running: its draft is compared once that save has settled. */
  private saving(leadId: string, key: FieldKey): boolean {
    return this.inFlight.has(`${leadId}:${key}`);
  }

  /** Saves a field's draft now (nothing to do when the box asks for what the lead holds: the draft goes). */
  private async saveNow(key: FieldKey): Promise<void> {
    const { store, lead } = this.host;
    const book = this.book;
    const draft = lead && book?.field(lead.id, key);
    if (!store || !lead || !book || !draft) return;
    if (holdsText(lead, key, draft.text)) {
      book.dropField(lead.id, key);
      this.host.requestUpdate();
      return;
    }
    if (collides(lead, key, draft)) {
      this.tellConflict(lead, key, draft);
      return;
    }
    const patch = patchFor(key, draft.text);
    const leadId = lead.id;
    book.setError(leadId, key, undefined);
    const saved = await this.run(() => store.update(leadId, patch, { base: draft.base }), patch, (error) => {
      const now = this.host.lead;
      if (AdapterError.is(error, 'conflict') && now && collides(now, key, draft)) return this.tellConflict(now, key, draft);
      const msg = messages();
      const issues = AdapterError.is(error) ? (error.issues ?? []) : [];
      const issue = issues.find((i) => fieldOfIssue(i.path) === key) ?? issues[0];
      book.setError(leadId, key, issue ? issueText(issue, fieldLabel(key, msg) ?? key) : msg.saveFailed(errorMessage(error)));
    });
    // Saved: the draft goes, unless the user typed on meanwhile: that text is a draft on the lead as saved.
    const left = book.field(leadId, key);
    if (saved && left?.text === draft.text) book.dropField(leadId, key);
    else if (saved && left) book.rebase(leadId, key, store.lead(leadId) ?? draft.base);
    this.host.requestUpdate();
  }

  private readonly onStatusChange = async (e: Event): Promise<void> => {
    const { store, lead } = this.host;
    const status = (e.target as HTMLSelectElement).value;
    if (!lead || !store || status === lead.status) return;
    this.statusError = '';
    // A status change is a move to another column: `move` gives it a position at the column's end.
    await this.run(() => store.move(lead.id, status, { source: 'manual' }), { status }, (error) => {
      this.statusError = messages().saveFailed(errorMessage(error));
    });
  };

  /** Runs one write and keeps the saving/saved/error state; `refused` words a failure. True when it saved. */
  private async run(write: () => Promise<unknown>, patch: LeadPatch, refused: (error: unknown) => void): Promise<boolean> {
    const leadId = this.host.leadId;
    this.state = 'saving';
    this.host.requestUpdate();
    try {
      await write();
      if (this.host.leadId === leadId) this.state = 'saved';
      fire(this.host, new LeadUpdateEvent(leadId, patch));
      return true;
    } catch (error) {
      if (this.host.leadId === leadId) this.state = 'error';
      refused(error);
      return false;
    } finally {
      this.host.requestUpdate();
    }
  }

  // ---- conflicts -------------------------------------------------------------------------------------------

  private conflictView(lead: Lead, spec: FieldSpec, draft: FieldDraft): FieldConflictView {
    const msg = messages();
    const store = this.host.store;
    const change = lastChangeOf(store?.activityOf(lead.id), spec.key);
    const shown = (text: string) => (spec.key === 'value' && text.trim() !== '' && Number.isFinite(Number(text)) ? formatValue(Number(text)) : text);
    return {
      id: `field-${spec.key}-conflict`,
      field: spec.label(msg),
      who: (change && store?.member(change.actorId)?.name) || msg.someone,
      theirs: shown(fieldText(lead, spec.key)),
      mine: draft.text.trim(),
      keepMine: () => {
        // The user has seen theirs now: it becomes the draft's base, and the draft is sent.
        const now = this.host.lead;
        if (!now) return;
        this.book?.rebase(now.id, spec.key, now);
        void this.save(spec.key).then(() => this.focusField(spec.key));
      },
      keepTheirs: () => {
        this.book?.dropField(lead.id, spec.key);
        this.host.requestUpdate();
        this.focusField(spec.key);
      },
    };
  }

  private tellConflict(lead: Lead, key: FieldKey, draft: FieldDraft): void {
    const spec = FIELDS.find((f) => f.key === key)!;
    this.state = 'idle';
    this.host.requestUpdate();
    announce(conflictText(this.conflictView(lead, spec, draft)));
  }

  private focusField(key: FieldKey): void {
    void this.host.updateComplete.then(() => this.host.renderRoot.querySelector<HTMLElement>(`#field-${key}`)?.focus());
  }

  // ---- rendering -------------------------------------------------------------------------------------------

  render(lead: Lead): TemplateResult {
    const msg = messages();
    const columns = this.host.store?.columns ?? [];
    const drafts = FIELDS.some((f) => this.book?.field(lead.id, f.key));
    const stateText = this.state === 'saving' ? msg.saving : drafts ? msg.unsavedChanges : this.state === 'saved' ? msg.savedAt : '';
    const statusError = this.statusError;
    return html`<section>
      <div class="section-head">
        <h3 id="details-heading">${msg.details}</h3>
        <span class="save-state">${stateText}</span>
      </div>
      <div class="fields">
        ${FIELDS.map((f) => this.renderField(lead, f))}
        <div part="field" class="field">
          <label for="field-status">${msg.fieldStatus}</label>
          <select
            id="field-status"
            name="status"
            .value=${live(lead.status)}
            aria-invalid=${ifDefined(statusError ? 'true' : undefined)}
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

  private renderField(lead: Lead, f: FieldSpec): TemplateResult {
    const msg = messages();
    const id = `field-${f.key}`;
    const label = f.label(msg);
    const draft = this.book?.field(lead.id, f.key);
    const conflict = draft && !this.saving(lead.id, f.key) && collides(lead, f.key, draft) ? this.conflictView(lead, f, draft) : null;
    const error = conflict ? undefined : draft?.error;
    const waiting = draft && !conflict && !error && this.typing !== f.key && !this.saving(lead.id, f.key);
    const note = conflict ? conflict.id : error ? `${id}-error` : waiting ? `${id}-draft` : '';
    const discard = html`<button class="link-button" type="button" aria-label=${msg.discardField(label)} @click=${() => this.discard(f.key)}>
      ${msg.discard}
    </button>`;
    return html`<div part="field" class="field ${f.wide ? 'wide' : ''}">
      <label for=${id}>${label}</label>
      <input
        id=${id}
        name=${f.key}
        type=${f.type}
        inputmode=${f.inputMode ?? nothing}
        autocomplete="off"
        .value=${live(draft?.text ?? fieldText(lead, f.key))}
        aria-invalid=${ifDefined(error ? 'true' : undefined)}
        aria-describedby=${note || nothing}
        @input=${(e: Event) => this.onInput(f.key, e)}
        @change=${() => this.onChange(f.key)}
      />
      ${conflict ? renderFieldConflict(conflict) : nothing}
      ${error ? html`<div class="field-note"><p class="error" id="${id}-error">${error}</p>${discard}</div>` : nothing}
      ${waiting
        ? html`<div class="field-note draft-note">
            <p id="${id}-draft">${msg.notSaved}</p>
            <button class="link-button" type="button" aria-label=${msg.saveField(label)} @click=${() => void this.save(f.key)}>${msg.save}</button>
            ${discard}
          </div>`
        : nothing}
    </div>`;
  }

  private discard(key: FieldKey): void {
    const lead = this.host.lead;
    if (!lead) return;
    this.book?.dropField(lead.id, key);
    if (this.typing === key) this.typing = null;
    this.host.requestUpdate();
    this.focusField(key);
  }
}

const errorMessage = (error: unknown) => (error instanceof Error ? error.message : String(error));
