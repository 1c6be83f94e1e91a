/**
 * The one place that words a field issue for a person — the SDK's FieldIssue carries a `code` (ISSUE_CODES in
 * sdk/schema.ts) and the limit it broke; its English `message` is for developers and never shown. Worded
 * through the localization table, naming the field ("Name is required", "Enter a number for Value").
 */
import './l10n/parts-late.js'; // the words of the parts loaded on demand (joins the table first)
import type { FieldIssue } from '../sdk/index.js';
import { messages } from './l10n.js';

/** The sentence for `issue` on the field a person knows as `field` (its label). */
export function issueText(issue: FieldIssue, field: string): string {
  const msg = messages();
  switch (issue.code) {
    case 'required':
      return msg.issueRequired(field);
    case 'not_a_number':
      return msg.issueNotANumber(field);
    case 'negative':
      return msg.issueNegative(field);
    case 'too_long':
      return msg.issueTooLong(field, issue.limit);
    case 'too_small':
      return msg.issueTooSmall(field, issue.limit ?? 0);
    case 'too_big':
      return msg.issueTooBig(field, issue.limit ?? 0);
    case 'invalid_email':
      return msg.issueEmail(field);
    case 'invalid_option':
      return msg.issueOption(field);
    case 'unknown_key':
      return msg.issueNotAllowed(field);
    case 'changed':
      return msg.issueChanged(field);
    default:
      return msg.issueInvalid(field);
  }
}
