/** Keyboard movement through a list of options (menu items, listbox options): which index a key leads to. */

export interface ListMove {
  /** Past either end, continue at the other (menus, the picker) instead of stopping (the status filter). */
  wrap: boolean;
  /** How far PageUp/PageDown jump; without it they are not list keys. */
  page?: number;
}

/**
 * The index `key` moves to from `index` in a list of `length` items, or undefined when the key does not move
 * through lists. From "nothing active" (-1), ArrowDown goes to the first item and ArrowUp to the last.
 */
export function moveIndex(key: string, index: number, length: number, how: ListMove): number | undefined {
  if (length === 0) return undefined;
  const last = length - 1;
  const step = (delta: number) => {
    if (index < 0) return delta > 0 ? 0 : last;
    const next = index + delta;
    if (how.wrap) return (next + length) % length;
    return Math.max(0, Math.min(last, next));
  };
  switch (key) {
    case 'ArrowDown':
      return step(1);
    case 'ArrowUp':
      return step(-1);
    case 'Home':
      return 0;
    case 'End':
      return last;
    case 'PageDown':
    case 'PageUp':
      if (!how.page) return undefined;
      return Math.max(0, Math.min(last, index + (key === 'PageDown' ? how.page : -how.page)));
    default:
      return undefined;
  }
}

/**
 * Type-ahead for a menu: the next item after `index` (wrapping) whose label starts with the typed character,
 * or undefined when none does (or the key is not a plain character).
 */
export function typeAhead(labels: readonly string[], index: number, key: string): number | undefined {
  if (key.length !== 1 || key === ' ') return undefined;
  const ch = key.toLowerCase();
  for (let k = 1; k <= labels.length; k++) {
    const i = (index + k) % labels.length;
    if (labels[i]!.toLowerCase().startsWith(ch)) return i;
  }
  return undefined;
}
