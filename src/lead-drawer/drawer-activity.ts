import '../l10n/parts-late.js'; // the words of the parts loaded on demand (joins the table first)
import { html, nothing, type ReactiveController, type TemplateResult } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { live } from 'lit/directives/live.js';
import { AdapterError, type Activity, type Lead } from '../../sdk/index.js';
import { messages } from '../l10n.js';
import { avatar } from '../shared/avatar.js';
import { formatDateTime } from '../shared/format.js';
import { issueText } from '../issue-text.js';
import { describeActivity, sourceText } from './activity-text.js';
import { DrawerBatches } from './drawer-batch.js';
import { draftsOf } from './drafts.js';
import type { DrawerHost, SaveState } from './drawer-host.js';
import { activityContext } from './change-text.js';

/** History entries "Assignments only" keeps. */
const ASSIGNMENTS = new Set<Activity['type']>(['assigned', 'unassigned']);

/**
 * The drawer's Activity: the note composer at the top of the feed (where the note will appear), then the
 * lead's history, newest first, each entry saying how it came about ("in bulk", "distributed", "undone"…); a
 * batch's entry opens up into the batch (drawer-batch.ts), and "Assignments only" narrows the list. The
 * history is fetched once per lead shown, then kept current by the store (someone else's change appears in
 * place).
 */
export class DrawerActivity implements ReactiveController {
  private state: 'idle' | 'loading' | 'error' = 'idle';
  private error = '';
  private loadedFor = '';
  private noteState: SaveState = 'idle';
  private noteError = '';
  /** "Assignments only": kept across leads, as a reading preference. */
  private assignmentsOnly = false;
  private readonly batches: DrawerBatches;
  /** The note shown was a draft kept from before (drafts.ts): it says "Not sent yet" until typed into. */
  private restored = false;

  constructor(private readonly host: DrawerHost) {
    host.addController(this);
    this.batches = new DrawerBatches(host);
  }

  /**
   * Another lead is shown, or the drawer opened again: its history is fetched anew; an unsent note is that
   * lead's draft (drafts.ts), kept until sent or discarded.
   */
  reset(): void {
    this.state = 'idle';
    this.error = '';
    this.loadedFor = '';
    this.noteState = 'idle';
    this.noteError = '';
    this.batches.reset();
    this.restored = this.noteText !== '';
  }

  /** The note being written for the lead shown (kept per lead by the store's draft book). */
  private get noteText(): string {
    const { store, leadId } = this.host;
    return store && leadId ? draftsOf(store).note(leadId) : '';
  }

  private set noteText(text: string) {
    const { store, leadId } = this.host;
    if (store && leadId) draftsOf(store).setNote(leadId, text);
  }

  /** Called before each render of the open drawer: fetches the history of a lead shown for the first time. */
  hostUpdate(): void {
    const { store, leadId } = this.host;
    if (this.host.open && store?.lead(leadId) && this.loadedFor !== leadId) void this.load();
  }

  private async load(): Promise<void> {
    const { store, leadId } = this.host;
    if (!store || !store.lead(leadId)) return;
    this.loadedFor = leadId;
    this.state = store.activityOf(leadId) ? 'idle' : 'loading';
    try {
      await store.loadActivity(leadId);
      if (this.host.leadId === leadId) this.state = 'idle';
    } catch (error) {
      if (this.host.leadId !== leadId) return;
      this.state = 'error';
      this.error = error instanceof Error ? error.message : String(error);
    }
    this.host.requestUpdate();
  }

  private readonly addNote = async (e: Event): Promise<void> => {
    e.preventDefault();
    const { store, lead } = this.host;
    const text = this.noteText.trim();
    if (!store || !lead || !text) return;
    this.noteState = 'saving';
    this.noteError = '';
    this.host.requestUpdate();
    const typed = this.noteText;
    try {
      await store.addNote(lead.id, text);
      // Sent: the draft goes (unless more was typed meanwhile), whichever lead is shown now.
      if (draftsOf(store).note(lead.id) === typed) draftsOf(store).setNote(lead.id, '');
      if (this.host.leadId !== lead.id) return;
      this.noteState = 'saved';
    } catch (error) {
      if (this.host.leadId !== lead.id) return;
      this.noteState = 'error';
      const issue = AdapterError.is(error) ? error.issues?.[0] : undefined;
      this.noteError = issue ? issueText(issue, messages().noteLabel) : messages().noteFailed(error instanceof Error ? error.message : String(error));
    }
    this.host.requestUpdate();
  };

