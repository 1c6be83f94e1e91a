/** Focus helpers for the drawer's "return focus where it was" promise (the shell's part; the trap's are in tab-stops.ts). */

/** The element that really has focus, looking through open shadow roots (a card inside <lead-kanban>). */
export function deepActiveElement(doc: Document = document): HTMLElement | null {
  let active = doc.activeElement;
  while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
  return active instanceof HTMLElement ? active : null;
}

/** Whether `candidate` is `el` or sits inside it (through `el`'s shadow root as well). */
export function holdsFocus(el: Element, candidate: Element | null): boolean {
  if (!candidate) return false;
  if (el === candidate || el.contains(candidate)) return true;
  return Boolean(el.shadowRoot?.contains(candidate));
}
