/**
 * Telling a database that cannot be reached (refused, dropped, restarting, out of connections) from an error
 * of the statement itself: the first answers 503 and heals when the database is back, the second is a bug
 * (500). Also hides the password of a connection URL in messages.
 */
import { DatabaseUnavailableError } from './repository.js';

/** Socket errors of node, and PostgreSQL classes 08 (connection exception), 57P01-03 (shutdown), 53300. */
const SOCKET_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'ENOTFOUND', 'EAI_AGAIN',
  'EHOSTUNREACH', 'ENETUNREACH', 'EADDRNOTAVAIL']);
const SERVER_CODES = new Set(['57P01', '57P02', '57P03', '53300']);
/** node-postgres reports these without a code. */
const DRIVER_MESSAGES = /connection terminated|timeout exceeded when trying to connect|connection error|not queryable|client was closed|cannot use a pool after calling end/i;

export function isConnectionError(error: unknown): boolean {
  if (!(error instanceof Error)) return false;
  const code = (error as { code?: unknown }).code;
  if (typeof code === 'string' && (SOCKET_CODES.has(code) || SERVER_CODES.has(code) || code.startsWith('08'))) {
    return true;
  }
  if (error instanceof AggregateError) return error.errors.some(isConnectionError);
  return DRIVER_MESSAGES.test(error.message);
}

/** `error` as thrown to the app: a DatabaseUnavailableError when the database cannot be reached. */
export function storageError(error: unknown): unknown {
  if (error instanceof DatabaseUnavailableError || !isConnectionError(error)) return error;
  const reason = error instanceof Error ? error.message || (error as { code?: string }).code : String(error);
  return new DatabaseUnavailableError(`PostgreSQL unreachable: ${reason}`, { cause: error });
}

/** The URL without its password, for messages and logs. */
export function redactUrl(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = '***';
    return parsed.toString();
  } catch {
    return 'postgres://…';
  }
}
