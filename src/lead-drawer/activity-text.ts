/** Turns one history entry into the sentence the drawer shows ("Dana Ruiz reassigned from Alex Chen to …"). */
import '../l10n/parts-late.js'; // the words of the parts loaded on demand (joins the table first)
import type { Activity, Source } from '../../sdk/index.js';
import type { Messages } from '../l10n.js';

export interface ActivityContext {
  msg: Messages;
  /** A member's name, or undefined when the store does not know them. */
  memberName(id: string): string | undefined;
  /** A column's label, or undefined for an unknown key. */
  columnLabel(key: string): string | undefined;
  /** The label of a lead field ("company" → "Company"). */
  fieldLabel(key: string): string | undefined;
  /** A field's value as the drawer shows it (a value as currency), from its text in the history. */
  fieldValue(key: string, text: string): string;
}

export function describeActivity(entry: Activity, ctx: ActivityContext): string {
  const { msg } = ctx;
  const actor = ctx.memberName(entry.actorId) ?? msg.someone;
  // An assignee the store does not know (left the company, not loaded) is still named, by id.
  const person = (id: string | null | undefined) => (id ? ctx.memberName(id) ?? id : msg.unassigned);
  const column = (key: string | null | undefined) => (key ? ctx.columnLabel(key) ?? key : '—');
  switch (entry.type) {
    case 'created':
      return msg.activityCreated(actor);
    case 'assigned':
      return entry.from
        ? msg.activityReassigned(actor, person(entry.from), person(entry.to))
        : msg.activityAssigned(actor, person(entry.to));
    case 'unassigned':
      return msg.activityUnassigned(actor, person(entry.from));
    case 'status_changed':
      return msg.activityStatus(actor, column(entry.from), column(entry.to));
    case 'updated': {
      // One field with old → new (sdk/history.ts), or (older entries) a list of fields without values.
      if (entry.from !== undefined || entry.to !== undefined) {
        const key = entry.text ?? '';
        const field = ctx.fieldLabel(key) ?? key;
        const value = (text: string | null | undefined) => (text === null || text === undefined ? null : ctx.fieldValue(key, text));
        const from = value(entry.from);
        const to = value(entry.to);
        if (from === null) return msg.activitySetField(actor, field, to ?? '');
        if (to === null) return msg.activityClearedField(actor, field, from);
        return msg.activityChangedField(actor, field, from, to);
      }
      const fields = (entry.text ?? '')
        .split(',')
        .map((f) => f.trim())
        .filter(Boolean)
        .map((f) => (ctx.fieldLabel(f) ?? f).toLowerCase());
      return msg.activityUpdated(actor, fields.join(', '));
    }
    case 'note':
      return msg.activityNote(actor);
    default:
      return actor;
  }
}

/** How an entry came about: "by hand", "in bulk", "distributed", "by drag", "undone", "by an assignment rule"… */
export function sourceText(source: Source | undefined, msg: Messages): string {
  switch (source) {
    case 'manual':
      return msg.sourceManual;
    case 'bulk':
      return msg.sourceBulk;
    case 'distribute':
      return msg.sourceDistribute;
    case 'drag':
      return msg.sourceDrag;
    case 'keyboard':
      return msg.sourceKeyboard;
    case 'undo':
      return msg.sourceUndo;
    case 'rule':
      return msg.sourceRule;
    case 'import':
      return msg.sourceImport;
    case 'api':
      return msg.sourceApi;
    default:
      return '';
  }
}
