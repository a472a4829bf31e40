import { type Kysely, sql } from 'kysely';
import type { DB } from '../../kernel/db/schema.js';
import { memoByCatalogStamps } from '../../kernel/db/stamped-memo.js';

/**
 * Public active datasets per agency id (what an anonymous visitor can count), kept while the
 * catalog's stamps hold. Callers must not change the map.
 */
export const countPublicDatasetsByAgency = memoByCatalogStamps(async (db): Promise<Map<string, number>> => {
  const rows = await db
    .selectFrom('dataset')
    .select(['agency_id', (eb) => eb.fn.countAll<number>().as('n')])
    .where('private', '=', false)
    .where('state', '=', 'active')
    .groupBy('agency_id')
    .execute();
  return new Map(rows.map((r) => [r.agency_id, Number(r.n)]));
});

/** Public active datasets per topic id, kept while the catalog's stamps hold. */
export const countPublicDatasetsByTopic = memoByCatalogStamps(async (db): Promise<Map<string, number>> => {
  const rows = await db
    .selectFrom('dataset_topic')
    .innerJoin('dataset', 'dataset.id', 'dataset_topic.dataset_id')
    .select(['dataset_topic.topic_id', (eb) => eb.fn.countAll<number>().as('n')])
    .where('dataset.private', '=', false)
    .where('dataset.state', '=', 'active')
    .groupBy('dataset_topic.topic_id')
    .execute();
  return new Map(rows.map((r) => [r.topic_id, Number(r.n)]));
});

/** Tags used by public active datasets, optionally containing `query`. */
export async function listPublicTags(
  db: Kysely<DB>,
  query: string | undefined,
  limit: number,
): Promise<string[]> {
  let q = db
    .selectFrom('dataset_tag')
    .innerJoin('dataset', 'dataset.id', 'dataset_tag.dataset_id')
    .select('dataset_tag.tag')
    .distinct()
    .where('dataset.private', '=', false)
    .where('dataset.state', '=', 'active')
    .orderBy('dataset_tag.tag')
    .limit(limit);
  if (query)
    q = q.where(sql`lower(dataset_tag.tag)`, 'like', `%${query.toLowerCase().replace(/[%_\\]/g, '\\$&')}%`);
  return (await q.execute()).map((r) => r.tag);
}
