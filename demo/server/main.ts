/**
 * Standalone reference server: `node --import tsx demo/server/main.ts` (PORT default 8787, HOST default
 * 127.0.0.1). Configuration from the environment (config.ts): `DATABASE_URL=postgres://…` for PostgreSQL,
 * otherwise SQLite at `DATABASE_PATH`. `npm start` uses the vite plugin instead.
 */
import { readConfig, type ServerConfig } from './config.js';
import { describeDatabase } from './db/open.js';
import { startServer, type RunningServer } from './start.js';

let config: ServerConfig;
let server: RunningServer;
try {
  config = readConfig();
  server = await startServer({
    databaseUrl: config.databaseUrl,
    databasePath: config.databasePath,
    poolSize: config.databasePoolSize,
    demo: config.demo,
    corsOrigins: config.corsOrigins,
    apiTokens: config.apiTokens,
    allowedHosts: config.allowedHosts,
    trustProxy: config.trustProxy,
    limits: config.limits,
    port: Number(process.env.PORT ?? 8787),
    hostname: process.env.HOST ?? '127.0.0.1',
    ...(config.quiet ? { log: false as const } : {}),
  });
} catch (error) {
  // A clear line and a failing exit, never a half-started server (nor SQLite when PostgreSQL was asked for).
  console.error(`lead-kanban API not started: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
}
console.log(`lead-kanban API on ${server.url}/api (database ${describeDatabase(config)}, demo ${config.demo ? 'on' : 'off'})`);

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    console.log(`${signal}: shutting down`);
    // A stuck connection must not keep the process alive forever.
    setTimeout(() => process.exit(1), 5000).unref();
    void server.close().then(() => process.exit(0));
  });
}
