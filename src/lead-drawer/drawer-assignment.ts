import '../l10n/parts-late.js'; // the words of the parts loaded on demand (joins the table first)
import { html, nothing, type TemplateResult } from 'lit';
import { live } from 'lit/directives/live.js';
import { losesSight, type AssignOutcome, type Lead } from '../../sdk/index.js';
import type { AssignPicker } from '../assign-picker/assign-picker.js';
import '../assign-picker/assign-picker.js';
// Its body too (picker-body.ts), so the pickers render whole with this chunk's first frame.
import '../assign-picker/picker-body.js';
import { announce } from '../controllers/announcer.js';
import { LeadAssignEvent, LeadRequestAssignEvent } from '../events/lead-assign.js';
import { messages } from '../l10n.js';
import { assignmentProblem } from '../notice-text.js';
import { fire } from '../shared/fire.js';
import { activityContext, describeChange, latestChange } from './change-text.js';
import type { DrawerHost, SaveState } from './drawer-host.js';

/**
 * The drawer's assignee picker, saved at once: the cancelable `lead-request-assign`, ONE store command, the
 * settled `lead-assign`, and the outcome shown beside the picker. A plain member about to hand the lead to
 * someone else (they would stop seeing it) confirms inline first. When someone else changed the lead
 * meanwhile, the drawer says who changed what and when (from the lead's history, fetched again) and offers
 * `Keep mine` (my choice again, against their version) and `Keep theirs` (their version, which it shows).
 */
export class DrawerAssignment {
  private state: SaveState = 'idle';
  private message = '';
  /** A member about to hand the lead to someone else: the inline confirm is showing for this assignee. */
  pendingHandOff: string | null = null;
  /** Set after a successful hand-off that took the lead out of the viewer's sight. */
  handedOffTo: string | null = null;
  /** The assignment that met a newer version, while the user has not chosen mine or theirs. */
  private conflict: AssignOutcome | null = null;

  constructor(private readonly host: DrawerHost) {}

  /** Another lead is shown: nothing of the last one's assignment stays. */
  reset(): void {
    this.state = 'idle';
    this.message = '';
    this.pendingHandOff = null;
    this.handedOffTo = null;
    this.conflict = null;
  }

  private get picker(): AssignPicker | null {
    return this.host.renderRoot.querySelector('assign-picker');
  }

  private readonly onChange = (e: Event): void => {
    const lead = this.host.lead;
    if (!lead) return;
    const assigneeId = (e.target as AssignPicker).value ?? null; // undefined ("nothing chosen") is never bound here
    if (assigneeId === lead.assigneeId) return;
    const me = this.host.store?.me;
    if (me && losesSight(me, assigneeId)) {
      // A plain member handing the lead away will stop seeing it: ask first, inline, before anything is sent.
      this.pendingHandOff = assigneeId;
      this.host.requestUpdate();
      void this.host.updateComplete.then(() =>
        this.host.renderRoot.querySelector<HTMLButtonElement>('.confirm .primary')?.focus(),
      );
      return;
    }
    void this.assign(assigneeId);
  };

  /** Escape or Cancel while the hand-off confirm shows: back to the lead's assignee, focus on the picker. */
  readonly cancelHandOff = (): void => {
    this.pendingHandOff = null;
    // Re-rendering sets the picker back to the lead's assignee (live binding).
    this.host.requestUpdate();
    void this.host.updateComplete.then(() => this.picker?.focus());
  };

  private readonly confirmHandOff = (): void => {
    const to = this.pendingHandOff;
    this.pendingHandOff = null;
    this.host.requestUpdate();
    if (to) void this.assign(to);
  };

  private async assign(assigneeId: string | null): Promise<void> {
    const { store, lead } = this.host;
    if (!store || !lead) return;
    const detail = { leadIds: [lead.id], assigneeId, source: 'manual' as const };
    if (!fire(this.host, new LeadRequestAssignEvent(detail))) {
      this.host.requestUpdate();
      return;
    }
    const msg = messages();
    const assigneeName = assigneeId ? (store.member(assigneeId)?.name ?? assigneeId) : msg.unassigned;
    const handingOff = store.me ? losesSight(store.me, assigneeId) : false;
    this.state = 'saving';
    this.message = msg.saving;
    this.conflict = null;
    this.host.requestUpdate();
    const outcome = await store.assign([lead.id], assigneeId, { source: 'manual' });
    if (this.host.leadId !== lead.id) return;
    this.settled(lead, outcome, assigneeName, handingOff);
    fire(this.host, new LeadAssignEvent({ ...detail, outcome }));
  }

