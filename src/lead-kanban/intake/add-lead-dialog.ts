import '../../l10n/parts-late.js'; // the words of the parts loaded on demand (joins the table first)
import { html, nothing } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { state } from 'lit/decorators.js';
import type { AssignmentRules, Lead, NewLead } from '../../../sdk/index.js';
import { AdapterError, losesSight, NewLeadSchema, parseLeadValue, safeParseWithMessages, toFieldIssues } from '../../../sdk/index.js';
import type { FieldIssue } from '../../../sdk/index.js';
import '../../assign-picker/assign-picker.js';
// Its body too (picker-body.ts), so the pickers render whole with this chunk's first frame.
import '../../assign-picker/picker-body.js';
import { messages } from '../../l10n.js';
import { FIELDS, type FieldKey } from '../../lead-drawer/lead-fields.js';
import { controlStyles } from '../../shared/controls.styles.js';
import { define } from '../../shared/define.js';
import { dialogStyles } from '../../shared/dialog.styles.js';
import { formStyles } from '../../shared/form.styles.js';
import { tokens } from '../../shared/tokens.styles.js';
import { warningIcon } from '../icons.js';
import { intakeDialogStyles } from './intake-dialog.styles.js';
import { IntakeDialog, type DialogClosed } from './intake-dialog.js';
import { problemText } from './problem-text.js';

export interface AddLeadOptions extends DialogClosed {
  /** The column the lead goes to (its "+" was used); default: the board's first column. */
  status?: string;
  /** The store created the lead (the board tells the user and moves focus to its card). */
  created(lead: Lead): void;
}

/** The fields a refusal can name, as the dialog shows them (`assigneeId` is the picker). */
type FormField = FieldKey | 'status' | 'assigneeId';
const EMPTY_VALUES: Readonly<Record<FieldKey, string>> = { name: '', company: '', email: '', phone: '', value: '' };

/** The field a refused request's issue path names ("name", "lead.email"), if the form has it. */
function fieldOf(path: string): FormField | undefined {
  const keys: readonly string[] = [...FIELDS.map((f) => f.key), 'status', 'assigneeId'];
  return path.split('.').find((part) => keys.includes(part)) as FormField | undefined;
}

/**
 * @summary The "Add lead" dialog of `<lead-kanban>` (internal): the lead's fields — `Name` (required), company,
 * value, email, phone, status (preselected by a column's "+") and an optional assignee (`<assign-picker>`) —
 * and `Create lead`, which runs ONE store command (`store.create`). A refusal is shown at the field it names,
 * worded from its code (problem-text.ts). Loaded on first use with the other intake dialogs (intake-parts.ts).
 *
 * @tagname lead-kanban-add-lead-dialog
 */
export class LeadKanbanAddLeadDialog extends IntakeDialog {
  static override styles = [tokens, controlStyles, dialogStyles, formStyles, intakeDialogStyles];

  @state() private values: Record<FieldKey, string> = { ...EMPTY_VALUES };
  @state() private status = '';
  @state() private assigneeId: string | null = null;
  @state() private errors: ReadonlyMap<FormField, string> = new Map();
  /** What went wrong that no field is to blame for (a network failure, a refusal without issues). */
  @state() private failure: string | null = null;
  /** The assignment rules, when this member may read them: "the rules choose someone" is said beside the picker. */
  @state() private rules: AssignmentRules | null = null;
  private options: AddLeadOptions | undefined;

  /** Opens with empty fields, the status preselected; focus goes to Name. */
  async show(options: AddLeadOptions): Promise<void> {
    const store = this.store;
    this.options = options;
    this.values = { ...EMPTY_VALUES };
    this.status = options.status ?? store?.columns[0]?.key ?? '';
    this.assigneeId = null;
    this.errors = new Map();
    this.failure = null;
    this.busy = false;
    this.rules = null;
    if (store?.intake.readAssignmentRules) {
      store.getAssignmentRules().then(
        (rules) => (this.rules = rules),
        () => undefined, // only a hint: without it the dialog works the same
      );
    }
    await this.openModal(options, () => this.renderRoot.querySelector<HTMLInputElement>('#new-lead-name'));
  }

  protected override closing(): void {
    this.renderRoot.querySelector('assign-picker')?.close();
  }

  private setValue(key: FieldKey, e: Event): void {
    this.values = { ...this.values, [key]: (e.target as HTMLInputElement).value };
  }

