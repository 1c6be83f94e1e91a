import type { MiddlewareHandler } from 'hono';
import type { AppEnv, Auth } from '../auth.js';
import type { Commands } from '../commands.js';
import type { EventHub } from '../events.js';
import type { Repository } from '../db/repository.js';
import type { Presence } from '../presence.js';

/** What route modules share; built once by createApp. */
export interface Services {
  repo: Repository;
  commands: Commands;
  auth: Auth;
  hub: EventHub;
  /** Who has which lead open (presence.ts). */
  presence: Presence;
  /** Route middleware requiring a bearer token; sets `viewer`. */
  authed: MiddlewareHandler<AppEnv>;
}
