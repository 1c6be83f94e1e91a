import { css } from 'lit';

/** The drawer's Activity section: the note composer and the history list (drawer-activity.ts). */
export const drawerActivityStyles = css`
  .note-form {
    display: grid;
    gap: 8px;
    margin-bottom: 20px;
  }
  .note-form .actions {
    display: flex;
    align-items: center;
    justify-content: space-between;
    gap: 8px;
  }
  .note-form .actions p {
    margin: 0;
  }
  .note-form .buttons {
    display: flex;
    gap: 8px;
    margin-inline-start: auto;
  }
  /* ---- activity ---- */
  ol {
    list-style: none;
    margin: 0;
    padding: 0;
    display: grid;
  }
  .entry {
    position: relative;
    display: grid;
    grid-template-columns: 22px 1fr;
    gap: 10px;
    padding: 0 0 14px;
  }
  /* The timeline rule between avatars. */
  .entry:not(:last-child)::before {
    content: '';
    position: absolute;
    inset-inline-start: 10.5px;
    top: 26px;
    bottom: 2px;
    width: 1px;
    background: var(--_border);
  }
  .entry p {
    margin: 0;
    line-height: 1.45;
  }
  .entry-text {
    overflow-wrap: anywhere;
  }
  .entry-meta {
    font-size: 12px;
    color: var(--_muted);
  }
  .note-text {
    margin: 6px 0 2px;
    padding: 8px 10px;
    border-radius: var(--_radius-sm);
    background: var(--_surface-2);
    border: 1px solid var(--_border);
    white-space: pre-wrap;
    overflow-wrap: anywhere;
  }
  .muted {
    color: var(--_muted);
  }
`;
