import { type Kysely, sql } from 'kysely';
import type { DB } from '../../../kernel/db/schema.js';

/**
 * Datasets related to one: public, active datasets sharing its topics (weight 3 each), tags
 * (2 each) or agency (1), the strongest first. Private and draft datasets never appear, whoever
 * reads the page.
 */
export async function listRelatedDatasets(db: Kysely<DB>, datasetId: string, limit = 5) {
  const { rows } = await sql<{
    name: string;
    title: string;
    agency_name: string;
    topics: number;
    tags: number;
    same_agency: boolean;
  }>`
    with me as (select id, agency_id from dataset where id = ${datasetId}),
    scored as (
    select d.name, d.title, a.name as agency_name,
      (select count(*)::int from dataset_topic x join dataset_topic y on y.topic_id = x.topic_id
        where x.dataset_id = d.id and y.dataset_id = me.id) as topics,
      (select count(*)::int from dataset_tag x join dataset_tag y on y.tag = x.tag
        where x.dataset_id = d.id and y.dataset_id = me.id) as tags,
      d.agency_id = me.agency_id as same_agency
    from dataset d
    join me on d.id <> me.id
    join agency a on a.id = d.agency_id
    where d.private = false and d.state = 'active'
    )
    select * from scored
    where topics * 3 + tags * 2 + (case when same_agency then 1 else 0 end) > 0
    order by topics * 3 + tags * 2 + (case when same_agency then 1 else 0 end) desc, title
    limit ${limit}
  `.execute(db);
  return rows;
}
