import type { Insertable, Kysely } from 'kysely';
import type { MailOutboxTable, NotificationTable } from '../db/schema/workflow-runs.js';
import type { DB } from '../db/schema.js';

/** SQL of in-app notifications and the mail outbox. */

export async function insertNotifications(db: Kysely<DB>, rows: Insertable<NotificationTable>[]) {
  if (rows.length > 0) await db.insertInto('notification').values(rows).execute();
}

export async function insertMails(db: Kysely<DB>, rows: Insertable<MailOutboxTable>[]) {
  if (rows.length > 0) await db.insertInto('mail_outbox').values(rows).execute();
}

export async function unreadCount(db: Kysely<DB>, userId: string): Promise<number> {
  const row = await db
    .selectFrom('notification')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('user_id', '=', userId)
    .where('read_at', 'is', null)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

export async function listNotifications(db: Kysely<DB>, userId: string, limit = 50) {
  return db
    .selectFrom('notification')
    .selectAll()
    .where('user_id', '=', userId)
    .orderBy('created_at', 'desc')
    .limit(limit)
    .execute();
}

export async function markAllRead(db: Kysely<DB>, userId: string, at: Date): Promise<number> {
  const res = await db
    .updateTable('notification')
    .set({ read_at: at })
    .where('user_id', '=', userId)
    .where('read_at', 'is', null)
    .executeTakeFirst();
  return Number(res.numUpdatedRows);
}

export async function listOutbox(db: Kysely<DB>, limit = 200) {
  return db.selectFrom('mail_outbox').selectAll().orderBy('created_at', 'desc').limit(limit).execute();
}

export async function pendingMails(db: Kysely<DB>, limit = 50) {
  return db
    .selectFrom('mail_outbox')
    .selectAll()
    .where('sent_at', 'is', null)
    .where('attempts', '<', 5)
    .orderBy('created_at')
    .limit(limit)
    .execute();
}

export async function markMailSent(db: Kysely<DB>, id: string, at: Date) {
  await db
    .updateTable('mail_outbox')
    .set((eb) => ({ sent_at: at, attempts: eb('attempts', '+', 1), last_error: null }))
    .where('id', '=', id)
    .execute();
}

export async function markMailFailed(db: Kysely<DB>, id: string, error: string) {
  await db
    .updateTable('mail_outbox')
    .set((eb) => ({ attempts: eb('attempts', '+', 1), last_error: error.slice(0, 500) }))
    .where('id', '=', id)
    .execute();
}
