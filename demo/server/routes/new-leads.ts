/**
 * Leads arriving: `POST /api/leads` (one lead, 201) and `POST /api/leads/import[?dryRun=1]` (a CSV file as
 * `text/csv`, or JSON `{ rows }`). An import is checked in this order: the token (401), the role (403), the
 * body's size (413, before the body is read: the Content-Length, or a count of the bytes as they arrive),
 * then its contents. Its limit is MAX_IMPORT_BYTES rather than the general body limit (app.ts leaves this
 * route to it).
 */
import type { Context } from 'hono';
import { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { importBytesProblem, importSizeProblem } from '../../../sdk/lead-import.js';
import type { ImportInput } from '../../../sdk/schema.js';
import {
  CreateOptionsSchema, ImportQuerySchema, ImportRequestSchema, MAX_IMPORT_BYTES, NewLeadSchema,
} from '../../../sdk/schema.js';
import type { AppEnv } from '../auth.js';
import { ApiError, errorResponse, parseWith, readJson } from '../http.js';
import { idempotent } from '../idempotency.js';
import { requireImporter } from '../intake.js';
import type { Services } from './services.js';

export const IMPORT_PATH = '/api/leads/import';
/** The request this module limits itself (see the module comment). */
export const isImportRequest = (c: Context) => c.req.method === 'POST' && c.req.path === IMPORT_PATH;

const tooLarge = (message: string) => new ApiError(413, 'invalid', message);

/** Refuses an import over MAX_IMPORT_BYTES as soon as that is known, without reading the rest. */
const importBodyLimit = bodyLimit({
  maxSize: MAX_IMPORT_BYTES,
  onError: (c) => {
    const declared = Number(c.req.header('content-length'));
    const problem = importBytesProblem(declared > MAX_IMPORT_BYTES ? declared : MAX_IMPORT_BYTES + 1)!;
    return errorResponse(c, tooLarge(problem.message));
  },
});

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** The import as sent: CSV text (UTF-8, read as the file is) or JSON rows; any other type is 415. */
async function readImport(c: Context): Promise<ImportInput> {
  const [mediaType = '', ...parameters] = (c.req.header('content-type') ?? '').split(';').map((p) => p.trim().toLowerCase());
  if (mediaType === 'text/csv') {
    const charset = parameters.find((p) => p.startsWith('charset='))?.slice('charset='.length).replace(/"/g, '');
    if (charset && charset !== 'utf-8' && charset !== 'utf8') {
      throw new ApiError(415, 'invalid', `Send the CSV file as UTF-8 (this one says charset=${charset})`);
    }
    return c.req.text();
  }
  if (mediaType === 'application/json') {
    const body = await readJson(c);
    // The row limit first: 10,001 rows are refused as too many before any of them is looked at.
    const problem = isRecord(body) && Array.isArray(body.rows) ? importSizeProblem(body.rows) : undefined;
    if (problem) throw tooLarge(problem.message);
    return parseWith(ImportRequestSchema, body, 'body').rows;
  }
  throw new ApiError(415, 'invalid', 'Send a CSV file as text/csv (UTF-8), or rows as application/json { "rows": [...] }');
}

/** A dry run writes nothing, so only a real import honours an Idempotency-Key (a retry answers what it created). */
const keyedImport = idempotent(200);
const isDryRun = (c: Context) => {
  const { dryRun } = parseWith(ImportQuerySchema, c.req.query(), 'query');
  return dryRun === '1' || dryRun === 'true';
};

export function newLeadRoutes({ intake, authed }: Services): Hono<AppEnv> {
  return new Hono<AppEnv>()
    .post('/leads', authed, idempotent(201), async (c) => {
      const { source = 'api' } = parseWith(CreateOptionsSchema, c.req.query(), 'query');
      const lead = parseWith(NewLeadSchema, await readJson(c), 'body');
      return c.json(await intake.createLead(c.get('viewer'), lead, source), 201);
    })
    .post('/leads/import', authed, async (c, next) => {
      requireImporter(c.get('viewer'));
      await next();
    }, importBodyLimit, (c, next) => (isDryRun(c) ? next() : keyedImport(c, next)), async (c) => {
      const input = await readImport(c);
      return c.json(await intake.importLeads(c.get('viewer'), input, isDryRun(c)));
    });
}
