import '../../l10n/parts-late.js'; // the words of the parts loaded on demand (joins the table first)
import { LitElement, html, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import type { LeadStore } from '../../../sdk/index.js';
import { LocalizeController } from '../../l10n.js';

/** Where focus goes when an intake dialog closes: the board decides (a new card, or the button that opened it). */
export interface DialogClosed {
  closed(): void;
}

/**
 * What the board's intake dialogs ("Add lead", "Import leads", "Assignment rules") share: a native modal
 * `<dialog>` (focus moves in and is trapped, Escape closes — except while a request runs, whose progress and
 * outcome must stay in view), the store they work on, and handing focus back when they close.
 */
export abstract class IntakeDialog extends LitElement {
  /** The store the dialog reads and writes through (the board's). */
  @property({ attribute: false }) store: LeadStore | undefined;
  /** A request is running: the dialog cannot be dismissed and its controls wait. */
  @state() protected busy = false;

  private handlers: DialogClosed | undefined;
  protected readonly localize = new LocalizeController(this);

  protected get dialog(): HTMLDialogElement | null {
    return this.renderRoot.querySelector('dialog');
  }

  get open(): boolean {
    return this.dialog?.open ?? false;
  }

  /** Opens modally once rendered; `focus` picks the control that takes focus. */
  protected async openModal(handlers: DialogClosed, focus: () => HTMLElement | null | undefined): Promise<void> {
    this.handlers = handlers;
    await this.updateComplete;
    const dialog = this.dialog!;
    if (!dialog.open) dialog.showModal();
    focus()?.focus();
  }

  close(): void {
    if (this.dialog?.open) this.dialog.close();
  }

  private readonly onCancel = (e: Event) => {
    if (this.busy) e.preventDefault();
  };

  private readonly onClose = () => {
    const handlers = this.handlers;
    this.handlers = undefined;
    this.closing();
    handlers?.closed();
  };

  /** The dialog is closing: drop what must not be seen next time (popups, drafts of a finished request). */
  protected closing(): void {}

  /** The modal frame: a title (its accessible name), a description and the dialog's own content. */
  protected frame(id: string, title: string, description: string, body: TemplateResult, className = ''): TemplateResult {
    return html`<dialog
      class="dialog intake-dialog ${className}"
      aria-labelledby="${id}-title"
      aria-describedby="${id}-desc"
      @cancel=${this.onCancel}
      @close=${this.onClose}
    >
      <h2 class="dialog-title" id="${id}-title">${title}</h2>
      <p class="dialog-desc" id="${id}-desc">${description}</p>
      ${body}
    </dialog>`;
  }
}
