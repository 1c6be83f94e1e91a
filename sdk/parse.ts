/**
 * How the SDK parses a value and reports what is wrong with it, for the schemas of sdk/schema.ts (which
 * re-exports this module).
 *
 * zod's messages come from `issueMessage` below, handed to every parse (see safeParseWithMessages), so they read
 * "Too small: expected string to have >=1 characters" rather than "Invalid input". zod's global configuration is
 * never touched: zod is a dependency the host shares, and its own schemas must keep the messages the host chose.
 * Each issue then gets a code a UI words in its own language (ISSUE_CODES, issueCode, toFieldIssues).
 */
import type * as z from 'zod/mini';
import type { FieldIssue } from './schema.js';

/** How zod names a received value: "null", "array", "NaN", "Infinity", or its typeof. */
function typeOfInput(input: unknown): string {
  if (input === null) return 'null';
  if (Array.isArray(input)) return 'array';
  if (typeof input === 'number' && !Number.isFinite(input)) return String(input);
  return typeof input;
}

const quote = (value: unknown): string => (typeof value === 'string' ? `"${value}"` : String(value));

/**
 * The English messages of the issues these schemas can raise, worded as zod's own English locale words them
 * (test/sdk/schema-messages.test.ts compares the two). That locale (zod/v4/locales/en.js) covers every check
 * and format zod has and cost a host 1 kB gzip up front; this covers the checks and formats used in this file
 * and says "Invalid input" for any other. The path, which names the field, is added by `toFieldIssues` and
 * `describeIssues` ("lead.email: Invalid email address").
 */
const issueMessage: z.core.$ZodErrorMap = (issue) => {
  switch (issue.code) {
    case 'invalid_type':
      return `Invalid input: expected ${issue.expected}, received ${typeOfInput(issue.input)}`;
    case 'invalid_value':
      return issue.values.length === 1
        ? `Invalid input: expected ${quote(issue.values[0])}`
        : `Invalid option: expected one of ${issue.values.map(quote).join('|')}`;
    case 'too_big':
    case 'too_small': {
      const big = issue.code === 'too_big';
      const adj = issue.exact ? 'exactly ' : (big ? '<' : '>') + (issue.inclusive ? '=' : '');
      const unit = issue.origin === 'string' ? ' characters' : issue.origin === 'array' ? ' items' : '';
      return `Too ${big ? 'big' : 'small'}: expected ${issue.origin} to ${unit ? 'have' : 'be'} ${adj}${big ? issue.maximum : issue.minimum}${unit}`;
    }
    case 'invalid_format':
      return issue.format === 'regex' && 'pattern' in issue
        ? `Invalid string: must match pattern ${issue.pattern}`
        : `Invalid ${issue.format === 'email' ? 'email address' : issue.format === 'datetime' ? 'ISO datetime' : issue.format}`;
    case 'unrecognized_keys':
      return `Unrecognized key${issue.keys.length > 1 ? 's' : ''}: ${issue.keys.map(quote).join(', ')}`;
    case 'invalid_union':
      return 'options' in issue && Array.isArray(issue.options) && issue.options.length > 0
        ? `Invalid discriminator value. Expected ${issue.options.map((o) => `'${String(o)}'`).join(' | ')}`
        : 'Invalid input';
    default:
      return 'Invalid input';
  }
};

/**
 * One issue of a parse, as much of it as the SDK reads: zod's issue with what `issueCode` looks at (the
 * parse reports its input, see safeParseWithMessages, so a missing value can be told from a wrong one).
 */
export interface RawIssue {
  path: readonly PropertyKey[];
  message: string;
  code?: string;
  input?: unknown;
  expected?: string;
  origin?: string;
  format?: string;
  minimum?: number | bigint;
  maximum?: number | bigint;
}

/** The failure side of a parse, as much of it as the SDK reads. */
export interface ParseFailure {
  success: false;
  error: { issues: readonly RawIssue[] };
}

/** Minimal structural view of a zod (mini) schema, so callers need not import zod types. */
export interface Parser<T> {
  safeParse(value: unknown, params?: { error?: z.core.$ZodErrorMap; reportInput?: boolean }): { success: true; data: T } | ParseFailure;
}

// reportInput: issueCode tells "required" (nothing given) from a wrong value; the input never leaves toFieldIssues.
const PARSE_PARAMS = { error: issueMessage, reportInput: true };

/**
 * `schema.safeParse(value)` with the SDK's messages (issueMessage) for this parse only. Every parse of the SDK
 * and of the reference server goes through here, so the messages are the same wherever a value is checked.
 */
export function safeParseWithMessages<T>(schema: Parser<T>, value: unknown): { success: true; data: T } | ParseFailure {
  return schema.safeParse(value, PARSE_PARAMS);
}

/**
 * What is wrong with a field, as a code a UI words in its own language (the elements: src/issue-text.ts):
 * nothing given where a value is needed, not a number, below zero, too long (`limit`: the most characters),
 * too small or too big (`limit`: the bound), not an email address, not one of the allowed values, a field
 * that may not be sent, anything else — and `changed`: someone else changed the field since the user began
 * editing it (LeadStore.update's conflict). The issue's `message` is the English text for logs and developers.
 * The intake rules (sdk/intake.ts, sdk/assignment-rules.ts) add codes of their own for what a schema cannot
 * know: `unknown_status`, `inactive_assignee`, `unknown_member`, `inactive_member`, `duplicate_member`,
 * `no_members`.
 */
export const ISSUE_CODES = [
  'required', 'not_a_number', 'negative', 'too_long', 'too_small', 'too_big', 'invalid_email', 'invalid_option',
  'unknown_key', 'invalid', 'changed',
] as const;
export type IssueCode = (typeof ISSUE_CODES)[number];

/** The code of one zod issue (see ISSUE_CODES). */
export function issueCode(issue: RawIssue): IssueCode {
  switch (issue.code) {
    case 'invalid_type':
      if (issue.input === undefined || issue.input === null) return 'required';
      return issue.expected === 'number' || issue.expected === 'int' ? 'not_a_number' : 'invalid';
    case 'too_small':
      if (issue.origin === 'string' && Number(issue.minimum) === 1) return 'required';
      if (issue.origin === 'number' && Number(issue.minimum) === 0) return 'negative';
      return 'too_small';
    case 'too_big':
      return issue.origin === 'string' ? 'too_long' : 'too_big';
    case 'invalid_format':
      return issue.format === 'email' ? 'invalid_email' : 'invalid';
    case 'invalid_value':
      return 'invalid_option';
    case 'unrecognized_keys':
      return 'unknown_key';
    default:
      return 'invalid';
  }
}

/**
 * Turns zod issues into `{ path, message, code, limit? }` with a dotted path ("leads.3.version"), "(root)"
 * for the value. Issues that did not come from zod (no `code`) keep only path and message.
 */
export function toFieldIssues(issues: readonly RawIssue[]): FieldIssue[] {
  return issues.map((i) => {
    const issue: FieldIssue = { path: i.path.map(String).join('.') || '(root)', message: i.message };
    if (i.code === undefined) return issue;
    issue.code = issueCode(i);
    const bound = i.code === 'too_big' ? i.maximum : i.code === 'too_small' ? i.minimum : undefined;
    if (bound !== undefined && issue.code !== 'required' && issue.code !== 'negative') issue.limit = Number(bound);
    return issue;
  });
}

/** One readable line naming every failing field: "email: Invalid email address; value: Too small: …". */
export function describeIssues(issues: readonly FieldIssue[]): string {
  return issues.map((i) => `${i.path}: ${i.message}`).join('; ');
}
