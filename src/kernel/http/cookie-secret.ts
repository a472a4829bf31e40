import type { Kysely } from 'kysely';
import { newSecret } from '../access/secret.js';
import type { Config } from '../config.js';
import type { DB } from '../db/schema.js';
import { getSetting, putSettingIfAbsent } from '../db/settings.repository.js';

/**
 * Secret for signing cookies: COOKIE_SECRET when set, else one generated on first start and
 * kept in the database, so every app instance sharing the database agrees on it.
 */
export async function getCookieSecret(db: Kysely<DB>, config: Config): Promise<string> {
  if (config.cookieSecret) return config.cookieSecret;
  const stored = await getSetting<string>(db, 'cookie_secret');
  if (stored) return stored;
  // Two instances starting at once must end up with the same secret: first insert wins.
  await putSettingIfAbsent(db, 'cookie_secret', newSecret(48));
  const secret = await getSetting<string>(db, 'cookie_secret');
  if (!secret) throw new Error('cookie secret could not be stored');
  return secret;
}
