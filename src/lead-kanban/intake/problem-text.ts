/**
 * How the intake dialogs word what is wrong — a refused new lead (FieldIssue) or a row of an import
 * (ImportError) — from the SDK's codes, never from its English messages, which are only the fallback for a
 * code nobody words. A field's issue (ISSUE_CODES) is worded by issueText, as in the drawer; this adds the
 * intake's own codes.
 */
import '../../l10n/parts-late.js'; // the words of the parts loaded on demand (joins the table first)
import { ISSUE_CODES, type Column } from '../../../sdk/index.js';
import { issueText } from '../../issue-text.js';
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

/** What is wrong, in the words of the localization table: a field's issue as issueText words it everywhere. */
export function problemText(problem: Problem, columns: readonly Column[], msg: Messages = messages()): string {
  const { field, code } = problem;
  const label = problemField(field, msg);
  switch (code) {
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
      return code && (ISSUE_CODES as readonly string[]).includes(code)
        ? issueText({ path: field, message: problem.message, code }, label)
        : problem.message;
  }
}
