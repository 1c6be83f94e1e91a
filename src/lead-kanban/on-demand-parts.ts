/**
 * The parts of the board a user reaches only by acting — the card actions menu, the bulk "Assign leads"
 * dialog and the "Keyboard shortcuts" dialog — in one chunk of their own (see on-demand.ts). Loading this module registers both elements and
 * puts their rules in the sheet every board adopts (onDemandPartsSheet).
 */
import { css } from 'lit';
import './card-menu.js';
import './assign-dialog.js';
import './help-dialog.js';
import { onDemandPartsSheet } from './lead-kanban.styles.js';

/** Both render into the board's shadow root (light DOM there), so their rules go into the board's sheets. */
const partsRules = css`
  /* ---------- card menu ---------- */
  .menu {
    position: fixed;
    z-index: 1000;
    min-width: 210px;
    padding: 4px;
    background: var(--_surface);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    box-shadow: var(--_shadow-lg);
    font-size: 13px;
  }
  .menu-item {
    padding: 7px 10px;
    border-radius: var(--_radius-sm);
    cursor: pointer;
    outline: none;
  }
  .menu-item:focus {
    background: var(--_accent-soft);
    color: var(--_text);
    /* Invisible normally; shows as a ring in forced-colors mode, where backgrounds are dropped. */
    outline: 2px solid transparent;
    outline-offset: -2px;
  }
  .menu-item[aria-disabled='true'] {
    color: var(--_muted);
    cursor: default;
    opacity: 0.6;
  }
  .menu-sep {
    height: 1px;
    margin: 4px 6px;
    background: var(--_border);
  }

  .assign-dialog {
    width: min(460px, calc(100vw - 32px));
    padding: 22px 24px 20px;
  }
  .dialog-picker {
    display: block;
  }
  .dialog-confirm {
    margin-top: 16px;
  }
  .confirm-question {
    margin: 0;
    font-size: 14px;
    font-weight: 600;
  }
  .dialog-warning {
    display: flex;
    gap: 8px;
    align-items: flex-start;
    margin: 10px 0 0;
    padding: 8px 10px;
    border-radius: var(--_radius-sm);
    background: color-mix(in srgb, var(--_warning) 12%, var(--_surface));
    color: var(--_text);
    font-size: 13px;
  }
  .dialog-warning .icon {
    color: var(--_warning);
    margin-top: 1px;
  }
  .dialog-progress {
    display: flex;
    align-items: center;
    gap: 10px;
    margin-top: 14px;
    font-size: 12.5px;
    color: var(--_muted);
  }
  .progress-track {
    position: relative;
    flex: 1;
    height: 4px;
    border-radius: 4px;
    overflow: hidden;
    background: color-mix(in srgb, var(--_accent) 15%, transparent);
  }
  .progress-bar {
    position: absolute;
    inset: 0 auto 0 0;
    width: 40%;
    border-radius: inherit;
    background: var(--_accent);
    animation: progress 1.1s ease-in-out infinite;
  }
  @keyframes progress {
    from { transform: translateX(-100%); }
    to { transform: translateX(250%); }
  }
`;

onDemandPartsSheet.replaceSync(partsRules.cssText);
