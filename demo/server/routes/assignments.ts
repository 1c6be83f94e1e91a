/** `POST /api/assignments`: many leads, one transaction, a result per lead; honours Idempotency-Key. */
import { Hono } from 'hono';
import { AssignBodySchema } from '../../../sdk/schema.js';
import type { AppEnv } from '../auth.js';
import { parseWith, readJson } from '../http.js';
import { idempotent } from '../idempotency.js';
import type { Services } from './services.js';

export function assignmentRoutes({ commands, authed }: Services): Hono<AppEnv> {
  return new Hono<AppEnv>().post('/assignments', authed, idempotent(200), async (c) => {
    const body = parseWith(AssignBodySchema, await readJson(c), 'body');
    return c.json(await commands.assign(c.get('viewer'), body));
  });
}
