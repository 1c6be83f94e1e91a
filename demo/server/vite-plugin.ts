/**
 * Makes `npm start` ONE command: the vite dev server (demo page) also answers `/api/*` with the reference
 * server's hono app, on the same origin, so the demo needs no CORS and no second process.
 * Configuration comes from the environment (config.ts): DATABASE_PATH, DEMO, CORS_ORIGINS, API_TOKENS, LOG.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { getRequestListener } from '@hono/node-server';
import type { Connect, Plugin, PreviewServer, ViteDevServer } from 'vite';
import { createApp, type AppOptions, type LeadApp } from './app.js';
import { readConfig } from './config.js';
import { openDatabase, type Db } from './db.js';

export interface LeadApiPluginOptions extends Partial<Omit<AppOptions, 'db'>> {
  /** Overrides DATABASE_PATH. */
  databasePath?: string;
}

interface Mounted {
  app: LeadApp;
  db: Db;
  close(): void;
}

function mount(middlewares: Connect.Server, options: LeadApiPluginOptions): Mounted {
  const config = readConfig();
  const db = openDatabase(options.databasePath ?? config.databasePath);
  const app = createApp({
    demo: config.demo,
    corsOrigins: config.corsOrigins,
    apiTokens: config.apiTokens,
    ...(config.quiet ? { log: false as const } : {}),
    ...options,
    db,
  });
  // Leave vite's own global Request/Response alone; the adapter works with the standard ones.
  const listener = getRequestListener(app.fetch, { overrideGlobalObjects: false });
  // Registered directly (not as a post hook), so it runs before vite's own middlewares: /api never reaches
  // vite's transforms or SPA fallback, and event streams are written through unbuffered.
  middlewares.use((req: IncomingMessage, res: ServerResponse, next: Connect.NextFunction) => {
    const path = req.url ?? '';
    if (path === '/api' || path.startsWith('/api/') || path.startsWith('/api?')) void listener(req, res);
    else next();
  });
  let closed = false;
  return {
    app,
    db,
    close() {
      if (closed) return;
      closed = true;
      app.events.closeAll();
      db.close();
    },
  };
}

/** Vite has no SIGINT handling of its own: stop cleanly on Ctrl-C so the database is closed. */
function closeOnSignal(close: () => Promise<void>): () => void {
  const onSignal = (signal: NodeJS.Signals) => {
    setTimeout(() => process.exit(1), 3000).unref();
    void close().finally(() => process.exit(signal === 'SIGINT' ? 130 : 0));
  };
  process.once('SIGINT', onSignal);
  return () => process.off('SIGINT', onSignal);
}

export function leadApiPlugin(options: LeadApiPluginOptions = {}): Plugin {
  let dev: Mounted | undefined;
  let removeSignal: (() => void) | undefined;
  return {
    name: 'lead-kanban-api',
    configureServer(server: ViteDevServer) {
      dev?.close(); // a restart (config change) builds a new app; the old one lets go of the database first
      dev = mount(server.middlewares, options);
      removeSignal?.();
      removeSignal = closeOnSignal(() => server.close());
    },
    // Vite closes every socket (event streams included) before this hook, then we close the database.
    closeServer() {
      removeSignal?.();
      removeSignal = undefined;
      dev?.close();
      dev = undefined;
    },
    configurePreviewServer(server: PreviewServer) {
      const preview = mount(server.middlewares, options);
      server.httpServer.once('close', () => preview.close());
    },
  };
}
