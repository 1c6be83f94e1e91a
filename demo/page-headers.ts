/**
 * Security headers on everything vite serves for `npm start` and `vite preview` (the API under /api sends its
 * own, demo/server/guards.ts): no MIME sniffing, no Referer beyond the origin, and a strict Content
 * Security Policy on the pages (STRICT_CSP below). The plain-HTML example (demo/html/) is the exception: it is
 * the page a host writes with an inline import map and module script, which such a policy forbids.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Plugin } from 'vite';

/** Lit's Trusted Types policy: the one the elements create (lit-html renders templates through it). */
export const TRUSTED_TYPES_POLICY = 'lit-html';

/**
 * The policy a host can serve the elements under: scripts and styles from its own origin only (no inline
 * script or style, no style attributes, no eval), Trusted Types required for every script sink with only
 * Lit's policy allowed, no plugins, no framing, no form posts elsewhere. `connect-src 'self'` covers the API
 * and its event stream (a host whose API lives elsewhere adds that origin). The elements adopt constructed
 * stylesheets, which a policy does not restrict, and set no style attribute (sizes go through the CSSOM).
 */
export const STRICT_CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  "frame-ancestors 'none'",
  "require-trusted-types-for 'script'",
  `trusted-types ${TRUSTED_TYPES_POLICY}`,
].join('; ');

/**
 * The demo pages get the same policy; `connect-src 'self'` also covers vite's HMR socket on the same host and
 * port (CSP 3 lets 'self' match ws: for an http: page).
 */
export const PAGE_CSP = STRICT_CSP;

/** Paths served without a page policy: the API (it sends its own) and the plain-HTML example (see the header). */
const EXEMPT = ['/api', '/html/'];

/**
 * Vue's runtime makes a Trusted Types policy of its own, named `vue`, when it starts (for the static markup
 * its compiled templates insert): the Vue example's page allows that name beside Lit's, as a host serving a
 * Vue app under this policy would; refused, Vue reports an error on every load.
 */
export const VUE_PAGE_CSP = STRICT_CSP.replace(`trusted-types ${TRUSTED_TYPES_POLICY}`, `trusted-types ${TRUSTED_TYPES_POLICY} vue`);

/** The policy of the page at `path` (undefined: none, see EXEMPT). */
export function pagePolicy(path: string): string | undefined {
  if (EXEMPT.some((prefix) => path.startsWith(prefix))) return undefined;
  return path.startsWith('/vue/') ? VUE_PAGE_CSP : PAGE_CSP;
}

function setHeaders(req: IncomingMessage, res: ServerResponse, next: () => void): void {
  const path = new URL(req.url ?? '/', 'http://localhost').pathname;
  if (!path.startsWith('/api')) {
    res.setHeader('X-Content-Type-Options', 'nosniff');
    res.setHeader('Referrer-Policy', 'strict-origin-when-cross-origin');
    const policy = pagePolicy(path);
    if (policy) res.setHeader('Content-Security-Policy', policy);
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
