import { html, nothing, type ReactiveController, type ReactiveControllerHost } from 'lit';
import { repeat } from 'lit/directives/repeat.js';
import { announce } from '../controllers/announcer.js';
import { messages } from '../l10n.js';
import { closeIcon } from './icons.js';
import type { NoticeKind as ToastKind } from '../notice-text.js';

export interface Toast {
  id: number;
  kind: ToastKind;
  text: string;
  action?: { label: string; run: () => void };
}

/** How long a toast stays, by kind: errors and warnings stay longer so they can be read. */
const LIFETIME: Record<ToastKind, number> = { success: 6000, warning: 12000, error: 12000 };
const MAX_TOASTS = 4;

/**
 * The board's toasts (save errors, assignment outcomes with Undo; what they say comes from
 * board-commands.ts). Shown visually here and spoken through the one polite live region (announcer), so the
 * toast stack itself carries no live-region role. Styles: toasts.styles.ts.
 */
export class ToastController implements ReactiveController {
  toasts: Toast[] = [];
  private next = 1;
  private readonly timers = new Map<number, ReturnType<typeof setTimeout>>();

  constructor(private readonly host: ReactiveControllerHost) {
    host.addController(this);
  }

  hostConnected(): void {}

  hostDisconnected(): void {
    for (const timer of this.timers.values()) clearTimeout(timer);
    this.timers.clear();
  }

  show(kind: ToastKind, text: string, action?: Toast['action']): number {
    const toast: Toast = { id: this.next++, kind, text, ...(action ? { action } : {}) };
    this.toasts = [...this.toasts, toast].slice(-MAX_TOASTS);
    this.timers.set(toast.id, setTimeout(() => this.dismiss(toast.id), LIFETIME[kind]));
    announce(text);
    this.host.requestUpdate();
    return toast.id;
  }

  dismiss(id: number): void {
    clearTimeout(this.timers.get(id));
    this.timers.delete(id);
    const before = this.toasts.length;
    this.toasts = this.toasts.filter((t) => t.id !== id);
    if (this.toasts.length !== before) this.host.requestUpdate();
  }

  render() {
    const msg = messages();
    return html`<div class="toasts" part="toasts">
      ${repeat(
        this.toasts,
        (t) => t.id,
        (t) => html`<div class="toast toast-${t.kind}" data-kind=${t.kind}>
          <span class="toast-dot" aria-hidden="true"></span>
          <span class="toast-text">${t.text}</span>
          ${t.action
            ? html`<button
                type="button"
                class="toast-action"
                @click=${() => {
                  this.dismiss(t.id);
                  t.action!.run();
                }}
              >
                ${t.action.label}
              </button>`
            : nothing}
          <button type="button" class="toast-close" aria-label=${msg.dismiss} @click=${() => this.dismiss(t.id)}>
            ${closeIcon}
          </button>
        </div>`,
      )}
    </div>`;
  }
}
