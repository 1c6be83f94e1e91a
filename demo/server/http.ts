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
    /** Beyond the SDK's codes: `internal` (500) and `unavailable` (503, the database is unreachable). */
    readonly code: ErrorCode | 'internal' | 'unavailable',
    message: string,
    readonly extra: { issues?: FieldIssue[]; current?: Lead } = {},
  ) {
    super(message);
  }
}

export const notFound = (what = 'Lead') => new ApiError(404, 'not_found', `${what} not found`);

export function invalid(issues: FieldIssue[], what: string): ApiError {
  return new ApiError(400, 'invalid', `${what}: ${describeIssues(issues)}`, { issues });
}

export function errorResponse(c: Context, error: ApiError): Response {
  const body: Record<string, unknown> = {
    error: { code: error.code, message: error.message, ...(error.extra.issues ? { issues: error.extra.issues } : {}) },
  };
  if (error.extra.current) body.current = error.extra.current;
  return c.json(body, error.status);
}

type ZodLikeIssue = RawIssue & { keys?: readonly string[] };

/**
 * zod reports unknown keys of a strict object once, at the object's path; we split them so each issue's
 * path names the offending field ("assigneeId: Unrecognized key"), which is what a client shows.
 */
function fieldIssues(issues: readonly ZodLikeIssue[]): FieldIssue[] {
  const expanded = issues.flatMap((issue): RawIssue[] =>
    issue.code === 'unrecognized_keys' && issue.keys?.length
      ? issue.keys.map((key) => ({ path: [...issue.path, key], message: 'Unrecognized key (not allowed here)', code: issue.code }))
      : [issue],
  );
  return toFieldIssues(expanded);
}

/** Parses `value` with a schema of sdk/schema.ts or throws a 400 naming every failing field. */
export function parseWith<T>(schema: Parser<T>, value: unknown, what: string): T {
  const result = safeParseWithMessages(schema, value);
  if (result.success) return result.data;
  throw invalid(fieldIssues(result.error.issues as readonly ZodLikeIssue[]), what);
}

/** Reads the body as JSON; malformed JSON is a 400 like any other bad input. */
export async function readJson(c: Context): Promise<unknown> {
  const text = await c.req.text();
  try {
    return JSON.parse(text);
  } catch {
    throw invalid([{ path: '(root)', message: 'Malformed JSON body' }], 'body');
  }
}
