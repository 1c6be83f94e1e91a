import { css } from 'lit';

/** The workload strip under the toolbar (workload-bar.ts). */
export const workloadStyles = css`
  .workload {
    --_chip-height: max(30px, var(--_target));
    display: flex;
    align-items: center;
    gap: 14px;
    padding: 8px 20px;
    background: var(--_surface);
    border-bottom: 1px solid var(--_border);
    min-height: 40px;
    box-sizing: border-box;
  }
  /* Loading: the strip keeps its height, nothing shows in it yet (workload-bar.ts). */
  .workload.is-waiting > * {
    visibility: hidden;
  }
  .viewing-as {
    display: inline-flex;
    align-items: center;
    gap: 8px;
    font-size: 13px;
    color: var(--_muted);
    white-space: nowrap;
    padding-inline-end: 14px;
    border-inline-end: 1px solid var(--_border);
  }
  .workload-label {
    font-size: 12px;
    font-weight: 600;
    letter-spacing: 0.06em;
    text-transform: uppercase;
    color: var(--_muted);
  }
  /* The chips scroll sideways inside their frame; a side that hides chips fades and shows an arrow. */
  .chips-frame {
    position: relative;
    display: flex;
    flex: 1;
    min-width: 0;
    /* As tall as a row of chips (and the strip's padding) before they are there: the board's first frame holds
       an empty frame (workload-bar.ts), and the columns must not move when the chips arrive. */
    min-height: calc(var(--_chip-height) + 4px);
  }
  .chips {
    display: flex;
    gap: 6px;
    overflow-x: auto;
    scrollbar-width: none;
    padding: 2px; /* room for the focus ring; counted in the frame's min-height */
    min-width: 0;
    scroll-padding-inline: 32px;
    /* The fades sit at the inline start and end: mirrored under right-to-left. */
    --_toward-end: 90deg;
  }
  .chips:dir(rtl) {
    --_toward-end: 270deg;
  }
  .chips::-webkit-scrollbar {
    display: none;
  }
  .chips-frame[data-more~='end'] .chips {
    mask-image: linear-gradient(var(--_toward-end), black calc(100% - 40px), transparent);
  }
  .chips-frame[data-more~='start'] .chips {
    mask-image: linear-gradient(var(--_toward-end), transparent, black 40px);
  }
  .chips-frame[data-more~='start'][data-more~='end'] .chips {
    mask-image: linear-gradient(var(--_toward-end), transparent, black 40px, black calc(100% - 40px), transparent);
  }
  .more {
    position: absolute;
    top: 50%;
    z-index: 1;
    display: none;
    place-items: center;
    width: 26px;
    height: 26px;
    margin-top: -13px;
    border: 1px solid var(--_border);
    border-radius: 50%;
    background: var(--_surface);
    box-shadow: var(--_shadow);
    color: var(--_text);
    font-size: 14px;
    line-height: 1;
    cursor: pointer;
    user-select: none;
  }
  .more-start {
    inset-inline-start: 0;
  }
  .more-end {
    inset-inline-end: 0;
  }
  .chips-frame[data-more~='start'] .more-start,
  .chips-frame[data-more~='end'] .more-end {
    display: grid;
  }

  /* A plain member filtering by a colleague: why the columns are empty. */
  .filter-note:empty {
    display: none;
  }
  .filter-note {
    display: flex;
    align-items: center;
    gap: 12px;
    flex-wrap: wrap;
    margin: 12px 20px 0;
    padding-block: 8px;
    padding-inline: 14px 8px;
    border-radius: var(--_radius);
    border: 1px solid color-mix(in srgb, var(--_warning) 40%, var(--_border));
    background: color-mix(in srgb, var(--_warning) 9%, var(--_surface));
    font-size: 13px;
  }
  .filter-note p {
    flex: 1;
    min-width: 12em;
    margin: 0;
  }
  :host([data-layout]) .workload {
    flex-wrap: wrap;
    gap: 6px 12px;
    padding: 6px 12px;
  }
  :host([data-layout]) .viewing-as {
    border-inline-end: 0;
    padding-inline-end: 0;
    white-space: normal;
  }
  :host([data-layout]) .workload-label {
    display: none;
  }
  :host([data-layout]) .chips-frame {
    flex: 1 1 100%;
  }
  .chip {
    position: relative;
    display: inline-flex;
    align-items: center;
    gap: 6px;
    flex: none;
    height: var(--_chip-height);
    padding-block: 0;
    padding-inline: 4px 10px;
    border: 1px solid var(--_border);
    border-radius: 999px;
    background: var(--_surface);
    font-size: 13px;
    cursor: pointer;
    overflow: hidden;
    transition: border-color 120ms, background 120ms;
  }
  .chip:focus-visible {
    outline: none;
    box-shadow: var(--_focus);
  }
  .chip:hover {
    border-color: color-mix(in srgb, var(--_border) 50%, var(--_text));
  }
  .chip.is-pressed {
    border-color: var(--_accent);
    background: var(--_accent-soft);
  }
  /* A long name is cut in the strip; hovered or focused, the chip shows it in full. */
  .chip:hover .chip-name,
  .chip:focus-visible .chip-name {
    max-width: 320px;
  }
  .chip-name {
    max-width: 120px;
    overflow: hidden;
    text-overflow: ellipsis;
    white-space: nowrap;
  }
  .chip-count {
    font-weight: 600;
    font-variant-numeric: tabular-nums;
  }
  .chip-unassigned .chip-name {
    color: var(--_muted);
  }
  .chip-wait {
    color: var(--_warning);
    font-size: 12px;
    font-weight: 600;
    white-space: nowrap;
  }
  .chip-bar {
    position: absolute;
    inset-inline-start: 10px;
    inset-inline-end: 10px;
    bottom: 3px;
    height: 2px;
    border-radius: 2px;
    background: color-mix(in srgb, var(--_text) 8%, transparent);
  }
  .chip-bar > span {
    display: block;
    height: 100%;
    border-radius: inherit;
    background: color-mix(in srgb, var(--_accent) 70%, transparent);
  }
  .chip-unassigned .chip-bar > span {
    background: var(--_warning);
  }
`;
