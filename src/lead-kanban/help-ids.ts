import { html } from 'lit';
import { messages } from '../l10n.js';

/**
 * Id of the one-paragraph summary of the keyboard model. Cards and empty columns reference it with
 * `aria-describedby`; the board renders it (hidden) in its own shadow root, where the cards are, so the
 * references resolve (IDs do not cross shadow boundaries) without the "Keyboard shortcuts" dialog, which
 * loads on first use and shows the same text in its own shadow root.
 */
export const KEYBOARD_HELP_ID = 'lead-kanban-keyboard-help';
/** Id of the short instructions of a lifted card (arrows, Enter/Space, Escape), described on its overlay. */
export const LIFT_HELP_ID = 'lead-kanban-lift-help';

/** The two hidden paragraphs those ids name; the board renders them once. */
export function helpDescriptions() {
  const msg = messages();
  return html`<p id=${KEYBOARD_HELP_ID} hidden>${msg.keyboardHelpSummary}</p><p id=${LIFT_HELP_ID} hidden>${msg.liftInstructions}</p>`;
}
