/**
 * What the board needs only when people work together on it, in one chunk of its own (collaborationChunk in
 * board-collaboration.ts, the mechanism of src/internal/lazy.ts): the "Distribute leads" dialog and the panel
 * listing the leads a bulk result found changed by someone else. Loading the chunk defines both elements.
 */
import '../l10n/collaboration-late.js';
import './distribute-dialog.js';
import './conflict-panel.js';
