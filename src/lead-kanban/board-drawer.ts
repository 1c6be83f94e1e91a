import { html, nothing } from 'lit';
import type { LeadOpenEvent } from '../events/index.js';
import { deepActiveElement } from '../internal/focus.js';
import type { BoardParts } from './board-parts.js';
import { cardControlOf } from './lead-card.js';
import type { LiveMarks } from './live-marks.js';

/**
 * The board's `<lead-drawer>`: shown on the lead the board state says is open, rendered from the first opening
 * on — a closed drawer shows nothing, so a first frame makes none (its shadow root, styles and context
 * request); its content's chunk is preloaded all the same (the board's connectedCallback). The drawer's own
 * requests follow the board state: a lead opened from inside becomes the board's open lead, a closing gives
 * focus back to that lead's card.
 */
export class BoardDrawer {
  /** A lead was opened once: the drawer is rendered from then on. */
  private wanted = false;

  constructor(
    private readonly board: BoardParts,
    private readonly marks: LiveMarks,
  ) {}

  get element() {
    return this.board.element('lead-drawer');
  }

  /** Opens the drawer on a lead (the board's `openLead`). */
  open(leadId: string): void {
    const { state, host } = this.board;
    state.set({ openLeadId: leadId });
    // The drawer may have closed itself without telling (hide()): open it again explicitly.
    void host.updateComplete.then(() => {
      const drawer = this.element;
      if (drawer && state.openLeadId === leadId && !drawer.open) drawer.show();
    });
  }

  render() {
    const openLeadId = this.board.state.openLeadId;
    this.wanted ||= openLeadId !== null;
    if (!this.wanted) return nothing;
    return html`<lead-drawer
      .leadId=${openLeadId ?? ''}
      ?open=${openLeadId !== null}
      @lead-request-close=${this.onRequestClose}
      @lead-open=${this.onOpen}
    ></lead-drawer>`;
  }

  /** A lead opened from inside the drawer: the board's open lead follows (and its card holds the Tab stop). */
  private readonly onOpen = (e: LeadOpenEvent) => {
    const column = this.board.store?.lead(e.leadId)?.status;
    if (column) this.board.roving.set({ column, id: e.leadId });
    this.marks.clear([e.leadId]);
    this.board.state.set({ openLeadId: e.leadId });
  };

  private readonly onRequestClose = () => {
    const id = this.board.state.openLeadId;
    // The drawer closes itself unless someone prevents the request; look once every listener has run.
    queueMicrotask(() => {
      if (this.element && !this.element.open) this.closed(id);
    });
  };

  private closed(id: string | null): void {
    this.board.state.set({ openLeadId: null });
    if (!id) return;
    // The drawer gives focus back to the element it came from; if that card was re-rendered, find it again.
    void this.board.host.updateComplete.then(() => {
      if (cardControlOf(deepActiveElement())?.leadId !== id && this.board.store?.lead(id)) void this.board.focusLead(id);
    });
  }
}
