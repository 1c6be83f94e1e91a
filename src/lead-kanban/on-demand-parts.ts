/**
 * The parts of the board a user reaches only by acting, in one chunk of their own (boardPartsChunk in
 * lead-kanban.ts, the mechanism of src/internal/lazy.ts): the card actions menu, the bulk "Assign leads"
 * dialog, the "Keyboard shortcuts" dialog and the intake dialogs ("Add lead", "Import leads", "Assignment
 * rules": intake/intake-parts.ts) — loading the chunk defines these elements, each with its own styles — the
 * menu's items, and the keyboard move mode (lift), which only the M key or that menu starts.
 *
 * The intake dialogs ride in this chunk rather than one of their own: with a fourth lazy chunk sharing lit
 * and the localization table with the entry, the bundler (rolldown 1.2) moved those shared modules out of the
 * entry into a separate file loaded up front, 1.4 KB gzip more for every host (test/bench/size.ts shows it).
 */
import './card-menu.js';
import './assign-dialog.js';
import './help-dialog.js';
import './intake/intake-parts.js';

export { cardMenuItems } from './card-menu-items.js';
export { KeyboardLift } from './keyboard-lift.js';
