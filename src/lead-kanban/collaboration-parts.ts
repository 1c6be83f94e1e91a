/**
 * What the board needs only when people work together on it, in one chunk of its own (collaborationChunk in
 * board-collaboration.ts, the mechanism of src/internal/lazy.ts): the "Distribute leads" dialog and the panel
 * listing the leads a bulk result found changed by someone else (loading the chunk defines both elements),
 * and what the board's notices say (src/notice-text.ts with its words): no first frame shows a notice, and
 * BoardCommands and AssigneeAlert wait for this chunk, in order, when one comes before it.
 */
import '../l10n/collaboration-late.js';
import './distribute-dialog.js';
import './conflict-panel.js';

export { assignedToYouText, noticeText, settledText } from '../notice-text.js';
