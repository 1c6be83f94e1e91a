/**
 * The elements' public types as a host sees them through `lead-kanban`: tag names in HTMLElementTagNameMap,
 * property types, and each event's object on a typed addEventListener. Pinned with exact equality, so a
 * drift fails `npm run test:types`; the `@ts-expect-error` lines prove wrong usage is refused.
 */
import type {
  AssignPicker,
  LeadAssignEvent,
  LeadDrawer,
  LeadKanban,
  LeadMoveEvent,
  LeadOpenEvent,
  LeadRequestAssignEvent,
  LeadRequestCloseEvent,
  LeadRequestMoveEvent,
  LeadSelectionChangeEvent,
  LeadUpdateEvent,
} from 'lead-kanban';
import type { AssignOutcome, Column, LeadAdapter, LeadPatch, LeadStore, Source } from 'lead-kanban/sdk';
import { expectType, type Equal } from './assert.js';

// ---- tag names ---------------------------------------------------------------------------------------------
const board = document.createElement('lead-kanban');
const drawer = document.querySelector('lead-drawer')!;
const picker = document.createElement('assign-picker');
expectType<Equal<typeof board, LeadKanban>>();
expectType<Equal<typeof drawer, LeadDrawer>>();
expectType<Equal<typeof picker, AssignPicker>>();
// @ts-expect-error a misspelled tag is a plain HTMLElement, not a board
export const typo: LeadKanban = document.createElement('lead-kanbn');

// ---- properties --------------------------------------------------------------------------------------------
expectType<Equal<LeadKanban['store'], LeadStore | undefined>>();
expectType<Equal<LeadKanban['adapter'], LeadAdapter | undefined>>();
expectType<Equal<LeadKanban['api'], string | undefined>>();
expectType<Equal<LeadKanban['token'], string | undefined>>();
expectType<Equal<LeadKanban['columns'], readonly Column[] | undefined>>();
expectType<Equal<LeadDrawer['leadId'], string>>();
expectType<Equal<LeadDrawer['open'], boolean>>();
expectType<Equal<LeadDrawer['store'], LeadStore | undefined>>();
expectType<Equal<AssignPicker['value'], string | null | undefined>>();
expectType<Equal<AssignPicker['disabled'], boolean>>();
expectType<Equal<AssignPicker['name'], string>>();
board.columns = [{ key: 'new', label: 'New' }];
// @ts-expect-error columns are { key, label } objects
board.columns = ['new'];
// @ts-expect-error the picker's value is a member id or null
picker.value = 7;

// ---- events: each name gives its class, with the fields hosts read -------------------------------------------
board.addEventListener('lead-open', (event) => {
  expectType<Equal<typeof event, LeadOpenEvent>>();
  expectType<Equal<typeof event.leadId, string>>();
});
board.addEventListener('lead-request-move', (event) => {
  expectType<Equal<typeof event, LeadRequestMoveEvent>>();
  expectType<Equal<typeof event.detail, { leadId: string; from: string; to: string; index: number; source: Source }>>();
  event.preventDefault();
});
board.addEventListener('lead-move', (event) => {
  expectType<Equal<typeof event, LeadMoveEvent>>();
  expectType<Equal<typeof event.detail.to, string>>();
  expectType<Equal<typeof event.detail.index, number>>();
});
board.addEventListener('lead-request-assign', (event) => {
  expectType<Equal<typeof event, LeadRequestAssignEvent>>();
  expectType<Equal<typeof event.detail.leadIds, string[]>>();
  expectType<Equal<typeof event.detail.assigneeId, string | null>>();
  expectType<Equal<typeof event.detail.source, Source>>();
});
board.addEventListener('lead-assign', (event) => {
  expectType<Equal<typeof event, LeadAssignEvent>>();
  expectType<Equal<typeof event.detail.outcome, AssignOutcome>>();
  expectType<Equal<typeof event.detail.outcome.ok, string[]>>();
});
board.addEventListener('lead-selection-change', (event) => {
  expectType<Equal<typeof event, LeadSelectionChangeEvent>>();
  expectType<Equal<typeof event.selectedIds, readonly string[]>>();
  expectType<Equal<typeof event.count, number>>();
});
drawer.addEventListener('lead-request-close', (event) => {
  expectType<Equal<typeof event, LeadRequestCloseEvent>>();
  expectType<Equal<typeof event.source, 'escape' | 'close-button' | 'backdrop'>>();
});
drawer.addEventListener('lead-update', (event) => {
  expectType<Equal<typeof event, LeadUpdateEvent>>();
  expectType<Equal<typeof event.patch, LeadPatch>>();
});
picker.addEventListener('change', (event) => expectType<Equal<typeof event, Event>>());
// @ts-expect-error lead-open carries `leadId`, not `id`
board.addEventListener('lead-open', (event) => event.id);
// @ts-expect-error a move's detail has no assignee
board.addEventListener('lead-move', (event) => event.detail.assigneeId);
