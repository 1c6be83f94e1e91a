/**
 * The drawer's content (drawer-body.ts) comes in a chunk of its own: fetched in an idle period once a drawer
 * is on the page, and awaited by every opening. See src/lead-kanban/on-demand.ts for the mechanism.
 */
import { onDemandChunk } from '../lead-kanban/on-demand.js';

export const drawerBodyChunk = onDemandChunk(() => import('./drawer-body.js'));
