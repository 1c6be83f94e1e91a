/**
 * Lead reads and writes. Every lookup goes through the repository's visibility clause: a lead the caller
 * may not see answers 404 on every path, exactly like one that does not exist. The writes honour
 * Idempotency-Key (idempotency.ts).
 */
import { Hono } from 'hono';
import * as z from 'zod/mini';
import {
  ColumnKeySchema, LeadQuerySchema, NoteBodySchema, PatchLeadBodySchema, UpdateOptionsSchema,
} from '../../../sdk/schema.js';
import type { AppEnv } from '../auth.js';
import { invalid, notFound, parseWith, readJson } from '../http.js';
import { idempotent } from '../idempotency.js';
import type { Services } from './services.js';

/** `?status=a,b` split into column keys, each checked, so `status.1` names the bad one. */
const StatusListSchema = z.array(ColumnKeySchema);

/**
 * The distinct keys of a `?status=` list, each one of the board's columns: however long the list, what
 * reaches the database is at most one entry per column (a list of 7,000 entries once compiled a statement
 * per length and stalled every other request).
 */
function statusFilter(list: string, columns: readonly string[]): string[] {
  const keys = [...new Set(list.split(',').map((s) => s.trim()).filter(Boolean))];
  parseWith(StatusListSchema, keys, 'query.status');
  const unknown = keys.flatMap((key, i) => (columns.includes(key) ? [] : [{ path: String(i), message: `Unknown column "${key}"` }]));
  if (unknown.length > 0) throw invalid(unknown, 'query.status');
  return keys;
}

export function leadRoutes({ repo, commands, authed, statuses: columns }: Services): Hono<AppEnv> {
  return new Hono<AppEnv>()
    .get('/leads', authed, async (c) => {
      const query = parseWith(LeadQuerySchema, c.req.query(), 'query');
      const statuses = query.status ? statusFilter(query.status, columns) : undefined;
      const leads = await repo.listLeads(c.get('viewer'), { statuses, assignee: query.assignee, q: query.q });
      return c.json({ leads });
    })
    .get('/leads/:id', authed, async (c) => {
      const lead = await repo.visibleLead(c.get('viewer'), c.req.param('id'));
      if (!lead) throw notFound();
      return c.json(lead);
    })
    .patch('/leads/:id', authed, idempotent(200), async (c) => {
      const { source } = parseWith(UpdateOptionsSchema, c.req.query(), 'query');
      const body = parseWith(PatchLeadBodySchema, await readJson(c), 'body');
      return c.json(await commands.updateLead(c.get('viewer'), c.req.param('id'), body, source));
    })
    .get('/leads/:id/activity', authed, async (c) => {
      const id = c.req.param('id');
      if (!(await repo.visibleLead(c.get('viewer'), id))) throw notFound();
      return c.json(await repo.activityOf(id));
    })
    .post('/leads/:id/notes', authed, idempotent(201), async (c) => {
      const { text } = parseWith(NoteBodySchema, await readJson(c), 'body');
      return c.json(await commands.addNote(c.get('viewer'), c.req.param('id'), text), 201);
    });
}
