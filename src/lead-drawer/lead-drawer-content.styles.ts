import { css } from 'lit';

export const drawerContentStyles = css`
  :host {
    display: contents;
    --_panel-width: var(--lead-drawer-width, 520px);
  }

  /* The <dialog> spans the viewport; the backdrop and the panel are its children so both are styleable parts. */
  dialog {
    position: fixed;
    inset: 0;
    width: 100%;
    height: 100%;
    max-width: none;
    max-height: none;
    margin: 0;
    padding: 0;
    border: 0;
    background: transparent;
    color: var(--_text);
    font-family: var(--_font);
    font-size: var(--_font-size);
    overflow: hidden;
  }
  dialog::backdrop {
    background: transparent;
  }
  .backdrop {
    position: absolute;
    inset: 0;
    background: var(--lead-drawer-backdrop, light-dark(rgb(15 23 42 / 0.32), rgb(0 0 0 / 0.55)));
    animation: fade-in 180ms ease-out;
  }
  .panel {
    position: absolute;
    top: 0;
    inset-inline-end: 0;
    bottom: 0;
    display: flex;
    flex-direction: column;
    width: min(var(--_panel-width), 100vw);
    background: var(--_surface);
    box-shadow: var(--_shadow-lg);
    border-inline-start: 1px solid var(--_border);
    animation: slide-in 220ms cubic-bezier(0.2, 0.8, 0.2, 1);
    /* It slides in from the inline end: the right, or the left under right-to-left. */
    --_slide-from: 100%;
  }
  .panel:dir(rtl) {
    --_slide-from: -100%;
  }
  @keyframes slide-in {
    from {
      transform: translateX(var(--_slide-from));
    }
  }
  @keyframes fade-in {
    from {
      opacity: 0;
    }
  }

  /* ---- header ---- */
  .header {
    flex: none;
    display: grid;
    gap: 16px;
    padding: 20px 24px 18px;
    border-bottom: 1px solid var(--_border);
    background: var(--_surface);
  }
  .title-row {
    display: flex;
    align-items: flex-start;
    gap: 12px;
  }
  .titles {
    flex: 1;
    min-width: 0;
  }
  /* The company, typed by people, in its own direction ("Inc." keeps its period at the end on a right-to-left page). */
  .subtitle {
    unicode-bidi: plaintext;
  }
  /* plaintext also moves "start" to the text's own side; keep the page's start (match-parent does not, in Chromium). */
  .subtitle:dir(rtl) {
    text-align: right;
  }
  h2 {
    margin: 0;
    font-size: 20px;
    line-height: 1.3;
    font-weight: 600;
    letter-spacing: -0.01em;
    overflow-wrap: anywhere;
  }
  h2:focus {
    outline: none;
  }
  h2:focus-visible {
    outline: 2px solid var(--_accent);
    outline-offset: 2px;
    border-radius: 2px;
  }
  .subtitle {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 6px 10px;
    margin: 6px 0 0;
    color: var(--_muted);
  }
  .chip {
    display: inline-flex;
    align-items: center;
    gap: 6px;
    padding: 2px 8px;
    border-radius: 999px;
    font-size: 12px;
    font-weight: 600;
    background: var(--_surface-2);
    border: 1px solid var(--_border);
    color: var(--_text);
  }
  .chip.value {
    font-variant-numeric: tabular-nums;
  }
  .close {
    flex: none;
    display: inline-grid;
    place-items: center;
    width: 34px;
    height: 34px;
    margin-block: -4px 0;
    margin-inline: 0 -8px;
    border: 0;
    border-radius: var(--_radius-sm);
    background: transparent;
    color: var(--_muted);
    cursor: pointer;
  }
  .close:hover {
    background: var(--_surface-2);
    color: var(--_text);
  }
  .close svg {
    width: 18px;
    height: 18px;
  }
  .assign-row {
    display: flex;
    align-items: flex-end;
    gap: 12px;
    flex-wrap: wrap;
  }
  assign-picker {
    flex: 0 1 300px;
  }
  .assign-status {
    min-height: 36px;
    display: inline-flex;
    align-items: center;
    gap: 6px;
    font-size: 13px;
    color: var(--_muted);
  }
  .assign-status:empty {
    display: none;
  }
  .assign-status.saved {
    color: var(--_success);
  }
  .assign-status.error,
  .error {
    color: var(--_danger);
  }
  .confirm {
    display: grid;
    gap: 10px;
    padding: 12px 14px;
    border: 1px solid color-mix(in srgb, var(--_warning) 45%, var(--_border));
    border-radius: var(--_radius);
    background: color-mix(in srgb, var(--_warning) 9%, var(--_surface));
  }
  .confirm p {
    margin: 0;
  }
  .confirm .actions {
    display: flex;
    flex-wrap: wrap;
    gap: 8px;
  }
  .confirm .button {
    white-space: nowrap;
  }

  /* ---- body ---- */
  .body {
    flex: 1;
    overflow: auto;
    overscroll-behavior: contain;
    padding: 8px 24px 32px;
    display: grid;
    align-content: start;
    gap: 8px;
  }
  section {
    padding: 16px 0;
  }
  section + section {
    border-top: 1px solid var(--_border);
  }
  .section-head {
    display: flex;
    align-items: baseline;
    justify-content: space-between;
    gap: 12px;
    margin-bottom: 12px;
  }
  /* No text-transform: Chromium would expose "ACTIVITY" as the list's accessible name. */
  h3 {
    margin: 0;
    font-size: 13px;
    font-weight: 700;
    letter-spacing: 0.01em;
    color: var(--_text);
  }
  .save-state {
    font-size: 12px;
    color: var(--_muted);
  }
  /* Below a field: its refusal, or a draft kept from before ("Not saved yet · Save · Discard"). */
  .field-note {
    display: flex;
    flex-wrap: wrap;
    align-items: baseline;
    gap: 2px 10px;
    font-size: 13px;
  }
  .field-note p {
    margin: 0;
  }
  .draft-note p {
    color: var(--_warning);
    font-weight: 600;
  }
  .link-button {
    padding: 0;
    border: 0;
    background: none;
    color: var(--_accent);
    font: inherit;
    font-weight: 600;
    text-decoration: underline;
    text-underline-offset: 2px;
    cursor: pointer;
  }
  .field-conflict {
    padding: 10px 12px;
    font-size: 13px;
  }
  .field-conflict .button {
    padding: 0 10px;
  }
  .button {
    display: inline-flex;
    align-items: center;
    justify-content: center;
    min-height: 34px;
    padding: 0 14px;
    border-radius: var(--_radius-sm);
    border: 1px solid var(--_border);
    background: var(--_surface);
    color: var(--_text);
    font: inherit;
    font-weight: 600;
    cursor: pointer;
  }
  .button.primary {
    border-color: var(--_accent);
    background: var(--_accent);
    color: var(--_accent-text);
  }
  .button:disabled {
    opacity: 0.55;
    cursor: not-allowed;
  }
  .button:hover:not(:disabled) {
    filter: brightness(0.96);
  }

  @media (max-width: 560px) {
    .fields {
      grid-template-columns: 1fr;
    }
  }
  /* Narrow screens: the panel is a full-width sheet. */
  @media (max-width: 640px) {
    .panel {
      width: 100%;
      border-inline-start: 0;
      animation-name: sheet-in;
    }
    .header {
      padding: 12px 16px 14px;
    }
    .body {
      padding: 4px 16px 24px;
    }
    assign-picker {
      flex: 1 1 100%;
    }
  }
  @keyframes sheet-in {
    from {
      transform: translateY(24px);
      opacity: 0;
    }
  }
  /* Touch screens and narrow ones: every control is at least 44px to hit. */
  @media (pointer: coarse), (max-width: 640px) {
    .close {
      width: 44px;
      height: 44px;
      margin-block: -8px 0;
      margin-inline: 0 -10px;
    }
    /* As specific as the form styles' rule for text fields (src/shared/form.styles.ts), or it loses to it. */
    input:not([type='checkbox']):not([type='radio']),
    select,
    .button {
      min-height: 44px;
    }
    .link-button {
      min-height: 44px;
      padding: 0 4px;
    }
  }
  @media (prefers-reduced-motion: reduce) {
    .panel,
    .backdrop {
      animation: none;
    }
  }
`;
