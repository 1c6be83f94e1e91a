/** Helpers every element test uses: waiting for queued work, focus through shadow roots, keys, the picker. */
import { sendKeys, sendMouse } from '@web/test-runner-commands';
import type { AssignPicker } from '../../../src/assign-picker/assign-picker.js';
import { nameFromContent } from './picker-a11y.js';

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

/**
 * Chooses a person in an `<assign-picker>` as a user does: opens its list, clicks the option whose name is
 * `name` (options read "Name 12 open", so the start of the name counts; `exact` asks for the whole name).
 */
export async function choosePerson(picker: AssignPicker, name: string, exact = false): Promise<void> {
  picker.shadowRoot!.querySelector<HTMLElement>('[role="combobox"]')!.click();
  await picker.updateComplete;
  const option = [...picker.shadowRoot!.querySelectorAll<HTMLElement>('[role="option"]')].find((o) =>
    exact ? nameFromContent(o) === name : nameFromContent(o).startsWith(name),
  );
  if (!option) throw new Error(`no option named ${name}`);
  option.scrollIntoView({ block: 'nearest' });
  const box = option.getBoundingClientRect();
  await sendMouse({ type: 'click', position: [Math.round(box.left + box.width / 2), Math.round(box.top + box.height / 2)] });
  await picker.updateComplete;
}
