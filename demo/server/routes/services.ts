import type { MiddlewareHandler } from 'hono';
import type { AppEnv, Auth } from '../auth.js';
import type { Commands } from '../commands.js';
import type { EventHub } from '../events.js';
import type { Intake } from '../intake.js';
import type { Repository } from '../db/repository.js';

/** What route modules share; built once by createApp. */
export interface Services {
  repo: Repository;
  commands: Commands;
  /** Leads arriving and the assignment rules (intake.ts). */
  intake: Intake;
  auth: Auth;
  hub: EventHub;
  /** Route middleware requiring a bearer token; sets `viewer`. */
  authed: MiddlewareHandler<AppEnv>;
}
