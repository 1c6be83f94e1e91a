import '../../l10n/parts-late.js'; // the words of the parts loaded on demand (joins the table first)
import { html, nothing } from 'lit';
import { state } from 'lit/decorators.js';
import type { ImportProgress, ImportResult } from '../../../sdk/index.js';
import { AdapterError, importSizeProblem, MAX_IMPORT_BYTES, MAX_IMPORT_ROWS } from '../../../sdk/index.js';
import { messages } from '../../l10n.js';
import { controlStyles } from '../../shared/controls.styles.js';
import { define } from '../../shared/define.js';
import { dialogStyles } from '../../shared/dialog.styles.js';
import { formStyles } from '../../shared/form.styles.js';
import { formatCount } from '../../shared/format.js';
import { tokens } from '../../shared/tokens.styles.js';
import { importDialogStyles } from './import-dialog.styles.js';
import { csvCells, renderPreview, type CellLookup } from './import-preview.js';
import { intakeDialogStyles } from './intake-dialog.styles.js';
import { IntakeDialog, type DialogClosed } from './intake-dialog.js';

export interface ImportOptions extends DialogClosed {
  /** The import went through (the board tells the user how many leads it created). */
  imported(result: ImportResult): void;
}

/** Where the dialog is: what the progress line says while a step runs. */
type Step = 'reading' | ImportProgress['phase'];

/**
 * @summary The "Import leads" dialog of `<lead-kanban>` (internal): choose a CSV file (or paste CSV), see the
 * preview the backend answers without writing anything (`store.importLeads(text, { dryRun: true })`: how many
 * leads will be created, each invalid row with its row number, field and reason, duplicates flagged), then
 * `Import N leads` creates the valid rows in ONE request. Progress is shown while a step runs; the lists are
 * capped (import-preview.ts), so a 10,000-row file renders a few hundred rows at most. Loaded on first use
 * with the other intake dialogs (intake-parts.ts).
 *
 * @tagname lead-kanban-import-dialog
 */
export class LeadKanbanImportDialog extends IntakeDialog {
  static override styles = [tokens, controlStyles, dialogStyles, formStyles, intakeDialogStyles, importDialogStyles];

  /** The CSV text previewed (or being read and checked). */
  @state() private text = '';
  @state() private pasted = '';
  @state() private preview: ImportResult | null = null;
  /** The previewed file's cells, to show the values the preview refuses. */
  private cells: CellLookup | undefined;
  @state() private step: Step | null = null;
  @state() private failure: string | null = null;
  private options: ImportOptions | undefined;
  /** Bumped by every new check: the answer of an older one (another file was chosen meanwhile) is dropped. */
  private generation = 0;

  /** Opens empty; focus goes to the file chooser. */
  async show(options: ImportOptions): Promise<void> {
    this.options = options;
    this.reset();
    this.pasted = '';
    await this.openModal(options, () => this.renderRoot.querySelector<HTMLInputElement>('#import-file'));
  }

  protected override closing(): void {
    this.generation++;
    this.reset();
    const file = this.renderRoot.querySelector<HTMLInputElement>('#import-file');
    if (file) file.value = '';
  }

  private reset(): void {
    this.text = '';
    this.preview = null;
    this.cells = undefined;
    this.step = null;
    this.failure = null;
    this.busy = false;
  }

  private readonly onFile = async (e: Event) => {
    const file = (e.target as HTMLInputElement).files?.[0];
    if (!file) return;
    const run = ++this.generation;
    this.reset();
    this.busy = true;
    this.step = 'reading';
    let text: string;
    try {
      text = await file.text();
    } catch (error) {
      if (run !== this.generation) return;
      this.busy = false;
      this.step = null;
      this.failure = messages().importFailed(error instanceof Error ? error.message : String(error));
      return;
    }
    if (run === this.generation) await this.check(text, run);
  };

  private readonly onCheckPasted = () => {
    if (this.pasted.trim() === '' || this.busy) return;
    void this.check(this.pasted, ++this.generation);
  };

