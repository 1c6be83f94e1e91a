/**
 * Idle scheduling for the elements. The one `whenIdle` lives in the SDK (its background indexes use it, in
 * the browser and in Node) and is re-exported here with the one rule the elements add on top of it.
 */
import { whenIdle } from '../../sdk/index.js';

export { whenIdle };

/**
 * Runs `task` in an idle period after the next frame: work a user may need soon (a chunk, a preloaded
 * library) never competes with the frame being rendered now. Does nothing where there are no frames (Node).
 */
export function afterNextFrame(task: () => void): void {
  if (typeof requestAnimationFrame === 'undefined') return;
  requestAnimationFrame(() => void whenIdle(() => task(), 2000));
}

/**
 * Runs `task` at the start of the frame after the next one, once the next frame has been painted: for what
 * the user sees one frame later (not when the thread is idle); what it renders is in that frame. Runs it at
 * once where there are no frames (Node).
 */
export function inFrameAfterNext(task: () => void): void {
  if (typeof requestAnimationFrame === 'undefined') {
    task();
    return;
  }
  requestAnimationFrame(() => requestAnimationFrame(() => task()));
}
