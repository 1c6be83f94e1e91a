/**
 * What every answer of the API carries and what every request must show before anything else runs: security
 * headers, and a Host the server answers to (a page on an attacker's domain that rebinds its DNS to
 * 127.0.0.1 sends its own name as Host; refusing unknown names keeps such a page from reading the API).
 */
import { isIP } from 'node:net';
import type { MiddlewareHandler } from 'hono';
import { ApiError, errorResponse } from './http.js';

/**
 * The API answers data, never a page: nothing in an answer may run, load or be framed, no answer is cached
 * (tokens, leads), and no Referer leaves with a link followed from one.
 */
const API_HEADERS: Record<string, string> = {
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'Content-Security-Policy': "default-src 'none'; frame-ancestors 'none'",
};

export function securityHeaders(): MiddlewareHandler {
  return async (c, next) => {
    await next();
    for (const [name, value] of Object.entries(API_HEADERS)) c.res.headers.set(name, value);
    if (!c.res.headers.has('Cache-Control')) c.res.headers.set('Cache-Control', 'no-store');
  };
}

/** The name part of a Host header: `[::1]:8787` → `::1`, `Example.COM.:80` → `example.com`. */
export function hostName(host: string): string {
  const name = host.startsWith('[') ? host.slice(1, host.indexOf(']')) : host.replace(/:\d*$/, '');
  return name.toLowerCase().replace(/\.$/, '');
}

/**
 * Whether the API answers to `host`: IP addresses (no DNS to rebind), `localhost` and `*.localhost`, and the
 * host's `allowed` names — `app.example.com` exactly, `.example.com` for it and every subdomain.
 */
export function hostAllowed(host: string | undefined, allowed: readonly string[]): boolean {
  if (!host) return false;
  const name = hostName(host);
  if (isIP(name) !== 0 || name === 'localhost' || name.endsWith('.localhost')) return true;
  return allowed.some((entry) => {
    const rule = entry.toLowerCase();
    return rule.startsWith('.') ? name === rule.slice(1) || name.endsWith(rule) : name === rule;
  });
}

export function hostCheck(allowed: readonly string[]): MiddlewareHandler {
  return async (c, next) => {
    if (!hostAllowed(c.req.header('host'), allowed)) {
      return errorResponse(c, new ApiError(403, 'forbidden',
        'This host name is not allowed (ALLOWED_HOSTS lists the names the server answers to)'));
    }
    await next();
  };
}
