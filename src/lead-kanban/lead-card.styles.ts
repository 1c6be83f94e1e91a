import { css } from 'lit';

/**
 * A card (lead-card.ts), and the classes SortableJS sets while one is dragged (CARD_DRAG). Its height is
 * the card geometry of card-geometry.ts, set on the board as custom properties. The card's root element is the
 * surface (class "card"), laid out as a grid: checkbox, name and actions on the first row, the meta block
 * (company; value and assignee) on the last. What is only drawn (the checkbox's hit area, the actions dots,
 * the wait clock, the busy bar) is pseudo-elements, not elements.
 */
export const cardStyles = css`
  .card {
    position: relative;
    flex: none;
    height: var(--_card-height);
    margin-bottom: var(--_card-gap);
    box-sizing: border-box;
    display: grid;
    grid-template-columns: auto minmax(0, 1fr) auto;
    grid-template-rows: auto auto;
    align-content: space-between;
    align-items: center;
    column-gap: 8px;
    padding-block: 10px;
    padding-inline: 11px 10px;
    background: var(--_surface);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    box-shadow: var(--_shadow);
    cursor: grab;
    transition: border-color 120ms, box-shadow 120ms, background 120ms;
    overflow: hidden;
  }
  .card:hover {
    border-color: color-mix(in srgb, var(--_border) 45%, var(--_text));
  }
  /* Marks (live-marks.ts): changed by someone else, briefly; assigned to you, until opened or focused. */
  .card.is-changed {
    animation: card-changed 2.4s ease-out;
  }
  @keyframes card-changed {
    0%,
    30% {
      background: color-mix(in srgb, var(--_warning) 22%, var(--_surface));
      border-color: var(--_warning);
    }
  }
  .card.is-assigned {
    border-color: var(--_accent);
    box-shadow: inset 3px 0 0 var(--_accent), var(--_shadow);
  }
  .card.is-assigned:dir(rtl) {
    box-shadow: inset -3px 0 0 var(--_accent), var(--_shadow);
  }
  .card.is-assigned .card-name {
    font-weight: 700;
  }
  @media (prefers-reduced-motion: reduce) {
    .card.is-changed {
      animation: none;
      border-color: var(--_warning);
      box-shadow: 0 0 0 1px var(--_warning);
    }
  }
  .card.is-selected {
    background: var(--_accent-soft);
    border-color: var(--_accent);
    box-shadow: 0 0 0 1px var(--_accent);
  }
  /* The checkbox, drawn at its own size; its hit area of --_target is a pseudo-element (a part of the input,
     so a press on it is a press on the box). */
  .card-check {
    --_hit: max(16px, var(--_target));
    position: relative;
    z-index: 1;
    width: 16px;
    height: 16px;
    margin: 0;
    cursor: pointer;
  }
  .card-check::before {
    content: '';
    position: absolute;
    inset: calc((16px - var(--_hit)) / 2);
  }
  .card-menu {
    position: relative;
    z-index: 1;
  }
  /* The actions button's three dots. */
  .card-menu::before {
    content: '';
    width: 13px;
    height: 3px;
    background: radial-gradient(circle, currentColor 1.3px, transparent 1.6px) 0 50% / 4.5px 3px repeat-x;
  }
  .card-open {
    min-width: 0;
    padding: 0;
    border: 0;
    background: none;
    text-align: start;
    cursor: inherit;
    outline: none;
  }
  .card-open::after {
    content: '';
    position: absolute;
    inset: -1px;
    border-radius: inherit;
  }
  /* The card's focus ring: an outline on the card itself (its overflow would clip a ring drawn by the button;
     outlines also survive forced-colors mode, box-shadows do not). */
  .card:has(> .card-open:focus-visible),
  .card.is-lifted {
    outline: 2px solid var(--_accent);
    outline-offset: 2px;
  }
  .card.is-lifted {
    border-color: var(--_accent);
    box-shadow: var(--_shadow-lg);
    transform: rotate(-1deg);
  }
  .card-lift {
    position: absolute;
    inset: 0;
    z-index: 2;
    border-radius: inherit;
    outline: none;
    cursor: grabbing;
  }
  @media (prefers-reduced-motion: reduce) {
    .card.is-lifted { transform: none; }
  }
  /* Names typed by people: each runs in its own direction (a Latin name on a right-to-left page keeps its period at the end). */
  .card-name,
  .card-company,
  .card-assignee-name {
    unicode-bidi: plaintext;
  }
  /* plaintext also moves "start" to the text's own side; keep the page's start (match-parent does not, in Chromium). */
  .card-name:dir(rtl),
  .card-company:dir(rtl),
  .card-assignee-name:dir(rtl) {
    text-align: right;
  }
  .card-name {
    display: block;
    overflow: hidden;
    text-overflow: ellipsis;
    white-space: nowrap;
    font-weight: 600;
    font-size: 14px;
    line-height: 20px;
  }
  /* A long name is cut to one line; hovered or focused, the card shows it on two lines of 18px, which fit the
     fixed card height (card-geometry.ts) beside the company and the footer, and a name that fits moves nothing. */
  .card:hover .card-name,
  .card-name:focus-visible {
    display: -webkit-box;
    -webkit-box-orient: vertical;
    -webkit-line-clamp: 2;
    white-space: normal;
    overflow-wrap: anywhere;
    line-height: 18px;
  }
  .card-menu {
    /* 26 × 24 drawn; on touch its hit area grows to --_target without moving anything. */
    --_w: max(26px, var(--_target));
    --_h: max(24px, var(--_target));
    display: inline-grid;
    place-items: center;
    width: var(--_w);
    height: var(--_h);
    margin: calc((24px - var(--_h)) / 2) calc(-4px - (var(--_w) - 26px) / 2) calc((24px - var(--_h)) / 2)
      calc((26px - var(--_w)) / 2);
    padding: 0;
    border: 0;
    border-radius: var(--_radius-sm);
    background: transparent;
    color: var(--_muted);
    cursor: pointer;
    opacity: 0.75;
  }
  .card:hover .card-menu,
  .card-menu:focus-visible,
  .card-menu[aria-expanded='true'] {
    opacity: 1;
  }
  .card-menu:hover,
  .card-menu[aria-expanded='true'] {
    background: color-mix(in srgb, var(--_text) 8%, transparent);
    color: var(--_text);
  }
  .card-menu:focus-visible {
    outline: none;
    box-shadow: var(--_focus);
  }
  .card-meta {
    grid-column: 1 / -1;
    display: grid;
    /* value | room | avatar | name (cut first when short of room) | wait badge */
    grid-template-columns: auto minmax(0, 1fr) auto minmax(0, max-content) auto;
    align-items: center;
    gap: 8px 0;
    min-width: 0;
  }
  .card-company {
    grid-column: 1 / -1;
    overflow: hidden;
    text-overflow: ellipsis;
    white-space: nowrap;
    color: var(--_muted);
    font-size: 13px;
    line-height: 16px;
    min-height: 16px;
  }
  .card-meta > .avatar {
    grid-column: 3;
    margin-inline-start: 8px;
  }
  .card-assignee-name {
    grid-column: 4;
    margin-inline-start: 6px;
  }
  .card-wait {
    grid-column: 5;
    margin-inline-start: 6px;
  }
  .card-value {
    font-weight: 600;
    font-size: 13px;
    font-variant-numeric: tabular-nums;
  }
  .card-assignee-name {
    overflow: hidden;
    text-overflow: ellipsis;
    white-space: nowrap;
    max-width: 130px;
    font-size: 12px;
  }
  .card-assignee-name.is-unassigned {
    color: var(--_muted);
  }
  /* How long an unassigned lead has waited, in place of the word "Unassigned" (kept for screen readers and in the
     tooltip), in the warning colour of the workload strip's Unassigned chip. */
  .card-wait {
    flex: none;
    display: inline-flex;
    align-items: center;
    gap: 3px;
    padding: 0 6px;
    border-radius: 999px;
    background: color-mix(in srgb, var(--_warning) 8%, var(--_surface));
    color: var(--_warning);
    font-weight: 600;
    font-size: 12px;
    line-height: 18px;
    font-variant-numeric: tabular-nums;
  }
  /* The clock: a ring and two hands. */
  .card-wait::before {
    content: '';
    width: 11px;
    height: 11px;
    box-sizing: border-box;
    border: 1.6px solid currentColor;
    border-radius: 50%;
    background:
      linear-gradient(currentColor, currentColor) 50% 1.5px / 1.6px 3.5px no-repeat,
      linear-gradient(currentColor, currentColor) calc(50% + 1.5px) 50% / 3px 1.6px no-repeat;
  }
  .card.is-pending {
    cursor: progress;
  }
  .card.is-pending .card-meta,
  .card.is-pending .card-name {
    opacity: 0.7;
  }
  .card.is-pending::after {
    content: '';
    position: absolute;
    inset-inline-start: 0;
    inset-inline-end: 0;
    bottom: 0;
    height: 2px;
    background: linear-gradient(90deg, transparent, var(--_accent), transparent);
    background-size: 50% 100%;
    background-repeat: no-repeat;
    animation: card-busy 1s linear infinite;
  }
  @keyframes card-busy {
    from { background-position: -50% 0; }
    to { background-position: 150% 0; }
  }
  @media (prefers-reduced-motion: reduce) {
    .card.is-pending::after { animation: none; background: var(--_accent); opacity: 0.5; }
  }

  /* drag and drop (SortableJS classes) */
  .card.is-drop-placeholder {
    background: color-mix(in srgb, var(--_accent) 8%, transparent);
    border: 1.5px dashed var(--_accent);
    box-shadow: none;
  }
  .card.is-drop-placeholder > * {
    visibility: hidden;
  }
  .card.is-drag-image {
    transform: rotate(2deg);
    box-shadow: var(--_shadow-lg);
    cursor: grabbing;
  }
`;
