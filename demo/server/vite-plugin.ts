/**
 * Makes `npm start` ONE command: the vite dev server (demo page) also answers `/api/*` with the reference
 * server's hono app, on the same origin, so the demo needs no CORS and no second process.
 * Configuration comes from the environment (config.ts): DATABASE_URL or DATABASE_PATH, DEMO, CORS_ORIGINS,
 * API_TOKENS, LOG. A DATABASE_URL that cannot be reached stops vite from starting.
 */
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import { getRequestListener } from '@hono/node-server';
import type { Connect, Plugin, PreviewServer, ViteDevServer } from 'vite';
import { createApp, type AppOptions, type LeadApp } from './app.js';
import { readConfig } from './config.js';
import { openRepository } from './db/open.js';

export interface LeadApiPluginOptions extends Partial<Omit<AppOptions, 'repo'>> {
  /** Overrides DATABASE_PATH. */
  databasePath?: string;
  /** Overrides DATABASE_URL. */
  databaseUrl?: string;
}

interface Mounted {
  /** Resolves once the database is open (rejects when it cannot be). */
  ready: Promise<LeadApp>;
  close(): Promise<void>;
}

function mount(middlewares: Connect.Server, httpServer: Server | null, options: LeadApiPluginOptions): Mounted {
  const config = readConfig();
  const { databasePath, databaseUrl, ...appOptions } = options;
  const ready = openRepository({
    databaseUrl: databaseUrl ?? config.databaseUrl,
    databasePath: databasePath ?? config.databasePath,
    poolSize: config.databasePoolSize,
  }).then(async (repo) => {
    try {
      return createApp({
        demo: config.demo,
        corsOrigins: config.corsOrigins,
        apiTokens: config.apiTokens,
        trustProxy: config.trustProxy,
        limits: config.limits,
        // Vite checks Host (server.allowedHosts) before any middleware runs, /api included.
        allowedHosts: true,
        ...(config.quiet ? { log: false as const } : {}),
        ...appOptions,
        repo,
      });
    } catch (error) {
      await repo.close();
      throw error;
    }
  }).then((app) => {
    // Slow requests are cut off on vite's server too (page requests share it; none of them is slow).
    if (httpServer) {
      httpServer.requestTimeout = app.limits.readTimeoutMs;
      httpServer.headersTimeout = app.limits.readTimeoutMs;
    }
    return app;
  });
  ready.catch(() => {}); // reported by the hook that awaits it; never an unhandled rejection
  let listener: ReturnType<typeof getRequestListener> | undefined;
  void ready.then((app) => {
    // Leave vite's own global Request/Response alone; the adapter works with the standard ones.
    listener = getRequestListener(app.fetch, { overrideGlobalObjects: false });
  }, () => {});
  // Registered at once and directly (not as a post hook), so it runs before vite's own middlewares: /api
  // never reaches vite's transforms or SPA fallback, and event streams are written through unbuffered.
  middlewares.use((req: IncomingMessage, res: ServerResponse, next: Connect.NextFunction) => {
    const path = req.url ?? '';
    if (!(path === '/api' || path.startsWith('/api/') || path.startsWith('/api?'))) return next();
    if (listener) return void listener(req, res);
    ready.then(() => listener!(req, res), next);
  });
  let closing: Promise<void> | undefined;
  return {
    ready,
    close: () => (closing ??= ready.then(async (app) => {
      app.stop();
      await app.repo.close();
    }, () => {})),
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
    async configureServer(server: ViteDevServer) {
      // A restart (config change) builds a new app; the old one lets go of the database first.
      await dev?.close();
      dev = mount(server.middlewares, server.httpServer as Server | null, options);
      removeSignal?.();
      removeSignal = closeOnSignal(() => server.close());
      await dev.ready; // an unreachable database fails the start, with its message
    },
    // Vite closes every socket (event streams included) before this hook, then we close the database.
    async closeServer() {
      removeSignal?.();
      removeSignal = undefined;
      await dev?.close();
      dev = undefined;
    },
    async configurePreviewServer(server: PreviewServer) {
      const preview = mount(server.middlewares, server.httpServer as Server, options);
      server.httpServer.once('close', () => void preview.close());
      await preview.ready;
    },
  };
}