  private readonly onSubmit = async (e: Event) => {
    e.preventDefault();
    const store = this.store;
    if (!store || this.busy) return;
    const msg = messages();
    const errors = new Map<FormField, string>();
    const lead: NewLead = { name: this.values.name };
    for (const key of ['company', 'email', 'phone'] as const) {
      const text = this.values[key].trim();
      if (text !== '') lead[key] = text;
    }
    // The value as a person writes it ("1,200", "$1,200"): the import's rule, so both read amounts alike.
    const value = parseLeadValue(this.values.value);
    if ('error' in value) errors.set('value', problemText({ field: 'value', ...value.error }, store.columns, msg));
    else if (value.value !== undefined) lead.value = value.value;
    if (this.status) lead.status = this.status;
    if (this.assigneeId !== null) lead.assigneeId = this.assigneeId;
    this.failure = null;
    const place = (issues: readonly FieldIssue[]) => {
      for (const issue of issues) {
        const field = fieldOf(issue.path);
        if (field && !errors.has(field)) errors.set(field, problemText({ ...issue, field }, store.columns, msg));
      }
    };
    // The SDK's own check of a new lead, run before sending so every field's problem is shown at once.
    const checked = safeParseWithMessages(NewLeadSchema, lead);
    if (!checked.success) place(toFieldIssues(checked.error.issues));
    if (errors.size === 0) {
      this.busy = true;
      try {
        const created = await store.create(lead);
        this.busy = false;
        this.options?.created(created);
        this.close();
        return;
      } catch (error) {
        this.busy = false;
        place(AdapterError.is(error) ? (error.issues ?? []) : []);
        if (errors.size === 0) this.failure = msg.createFailed(error instanceof Error ? error.message : String(error));
      }
    }
    this.errors = errors;
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
  };

  private error(field: FormField) {
    const text = this.errors.get(field);
    return text ? html`<p class="error" id="new-lead-${field}-error">${text}</p>` : nothing;
  }

  private described(field: FormField) {
    return this.errors.has(field) ? `new-lead-${field}-error` : nothing;
  }

  protected override render() {
    const msg = messages();
    const store = this.store;
    const me = store?.me ?? null;
    const rules = this.rules;
    const ruleAssigns = this.assigneeId === null && rules?.enabled === true && (!rules.statuses || rules.statuses.includes(this.status));
    const handOff = this.assigneeId !== null && me !== null && losesSight(me, this.assigneeId);
    const body = html`<form novalidate @submit=${this.onSubmit}>
      <div class="fields">
        ${FIELDS.map((f) => {
          const id = `new-lead-${f.key}`;
          const required = f.key === 'name';
          return html`<div class="field ${f.wide ? 'wide' : ''}">
            <label for=${id}>${f.label(msg)}</label>
            <input
              id=${id}
              name=${f.key}
              type=${f.type}
              inputmode=${f.inputMode ?? nothing}
              autocomplete="off"
              ?required=${required}
              aria-required=${ifDefined(required ? 'true' : undefined)}
              .value=${this.values[f.key]}
              aria-invalid=${ifDefined(this.errors.has(f.key) ? 'true' : undefined)}
              aria-describedby=${this.described(f.key)}
              ?disabled=${this.busy}
              @input=${(e: Event) => this.setValue(f.key, e)}
            />
            ${this.error(f.key)}
          </div>`;
        })}
        <div class="field">
          <label for="new-lead-status">${msg.fieldStatus}</label>
          <select
            id="new-lead-status"
            name="status"
            aria-invalid=${ifDefined(this.errors.has('status') ? 'true' : undefined)}
            aria-describedby=${this.described('status')}
            ?disabled=${this.busy}
            @change=${(e: Event) => (this.status = (e.target as HTMLSelectElement).value)}
          >
            ${(store?.columns ?? []).map((c) => html`<option value=${c.key} ?selected=${c.key === this.status}>${c.label}</option>`)}
          </select>
          ${this.error('status')}
        </div>
        <div class="field">
          <assign-picker
            label=${msg.assignee}
            .store=${store}
            .value=${this.assigneeId}
            ?disabled=${this.busy}
            @change=${(e: Event) => (this.assigneeId = (e.target as HTMLElement & { value: string | null }).value)}
          ></assign-picker>
          ${this.error('assigneeId')}
        </div>
      </div>
      ${ruleAssigns ? html`<p class="dialog-hint">${msg.ruleWillAssign}</p>` : nothing}
      ${handOff ? html`<p class="dialog-warning">${warningIcon}<span>${msg.handOffWarning(1)}</span></p>` : nothing}
      ${this.failure ? html`<p class="dialog-failure" role="alert">${this.failure}</p>` : nothing}
      <div class="dialog-actions">
        ${this.busy ? html`<span class="dialog-busy" role="status">${msg.creatingLead}</span>` : nothing}
        <button type="button" class="btn" ?disabled=${this.busy} @click=${() => this.close()}>${msg.cancel}</button>
        <button type="submit" class="btn btn-primary" ?disabled=${this.busy}>${msg.createLead}</button>
      </div>
    </form>`;
    return this.frame('add-lead', msg.addLead, msg.addLeadDescription, body, 'add-lead-dialog');
  }
}

define('lead-kanban-add-lead-dialog', LeadKanbanAddLeadDialog);

declare global {
  interface HTMLElementTagNameMap {
    'lead-kanban-add-lead-dialog': LeadKanbanAddLeadDialog;
  }
}
