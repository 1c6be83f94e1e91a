import { html, nothing, type TemplateResult } from 'lit';
import { live } from 'lit/directives/live.js';
import { losesSight, type Lead } from '../../sdk/index.js';
import type { AssignPicker } from '../assign-picker/assign-picker.js';
import '../assign-picker/assign-picker.js';
import { announce } from '../controllers/announcer.js';
import { LeadAssignEvent, LeadRequestAssignEvent } from '../events/lead-assign.js';
import { messages } from '../l10n.js';
import { assignmentProblem } from '../notice-text.js';
import { fire } from '../shared/fire.js';
import type { DrawerHost, SaveState } from './drawer-host.js';

/**
 * The drawer's assignee picker, saved at once: the cancelable `lead-request-assign`, ONE store command, the
 * settled `lead-assign`, and the outcome shown beside the picker. A plain member about to hand the lead to
 * someone else (they would stop seeing it) confirms inline first.
 */
export class DrawerAssignment {
  private state: SaveState = 'idle';
  private message = '';
  /** A member about to hand the lead to someone else: the inline confirm is showing for this assignee. */
  pendingHandOff: string | null = null;
  /** Set after a successful hand-off that took the lead out of the viewer's sight. */
  handedOffTo: string | null = null;

  constructor(private readonly host: DrawerHost) {}

  /** Another lead is shown: nothing of the last one's assignment stays. */
  reset(): void {
    this.state = 'idle';
    this.message = '';
    this.pendingHandOff = null;
    this.handedOffTo = null;
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
    this.host.requestUpdate();
    const outcome = await store.assign([lead.id], assigneeId, { source: 'manual' });
    if (this.host.leadId !== lead.id) return;
    const problem = assignmentProblem(outcome, lead.id);
    if (problem === null) {
      this.state = 'saved';
      this.message = msg.saved;
      if (handingOff && !store.lead(lead.id)) this.handedOffTo = assigneeName;
      announce(assigneeId ? msg.announceAssigned(lead.name, assigneeName) : msg.announceUnassigned(lead.name));
    } else {
      this.state = 'error';
      this.message = problem;
      announce(problem);
    }
    this.host.requestUpdate();
    fire(this.host, new LeadAssignEvent({ ...detail, outcome }));
  }

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
