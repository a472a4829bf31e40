import { type Kysely, sql } from 'kysely';
import { PREPARED_MARK } from '../../../kernel/db/database.js';
import { pageStamps } from '../../../kernel/db/page-stamp.repository.js';
import type { DB } from '../../../kernel/db/schema.js';
import { type EB, PUBLIC_VISIBILITY, visibleTo } from '../dataset-search-where.repository.js';

/**
 * What the in-memory public search index (public-search-index.ts) reads: the public catalog's
 * rows in pages, the order the database's collation gives the facet names, and a query's
 * tsquery. "Public" is visibleTo's own condition for a searcher with no grants, so the index
 * holds exactly what an anonymous search can find and nothing else.
 */

const isPublic = (eb: EB) => visibleTo(eb, PUBLIC_VISIBILITY);

export interface IndexedRow {
  id: string;
  /** The stored tsvector in PostgreSQL's text form. */
  search: string;
  agency_id: string;
  license_id: string;
  name: string;
  tag_names: string[];
  topic_names: string[];
  res_formats: string[];
  /** Microseconds since the epoch: the timestamps' full precision, so ties break as in SQL. */
  modified: number;
  created: number;
}

/**
 * One page of public datasets after `afterId`, in id order. Paged so that on PGlite, whose one
 * connection every request shares, no single read holds it for long.
 */
export async function readPublicDatasetPage(
  db: Kysely<DB>,
  afterId: string | null,
  limit: number,
): Promise<IndexedRow[]> {
  let q = db
    .selectFrom('dataset')
    .where((eb) => isPublic(eb))
    .select([
      'dataset.id',
      sql<string>`coalesce(dataset.search::text, '')`.as('search'),
      'dataset.agency_id',
      'dataset.license_id',
      'dataset.name',
      sql<string[]>`to_json(dataset.tag_names)`.as('tag_names'),
      sql<string[]>`to_json(dataset.topic_names)`.as('topic_names'),
      sql<string[]>`to_json(dataset.res_formats)`.as('res_formats'),
      sql<number>`(extract(epoch from dataset.metadata_modified) * 1000000)::float8`.as('modified'),
      sql<number>`(extract(epoch from dataset.metadata_created) * 1000000)::float8`.as('created'),
    ])
    .orderBy('dataset.id')
    .limit(limit);
  if (afterId) q = q.where('dataset.id', '>', afterId);
  const rows = await q.execute();
  return rows.map((r) => ({ ...r, modified: Number(r.modified), created: Number(r.created) }));
}

/**
 * The names facets are ordered by when counts tie, each list in the database's own collation
 * (a facet's SQL orders `count desc, name`), so the index breaks ties exactly as the statement.
 */
export async function readFacetNameOrders(db: Kysely<DB>) {
  const distinct = (column: ReturnType<typeof sql>) =>
    db
      .selectFrom('dataset')
      .where((eb) => isPublic(eb))
      .select(column.as('v'))
      .distinct();
  const r = await sql<{
    tags: string[] | null;
    formats: string[] | null;
    licenses: string[] | null;
    agencies: { id: string; code: string; name: string }[] | null;
    topics: { name: string; title: string }[] | null;
  }>`select
      (select json_agg(v order by v) from (${distinct(sql`unnest(dataset.tag_names)`)}) x) as tags,
      (select json_agg(v order by v) from (${distinct(sql`unnest(dataset.res_formats)`)}) x) as formats,
      (select json_agg(v order by v) from (${distinct(sql`dataset.license_id`)}) x) as licenses,
      (select json_agg(json_build_object('id', id, 'code', code, 'name', name) order by name, code) from agency) as agencies,
      (select json_agg(json_build_object('name', name, 'title', title) order by title, name) from topic) as topics`.execute(
    db,
  );
  const row = r.rows[0];
  return {
    tags: row?.tags ?? [],
    formats: row?.formats ?? [],
    licenses: row?.licenses ?? [],
    agencies: row?.agencies ?? [],
    topics: row?.topics ?? [],
  };
}

/**
 * The catalog's change stamps (as readPageStamps) and, in the same read, the tsquery PostgreSQL
 * makes of a search's free text, in its text form: a search from the index then costs one
 * statement before the stored dicts.
 */
export async function readStampsAndTsQuery(
  db: Kysely<DB>,
  text: string,
): Promise<{ stamps: string; tsquery: string }> {
  const r = await sql<{
    s: string;
    q: string;
  }>`${sql.raw(PREPARED_MARK)}select ${pageStamps()} as s, websearch_to_tsquery('indonesian', ${text})::text as q from catalog_stamp`.execute(
    db,
  );
  return { stamps: r.rows[0]?.s ?? '0', tsquery: r.rows[0]?.q ?? '' };
}
