import { css } from 'lit';

/**
 * The design tokens every element reads. Hosts theme with `--lead-*` custom properties; each falls back to
 * the built-in light or dark value, `light-dark()` choosing by the colour scheme in force. Private `--_*`
 * copies keep the fallbacks in one place.
 *
 * The colour scheme follows the system (`prefers-color-scheme`) unless `theme="light"` or `theme="dark"` on an
 * element, or `--lead-color-scheme` on an ancestor, says otherwise. It travels as an inherited custom
 * property, so the drawer, pickers and dialogs inside an element (each with its own shadow root) follow it.
 *
 * The type scale is small on purpose: 14px (the base, card names), 13px (controls, values, secondary lines) and
 * 12px (counts, badges, labels), each in weight 400 or 600, no italics; 10px only for the initials of small
 * avatars, headings of the drawer and dialogs above, and 700 only for the name on a card just assigned to you
 * (a live mark, never on a first frame). Every distinct family × size × weight × style a page
 * shows is a font the browser must find and set up before it can lay the text out (on Linux a synchronous
 * request to the browser process for each), so a board with many of them waits for fonts on its first frame:
 * see docs/architecture.md, "Performance".
 */
/** `theme="light|dark"` on an element: the scheme for it and everything inside it (the drawer shell has no tokens of its own). */
export const themeAttribute = css`
  :host([theme='light']) {
    --lead-color-scheme: light;
  }
  :host([theme='dark']) {
    --lead-color-scheme: dark;
  }
`;

/**
 * The shared tokens, documented once here: the manifest lists them on every element that declares
 * `@themetokens` (custom-elements-manifest.config.mjs copies them in).
 *
 * @cssproperty --lead-color-scheme - `light`, `dark`, or `light dark` (the default: follow the system's `prefers-color-scheme`). Set on any ancestor; the `theme` attribute sets it on the element.
 * @cssproperty --lead-color-background - Board background.
 * @cssproperty --lead-color-surface - Cards, toolbar controls, dialogs, the drawer, the picker's popup.
 * @cssproperty --lead-color-surface-raised - Column background, quiet panels.
 * @cssproperty --lead-color-text - Main text.
 * @cssproperty --lead-color-muted - Secondary text (company, counts, "Unassigned").
 * @cssproperty --lead-color-border - Borders and dividers.
 * @cssproperty --lead-color-accent - Primary buttons, selection, the active option, focus ring.
 * @cssproperty --lead-color-accent-soft - Selected card background, pressed chips.
 * @cssproperty --lead-color-on-accent - Text on the accent colour.
 * @cssproperty --lead-color-danger - Errors.
 * @cssproperty --lead-color-success - Success notices.
 * @cssproperty --lead-color-warning - Warnings.
 * @cssproperty --lead-focus-ring - The focus ring, a `box-shadow` (default: 2px of surface, then 2px of accent).
 * @cssproperty --lead-radius - Corner radius of cards and panels (default 8px).
 * @cssproperty --lead-radius-small - Corner radius of buttons, fields and chips (default 6px).
 * @cssproperty --lead-shadow - Shadow of cards and raised controls, a `box-shadow`.
 * @cssproperty --lead-shadow-large - Shadow of popups, dialogs and the drawer, a `box-shadow`.
 * @cssproperty --lead-spacing - The base spacing unit (default 8px).
 * @cssproperty --lead-font-family - Font.
 * @cssproperty --lead-font-size - Base font size (default 14px).
 */
export const tokens = css`
  ${themeAttribute}
  :host {
    color-scheme: var(--lead-color-scheme, light dark);
    --_font: var(--lead-font-family, system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif);
    --_text: var(--lead-color-text, light-dark(#1f2933, #e6e9ef));
    --_muted: var(--lead-color-muted, light-dark(#5f6b7a, #9aa5b5));
    --_bg: var(--lead-color-background, light-dark(#f4f6f9, #0f131a));
    --_surface: var(--lead-color-surface, light-dark(#ffffff, #1a202b));
    --_surface-2: var(--lead-color-surface-raised, light-dark(#f9fafb, #202735));
    --_border: var(--lead-color-border, light-dark(#dde2e8, #2e3646));
    --_accent: var(--lead-color-accent, light-dark(#4355d6, #8b9bff));
    --_accent-text: var(--lead-color-on-accent, light-dark(#ffffff, #0f131a));
    --_accent-soft: var(--lead-color-accent-soft, light-dark(#e8ebfc, #262e52));
    --_danger: var(--lead-color-danger, light-dark(#c62828, #ff7b7b));
    --_success: var(--lead-color-success, light-dark(#2e7d32, #4cc38a));
    --_warning: var(--lead-color-warning, light-dark(#a05a00, #f0b429));
    --_focus: var(--lead-focus-ring, 0 0 0 2px var(--_surface), 0 0 0 4px var(--_accent));
    --_radius: var(--lead-radius, 8px);
    --_radius-sm: var(--lead-radius-small, 6px);
    --_shadow: var(--lead-shadow, 0 1px 2px light-dark(rgb(16 24 40 / 0.06), rgb(0 0 0 / 0.35)),
      0 1px 3px light-dark(rgb(16 24 40 / 0.1), rgb(0 0 0 / 0.25)));
    --_shadow-lg: var(--lead-shadow-large, 0 12px 32px light-dark(rgb(16 24 40 / 0.18), rgb(0 0 0 / 0.5)));
    --_space: var(--lead-spacing, 8px);
    --_font-size: var(--lead-font-size, 14px);
    font-family: var(--_font);
    font-size: var(--_font-size);
    color: var(--_text);
  }
  [hidden] {
    display: none !important;
  }
  .visually-hidden {
    position: absolute;
    width: 1px;
    height: 1px;
    margin: -1px;
    padding: 0;
    overflow: hidden;
    clip: rect(0 0 0 0);
    clip-path: inset(50%);
    white-space: nowrap;
    border: 0;
  }
`;
