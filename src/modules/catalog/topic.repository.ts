import type { Kysely } from 'kysely';
import type { DB, Topic } from '../../kernel/db/schema.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export async function listTopics(db: Kysely<DB>): Promise<Topic[]> {
  return db.selectFrom('topic').selectAll().orderBy('title').execute();
}

export async function findTopic(db: Kysely<DB>, idOrName: string): Promise<Topic | undefined> {
  const q = db.selectFrom('topic').selectAll();
  return (
    UUID.test(idOrName) ? q.where('id', '=', idOrName) : q.where('name', '=', idOrName)
  ).executeTakeFirst();
}

export async function insertTopic(
  db: Kysely<DB>,
  t: {
    name: string;
    title: string;
    title_en?: string | null;
    description?: string;
    description_en?: string | null;
  },
): Promise<Topic> {
  return db.insertInto('topic').values(t).returningAll().executeTakeFirstOrThrow();
}
