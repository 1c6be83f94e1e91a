/**
 * `npm start` serves the plain-HTML example (demo/html/) as it is; its import map loads the standalone build
 * from ./standalone/. This plugin answers those requests from dist/standalone/, built on first use
 * (`node scripts/build-lib.mjs --standalone` writes the same files), so the page runs what a CDN would serve.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Plugin } from 'vite';

const PROJECT = fileURLToPath(new URL('..', import.meta.url));
const OUT = join(PROJECT, 'dist', 'standalone');
const PREFIX = '/html/standalone/';

export function standaloneForHtmlExample(): Plugin {
  let building: Promise<unknown> | undefined;
  return {
    name: 'lead-kanban-standalone-for-html-example',
    apply: 'serve',
    configureServer(server) {
      server.middlewares.use(async (req, res, next) => {
        const path = new URL(req.url ?? '/', 'http://localhost').pathname;
        if (!path.startsWith(PREFIX)) return next();
        try {
          if (!existsSync(join(OUT, 'lead-kanban.js'))) {
            building ??= import('../scripts/standalone-build.mjs').then(({ buildStandalone }) => buildStandalone(OUT));
            await building;
          }
          const file = join(OUT, path.slice(PREFIX.length));
          if (!file.startsWith(OUT) || !existsSync(file)) return next();
          res.setHeader('Content-Type', 'text/javascript; charset=utf-8');
          res.end(readFileSync(file));
        } catch (error) {
          next(error);
        }
      });
    },
  };
}
