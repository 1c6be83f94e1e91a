/**
 * Standalone reference server: `node --import tsx demo/server/main.ts` (PORT default 8787, HOST default
 * 127.0.0.1). Configuration from the environment (config.ts). `npm start` uses the vite plugin instead.
 */
import { readConfig } from './config.js';
import { startServer } from './start.js';

const config = readConfig();
const server = await startServer({
  databasePath: config.databasePath,
  demo: config.demo,
  corsOrigins: config.corsOrigins,
  apiTokens: config.apiTokens,
  port: Number(process.env.PORT ?? 8787),
  hostname: process.env.HOST ?? '127.0.0.1',
  ...(config.quiet ? { log: false as const } : {}),
});
console.log(`lead-kanban API on ${server.url}/api (database ${config.databasePath}, demo ${config.demo ? 'on' : 'off'})`);

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    console.log(`${signal}: shutting down`);
    // A stuck connection must not keep the process alive forever.
    setTimeout(() => process.exit(1), 5000).unref();
    void server.close().then(() => process.exit(0));
  });
}
