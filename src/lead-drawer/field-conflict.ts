/**
 * A field edit that collided: someone else changed the field after the user began editing it. The drawer
 * shows who changed it to what beside what the user typed, and the user chooses — `Keep mine` (sent again,
 * now knowing theirs) or `Keep theirs` (the draft goes). Assignment conflicts are the assignment's own.
 */
import '../l10n/parts-late.js'; // the words of the parts loaded on demand (joins the table first)
import { html, type TemplateResult } from 'lit';
import type { Activity, Lead } from '../../sdk/index.js';
import { messages } from '../l10n.js';
import type { FieldDraft } from './drafts.js';
import { fieldText, holdsText, type FieldKey } from './lead-fields.js';

/** Whether a draft collides: the field changed since its base, and not to what the user typed. */
export function collides(lead: Lead, key: FieldKey, draft: FieldDraft): boolean {
  return fieldText(lead, key) !== fieldText(draft.base, key) && !holdsText(lead, key, draft.text);
}

/** The newest history entry that changed `key` (one entry per field, or older entries naming several). */
export function lastChangeOf(entries: readonly Activity[] | undefined, key: FieldKey): Activity | undefined {
  if (!entries) return undefined;
  for (let i = entries.length - 1; i >= 0; i--) {
    const entry = entries[i]!;
    if (entry.type === 'updated' && (entry.text ?? '').split(',').some((f) => f.trim() === key)) return entry;
  }
  return undefined;
}

export interface FieldConflictView {
  /** Id of the sentence (the box is described by it). */
  id: string;
  /** The field's label. */
  field: string;
  /** Who changed it ("Someone" when the history does not say). */
  who: string;
  /** Their value and the user's, as shown. */
  theirs: string;
  mine: string;
  keepMine(): void;
  keepTheirs(): void;
}

/** The sentence of a conflict ("Dana Ruiz changed Value to $12,000 while you were editing. You typed $15,000."). */
export function conflictText(view: Pick<FieldConflictView, 'who' | 'field' | 'theirs' | 'mine'>): string {
  const msg = messages();
  return msg.fieldConflict(view.who, view.field, view.theirs || msg.emptyValue, view.mine || msg.emptyValue);
}

export function renderFieldConflict(view: FieldConflictView): TemplateResult {
  const msg = messages();
  return html`<div class="confirm field-conflict" role="group" aria-labelledby=${view.id}>
    <p id=${view.id}>${conflictText(view)}</p>
    <div class="actions">
      <button class="button primary" type="button" @click=${view.keepMine}>${msg.keepMine}</button>
      <button class="button" type="button" @click=${view.keepTheirs}>${msg.keepTheirs}</button>
    </div>
  </div>`;
}