  private readonly onNoteInput = (e: Event) => {
    this.noteText = (e.target as HTMLTextAreaElement).value;
    this.restored = false;
    this.host.requestUpdate();
  };

  private readonly discardNote = () => {
    this.noteText = '';
    this.restored = false;
    this.noteError = '';
    this.host.requestUpdate();
    void this.host.updateComplete.then(() => this.host.renderRoot.querySelector<HTMLElement>('#note')?.focus());
  };

  private readonly onNoteKeydown = (e: KeyboardEvent) => {
    // Ctrl/Cmd+Enter adds the note, as in most chat and CRM tools.
    if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) void this.addNote(e);
  };

  private renderNoteForm(): TemplateResult {
    const msg = messages();
    return html`<form part="notes" class="note-form" @submit=${this.addNote}>
      <label for="note" class="visually-hidden">${msg.noteLabel}</label>
      <textarea
        id="note"
        rows="2"
        placeholder=${msg.notePlaceholder}
        .value=${live(this.noteText)}
        aria-invalid=${ifDefined(this.noteError ? 'true' : undefined)}
        aria-describedby=${this.noteError ? 'note-error' : this.restored ? 'note-draft' : nothing}
        @input=${this.onNoteInput}
        @keydown=${this.onNoteKeydown}
      ></textarea>
      <div class="actions">
        ${this.noteError
          ? html`<p class="error" id="note-error">${this.noteError}</p>`
          : this.restored
            ? html`<p class="muted" id="note-draft">${msg.noteNotSent}</p>`
            : html`<span></span>`}
        <div class="buttons">
          ${this.noteText
            ? html`<button class="button" type="button" aria-label=${msg.discardNote} @click=${this.discardNote}>${msg.discard}</button>`
            : nothing}
          <button class="button primary" type="submit" ?disabled=${!this.noteText.trim() || this.noteState === 'saving'}>
            ${msg.addNote}
          </button>
        </div>
      </div>
    </form>`;
  }

  render(lead: Lead): TemplateResult {
    const msg = messages();
    const entries = this.host.store?.activityOf(lead.id) ?? [];
    // Newest first: the latest change is what people open the drawer to see.
    const shown = this.assignmentsOnly ? entries.filter((e) => ASSIGNMENTS.has(e.type)) : entries;
    const newestFirst = [...shown].reverse();
    return html`<section part="activity">
      <div class="section-head">
        <h3 id="activity-heading">${msg.activity}</h3>
        <label class="history-filter">
          <input
            type="checkbox"
            .checked=${live(this.assignmentsOnly)}
            @change=${(e: Event) => {
              this.assignmentsOnly = (e.target as HTMLInputElement).checked;
              this.host.requestUpdate();
            }}
          />
          ${msg.assignmentsOnly}
        </label>
      </div>
      ${this.renderNoteForm()}
      ${this.state === 'error' ? html`<p class="error">${msg.activityLoadFailed(this.error)}</p>` : nothing}
      ${this.state === 'loading' && entries.length === 0 ? html`<p class="muted">${msg.activityLoading}</p>` : nothing}
      <ol aria-labelledby="activity-heading">
        ${newestFirst.map((entry) => this.renderEntry(entry))}
      </ol>
      ${this.state === 'idle' && shown.length === 0
        ? html`<p class="muted">${this.assignmentsOnly && entries.length > 0 ? msg.noAssignments : msg.noActivity}</p>`
        : nothing}
    </section>`;
  }

  private renderEntry(entry: Activity): TemplateResult {
    const msg = messages();
    const store = this.host.store;
    const text = describeActivity(entry, activityContext(store));
    const how = entry.type === 'note' ? '' : sourceText(entry.source, msg);
    return html`<li class="entry">
      ${avatar(store?.member(entry.actorId))}
      <div>
        <p class="entry-text">${text}</p>
        ${entry.type === 'note' && entry.text ? html`<p class="note-text">${entry.text}</p>` : nothing}
        <p class="entry-meta"><time datetime=${entry.at}>${formatDateTime(entry.at)}</time>${how ? ` · ${how}` : ''}</p>
        ${this.batches.render(entry)}
      </div>
    </li>`;
  }
}
