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

/** Lock a topic for a change in this transaction. */
export async function findTopicForUpdate(db: Kysely<DB>, idOrName: string): Promise<Topic | undefined> {
  const q = db.selectFrom('topic').selectAll().forUpdate();
  return (
    UUID.test(idOrName) ? q.where('id', '=', idOrName) : q.where('name', '=', idOrName)
  ).executeTakeFirst();
}

export async function updateTopic(
  db: Kysely<DB>,
  id: string,
  t: { name: string; title: string; description: string; image_url: string | null },
): Promise<Topic> {
  return db
    .updateTable('topic')
    .set({ ...t, updated_at: new Date() })
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirstOrThrow();
}

/** The ids of the datasets in a topic (what a delete or a member list names). */
export async function listTopicDatasetIds(db: Kysely<DB>, topicId: string): Promise<string[]> {
  const rows = await db
    .selectFrom('dataset_topic')
    .innerJoin('dataset', 'dataset.id', 'dataset_topic.dataset_id')
    .select('dataset_topic.dataset_id')
    .where('dataset_topic.topic_id', '=', topicId)
    .where('dataset.state', '!=', 'deleted')
    .orderBy('dataset.name')
    .execute();
  return rows.map((r) => r.dataset_id);
}

export async function deleteTopic(db: Kysely<DB>, id: string): Promise<void> {
  await db.deleteFrom('topic').where('id', '=', id).execute();
}

export async function addDatasetToTopic(db: Kysely<DB>, datasetId: string, topicId: string): Promise<void> {
  await db
    .insertInto('dataset_topic')
    .values({ dataset_id: datasetId, topic_id: topicId })
    .onConflict((oc) => oc.doNothing())
    .execute();
}

export async function removeDatasetFromTopic(
  db: Kysely<DB>,
  datasetId: string,
  topicId: string,
): Promise<number> {
  const r = await db
    .deleteFrom('dataset_topic')
    .where('dataset_id', '=', datasetId)
    .where('topic_id', '=', topicId)
    .executeTakeFirst();
  return Number(r.numDeletedRows);
}
