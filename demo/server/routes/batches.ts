/**
 * `GET /api/batches/:batchId`: the history entries of one batch — one user action, e.g. a bulk assignment or a
 * distribution — on the leads the caller may see now, in order (a lead they may not see does not exist for
 * them, nor does its entry). What the drawer's history expands a batch into.
 */
import { Hono } from 'hono';
import { IdSchema } from '../../../sdk/schema.js';
import type { AppEnv } from '../auth.js';
import { parseWith } from '../http.js';
import type { Services } from './services.js';

export function batchRoutes({ repo, authed }: Services): Hono<AppEnv> {
  return new Hono<AppEnv>().get('/batches/:batchId', authed, async (c) => {
    const batchId = parseWith(IdSchema, c.req.param('batchId'), 'batchId');
    return c.json(await repo.batchActivity(c.get('viewer'), batchId));
  });
}
