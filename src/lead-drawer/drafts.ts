/**
 * What a person typed in a lead's drawer and has not saved or sent: kept per lead, for the store's life, until
 * it is saved, sent or discarded — closing the drawer (Escape, the backdrop, Close) or opening another lead
 * loses nothing, and reopening the lead shows it again (with a way to discard it). A field's draft remembers
 * the lead as it was when editing began: the store compares it with the lead now, so a field someone else
 * changed meanwhile is the user's choice rather than silently overwritten (LeadStore.update's `base`).
 */
import type { Lead, LeadStore } from '../../sdk/index.js';
import type { FieldKey } from './lead-fields.js';

export interface FieldDraft {
  /** What the box holds. */
  readonly text: string;
  /** The lead when the user began editing this field. */
  readonly base: Lead;
  /** Why the last save of it was refused (worded), until the next save. */
  readonly error?: string;
}

interface LeadDraft {
  fields: Map<FieldKey, FieldDraft>;
  note: string;
}

/** The drafts of one store's leads. */
export class DraftBook {
  private readonly leads = new Map<string, LeadDraft>();

  field(leadId: string, key: FieldKey): FieldDraft | undefined {
    return this.leads.get(leadId)?.fields.get(key);
  }

  /** Keeps what the box holds; the base is taken when the first keystroke of an edit arrives and kept after. */
  setField(leadId: string, key: FieldKey, text: string, lead: Lead): void {
    const fields = this.draft(leadId).fields;
    const was = fields.get(key);
    fields.set(key, { ...was, text, base: was?.base ?? lead });
  }

  /** The user has now seen `lead` (kept their own value over someone else's): it is the draft's new base. */
  rebase(leadId: string, key: FieldKey, lead: Lead): void {
    const was = this.field(leadId, key);
    if (was) this.draft(leadId).fields.set(key, { ...was, base: lead });
  }

  /** Records why a save of the field was refused (undefined: it was not). */
  setError(leadId: string, key: FieldKey, error: string | undefined): void {
    const was = this.field(leadId, key);
    if (!was) return;
    const { error: _old, ...rest } = was;
    this.draft(leadId).fields.set(key, error === undefined ? rest : { ...rest, error });
  }

  dropField(leadId: string, key: FieldKey): void {
    this.leads.get(leadId)?.fields.delete(key);
    this.prune(leadId);
  }

  note(leadId: string): string {
    return this.leads.get(leadId)?.note ?? '';
  }

  setNote(leadId: string, text: string): void {
    this.draft(leadId).note = text;
    this.prune(leadId);
  }

  /** Whether anything of this lead is unsaved. */
  has(leadId: string): boolean {
    return this.leads.has(leadId);
  }

  private draft(leadId: string): LeadDraft {
    let draft = this.leads.get(leadId);
    if (!draft) this.leads.set(leadId, (draft = { fields: new Map(), note: '' }));
    return draft;
  }

  private prune(leadId: string): void {
    const draft = this.leads.get(leadId);
    if (draft && draft.fields.size === 0 && draft.note === '') this.leads.delete(leadId);
  }
}

const books = new WeakMap<LeadStore, DraftBook>();

/** The drafts kept for a store's leads (one book per store: another board, another user, another book). */
export function draftsOf(store: LeadStore): DraftBook {
  let book = books.get(store);
  if (!book) books.set(store, (book = new DraftBook()));
  return book;
}
