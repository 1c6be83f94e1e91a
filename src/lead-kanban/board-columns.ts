import { html } from 'lit';
import type { Column, LeadStore, MemberWithLoad } from '../../sdk/index.js';
import type { BoardState, FocusPosition } from './board-state.js';
import type { MemberFace } from './lead-card.js';
import type { CardMark } from './live-marks.js';
import { columnRegionId } from './stage-switcher.js';

/** Assignee faces by member id, the same map while no name or avatar changed: a count change re-renders no card. */
export class MemberFaces {
  private faces: ReadonlyMap<string, MemberFace> = new Map();
  private of: readonly MemberWithLoad[] | undefined;

  current(members: readonly MemberWithLoad[] | undefined): ReadonlyMap<string, MemberFace> {
    if (!members || members === this.of) return this.faces;
    this.of = members;
    const same =
      members.length === this.faces.size &&
      members.every((m) => {
        const face = this.faces.get(m.id);
        return face && face.name === m.name && face.avatarUrl === m.avatarUrl;
      });
    if (!same) this.faces = new Map(members.map((m) => [m.id, { id: m.id, name: m.name, avatarUrl: m.avatarUrl }]));
    return this.faces;
  }
}

export interface ColumnsContext {
  columns: readonly Column[];
  store: LeadStore | undefined;
  state: BoardState;
  /** The Tab stop as resolved now (RovingFocus.current). */
  stop: FocusPosition | null;
  faces: ReadonlyMap<string, MemberFace>;
  /** Temporary card marks (live-marks.ts). */
  marks: ReadonlyMap<string, CardMark>;
  dropSlot(column: string): number | null;
  /** The board's column row, measured (see LeadKanbanColumn.row). */
  row: { readonly height: number };
  /** The wait clock's time (see LeadKanbanColumn.now). */
  now: number;
}

/**
 * The columns, each given what it shows as properties (data down): its cards and their marks revision from the
 * store, the header figures, and its slice of the board state — an id that is not in this column is null
 * here, so a change elsewhere leaves the column's properties, and the column, as they were.
 */
export function renderColumns(ctx: ColumnsContext) {
  const { store, state, stop } = ctx;
  const loading = store?.status === 'loading';
  const dragging = state.dragLeadId !== null;
  const here = (id: string | null | undefined, key: string) => (id && store?.lead(id)?.status === key ? id : null);
  const canAdd = store?.intake.createLead ?? false;
  return ctx.columns.map((column) => {
    const { key, label } = column;
    const stopHere = stop?.column === key ? stop : null;
    return html`<lead-kanban-column
      role="region"
      id=${columnRegionId(key)}
      ?data-current=${stop?.column === key}
      aria-label=${label}
      part="column"
      data-column=${key}
      .column=${column}
      .store=${store}
      .cards=${store?.cardsIn(key) ?? []}
      .marks=${store?.marksRevision(key) ?? 0}
      .faces=${ctx.faces}
      .liveMarks=${ctx.marks}
      .total=${store?.totalIn(key) ?? 0}
      .value=${store?.valueIn(key) ?? 0}
      .selection=${store?.selectionStateIn(key) ?? 'none'}
      .loading=${loading}
      .headerStop=${stopHere?.header === true}
      .emptyStop=${stopHere !== null && !stopHere.header && stopHere.id === null}
      .tabStopId=${stopHere && !stopHere.header ? stopHere.id : null}
      .dragLeadId=${here(state.dragLeadId, key)}
      .menuLeadId=${here(state.menuLeadId, key)}
      .openLeadId=${here(state.openLeadId, key)}
      .liftedId=${here(state.lift?.leadId, key)}
      .dropTarget=${state.lift?.to === key}
      .dropSlot=${ctx.dropSlot(key)}
      .dragging=${dragging}
      .row=${ctx.row}
      .canAdd=${canAdd}
      .now=${ctx.now}
    ></lead-kanban-column>`;
  });
}
