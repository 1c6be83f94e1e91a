/** The drawer's focus trap: the stops Tab cycles through (with its content, in the drawer-body chunk). */

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
