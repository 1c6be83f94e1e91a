/**
 * Security headers on everything vite serves for `npm start` and `vite preview` (the API under /api sends its
 * own, demo/server/guards.ts): no MIME sniffing, no Referer beyond the origin, and a restrictive Content
 * Security Policy on the pages — scripts and styles from this origin only (no inline script, no eval), no
 * plugins, no framing, no form posts elsewhere. The plain-HTML example (demo/html/) is the exception: it is
 * the page a host writes with an inline import map and module script, which such a policy forbids.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Plugin } from 'vite';

/**
 * `connect-src 'self'` covers the API and the event stream, and vite's HMR socket on the same host and port
 * (CSP 3 lets 'self' match ws: for an http: page). Styles: stylesheets from this origin (the pages link theirs;
 * the elements adopt constructed ones, which a policy does not restrict), no <style> element; style
 * ATTRIBUTES are allowed because the elements' templates still set some (they cannot run script; a page
 * without them is the strict-page work on the elements).
 */
export const PAGE_CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "style-src-attr 'unsafe-inline'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

const EXEMPT = ['/api', '/html/'];

function setHeaders(req: IncomingMessage, res: ServerResponse, next: () => void): void {
  const path = new URL(req.url ?? '/', 'http://localhost').pathname;
  if (!path.startsWith('/api')) {
    res.setHeader('X-Content-Type-Options', 'nosniff');
    res.setHeader('Referrer-Policy', 'strict-origin-when-cross-origin');
    if (!EXEMPT.some((prefix) => path.startsWith(prefix))) res.setHeader('Content-Security-Policy', PAGE_CSP);
  }
  next();
}

export function pageHeaders(): Plugin {
  return {
    name: 'lead-kanban-page-headers',
    // Registered directly (not as a post hook) so the headers are set before vite answers anything.
    configureServer(server) {
      server.middlewares.use(setHeaders);
    },
    configurePreviewServer(server) {
      server.middlewares.use(setHeaders);
    },
  };
}
