import type { ReactiveControllerHost } from 'lit';

/**
 * How a card is marked for a while: `changed` — someone else just changed it (a brief highlight, no motion when
 * the user prefers reduced motion); `assigned` — someone else just assigned it to you (until you open or
 * focus it, or a few minutes pass).
 */
export type CardMark = 'changed' | 'assigned';

const LASTS: Record<CardMark, number> = { changed: 2500, assigned: 5 * 60_000 };

/**
 * The board's temporary card marks, by lead id. The map handed to the columns is replaced (never edited) when
 * a mark comes or goes, so the columns re-render only then, and only the cards whose mark changed.
 */
export class LiveMarks {
  current: ReadonlyMap<string, CardMark> = new Map();
  private readonly timers = new Map<string, ReturnType<typeof setTimeout>>();

  constructor(private readonly host: ReactiveControllerHost) {}

  /** Marks these leads (an `assigned` mark is not replaced by a `changed` one). */
  mark(leadIds: Iterable<string>, kind: CardMark): void {
    const next = new Map(this.current);
    let changed = false;
    for (const id of leadIds) {
      if (kind === 'changed' && next.get(id) === 'assigned') continue;
      clearTimeout(this.timers.get(id));
      this.timers.set(id, setTimeout(() => this.clear([id]), LASTS[kind]));
      if (next.get(id) !== kind) {
        next.set(id, kind);
        changed = true;
      }
    }
    if (!changed) return;
    this.current = next;
    this.host.requestUpdate();
  }

  clear(leadIds: Iterable<string>): void {
    let next: Map<string, CardMark> | undefined;
    for (const id of leadIds) {
      clearTimeout(this.timers.get(id));
      this.timers.delete(id);
      if (!this.current.has(id)) continue;
      next ??= new Map(this.current);
      next.delete(id);
    }
    if (!next) return;
    this.current = next;
    this.host.requestUpdate();
  }

  dispose(): void {
    for (const timer of this.timers.values()) clearTimeout(timer);
    this.timers.clear();
  }
}
