/**
 * `GET /api/assignment-rules` (any active member) and `PUT /api/assignment-rules` (admins and managers; a
 * member is refused before the body is looked at). The rules live in the database with the rotation
 * position, so rotation is fair across restarts and across instances (intake.ts).
 */
import { Hono } from 'hono';
import { AssignmentRulesSchema } from '../../../sdk/schema.js';
import type { AppEnv } from '../auth.js';
import { parseWith, readJson } from '../http.js';
import { requireRuleEditor } from '../intake.js';
import type { Services } from './services.js';

export function assignmentRuleRoutes({ intake, authed }: Services): Hono<AppEnv> {
  return new Hono<AppEnv>()
    .get('/assignment-rules', authed, async (c) => c.json(await intake.assignmentRules(c.get('viewer'))))
    .put('/assignment-rules', authed, async (c) => {
      const viewer = c.get('viewer');
      requireRuleEditor(viewer);
      const rules = parseWith(AssignmentRulesSchema, await readJson(c), 'body');
      return c.json(await intake.setAssignmentRules(viewer, rules));
    });
}
