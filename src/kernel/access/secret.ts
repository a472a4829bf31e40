import { createHash, randomBytes } from 'node:crypto';

/** A new random secret (session id, API token), URL-safe. */
export function newSecret(bytes = 32): string {
  return randomBytes(bytes).toString('base64url');
}

/**
 * SHA-256 of a secret, as stored. Session ids and tokens are long random values, so a fast
 * hash is enough; storing only the hash means a database leak gives no working credentials.
 */
export function hashSecret(secret: string): string {
  return createHash('sha256').update(secret).digest('hex');
}
