/** Focus helpers for the drawer's trap and its "return focus where it was" promise. */

/** The element that really has focus, looking through open shadow roots (a card inside <lead-kanban>). */
export function deepActiveElement(doc: Document = document): HTMLElement | null {
  let active = doc.activeElement;
  while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
  return active instanceof HTMLElement ? active : null;
}

const TABBABLE =
  'a[href], button, input, select, textarea, [tabindex], [contenteditable="true"], assign-picker';

/**
 * Elements of `root` that Tab can reach, in document order. Custom elements that delegate focus (the
 * picker) count as one stop; their own shadow content is theirs to manage.
 */
export function tabbables(root: ParentNode): HTMLElement[] {
  return [...root.querySelectorAll<HTMLElement>(TABBABLE)].filter((el) => {
    if (el.tabIndex < 0 && el.localName !== 'assign-picker') return false;
    if ((el as HTMLButtonElement).disabled || el.hasAttribute('disabled')) return false;
    if (el.closest('[inert]')) return false;
    return el.checkVisibility();
  });
}

/** Whether `candidate` is `el` or sits inside it (through `el`'s shadow root as well). */
export function holdsFocus(el: Element, candidate: Element | null): boolean {
  if (!candidate) return false;
  if (el === candidate || el.contains(candidate)) return true;
  return Boolean(el.shadowRoot?.contains(candidate));
}
