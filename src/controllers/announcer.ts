/**
 * One polite live region for the whole page, in the light DOM (screen readers follow live regions across
 * shadow roots unreliably), visually hidden. Moves, assignments, bulk results and selection counts go here.
 */
const REGION_ID = 'lead-kanban-live-region';

function region(): HTMLElement {
  let el = document.getElementById(REGION_ID);
  if (!el) {
    el = document.createElement('div');
    el.id = REGION_ID;
    el.setAttribute('role', 'status');
    el.setAttribute('aria-live', 'polite');
    el.setAttribute('aria-atomic', 'true');
    el.dataset.leadKanban = 'live-region';
    Object.assign(el.style, {
      position: 'absolute', width: '1px', height: '1px', margin: '-1px', padding: '0', overflow: 'hidden',
      clip: 'rect(0 0 0 0)', clipPath: 'inset(50%)', whiteSpace: 'nowrap', border: '0',
    });
    document.body.append(el);
  }
  return el;
}

let pending: ReturnType<typeof setTimeout> | undefined;

/**
 * Replaces the region's text. The text is set synchronously (tests and hosts can read it at once); a
 * repeated identical message is cleared first and re-set on the next tick so it is spoken again.
 */
export function announce(message: string): void {
  const el = region();
  if (pending) clearTimeout(pending);
  if (el.textContent === message) {
    el.textContent = '';
    pending = setTimeout(() => {
      el.textContent = message;
      pending = undefined;
    }, 50);
  } else {
    el.textContent = message;
  }
}

/** The live region element (created on first use). */
export function liveRegion(): HTMLElement {
  return region();
}
