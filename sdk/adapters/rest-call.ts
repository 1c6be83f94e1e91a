/**
 * One call of the RestAdapter (rest.ts) over ky: retries, the Idempotency-Key of a write, the answer parsed
 * with its schema, every failure an AdapterError. Part of the adapter's wire chunk (rest-wire.ts): it is
 * loaded with the first request, so a page pays for ky and this code only once it talks to the server.
 */
import type * as Ky from 'ky';
import type { HTTPError, KyInstance } from 'ky';
import { AdapterError, parseOrThrow } from '../adapter.js';
import type { ErrorCode, FieldIssue, Lead, Parser } from '../schema.js';
import { ERROR_CODES, IssueSchema, LeadSchema } from '../schema.js';
import * as z from 'zod/mini';
import { lazyImport } from '../internal/lazy-import.js';
import type { FetchLike } from './rest-event-parser.js';

/** What a call needs of its adapter: where the API is, how to reach it, and the client made on the first call. */
export interface RestLink {
  readonly baseUrl: string;
  readonly fetch: FetchLike;
  readonly timeout: number | undefined;
  readonly retries: number | undefined;
  /** Read before every request (a host may refresh its token). */
  token(): string | undefined;
  /** The configured ky instance, made by the first call. */
  http?: KyInstance;
}

export type Method = 'get' | 'post' | 'patch' | 'put';

export interface CallInit {
  signal?: AbortSignal | undefined;
  json?: unknown;
  body?: string;
  headers?: Record<string, string>;
  searchParams?: Record<string, string> | undefined;
  /** A write the server does not key (signing in): sent once, never retried. */
  unkeyed?: boolean;
}

/** 429 (too many requests, still so after the retries) is transient like a lost connection. */
const STATUS_CODES: Record<number, ErrorCode> = {
  400: 'invalid', 401: 'unauthorized', 403: 'forbidden', 404: 'not_found', 409: 'conflict', 413: 'invalid',
  415: 'invalid', 422: 'invalid', 429: 'network',
};

/**
 * A new Idempotency-Key: 128 random bits, base64url. crypto.getRandomValues exists in every browser (also
 * on plain http pages, where randomUUID does not) and in Node 20.
 */
function newIdempotencyKey(): string {
  const bytes = globalThis.crypto.getRandomValues(new Uint8Array(16));
  return btoa(String.fromCharCode(...bytes)).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

const IssuesSchema = z.array(IssueSchema);

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

export function isAbort(error: unknown, signal: AbortSignal | undefined): boolean {
  return signal?.aborted === true || (error instanceof Error && error.name === 'AbortError');
}

/** Turns an error answer into an AdapterError, reading the body leniently (it may not be ours). */
async function fromHttpError(error: HTTPError, what: string): Promise<AdapterError> {
  const status = error.response.status;
  const body: unknown = await error.response.json().catch(() => undefined);
  const envelope = isRecord(body) && isRecord(body.error) ? body.error : undefined;
  const bodyCode = ERROR_CODES.find((c) => c === envelope?.code);
  const code: ErrorCode = STATUS_CODES[status] ?? (status >= 500 ? 'network' : bodyCode ?? 'invalid');
  const message = typeof envelope?.message === 'string' ? envelope.message : `${what}: HTTP ${status}`;
  const parsedIssues = IssuesSchema.safeParse(envelope?.issues);
  const issues: FieldIssue[] | undefined = parsedIssues.success ? parsedIssues.data : undefined;
  let current: Lead | undefined;
  if (code === 'conflict' && isRecord(body) && body.current !== undefined) {
    // A conflict's `current` replaces local state, so it is held to the same standard as any answer.
    current = parseOrThrow(LeadSchema, body.current, `${what}: current`);
  }
  return new AdapterError(code, message, { status, cause: error, ...(issues ? { issues } : {}),
    ...(current ? { current } : {}) });
}

/** ky, fetched by the first call (bundlers emit it as a chunk of its own). */
const loadKy = lazyImport(() => import('ky'));

function client(ky: typeof Ky.default, link: RestLink): KyInstance {
  return ky.create({
    prefixUrl: link.baseUrl,
    fetch: link.fetch,
    timeout: link.timeout ?? 10_000,
    // Writes are retried only because each carries its idempotency key (call() below; unkeyed ones, like
    // signing in, are sent with no retry): a retried write is then answered, never applied twice.
    retry: {
      limit: link.retries ?? 2,
      methods: ['get', 'post', 'patch'],
      statusCodes: [408, 429, 500, 502, 503, 504],
      retryOnTimeout: true,
      maxRetryAfter: 5000,
      backoffLimit: 3000,
      jitter: true,
    },
    hooks: {
      beforeRequest: [
        (request) => {
          const token = link.token();
          if (token) request.headers.set('Authorization', `Bearer ${token}`);
        },
      ],
    },
  });
}

/**
 * One call: ky with retries, the answer parsed with `schema`, every failure an AdapterError. A write gets a
 * fresh Idempotency-Key, which ky's retries of it resend (they clone the request); `unkeyed` writes are
 * sent once.
 */
export async function call<T>(link: RestLink, method: Method, path: string, schema: Parser<T>, what: string, init: CallInit): Promise<T> {
  let response: Response;
  let lib: typeof Ky | undefined;
  try {
    lib = await loadKy();
    link.http ??= client(lib.default, link);
    const write = method !== 'get';
    const headers: Record<string, string> = { ...init.headers };
    if (write && !init.unkeyed) headers['Idempotency-Key'] = newIdempotencyKey();
    response = await link.http(path, {
      method,
      headers,
      ...(write && init.unkeyed ? { retry: { limit: 0 } } : {}),
      ...(init.json !== undefined ? { json: init.json } : {}),
      ...(init.body !== undefined ? { body: init.body } : {}),
      ...(init.searchParams ? { searchParams: init.searchParams } : {}),
      ...(init.signal ? { signal: init.signal } : {}),
    });
  } catch (error) {
    if (isAbort(error, init.signal)) throw init.signal?.reason ?? error;
    if (lib && error instanceof lib.HTTPError) throw await fromHttpError(error, what);
    if (lib && error instanceof lib.TimeoutError) throw new AdapterError('network', `${what}: timed out`, { cause: error });
    if (error instanceof AdapterError) throw error;
    throw new AdapterError('network', `${what}: ${error instanceof Error ? error.message : 'request failed'}`,
      { cause: error });
  }
  let body: unknown;
  try {
    body = await response.json();
  } catch (error) {
    if (isAbort(error, init.signal)) throw init.signal?.reason ?? error;
    throw new AdapterError('invalid', `${what}: the answer is not JSON`, { status: response.status, cause: error });
  }
  return parseOrThrow(schema, body, what);
}
