import type { MiddlewareHandler } from 'hono';
import type { AppEnv, Auth } from '../auth.js';
import type { Commands } from '../commands.js';
import type { EventHub } from '../events.js';
import type { Intake } from '../intake.js';
import type { Repository } from '../db/repository.js';
import type { Limits } from '../limits.js';
import type { Presence } from '../presence.js';

/** What route modules share; built once by createApp. */
export interface Services {
  repo: Repository;
  commands: Commands;
  /** Leads arriving and the assignment rules (intake.ts). */
  intake: Intake;
  auth: Auth;
  hub: EventHub;
  /** The column keys a lead's status may take. */
  statuses: readonly string[];
  limits: Readonly<Limits>;
  /** Client addresses come from X-Forwarded-For. */
  trustProxy: boolean;
  /** Who has which lead open (presence.ts). */
  presence: Presence;
  /** Route middleware requiring a bearer token; sets `viewer` and `credential`. */
  authed: MiddlewareHandler<AppEnv>;
}
