/**
 * How the bench page reads the clock (every figure of the board bench uses these definitions):
 * - t0: just before the action (setting `.store`, `store.setFilter`, dispatching the input event, clicking;
 *   for a cold start, `new LeadStore(adapter)`).
 * - script: t0 → the moment no more of our JavaScript is queued: the action's microtasks have run (the
 *   MemoryAdapter with latency 0 answers in microtasks, pushed events too), and no Lit element anywhere in
 *   the board (shadow roots included) has an update pending. Checked by {@link quiesce}; the time taken by
 *   the check's own DOM walk is excluded (the clock is read before the final walk that finds nothing).
 * - frame: t0 → a task posted from the first requestAnimationFrame callback after `script` ends. The rAF
 *   callback runs at the start of that frame's rendering, the task right after it: the span between the two
 *   is the frame's style, layout and paint (ResizeObserver callbacks and what they re-render included).
 */

type LitLike = Element & { isUpdatePending?: boolean; updateComplete?: Promise<unknown> };

export const now = () => performance.now();
export const round = (ms: number) => Math.round(ms * 100) / 100;

export interface Timing {
  /** ms from t0 until our JavaScript is done (see the header). */
  script: number;
  /** ms from t0 until the frame after that has been rendered. */
  frame: number;
}

/** Every element under a root, shadow roots included. */
export function allElements(root: Document | ShadowRoot | Element, out: Element[] = []): Element[] {
  for (const el of (root as ParentNode).querySelectorAll('*')) {
    out.push(el);
    if (el.shadowRoot) allElements(el.shadowRoot, out);
  }
  return out;
}

/** Walks that found work still pending (their cost lands inside a timing; expected to stay 0). */
export const walks = { extra: 0 };

/**
 * Waits until our JavaScript is done and returns the time it was done: microtasks drained (a few dozen hops
 * cover Lit's parent → child update chains and the store's microtask flushes), then no Lit element pending.
 */
export async function quiesce(): Promise<number> {
  for (;;) {
    for (let i = 0; i < 100; i++) await Promise.resolve();
    const end = now();
    const pending = allElements(document).filter((el) => (el as LitLike).isUpdatePending) as LitLike[];
    if (pending.length === 0) return end;
    walks.extra++;
    await Promise.all(pending.map((el) => el.updateComplete));
  }
}

/** The next frame: when its rAF callback ran (rendering starts) and when a task posted from it ran (rendered). */
export function frameTimes(): Promise<{ raf: number; rendered: number }> {
  return new Promise((resolve) => {
    requestAnimationFrame(() => {
      const raf = now();
      const channel = new MessageChannel();
      channel.port1.onmessage = () => resolve({ raf, rendered: now() });
      channel.port2.postMessage(0);
    });
  });
}

/** Resolves with the time at which the first frame after now has been rendered (style, layout, paint). */
export async function nextFrame(): Promise<number> {
  return (await frameTimes()).rendered;
}

export async function measure(action: () => unknown): Promise<Timing> {
  const t0 = now();
  await action();
  const done = await quiesce();
  const frame = await nextFrame();
  return { script: round(done - t0), frame: round(frame - t0) };
}
