/**
 * The SDK's late chunk: what no page needs before its first frame, loaded by the first use of any of it
 * (`loadLateParts`, late.ts) — one chunk, because the bundler moves what several of the SDK's own
 * chunks share with the entry into one more file every page loads up front (`test/bench/size.ts` shows it).
 * - the RestAdapter's wire: one call with its retries and error mapping (ky itself is a chunk of its own,
 *   fetched by the first call), the event stream's transports, the routes for leads arriving;
 * - the store's commands for leads arriving (create, import, assignment rules) and the undo runner.
 * A REST board loads it with its first request; a board on another backend with its first undo or intake.
 */
export { call } from '../adapters/rest-call.js';
export { subscribeWithEventSource, subscribeWithFetch } from '../adapters/rest-events.js';
export * as restIntake from '../adapters/rest-intake.js';
export * as storeIntake from '../store/intake-commands.js';
export { runUndo } from '../store/undo-run.js';
