/**
 * One ResizeObserver for every element whose size a board part tracks (column scrollers and the board's column
 * row by height, the board itself by width): its callback runs after layout, so reading each size there forces
 * nothing, and every size is read before any of them is reported (a report may re-render).
 */
let resizeObserver: ResizeObserver | undefined;
const heights = new WeakMap<Element, (height: number) => void>();
const widths = new WeakMap<Element, (width: number) => void>();

function observer(): ResizeObserver {
  return (resizeObserver ??= new ResizeObserver((entries) => {
    const reports: (() => void)[] = [];
    for (const { target } of entries) {
      const onHeight = heights.get(target);
      const onWidth = widths.get(target);
      if (onHeight) {
        const height = target.clientHeight;
        reports.push(() => onHeight(height));
      }
      if (onWidth) {
        const width = target.getBoundingClientRect().width;
        reports.push(() => onWidth(width));
      }
    }
    for (const report of reports) report();
  }));
}

export function observeHeight(element: Element, onHeight: (height: number) => void): void {
  heights.set(element, onHeight);
  observer().observe(element);
}

/** Stops observing (the shared observer would otherwise keep a removed element alive). */
export function unobserveHeight(element: Element): void {
  heights.delete(element);
  if (!widths.has(element)) resizeObserver?.unobserve(element);
}

export function observeWidth(element: Element, onWidth: (width: number) => void): void {
  widths.set(element, onWidth);
  observer().observe(element);
}

export function unobserveWidth(element: Element): void {
  widths.delete(element);
  if (!heights.has(element)) resizeObserver?.unobserve(element);
}
