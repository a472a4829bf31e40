import type { Kysely } from 'kysely';
import type { DB } from '../../../kernel/db/schema.js';

/** SQL of the contact form: the message kept, who is told, and the custodian's list. */

export async function insertContactMessage(
  db: Kysely<DB>,
  row: { name: string; email: string; body: string; locale: 'id' | 'en' },
) {
  return db.insertInto('contact_message').values(row).returning('id').executeTakeFirstOrThrow();
}

/** Active users holding the custodian role: the contact page's messages reach their inbox. */
export async function listCustodianUserIds(db: Kysely<DB>): Promise<string[]> {
  const rows = await db
    .selectFrom('user_role as r')
    .innerJoin('app_user as u', 'u.id', 'r.user_id')
    .select('u.id')
    .where('r.role', '=', 'custodian')
    .where('u.state', '=', 'active')
    .execute();
  return rows.map((r) => r.id);
}

export async function listContactMessages(db: Kysely<DB>, limit = 200) {
  return db.selectFrom('contact_message').selectAll().orderBy('created_at', 'desc').limit(limit).execute();
}
