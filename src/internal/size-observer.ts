/**
 * One ResizeObserver for every element whose height a board part tracks (column scrollers, the board's column
 * row): its callback runs after layout, so reading each height there forces nothing, and every height is read
 * before any of them is reported (a report may re-render).
 */
let resizeObserver: ResizeObserver | undefined;
const observed = new WeakMap<Element, (height: number) => void>();

export function observeHeight(element: Element, onHeight: (height: number) => void): void {
  resizeObserver ??= new ResizeObserver((entries) => {
    const heights = entries.map((e) => [observed.get(e.target), e.target.clientHeight] as const);
    for (const [report, height] of heights) report?.(height);
  });
  observed.set(element, onHeight);
  resizeObserver.observe(element);
}

/** Stops observing (the shared observer would otherwise keep a removed element alive). */
export function unobserveHeight(element: Element): void {
  resizeObserver?.unobserve(element);
  observed.delete(element);
}
