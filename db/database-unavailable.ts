// Whether PostgreSQL could not be reached (stopped, restarting, unreachable, out of connections)
// rather than refusing the work itself. The first mends itself when the server is back, so the
// engine waits for it; the second is someone's to look at. Only errors of the database's own
// connections are classified: a mail server refusing a connection is not a database outage.
// No runtime imports: workflow code reads DATABASE_UNAVAILABLE from here.

/** The failure type an activity reports when the database could not be reached (its class name). */
export const DATABASE_UNAVAILABLE = 'DatabaseUnavailableError';

export class DatabaseUnavailableError extends Error {
  constructor(cause: Error) {
    super(`数据库暂时无法连接：${cause.message}`, { cause });
  }
}

/** Socket errors of a connection that could not be made or was cut. */
const NETWORK_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ECONNABORTED',
  'ETIMEDOUT',
  'EPIPE',
  'ENOTFOUND',
  'EAI_AGAIN',
  'EHOSTUNREACH',
  'ENETUNREACH',
]);

/**
 * SQLSTATE: class 08 (connection exception), 57P01–57P03 (the server shutting down, crashed,
 * or still starting), 53300 (too many connections).
 */
const SERVER_CODES = /^(08[0-9A-Z]{3}|57P0[123]|53300)$/;

/**
 * node-postgres's own words for a connection that ended under a query or before it. (Its
 * "timeout exceeded when trying to connect" is not here: it also means a busy pool.)
 */
const DRIVER_MESSAGES = /^(Connection terminated|Client has encountered a connection error|Client was closed)/;

export function isDatabaseUnreachable(error: unknown): boolean {
  if (!(error instanceof Error)) return false;
  const code = (error as { code?: unknown }).code;
  if (typeof code === 'string' && (NETWORK_CODES.has(code) || SERVER_CODES.test(code))) return true;
  if (DRIVER_MESSAGES.test(error.message)) return true;
  // Connecting to a name with several addresses (localhost) fails with one error per address.
  return error instanceof AggregateError && error.errors.some(isDatabaseUnreachable);
}

/** The error to throw for a database error: an outage as DatabaseUnavailableError, anything else as it is. */
export function classified(error: unknown): unknown {
  return isDatabaseUnreachable(error) ? new DatabaseUnavailableError(error as Error) : error;
}
