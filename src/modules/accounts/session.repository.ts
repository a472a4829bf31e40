import type { Kysely } from 'kysely';
import type { DB } from '../../kernel/db/schema.js';

export async function insertSession(
  db: Kysely<DB>,
  s: { idHash: string; userId: string; ip: string | null; userAgent: string | null; expiresAt: Date },
): Promise<void> {
  await db
    .insertInto('session')
    .values({
      id_hash: s.idHash,
      user_id: s.userId,
      ip: s.ip,
      user_agent: s.userAgent,
      expires_at: s.expiresAt,
    })
    .execute();
}

/** The live session with this hash and its (active) user id, or undefined. */
export async function findLiveSession(db: Kysely<DB>, idHash: string, now: Date) {
  return db
    .selectFrom('session')
    .innerJoin('app_user', 'app_user.id', 'session.user_id')
    .select(['session.id_hash', 'session.user_id', 'session.expires_at', 'session.last_seen_at'])
    .where('session.id_hash', '=', idHash)
    .where('session.expires_at', '>', now)
    .where('app_user.state', '=', 'active')
    .executeTakeFirst();
}

export async function touchSession(
  db: Kysely<DB>,
  idHash: string,
  now: Date,
  expiresAt: Date,
): Promise<void> {
  await db
    .updateTable('session')
    .set({ last_seen_at: now, expires_at: expiresAt })
    .where('id_hash', '=', idHash)
    .execute();
}

export async function deleteSession(db: Kysely<DB>, idHash: string): Promise<void> {
  await db.deleteFrom('session').where('id_hash', '=', idHash).execute();
}

/** End every session of a user (after a password change or when disabled), except `keep`. */
export async function deleteUserSessions(db: Kysely<DB>, userId: string, keep?: string): Promise<void> {
  let q = db.deleteFrom('session').where('user_id', '=', userId);
  if (keep) q = q.where('id_hash', '<>', keep);
  await q.execute();
}
