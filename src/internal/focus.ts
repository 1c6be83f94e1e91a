/** Where focus is, through shadow roots, and the Tab stops of a focus trap. */

/** The element that really has focus, looking through open shadow roots (a card inside <lead-kanban>). */
export function deepActiveElement(doc: Document = document): HTMLElement | null {
  let active = doc.activeElement;
  while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
  return active instanceof HTMLElement ? active : null;
}

/** Whether `candidate` is `el` or sits inside it (in its light DOM or its shadow root). */
export function holdsFocus(el: Element, candidate: Element | null): boolean {
  if (!candidate) return false;
  if (el === candidate || el.contains(candidate)) return true;
  return Boolean(el.shadowRoot?.contains(candidate));
}

const TABBABLE = 'a[href], button, input, select, textarea, [tabindex], [contenteditable="true"]';

/**
 * Elements of `root` that Tab can reach, in document order. `delegates` names custom elements that delegate
 * focus to their shadow content (the picker): each counts as one stop, whatever its own tabindex says.
 */
export function tabbables(root: ParentNode, delegates: readonly string[] = []): HTMLElement[] {
  const selector = [TABBABLE, ...delegates].join(', ');
  return [...root.querySelectorAll<HTMLElement>(selector)].filter((el) => {
    if (el.tabIndex < 0 && !delegates.includes(el.localName)) return false;
    if ((el as HTMLButtonElement).disabled || el.hasAttribute('disabled')) return false;
    if (el.closest('[inert]')) return false;
    return el.checkVisibility();
  });
}

/**
 * Keeps Tab inside `root` (a modal panel whose `<dialog>` the browser does not trap because it spans the
 * page): from the last stop Tab wraps to the first, from the first Shift+Tab wraps to the last.
 */
export function trapTab(e: KeyboardEvent, root: ShadowRoot | Document, delegates: readonly string[] = []): void {
  const stops = tabbables(root, delegates);
  const first = stops[0];
  const last = stops.at(-1);
  if (!first || !last) {
    e.preventDefault();
    return;
  }
  const active = root.activeElement;
  const inside = stops.some((el) => el === active);
  if (e.shiftKey && (active === first || !inside)) {
    e.preventDefault();
    last.focus();
  } else if (!e.shiftKey && (active === last || !inside)) {
    e.preventDefault();
    first.focus();
  }
}
