/**
 * Opens the database, builds the app and listens: what main.ts runs, and what tests use to get a real
 * server on a free port (`port: 0`) over a temporary SQLite file or a PostgreSQL database.
 */
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import { serve } from '@hono/node-server';
import { createApp, type AppOptions, type LeadApp } from './app.js';
import { openRepository, type DatabaseOptions } from './db/open.js';
import type { Repository } from './db/repository.js';

export interface StartOptions extends Omit<AppOptions, 'repo'>, DatabaseOptions {
  /** 0 picks a free port. */
  port?: number;
  hostname?: string;
}

export interface RunningServer {
  /** e.g. http://127.0.0.1:43210 — the API is under `${url}/api`. */
  url: string;
  port: number;
  app: LeadApp;
  repo: Repository;
  /** Ends event streams, stops listening, closes the database. Safe to call twice. */
  close(): Promise<void>;
}

export async function startServer(options: StartOptions): Promise<RunningServer> {
  const { databaseUrl, databasePath, poolSize, seed, port = 8787, hostname = '127.0.0.1', ...appOptions } = options;
  const repo = await openRepository({ databaseUrl, databasePath, poolSize, seed });
  let app: LeadApp;
  try {
    app = createApp({ ...appOptions, repo });
  } catch (error) {
    await repo.close();
    throw error;
  }
  const { readTimeoutMs } = app.limits;
  return new Promise((resolve, reject) => {
    // A request (headers and body) must arrive within readTimeoutMs, or the connection is cut (408). The
    // check runs every quarter of it: Node's default interval (30 s) would let a slow client stay longer.
    const serverOptions = { requestTimeout: readTimeoutMs, headersTimeout: readTimeoutMs,
      connectionsCheckingInterval: Math.max(25, Math.min(30_000, Math.round(readTimeoutMs / 4))) };
    const server = serve({ fetch: app.fetch, port, hostname, serverOptions }, (info: AddressInfo) => {
      let closing: Promise<void> | undefined;
      const http = server as Server;
      const close = () =>
        (closing ??= new Promise<void>((done) => {
          app.stop();
          // Ended event streams leave keep-alive sockets that turn idle a moment later: sweep them until the
          // server has closed, and cut whatever is still busy after a grace period.
          const sweep = setInterval(() => http.closeIdleConnections(), 50);
          const cut = setTimeout(() => http.closeAllConnections(), 3000);
          http.close(() => {
            clearInterval(sweep);
            clearTimeout(cut);
            void repo.close().then(done, done);
          });
          http.closeIdleConnections();
        }));
      resolve({ url: `http://${hostname.includes(':') ? `[${hostname}]` : hostname}:${info.port}`, port: info.port,
        app, repo, close });
    });
    server.once('error', (error) => {
      void repo.close().finally(() => reject(error));
    });
  });
}
