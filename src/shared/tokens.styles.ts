import { css } from 'lit';

/**
 * The design tokens every element reads. Hosts theme with `--lead-*` custom properties; each falls back to
 * the light theme here. Private `--_*` copies keep the fallbacks in one place.
 */
export const tokens = css`
  :host {
    --_font: var(--lead-font-family, system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif);
    --_text: var(--lead-color-text, #1f2933);
    --_muted: var(--lead-color-muted, #5f6b7a);
    --_bg: var(--lead-color-background, #f4f6f9);
    --_surface: var(--lead-color-surface, #ffffff);
    --_surface-2: var(--lead-color-surface-raised, #f9fafb);
    --_border: var(--lead-color-border, #dde2e8);
    --_accent: var(--lead-color-accent, #4355d6);
    --_accent-text: var(--lead-color-on-accent, #ffffff);
    --_accent-soft: var(--lead-color-accent-soft, #e8ebfc);
    --_danger: var(--lead-color-danger, #c62828);
    --_success: var(--lead-color-success, #2e7d32);
    --_warning: var(--lead-color-warning, #a05a00);
    --_focus: var(--lead-focus-ring, 0 0 0 2px var(--_surface), 0 0 0 4px var(--_accent));
    --_radius: var(--lead-radius, 8px);
    --_radius-sm: var(--lead-radius-small, 6px);
    --_shadow: var(--lead-shadow, 0 1px 2px rgb(16 24 40 / 0.06), 0 1px 3px rgb(16 24 40 / 0.1));
    --_shadow-lg: var(--lead-shadow-large, 0 12px 32px rgb(16 24 40 / 0.18));
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
