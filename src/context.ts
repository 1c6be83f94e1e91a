import { createContext } from '@lit/context';
import type { LeadStore } from '../sdk/index.js';

/**
 * The one LeadStore shared by a board and the drawer and pickers inside it. `Symbol.for` so two copies of
 * the library on one page still find each other's provider.
 */
export const storeContext = createContext<LeadStore | undefined>(Symbol.for('lead-kanban/store'));
