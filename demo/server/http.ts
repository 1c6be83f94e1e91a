/**
 * The error shape of the REST contract (`ErrorBodySchema` in sdk/schema.ts) and the helpers that parse
 * request input with the SDK's schemas. Handlers throw `ApiError`; app.ts turns it into
 * `{ error: { code, message, issues? }, current? }`.
 */
import type { Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { ErrorCode, FieldIssue, Lead, Parser, RawIssue } from '../../sdk/schema.js';
import { describeIssues, safeParseWithMessages, toFieldIssues } from '../../sdk/schema.js';

export class ApiError extends Error {
  constructor(
    readonly status: ContentfulStatusCode,
    /**
     * Beyond the SDK's codes: `internal` (500), `unavailable` (503, the database is unreachable) and
     * `rate_limited` (429, with Retry-After).
     */
    readonly code: ErrorCode | 'internal' | 'unavailable' | 'rate_limited',
    message: string,
    readonly extra: { issues?: FieldIssue[]; current?: Lead; headers?: Record<string, string> } = {},
  ) {
    super(message);
  }
}

/** 429: too many requests of one kind from one client; Retry-After says when the next one is allowed. */
export function tooManyRequests(what: string, retryAfterMs: number): ApiError {
  const seconds = Math.max(1, Math.ceil(retryAfterMs / 1000));
  return new ApiError(429, 'rate_limited', `Too many ${what}; try again in ${seconds} s`,
    { headers: { 'Retry-After': String(seconds) } });
}

export const notFound = (what = 'Lead') => new ApiError(404, 'not_found', `${what} not found`);

/**
 * An error answer names at most this many fields: a body of a hundred thousand unknown keys must not draw a
 * hundred thousand issues (megabytes of answer, unauthenticated). The message says how many were left out.
 */
export const MAX_REPORTED_ISSUES = 20;
/** A path or message longer than this is cut (a key may be as long as the body allows). */
const MAX_ISSUE_TEXT = 200;

const cut = (text: string) => (text.length > MAX_ISSUE_TEXT ? `${text.slice(0, MAX_ISSUE_TEXT - 1)}…` : text);

/** A 400 naming the failing fields; `total` counts issues the caller already left out (see fieldIssues). */
export function invalid(issues: readonly FieldIssue[], what: string, total = issues.length): ApiError {
  const shown = issues.slice(0, MAX_REPORTED_ISSUES).map((i): FieldIssue =>
    ({ path: cut(i.path), ...(i.code === undefined ? {} : { code: cut(i.code) }), message: cut(i.message) }));
  const more = total - shown.length;
  const message = `${what}: ${describeIssues(shown)}${more > 0 ? ` (and ${more} more)` : ''}`;
  return new ApiError(400, 'invalid', message, { issues: shown });
}

export function errorResponse(c: Context, error: ApiError): Response {
  const body: Record<string, unknown> = {
    error: { code: error.code, message: error.message, ...(error.extra.issues ? { issues: error.extra.issues } : {}) },
  };
  if (error.extra.current) body.current = error.extra.current;
  for (const [name, value] of Object.entries(error.extra.headers ?? {})) c.header(name, value);
  return c.json(body, error.status);
}

type ZodLikeIssue = RawIssue & { keys?: readonly string[] };

/**
 * zod reports unknown keys of a strict object once, at the object's path; we split them so each issue's
 * path names the offending field ("assigneeId: Unrecognized key"), which is what a client shows.
 */
function fieldIssues(issues: readonly ZodLikeIssue[]): { issues: FieldIssue[]; total: number } {
  const expanded: RawIssue[] = [];
  let total = 0;
  for (const issue of issues) {
    // Only what can be reported is turned into issues; the rest is counted (invalid() says "and N more").
    const room = Math.max(0, MAX_REPORTED_ISSUES - expanded.length);
    if (issue.code === 'unrecognized_keys' && issue.keys?.length) {
      for (const key of issue.keys.slice(0, room)) {
        expanded.push({ path: [...issue.path, key], message: 'Unrecognized key (not allowed here)', code: issue.code });
      }
      total += issue.keys.length;
    } else {
      if (room > 0) expanded.push(issue);
      total += 1;
    }
  }
  return { issues: toFieldIssues(expanded), total };
}

/** Parses `value` with a schema of sdk/schema.ts or throws a 400 naming every failing field. */
export function parseWith<T>(schema: Parser<T>, value: unknown, what: string): T {
  const result = safeParseWithMessages(schema, value);
  if (result.success) return result.data;
  const { issues, total } = fieldIssues(result.error.issues as readonly ZodLikeIssue[]);
  throw invalid(issues, what, total);
}

/** `application/json`, or a JSON subtype such as `application/merge-patch+json`, with any parameters. */
const JSON_MEDIA_TYPE = /^application\/(?:[\w.-]+\+)?json\s*(?:;|$)/i;

/**
 * Reads the body as JSON. Only a JSON media type is read: an HTML form can send text/plain, urlencoded or
 * multipart bodies across origins without asking, never application/json, so a form on another site cannot
 * write here (415). Malformed JSON is a 400 like any other bad input.
 */
export async function readJson(c: Context): Promise<unknown> {
  if (!JSON_MEDIA_TYPE.test(c.req.header('content-type') ?? '')) {
    throw new ApiError(415, 'invalid', 'Content-Type must be application/json',
      { issues: [{ path: 'Content-Type', message: 'Expected application/json' }] });
  }
  let text: string;
  try {
    text = await c.req.text();
  } catch {
    // The connection went away or was cut off mid-body (read timeout): nobody is left to answer.
    throw new ApiError(408, 'invalid', 'The request body did not arrive in time');
  }
  try {
    return JSON.parse(text);
  } catch {
    throw invalid([{ path: '(root)', message: 'Malformed JSON body' }], 'body');
  }
}
