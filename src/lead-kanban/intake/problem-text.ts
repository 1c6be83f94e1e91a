/**
 * The one place where the intake dialogs word what is wrong with a field — a refused new lead (FieldIssue) or
 * a row of an import (ImportError) — from the SDK's codes, never from its English messages, which are only
 * the fallback for a code this table does not know.
 */
import type { Column } from '../../../sdk/index.js';
import { messages, type Messages } from '../../l10n.js';
import { fieldLabel } from '../../lead-drawer/lead-fields.js';

/** A problem as the SDK reports it: the field ("email", "assigneeId", "assignee", "(row)"), a code, a message. */
export interface Problem {
  field: string;
  code?: string | undefined;
  message: string;
}

/** The field's name as a person reads it ("Email", "Assignee"); '(row)' is the whole row. */
export function problemField(field: string, msg: Messages = messages()): string {
  if (field === 'assignee' || field === 'assigneeId') return msg.assignee;
  if (field === '(row)') return msg.wholeRow;
  return fieldLabel(field, msg) ?? field;
}

/** What is wrong, in the words of the localization table. */
export function problemText(problem: Problem, columns: readonly Column[], msg: Messages = messages()): string {
  const { field, code } = problem;
  const label = problemField(field, msg);
  switch (code) {
    case 'required':
      return msg.problemRequired(label);
    case 'too_small':
      // The only lower bounds: a text field's one character (after trimming), a value's zero.
      return field === 'value' ? msg.problemNegative : msg.problemRequired(label);
    case 'too_big':
    case 'too_long':
      return msg.problemTooLong(label);
    case 'invalid_format':
    case 'invalid_email':
      return field === 'email' ? msg.problemEmail : msg.problemInvalid(label);
    case 'invalid_type':
    case 'not_a_number':
      return field === 'value' ? msg.problemNumber : msg.problemInvalid(label);
    case 'negative':
      return msg.problemNegative;
    case 'unknown_status':
      return msg.problemUnknownStatus(columns.map((c) => c.label).join(', '));
    case 'unknown_assignee':
      return msg.problemUnknownAssignee;
    case 'inactive_assignee':
      return msg.problemInactiveAssignee;
    case 'missing_header':
      return msg.problemMissingHeader;
    case 'missing_column':
      return msg.problemMissingName;
    case 'duplicate_column':
      return msg.problemDuplicateColumn;
    case 'unclosed_quote':
      return msg.problemUnclosedQuote;
    case 'extra_values':
      return msg.problemExtraValues;
    default:
      return problem.message;
  }
}
