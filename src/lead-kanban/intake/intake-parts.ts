/**
 * The board's dialogs for leads arriving: "Add lead", "Import leads" and "Assignment rules". Importing this
 * defines the three elements, each with its own styles; they load late with the board's other on-demand
 * parts (on-demand-parts.ts says why they share that chunk), used through board-intake.ts.
 */
import './add-lead-dialog.js';
import './import-dialog.js';
import './rules-dialog.js';