  /** The preview: the backend reads and checks every row and writes nothing. */
  private async check(text: string, run: number): Promise<void> {
    const store = this.store;
    if (!store) return;
    this.reset();
    this.text = text;
    this.busy = true;
    this.step = 'checking';
    try {
      const preview = await store.importLeads(text, { dryRun: true, onProgress: (p) => this.progressed(p, run) });
      if (run !== this.generation) return;
      this.cells = csvCells(text);
      this.preview = preview;
    } catch (error) {
      if (run !== this.generation) return;
      this.failure = this.failureText(error, text);
    } finally {
      if (run === this.generation) {
        this.busy = false;
        this.step = null;
      }
    }
  }

  private progressed(progress: ImportProgress, run: number): void {
    if (run === this.generation && progress.phase !== 'done') this.step = progress.phase;
  }

  private readonly onImport = async () => {
    const store = this.store;
    const preview = this.preview;
    if (!store || !preview || preview.created === 0 || this.busy) return;
    const run = ++this.generation;
    this.busy = true;
    this.failure = null;
    this.step = 'checking';
    try {
      const result = await store.importLeads(this.text, { onProgress: (p) => this.progressed(p, run) });
      if (run !== this.generation) return;
      this.busy = false;
      this.options?.imported(result);
      this.close();
    } catch (error) {
      if (run !== this.generation) return;
      this.busy = false;
      this.step = null;
      this.failure = this.failureText(error, this.text);
    }
  };

  /** Why nothing was imported, worded here: the size limits by what the SDK says was exceeded. */
  private failureText(error: unknown, text: string): string {
    const msg = messages();
    if (AdapterError.is(error) && error.status === 413) {
      const problem = importSizeProblem(text);
      return problem?.code === 'too_many_bytes'
        ? msg.importTooLarge(`${MAX_IMPORT_BYTES / 1024 / 1024} MB`)
        : msg.importTooMany(formatCount(MAX_IMPORT_ROWS));
    }
    return msg.importFailed(error instanceof Error ? error.message : String(error));
  }

  private stepText(step: Step): string {
    const msg = messages();
    switch (step) {
      case 'reading':
        return msg.readingFile;
      case 'sending':
        return this.preview ? msg.sendingImport(this.preview.created) : msg.checkingImport;
      case 'loading':
        return msg.loadingBoard;
      default:
        return msg.checkingImport;
    }
  }

  protected override render() {
    const msg = messages();
    const preview = this.preview;
    const count = preview?.created ?? 0;
    const body = html`<div class="import-source">
        <div class="field">
          <label for="import-file">${msg.csvFile}</label>
          <input id="import-file" type="file" accept=".csv,text/csv,text/plain" ?disabled=${this.busy} @change=${this.onFile} />
        </div>
        <div class="field">
          <label for="import-paste">${msg.orPaste}</label>
          <textarea
            id="import-paste"
            rows="3"
            spellcheck="false"
            placeholder=${msg.pastePlaceholder}
            .value=${this.pasted}
            ?disabled=${this.busy}
            @input=${(e: Event) => (this.pasted = (e.target as HTMLTextAreaElement).value)}
          ></textarea>
          <div>
            <button type="button" class="btn" ?disabled=${this.busy || this.pasted.trim() === ''} @click=${this.onCheckPasted}>
              ${msg.checkImport}
            </button>
          </div>
        </div>
      </div>
      ${this.step
        ? html`<div class="dialog-progress">
            <progress aria-label=${msg.importProgress}></progress>
            <span role="status">${this.stepText(this.step)}</span>
          </div>`
        : nothing}
      ${preview ? renderPreview(preview, this.store, msg, this.cells) : nothing}
      ${this.failure ? html`<p class="dialog-failure" role="alert">${this.failure}</p>` : nothing}
      <div class="dialog-actions">
        <button type="button" class="btn" ?disabled=${this.busy} @click=${() => this.close()}>${msg.cancel}</button>
        <button type="button" class="btn btn-primary" ?disabled=${this.busy || count === 0} @click=${this.onImport}>
          ${preview ? msg.importNLeads(count) : msg.importLeads}
        </button>
      </div>`;
    return this.frame('import-leads', msg.importLeads, msg.importDescription, body, 'import-dialog');
  }
}

define('lead-kanban-import-dialog', LeadKanbanImportDialog);

declare global {
  interface HTMLElementTagNameMap {
    'lead-kanban-import-dialog': LeadKanbanImportDialog;
  }
}
