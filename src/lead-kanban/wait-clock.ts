import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { Lead } from '../../sdk/index.js';
import { CLOSED_STATUSES } from '../../sdk/index.js';
import { formatWait, type WaitLabel } from '../shared/format.js';

/** How often waiting times move on: they are shown in whole minutes at the finest. */
const TICK_MS = 60_000;

/**
 * The board's coarse clock for waiting times (unassigned cards, the workload strip's oldest wait). `now` moves
 * once a minute, and at once when the page becomes visible again (a hidden tab's timers are throttled); the
 * host re-renders then, and the columns hand each card its label (waitLabel), so only cards whose label
 * changed ("59m" → "1h") render again.
 */
export class WaitClock implements ReactiveController {
  /** The time waiting times are measured to, ms (Date.now() at the last tick). */
  now = Date.now();
  private timer: ReturnType<typeof setInterval> | undefined;

  constructor(private readonly host: ReactiveControllerHost) {
    host.addController(this);
  }

  hostConnected(): void {
    this.tick();
    this.timer = setInterval(this.tick, TICK_MS);
    document.addEventListener('visibilitychange', this.onVisibility);
  }

  hostDisconnected(): void {
    clearInterval(this.timer);
    document.removeEventListener('visibilitychange', this.onVisibility);
  }

  private readonly onVisibility = () => {
    if (document.visibilityState === 'visible') this.tick();
  };

  private readonly tick = () => {
    this.now = Date.now();
    this.host.requestUpdate();
  };
}

/** Whether a lead is waiting for someone: open and unassigned. */
export const isWaiting = (lead: Lead): boolean => lead.assigneeId === null && !CLOSED_STATUSES.includes(lead.status);

/** How long a waiting lead has waited at `now` (null for a lead that is not waiting). */
export function waitLabel(lead: Lead, now: number): WaitLabel | null {
  if (!isWaiting(lead)) return null;
  return formatWait(Math.max(0, now - Date.parse(lead.createdAt)));
}
