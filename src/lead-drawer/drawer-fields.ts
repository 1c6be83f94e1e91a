import { html, nothing, type TemplateResult } from 'lit';
import { live } from 'lit/directives/live.js';
import { AdapterError, type Lead, type LeadPatch } from '../../sdk/index.js';
import { LeadUpdateEvent } from '../events/lead-update.js';
import { messages } from '../l10n.js';
import { fire } from '../shared/fire.js';
import type { DrawerHost, SaveState } from './drawer-host.js';
import { issueText } from '../issue-text.js';
import { FIELDS, fieldLabel, fieldOfIssue, fieldText, patchFor, type EditableKey, type FieldKey } from './lead-fields.js';

/**
 * The drawer's Details: each field saved on change (leaving the box or pressing Enter) as ONE store command,
 * `lead-update` after the store accepted it; a refused value stays in its box with the message at the field.
 */
export class DrawerFields {
  private state: SaveState = 'idle';
  private errors = new Map<EditableKey, string>();
  /** Text the user typed that is not saved (or was refused): kept in the box so they can fix it. */
  private drafts = new Map<FieldKey, string>();

  constructor(private readonly host: DrawerHost) {}

  /** Another lead is shown: no draft or error of the last one stays. */
  reset(): void {
    this.state = 'idle';
    this.errors = new Map();
    this.drafts = new Map();
  }

  private onInput(key: FieldKey, e: Event): void {
    const drafts = new Map(this.drafts);
    drafts.set(key, (e.target as HTMLInputElement).value);
    this.drafts = drafts;
    this.host.requestUpdate();
  }

  private async onChange(key: FieldKey, e: Event): Promise<void> {
    const { store, lead } = this.host;
    if (!store || !lead) return;
    const raw = (e.target as HTMLInputElement).value;
    if (raw.trim() === fieldText(lead, key) && !this.errors.has(key)) {
      this.dropDraft(key);
      return;
    }
    const patch = patchFor(key, raw);
    if (await this.save(key, () => store.update(lead.id, patch), patch)) this.dropDraft(key);
  }

  private readonly onStatusChange = async (e: Event): Promise<void> => {
    const { store, lead } = this.host;
    const status = (e.target as HTMLSelectElement).value;
    if (!lead || !store || status === lead.status) return;
    // A status change is a move to another column: `move` gives it a position at the column's end.
    await this.save('status', () => store.move(lead.id, status, { source: 'manual' }), { status });
  };

  /** Runs one write, keeps the saving/saved/error state and puts refused fields' messages at the field. */
  private async save(key: EditableKey, write: () => Promise<unknown>, patch: LeadPatch): Promise<boolean> {
    const leadId = this.host.leadId;
    const errors = new Map(this.errors);
    errors.delete(key);
    this.errors = errors;
    this.state = 'saving';
    this.host.requestUpdate();
    try {
      await write();
      if (this.host.leadId !== leadId) return false;
      this.state = 'saved';
      this.host.requestUpdate();
      fire(this.host, new LeadUpdateEvent(leadId, patch));
      return true;
    } catch (error) {
      if (this.host.leadId !== leadId) return false;
      this.state = 'error';
      const next = new Map(this.errors);
      const issues = AdapterError.is(error) ? (error.issues ?? []) : [];
      let placed = false;
      for (const issue of issues) {
        const field = fieldOfIssue(issue.path);
        if (field && !next.has(field)) {
          next.set(field, issueText(issue, fieldLabel(field, messages()) ?? field));
          placed = true;
        }
      }
      if (!placed) next.set(key, messages().saveFailed(error instanceof Error ? error.message : String(error)));
      this.errors = next;
      this.host.requestUpdate();
      return false;
    }
  }

  private dropDraft(key: FieldKey): void {
    if (!this.drafts.has(key)) return;
    const drafts = new Map(this.drafts);
    drafts.delete(key);
    this.drafts = drafts;
    this.host.requestUpdate();
  }

  render(lead: Lead): TemplateResult {
    const msg = messages();
    const columns = this.host.store?.columns ?? [];
    const stateText = this.state === 'saving' ? msg.saving : this.state === 'saved' ? msg.savedAt : '';
    const statusError = this.errors.get('status');
    return html`<section>
      <div class="section-head">
        <h3 id="details-heading">${msg.details}</h3>
        <span class="save-state">${stateText}</span>
      </div>
      <div class="fields">
        ${FIELDS.map((f) => {
          const error = this.errors.get(f.key);
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
              @input=${(e: Event) => this.onInput(f.key, e)}
              @change=${(e: Event) => this.onChange(f.key, e)}
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
}
