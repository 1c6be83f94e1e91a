import { html, nothing, type ReactiveController, type ReactiveControllerHost } from 'lit';
import { repeat } from 'lit/directives/repeat.js';
import { announce } from '../controllers/announcer.js';
import { adoptLate, parseLater } from '../internal/late-styles.js';
import { messages } from '../l10n.js';
import { closeIcon } from './icons.js';
import { toastStyles } from './toasts.styles.js';
import type { NoticeKind as ToastKind } from '../notice-text.js';

export interface ToastAction {
  label: string;
  run: () => void;
  /** The toast stays after this action (it changes the toast itself). */
  keep?: boolean;
}

export interface Toast {
  id: number;
  kind: ToastKind;
  text: string;
  actions: ToastAction[];
  /** More than a line: rendered below the text (the list of a bulk result's conflicts). */
  content?: unknown;
}

export interface ToastOptions {
  actions?: ToastAction[];
  content?: unknown;
  /** How long it stays, in ms (default: by kind; longer when it offers an action). */
  lifetime?: number;
  /** Whether the text is spoken (default true); false when it was announced already (a move). */
  announce?: boolean;
}

/** How long a toast stays, by kind: errors and warnings stay longer so they can be read. */
const LIFETIME: Record<ToastKind, number> = { success: 6000, info: 10000, warning: 12000, error: 12000 };
/** A toast offering an action (Undo, Show) stays long enough to use it. */
const WITH_ACTION = 10000;
const MAX_TOASTS = 4;

/**
 * The board's toasts (outcomes with Undo, conflicts with their choices, the assignee alert; what they say
 * comes from board-commands.ts), newest on top, each with its own actions. Shown visually here and spoken
 * through the one polite live region (announcer), so the stack itself carries no live-region role. While the
 * pointer or focus is on the stack, no toast times out (time to read and to reach a button).
 *
 * No first frame shows a toast: the stack (part `toasts`) and its styles (toasts.styles.ts, added to the
 * board's shadow root then: late-styles.ts) are rendered from the first toast on, and stay.
 */
export class ToastController implements ReactiveController {
  toasts: Toast[] = [];
  private next = 1;
  private readonly timers = new Map<number, { handle?: ReturnType<typeof setTimeout>; left: number; since: number }>();
  private paused = false;
  /** A toast was shown once: the stack is rendered from then on. */
  private used = false;

  constructor(private readonly host: ReactiveControllerHost & { readonly renderRoot?: HTMLElement | DocumentFragment }) {
    host.addController(this);
  }

  hostConnected(): void {}

  hostDisconnected(): void {
    for (const timer of this.timers.values()) clearTimeout(timer.handle);
    this.timers.clear();
  }

  show(kind: ToastKind, text: string, options: ToastOptions = {}): number {
    const actions = options.actions ?? [];
    const toast: Toast = { id: this.next++, kind, text, actions, ...(options.content ? { content: options.content } : {}) };
    this.used = true;
    const dropped = this.toasts.slice(MAX_TOASTS - 1);
    this.toasts = [toast, ...this.toasts.slice(0, MAX_TOASTS - 1)];
    for (const old of dropped) this.clearTimer(old.id);
    const lifetime = options.lifetime ?? Math.max(LIFETIME[kind], actions.length > 0 ? WITH_ACTION : 0);
    this.timers.set(toast.id, { left: lifetime, since: 0 });
    if (!this.paused) this.startTimer(toast.id);
    if (options.announce !== false) announce(text);
    this.host.requestUpdate();
    return toast.id;
  }

  /** Changes a toast that is still showing (e.g. a conflict once it is known who changed the lead). */
  update(id: number, patch: Partial<Pick<Toast, 'text' | 'actions' | 'content' | 'kind'>>): void {
    if (!this.toasts.some((t) => t.id === id)) return;
    this.toasts = this.toasts.map((t) => (t.id === id ? { ...t, ...patch } : t));
    this.host.requestUpdate();
  }

  dismiss(id: number): void {
    this.clearTimer(id);
    const before = this.toasts.length;
    this.toasts = this.toasts.filter((t) => t.id !== id);
    if (this.toasts.length !== before) this.host.requestUpdate();
  }

  private startTimer(id: number): void {
    const timer = this.timers.get(id);
    if (!timer) return;
    timer.since = Date.now();
    timer.handle = setTimeout(() => this.dismiss(id), timer.left);
  }

  private clearTimer(id: number): void {
    clearTimeout(this.timers.get(id)?.handle);
    this.timers.delete(id);
  }

  private readonly pause = () => {
    if (this.paused) return;
    this.paused = true;
    for (const timer of this.timers.values()) {
      clearTimeout(timer.handle);
      timer.left = Math.max(1000, timer.left - (Date.now() - timer.since));
    }
  };

  private readonly resume = (e: Event) => {
    // Focus moving between two toasts, or the pointer leaving while focus stays: still paused.
    const stack = e.currentTarget as HTMLElement;
    if (e.type === 'focusout' && stack.contains((e as FocusEvent).relatedTarget as Node | null)) return;
    if (e.type === 'mouseleave' && stack.matches(':focus-within')) return;
    if (!this.paused) return;
    this.paused = false;
    for (const id of this.timers.keys()) this.startTimer(id);
  };

  render() {
    if (!this.used) return nothing;
    adoptLate(this.host.renderRoot, toastStyles);
    const msg = messages();
    return html`<div
      class="toasts"
      part="toasts"
      @mouseenter=${this.pause}
      @focusin=${this.pause}
      @mouseleave=${this.resume}
      @focusout=${this.resume}
    >
      ${repeat(
        this.toasts,
        (t) => t.id,
        (t) => html`<div class="toast toast-${t.kind}" data-kind=${t.kind}>
          <div class="toast-row">
            <span class="toast-dot" aria-hidden="true"></span>
            <span class="toast-text">${t.text}</span>
            ${t.actions.map(
              (action) => html`<button
                type="button"
                class="toast-action"
                @click=${() => {
                  if (!action.keep) this.dismiss(t.id);
                  action.run();
                }}
              >
                ${action.label}
              </button>`,
            )}
            <button type="button" class="toast-close" aria-label=${msg.dismiss} @click=${() => this.dismiss(t.id)}>
              ${closeIcon}
            </button>
          </div>
          ${t.content ?? nothing}
        </div>`,
      )}
    </div>`;
  }
}

parseLater(toastStyles); // made in idle time, adopted with the first toast (see late-styles.ts)
