/**
 * The parts of the board a user reaches only by acting — the card actions menu and the bulk "Assign leads"
 * dialog — in one chunk of their own (see on-demand.ts). Loading this module registers both elements.
 */
import './card-menu.js';
import './assign-dialog.js';
