/**
 * Is this error the database going away (a terminated backend, a reset socket, a pool that cannot
 * connect) rather than something the request did? Such a request may succeed if sent again, so it
 * answers 503 with Retry-After instead of 500 (issue 11, finding 3's follow-up).
 */

/** SQLSTATE class 08 (connection exception) and the shutdown/termination codes of class 57P. */
const LOST_SQLSTATE = /^(08...|57P01|57P02|57P03)$/;
const LOST_SOCKET = new Set(['ECONNRESET', 'ECONNREFUSED', 'EPIPE', 'ETIMEDOUT', 'ENOTCONN']);
/** node-postgres raises these as plain Errors without a code. */
const LOST_MESSAGE =
  /^(Connection terminated( unexpectedly| due to connection timeout)?|Client has encountered a connection error and is not queryable|timeout exceeded when trying to connect)$/;

export function isConnectionLost(err: unknown, depth = 0): boolean {
  if (!(err instanceof Error) || depth > 3) return false;
  const code = (err as { code?: unknown }).code;
  if (typeof code === 'string' && (LOST_SQLSTATE.test(code) || LOST_SOCKET.has(code))) return true;
  if (code === undefined && LOST_MESSAGE.test(err.message)) return true;
  return isConnectionLost((err as { cause?: unknown }).cause, depth + 1);
}

/** Seconds a client is asked to wait before trying again (pools reconnect within a second or so). */
export const RETRY_AFTER_SECONDS = 5;
