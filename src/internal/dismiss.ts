import type { ReactiveController, ReactiveControllerHost } from 'lit';

export type DismissReason = 'outside' | 'escape';

export interface DismissOptions {
  /** Elements a press inside of does not dismiss (besides the host itself), e.g. the button that opened it. */
  inside?: () => readonly (Element | null | undefined)[];
  /** The user asked to dismiss: a press outside, or Escape while focus is inside the host. */
  dismiss: (reason: DismissReason) => void;
  /** The viewport was resized: reposition (or dismiss) the popup. */
  resized?: () => void;
  /** Something scrolled (the page, a dialog, a column): reposition the popup. */
  scrolled?: () => void;
}

/**
 * Dismissal of an open popup (menu, listbox): a pointer press anywhere outside the host (through shadow
 * roots: the event's composed path), and Escape pressed inside it. Escape is taken here — default prevented
 * and not propagated — so a surrounding dialog or drawer does not close as well. Listens only while active.
 */
export class DismissController implements ReactiveController {
  private active = false;

  constructor(
    private readonly host: ReactiveControllerHost & HTMLElement,
    private readonly options: DismissOptions,
  ) {
    host.addController(this);
  }

  /** Starts listening (the popup opened). */
  start(): void {
    if (this.active) return;
    this.active = true;
    document.addEventListener('pointerdown', this.onPointerDown, true);
    this.host.addEventListener('keydown', this.onKeyDown);
    if (this.options.resized) window.addEventListener('resize', this.onResize);
    if (this.options.scrolled) window.addEventListener('scroll', this.onScroll, true);
  }

  /** Stops listening (the popup closed). */
  stop(): void {
    if (!this.active) return;
    this.active = false;
    document.removeEventListener('pointerdown', this.onPointerDown, true);
    this.host.removeEventListener('keydown', this.onKeyDown);
    window.removeEventListener('resize', this.onResize);
    window.removeEventListener('scroll', this.onScroll, true);
  }

  hostDisconnected(): void {
    this.stop();
  }

  private readonly onPointerDown = (e: Event) => {
    const path = e.composedPath();
    if (path.includes(this.host)) return;
    if (this.options.inside?.().some((el) => el && path.includes(el))) return;
    this.options.dismiss('outside');
  };

  private readonly onKeyDown = (e: KeyboardEvent) => {
    if (e.key !== 'Escape' || e.defaultPrevented) return;
    e.preventDefault();
    e.stopPropagation();
    this.options.dismiss('escape');
  };

  private readonly onResize = () => this.options.resized?.();
  private readonly onScroll = () => this.options.scrolled?.();
}
