import '../l10n/parts-late.js'; // the words of the parts loaded on demand (joins the table first)
import { LitElement, html, type TemplateResult } from 'lit';
import { LocalizeController, messages } from '../l10n.js';
import { controlStyles } from '../shared/controls.styles.js';
import { define } from '../shared/define.js';
import { dialogStyles } from '../shared/dialog.styles.js';
import { tokens } from '../shared/tokens.styles.js';
import { helpDialogStyles } from './help-dialog.styles.js';
import { closeIcon } from './icons.js';

/** Keys written as combos ("Ctrl", "Home"), joined with "+"; alternatives joined with "or". */
type Keys = readonly (readonly string[])[];

/**
 * @summary The "Keyboard shortcuts" dialog of `<lead-kanban>` (internal): the summary every card is described
 * by (the board renders the paragraph the cards reference, see help-ids.ts; the dialog shows the same text and
 * is described by it), then a table of every key of the board. Loaded on first use (on-demand-parts.ts). A
 * native modal `<dialog>`: focus moves in, Escape closes, focus returns to the button that opened it.
 *
 * @tagname lead-kanban-help-dialog
 */
export class LeadKanbanHelpDialog extends LitElement {
  static override styles = [tokens, controlStyles, dialogStyles, helpDialogStyles];

  private get dialog(): HTMLDialogElement {
    return this.renderRoot.querySelector('dialog')!;
  }
  private opener: HTMLElement | null = null;
  private readonly localize = new LocalizeController(this);

  get open(): boolean {
    return this.dialog?.open ?? false;
  }

  /** Opens modally; focus goes to Close, and back to `opener` when the dialog closes. */
  async show(opener: HTMLElement | null): Promise<void> {
    this.opener = opener;
    await this.updateComplete;
    if (!this.dialog.open) this.dialog.showModal();
    this.renderRoot.querySelector<HTMLElement>('.help-close')?.focus();
  }

  close(): void {
    if (this.dialog?.open) this.dialog.close();
  }

  private readonly onClose = () => {
    const opener = this.opener;
    this.opener = null;
    if (opener?.isConnected) opener.focus();
  };

  private keys(keys: Keys): TemplateResult[] {
    const msg = messages();
    return keys.map(
      (combo, i) =>
        html`${i > 0 ? html` ${msg.keyOr} ` : ''}${combo.map((k, j) => html`${j > 0 ? '+' : ''}<kbd>${k}</kbd>`)}`,
    );
  }

  protected override render() {
    const msg = messages();
    const mac = typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.platform);
    const ctrl = mac ? '⌘' : 'Ctrl';
    const rows: [Keys, string][] = [
      [[['Tab']], msg.helpTab],
      [[[msg.keyArrows]], msg.helpMoveFocus],
      [[[msg.keyHome], [msg.keyEnd]], msg.helpHomeEnd],
      [[['Ctrl', msg.keyHome], ['Ctrl', msg.keyEnd]], msg.helpCtrlHomeEnd],
      [[[msg.keySpace]], msg.helpSpace],
      [[['Shift', msg.keyArrows]], msg.helpShiftArrows],
      [[[msg.keyEscape]], msg.helpEscape],
      [[[msg.keyEnter]], msg.helpEnter],
      [[['Shift', 'F10'], [msg.keyMenu]], msg.helpMenu],
      [[['M']], msg.helpLift],
      [[[ctrl, msg.keyArrows]], msg.helpCtrlArrows],
      [[[ctrl, 'Z']], msg.helpUndo],
      [[['B']], msg.helpBulkBar],
      [[[msg.keyArrows]], msg.helpWorkload],
    ];
    return html`<dialog
      class="dialog help-dialog"
      aria-labelledby="keyboard-help-title"
      aria-describedby="keyboard-help-summary"
      @close=${this.onClose}
    >
      <div class="help-head">
        <h2 class="dialog-title" id="keyboard-help-title">${msg.keyboardShortcuts}</h2>
        <button type="button" class="btn btn-quiet help-close" aria-label=${msg.close} @click=${() => this.close()}>
          ${closeIcon}
        </button>
      </div>
      <p class="dialog-desc" id="keyboard-help-summary">${msg.keyboardHelpSummary}</p>
      <table class="help-table">
        <thead>
          <tr>
            <th scope="col">${msg.keysColumn}</th>
            <th scope="col">${msg.actionColumn}</th>
          </tr>
        </thead>
        <tbody>
          ${rows.map(([keys, action]) => html`<tr><td class="help-keys">${this.keys(keys)}</td><td>${action}</td></tr>`)}
        </tbody>
      </table>
      <p class="help-note">${msg.keyboardHelpScreenReader}</p>
    </dialog>`;
  }
}

define('lead-kanban-help-dialog', LeadKanbanHelpDialog);

declare global {
  interface HTMLElementTagNameMap {
    'lead-kanban-help-dialog': LeadKanbanHelpDialog;
  }
}
