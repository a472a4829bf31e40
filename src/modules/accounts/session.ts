import type { Kysely } from 'kysely';
import { type Actor, ANONYMOUS } from '../../kernel/access/policy.js';
import { hashSecret, newSecret } from '../../kernel/access/secret.js';
import type { Config } from '../../kernel/config.js';
import type { DB } from '../../kernel/db/schema.js';
import { findTokenOwner, markTokenUsed } from './api-token.repository.js';
import { deleteSession, findLiveSession, insertSession, touchSession } from './session.repository.js';
import { findUser } from './user.repository.js';

export const SESSION_COOKIE = 'sd_session';

/** Start a session for a user; returns the cookie value (only its hash is stored). */
export async function startSession(
  db: Kysely<DB>,
  config: Config,
  userId: string,
  meta: { ip: string | null; userAgent: string | null },
): Promise<{ cookieValue: string; idHash: string; expiresAt: Date }> {
  const cookieValue = newSecret(32);
  const idHash = hashSecret(cookieValue);
  const expiresAt = new Date(Date.now() + config.sessionHours * 3_600_000);
  await insertSession(db, {
    idHash,
    userId,
    ip: meta.ip,
    userAgent: meta.userAgent?.slice(0, 300) ?? null,
    expiresAt,
  });
  return { cookieValue, idHash, expiresAt };
}

export async function endSession(db: Kysely<DB>, cookieValue: string): Promise<void> {
  await deleteSession(db, hashSecret(cookieValue));
}

/** The actor behind a user id, or the anonymous public when the account is gone or disabled. */
export async function loadActor(db: Kysely<DB>, userId: string): Promise<Actor> {
  const user = await findUser(db, { id: userId });
  if (user?.state !== 'active') return ANONYMOUS;
  return {
    userId: user.id,
    username: user.username,
    roles: ['public', ...user.roles],
    agencyId: user.agency_id,
  };
}

/**
 * Resolve a session cookie to its actor, sliding the expiry forward (at most once a minute,
 * to keep reads from writing on every request).
 */
export async function resolveSession(
  db: Kysely<DB>,
  config: Config,
  cookieValue: string,
): Promise<{ actor: Actor; idHash: string } | undefined> {
  const idHash = hashSecret(cookieValue);
  const now = new Date();
  const session = await findLiveSession(db, idHash, now);
  if (!session) return undefined;
  if (now.getTime() - new Date(session.last_seen_at).getTime() > 60_000)
    await touchSession(db, idHash, now, new Date(now.getTime() + config.sessionHours * 3_600_000));
  return { actor: await loadActor(db, session.user_id), idHash };
}

/**
 * Resolve an `Authorization` header (CKAN style: the bare token, or `Bearer <token>`).
 * Undefined when the token is unknown or revoked.
 */
export async function resolveApiToken(db: Kysely<DB>, header: string): Promise<Actor | undefined> {
  const token = header.replace(/^Bearer\s+/i, '').trim();
  if (!token) return undefined;
  const owner = await findTokenOwner(db, hashSecret(token));
  if (!owner) return undefined;
  await markTokenUsed(db, owner.id);
  return loadActor(db, owner.user_id);
}
