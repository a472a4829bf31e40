import type { Kysely } from 'kysely';
import type { DB } from '../../kernel/db/schema.js';

export async function insertApiToken(
  db: Kysely<DB>,
  t: { userId: string; name: string; tokenHash: string; prefix: string },
) {
  return db
    .insertInto('api_token')
    .values({ user_id: t.userId, name: t.name, token_hash: t.tokenHash, prefix: t.prefix })
    .returning(['id', 'name', 'prefix', 'created_at'])
    .executeTakeFirstOrThrow();
}

/** The user id of an unrevoked token with this hash, whose user is active. */
export async function findTokenOwner(db: Kysely<DB>, tokenHash: string) {
  return db
    .selectFrom('api_token')
    .innerJoin('app_user', 'app_user.id', 'api_token.user_id')
    .select(['api_token.id', 'api_token.user_id'])
    .where('api_token.token_hash', '=', tokenHash)
    .where('api_token.revoked_at', 'is', null)
    .where('app_user.state', '=', 'active')
    .executeTakeFirst();
}

export async function markTokenUsed(db: Kysely<DB>, id: string): Promise<void> {
  await db.updateTable('api_token').set({ last_used_at: new Date() }).where('id', '=', id).execute();
}

export async function listUserTokens(db: Kysely<DB>, userId: string) {
  return db
    .selectFrom('api_token')
    .select(['id', 'name', 'prefix', 'created_at', 'last_used_at', 'revoked_at'])
    .where('user_id', '=', userId)
    .orderBy('created_at', 'desc')
    .execute();
}

/** A token about to be changed, locked (`FOR UPDATE`) until the caller's transaction ends. */
export async function findTokenForUpdate(trx: Kysely<DB>, id: string) {
  return trx.selectFrom('api_token').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();
}

export async function revokeToken(db: Kysely<DB>, id: string): Promise<void> {
  await db.updateTable('api_token').set({ revoked_at: new Date() }).where('id', '=', id).execute();
}