  private settled(lead: Lead, outcome: AssignOutcome, assigneeName: string, handingOff: boolean): void {
    const msg = messages();
    const store = this.host.store!;
    const problem = assignmentProblem(outcome, lead.id);
    if (problem === null) {
      this.state = 'saved';
      this.message = msg.saved;
      if (handingOff && !store.lead(lead.id)) this.handedOffTo = assigneeName;
      announce(outcome.assigneeId ? msg.announceAssigned(lead.name, assigneeName) : msg.announceUnassigned(lead.name));
    } else {
      this.state = 'error';
      this.message = problem;
      if (outcome.conflict.includes(lead.id)) void this.showConflict(lead, outcome);
      else announce(problem);
    }
    this.host.requestUpdate();
  }

  /** What the other person did, from the lead's history fetched again (the copy here is what was stale). */
  private async showConflict(lead: Lead, outcome: AssignOutcome): Promise<void> {
    this.conflict = outcome;
    const store = this.host.store!;
    await store.loadActivity(lead.id).catch(() => undefined);
    if (this.conflict !== outcome) return;
    this.host.requestUpdate();
    announce(`${this.message} ${this.conflictText(lead)}`);
  }

  private conflictText(lead: Lead): string {
    const store = this.host.store;
    return describeChange(latestChange(store?.activityOf(lead.id), store?.me?.id), store?.lead(lead.id) ?? lead, activityContext(store));
  }

  private readonly keepMine = async (): Promise<void> => {
    const { store, lead } = this.host;
    const outcome = this.conflict;
    if (!store || !lead || !outcome) return;
    this.conflict = null;
    this.state = 'saving';
    this.message = messages().saving;
    this.host.requestUpdate();
    const to = outcome.wanted?.[lead.id] ?? null;
    const retried = await store.keepMine(outcome, [lead.id]);
    if (this.host.leadId !== lead.id) return;
    this.settled(lead, retried, to ? (store.member(to)?.name ?? to) : messages().unassigned, store.me ? losesSight(store.me, to) : false);
    void this.host.updateComplete.then(() => this.picker?.focus());
  };

  private readonly keepTheirs = (): void => {
    this.conflict = null;
    this.state = 'idle';
    announce(messages().keptTheirs(1));
    this.host.requestUpdate();
    void this.host.updateComplete.then(() => this.picker?.focus());
  };

  /** The picker and its status, then the hand-off confirm when it is asked for. */
  render(lead: Lead): TemplateResult {
    const msg = messages();
    const store = this.host.store;
    const pendingName = this.pendingHandOff ? (store?.member(this.pendingHandOff)?.name ?? this.pendingHandOff) : '';
    return html`<div class="assign-row">
        <assign-picker
          part="picker"
          label=${msg.assignee}
          .store=${store}
          .value=${live(this.pendingHandOff ?? lead.assigneeId)}
          @change=${this.onChange}
        ></assign-picker>
        <span class="assign-status ${this.state}">${this.state === 'idle' ? '' : this.message}</span>
      </div>
      ${this.conflict
        ? html`<div class="confirm conflict" role="group" aria-labelledby="conflict-text">
            <p id="conflict-text">${this.conflictText(lead)}</p>
            <div class="actions">
              <button class="button primary" type="button" @click=${this.keepMine}>${msg.keepMine}</button>
              <button class="button" type="button" @click=${this.keepTheirs}>${msg.keepTheirs}</button>
            </div>
          </div>`
        : nothing}
      ${this.pendingHandOff
        ? html`<div class="confirm" role="group" aria-labelledby="handoff-text">
            <p id="handoff-text">${msg.handOffWarning(1)}</p>
            <div class="actions">
              <button class="button primary" type="button" @click=${this.confirmHandOff}>${msg.handOffConfirm(pendingName)}</button>
              <button class="button" type="button" @click=${this.cancelHandOff}>${msg.cancel}</button>
            </div>
          </div>`
        : nothing}`;
  }
}
