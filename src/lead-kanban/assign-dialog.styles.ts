import { css } from 'lit';

/** The bulk "Assign leads" dialog (assign-dialog.ts); its frame is shared/dialog.styles.ts. */
export const assignDialogStyles = css`
  :host {
    display: contents;
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
  .hidden-warning {
    align-items: center;
  }
  .hidden-warning > span {
    flex: 1;
  }
  .dialog-progress {
    display: flex;
    align-items: center;
    gap: 10px;
    margin-top: 14px;
    font-size: 13px;
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
