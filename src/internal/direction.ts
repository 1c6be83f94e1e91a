/**
 * Right-to-left. Layout mirrors by itself (flex rows and logical CSS properties follow `dir`); what does not
 * is code that reads arrow keys. That code is written left to right — ArrowLeft toward the inline start (the
 * previous column, chip or tab), ArrowRight toward the inline end — and reads each key through `inlineKey`,
 * which swaps Left and Right under `dir="rtl"`: the key pressed always goes the way it points on screen.
 */

/** Whether `element` lays out right to left (`dir="rtl"` on it or an ancestor, through shadow roots). */
export function isRtl(element: Element): boolean {
  return element.matches(':dir(rtl)');
}

/** The key as left-to-right code reads it: ArrowLeft and ArrowRight swapped where `element` is right to left. */
export function inlineKey(key: string, element: Element): string {
  if (key !== 'ArrowLeft' && key !== 'ArrowRight') return key;
  if (!isRtl(element)) return key;
  return key === 'ArrowLeft' ? 'ArrowRight' : 'ArrowLeft';
}
