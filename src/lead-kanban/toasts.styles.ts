import { css } from 'lit';

/** The stack of notices at the bottom of the board (toasts.ts). */
export const toastStyles = css`
  .toasts {
    position: absolute;
    z-index: 900;
    left: 50%;
    bottom: 20px;
    transform: translateX(-50%);
    display: flex;
    flex-direction: column;
    gap: 8px;
    align-items: center;
    pointer-events: none;
    width: max-content;
    max-width: calc(100% - 32px);
  }
  .toast {
    pointer-events: auto;
    max-width: 100%;
    box-sizing: border-box;
    padding-block: 8px;
    padding-inline: 14px 8px;
    border-radius: var(--_radius);
    background: color-mix(in srgb, var(--_text) 92%, var(--_bg));
    color: var(--_bg);
    box-shadow: var(--_shadow-lg);
    font-size: 13px;
    animation: toast-in 160ms ease-out;
  }
  @keyframes toast-in {
    from { transform: translateY(8px); opacity: 0; }
  }
  @media (prefers-reduced-motion: reduce) {
    .toast {
      animation: none;
    }
  }
  .toast-row {
    display: flex;
    align-items: center;
    gap: 10px;
  }
  .toast-text {
    flex: 1 1 auto;
    min-width: 0;
  }
  .toast-dot {
    width: 8px;
    height: 8px;
    border-radius: 50%;
    flex: none;
    background: var(--_success);
  }
  .toast-warning .toast-dot {
    background: #f0b429;
  }
  .toast-error .toast-dot {
    background: #f26d6d;
  }
  .toast-info .toast-dot {
    background: color-mix(in srgb, var(--_accent) 60%, var(--_bg));
  }
  .toast-action {
    border: 0;
    background: transparent;
    color: color-mix(in srgb, var(--_accent) 55%, var(--_bg));
    font-weight: 600;
    padding: 4px 8px;
    border-radius: var(--_radius-sm);
    cursor: pointer;
    white-space: nowrap;
  }
  .toast-close {
    display: inline-grid;
    place-items: center;
    width: 26px;
    height: 26px;
    border: 0;
    border-radius: var(--_radius-sm);
    background: transparent;
    color: inherit;
    opacity: 0.7;
    cursor: pointer;
  }
  .toast button:focus-visible {
    outline: none;
    box-shadow: var(--_focus);
  }
  .toast-action:hover,
  .toast-close:hover {
    background: color-mix(in srgb, var(--_bg) 14%, transparent);
    opacity: 1;
  }
`;
