/**
 * What someone else changed on a lead, for a conflict: "Dana Ruiz reassigned this lead to Lee Kim 2 minutes
 * ago", from the lead's newest history entry not written by the current user (the conflict's `current`
 * lead says the rest: "now Lee Kim, Won" when the history says nothing yet). Used by the drawer and by the
 * board's conflict panel.
 */
import type { Activity, Lead, LeadStore } from '../../sdk/index.js';
import { messages, type Messages } from '../l10n.js';
import { formatValue } from '../shared/format.js';
import { formatRelative } from '../shared/relative-time.js';
import type { ActivityContext } from './activity-text.js';
import { fieldLabel } from './lead-fields.js';

/** How history entries name people, columns and fields, from a store. */
export function activityContext(store: LeadStore | undefined): ActivityContext {
  const msg = messages();
  return {
    msg,
    memberName: (id) => store?.member(id)?.name,
    columnLabel: (key) => store?.columns.find((c) => c.key === key)?.label,
    fieldLabel: (key) => fieldLabel(key, msg),
    fieldValue: (key, text) => (key === 'value' && Number.isFinite(Number(text)) ? formatValue(Number(text)) : text),
  };
}

const CHANGES = new Set<Activity['type']>(['assigned', 'unassigned', 'status_changed', 'updated']);

/** The change a conflict ran into: the newest change by someone else (else the newest change at all). */
export function latestChange(history: readonly Activity[] | undefined, meId: string | undefined): Activity | undefined {
  if (!history) return undefined;
  let mine: Activity | undefined;
  for (let i = history.length - 1; i >= 0; i--) {
    const entry = history[i]!;
    if (!CHANGES.has(entry.type)) continue;
    if (entry.actorId !== meId) return entry;
    mine ??= entry;
  }
  return mine;
}

export function describeChange(entry: Activity | undefined, current: Lead | undefined, ctx: ActivityContext): string {
  const msg: Messages = ctx.msg;
  const person = (id: string | null | undefined) => (id ? (ctx.memberName(id) ?? id) : msg.unassigned);
  if (!entry) {
    if (!current) return '';
    return msg.conflictNow(person(current.assigneeId), ctx.columnLabel(current.status) ?? current.status);
  }
  const actor = ctx.memberName(entry.actorId) ?? msg.someone;
  const when = formatRelative(entry.at);
  switch (entry.type) {
    case 'assigned':
      return entry.from ? msg.conflictReassigned(actor, person(entry.to), when) : msg.conflictAssigned(actor, person(entry.to), when);
    case 'unassigned':
      return msg.conflictUnassigned(actor, when);
    case 'status_changed':
      return msg.conflictMoved(actor, entry.to ? (ctx.columnLabel(entry.to) ?? entry.to) : '—', when);
    default: {
      const fields = (entry.text ?? '').split(',').map((f) => f.trim()).filter(Boolean);
      return msg.conflictUpdated(actor, fields.map((f) => (ctx.fieldLabel(f) ?? f).toLowerCase()).join(', '), when);
    }
  }
}
