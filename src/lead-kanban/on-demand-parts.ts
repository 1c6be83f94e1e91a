/**
 * The parts of the board a user reaches only by acting, in one chunk of their own (boardPartsChunk in
 * lead-kanban.ts, the mechanism of src/internal/lazy.ts): the card actions menu, the bulk "Assign leads"
 * dialog and the "Keyboard shortcuts" dialog (loading the chunk defines the three elements, each with its
 * own styles), the menu's items, and the keyboard move mode (lift), which only the M key or that menu starts.
 */
import './card-menu.js';
import './assign-dialog.js';
import './help-dialog.js';

export { cardMenuItems } from './card-menu-items.js';
export { KeyboardLift } from './keyboard-lift.js';
