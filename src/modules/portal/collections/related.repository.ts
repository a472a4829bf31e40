import { type Kysely, sql } from 'kysely';
import type { DB } from '../../../kernel/db/schema.js';

/**
 * Datasets related to one: public, active datasets sharing its topics (weight 3 each), tags
 * (2 each) or agency (1), the strongest first. Private and draft datasets never appear, whoever
 * reads the page.
 *
 * Candidates come from index probes only (the dataset's own topics and tags, then the datasets
 * under each; a bounded handful of its agency's newest): scoring every dataset of the catalog
 * took 550 ms a page at 20,000 datasets. A broad topic or tag (thousands of datasets) offers at
 * most PER_KEY of them, so a page costs a bounded few hundred probes however large the catalog.
 */
/** Datasets taken per shared topic or tag. */
const PER_KEY = 100;
/**
 * Candidates read from the dataset table: the best scored by shared topics and tags. Reading
 * every candidate's wide row (up to several hundred) for its visibility and title was most of
 * the statement's cost on a cold dataset page.
 */
const BEST = 50;

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
    shared as (
      select y.id, 1 as topic, 0 as tag
        from dataset_topic x cross join lateral (
          select z.dataset_id as id from dataset_topic z
          where z.topic_id = x.topic_id and z.dataset_id <> ${datasetId} limit ${PER_KEY}) y
        where x.dataset_id = ${datasetId}
      union all
      select y.id, 0, 1
        from dataset_tag x cross join lateral (
          select z.dataset_id as id from dataset_tag z
          where z.tag = x.tag and z.dataset_id <> ${datasetId} limit ${PER_KEY}) y
        where x.dataset_id = ${datasetId}
    ),
    best as (
      select id, sum(topic)::int as topics, sum(tag)::int as tags from shared group by id
      order by sum(topic) * 3 + sum(tag) * 2 desc, id limit ${BEST}
    ),
    scored as (
      select * from best
      union all
      select * from (
        select d.id, 0, 0 from dataset d join me on d.agency_id = me.agency_id
        where d.id <> me.id and d.private = false and d.state = 'active'
          and d.id not in (select id from best)
        order by d.metadata_modified desc limit ${limit * 4}) same
    )
    select d.name, d.title, a.name as agency_name, s.topics, s.tags,
      d.agency_id = me.agency_id as same_agency
    from scored s
    join dataset d on d.id = s.id
    cross join me
    join agency a on a.id = d.agency_id
    where d.private = false and d.state = 'active'
    order by s.topics * 3 + s.tags * 2 + (case when d.agency_id = me.agency_id then 1 else 0 end) desc, d.title
    limit ${limit}
  `.execute(db);
  return rows;
}
