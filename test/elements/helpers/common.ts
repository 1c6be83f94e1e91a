/** Helpers every element test uses: waiting for queued work, focus through shadow roots, key chords. */
import { sendKeys } from '@web/test-runner-commands';

/** Lets queued promises, microtasks and zero-delay timers run (the memory backend answers and pushes that way). */
export async function flushTasks(rounds = 3): Promise<void> {
  for (let i = 0; i < rounds; i++) await new Promise((resolve) => setTimeout(resolve, 0));
}

/** The next animation frame. */
export const nextFrame = () => new Promise((resolve) => requestAnimationFrame(resolve));

/** The element that really has focus, looking through open shadow roots. */
export function deepActive(): HTMLElement | null {
  let active = document.activeElement;
  while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
  return active as HTMLElement | null;
}

/** Presses `key` with a modifier held (the runner's `press` takes single keys). */
export async function chord(modifier: 'Shift' | 'Control', key: string): Promise<void> {
  await sendKeys({ down: modifier });
  await sendKeys({ press: key });
  await sendKeys({ up: modifier });
}

/** Whether `inner` is `outer` or inside it, through shadow roots. */
export function within(outer: Element, inner: Element | null): boolean {
  for (let node: Node | null = inner; node; node = node.parentNode ?? (node as ShadowRoot).host ?? null) {
    if (node === outer) return true;
  }
  return false;
}
