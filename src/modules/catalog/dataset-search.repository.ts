import { type Kysely, type SqlBool, sql } from 'kysely';
import { PREPARED_MARK } from '../../kernel/db/database.js';
import type { DB } from '../../kernel/db/schema.js';
import { type SearchVisibility, tsQuery, visibleTo, whereAll } from './dataset-search-where.repository.js';
import type { FacetField } from './domain/search-facets.js';
import type { Clause, SortTerm } from './domain/search-query.js';

export type { SearchVisibility } from './dataset-search-where.repository.js';

export interface SearchRequest {
  clauses: Clause[];
  /** Free text for full-text search (websearch syntax). */
  text: string;
  sort: SortTerm[];
  rows: number;
  start: number;
  visibility: SearchVisibility;
  facetFields: readonly FacetField[];
  /** Items per facet; -1 for all. */
  facetLimit: number;
  facetMinCount: number;
}

export interface FacetItem {
  name: string;
  display_name: string;
  count: number;
}

export interface SearchResult {
  count: number;
  ids: string[];
  facets: Partial<Record<FacetField, FacetItem[]>>;
}

/**
 * What each sort key orders by: the hits column and the dataset expression it is read from.
 * Only the keys a request sorts by enter `hits` (each column is copied for every hit; lower(title)
 * alone cost a sixth of the statement's CPU at 947 hits).
 */
const SORT_COLUMNS = {
  score: { column: 'score', source: null },
  id: { column: 'id', source: null },
  name: { column: 'name', source: sql`dataset.name` },
  title: { column: 'title_key', source: sql`lower(dataset.title)` },
  metadata_modified: { column: 'metadata_modified', source: sql`dataset.metadata_modified` },
  metadata_created: { column: 'metadata_created', source: sql`dataset.metadata_created` },
  view_count: { column: 'view_count', source: sql`dataset.view_count` },
} as const satisfies Record<SortTerm['key'], { column: string; source: unknown }>;

/**
 * One facet as a JSON array, counted over the `hits` CTE, most frequent first. Tags, topics and
 * formats are read from the arrays on each hit's own row (migration 0024), so counting costs no
 * probe into a child table per hit (the tags facet took 32 ms of probes for 947 hits at 20,000
 * datasets; the plans are in dataset-search.plans.md). The arrays are unnested in the select
 * list (one ProjectSet pass), not by a function scan per hit, which cost two to three times more.
 */
function facetSql(field: FacetField, limit: number, minCount: number) {
  switch (field) {
    case 'organization':
      return sql`select a.code as name, a.name as display_name, count(*)::int as count
        from hits h join agency a on a.id = h.agency_id
        group by a.code, a.name having count(*) >= ${minCount} order by count desc, a.name limit ${limit}`;
    case 'groups':
      return sql`select t.name as name, t.title as display_name, count(*)::int as count
        from (select unnest(h.topic_names) as name from hits h) n join topic t on t.name = n.name
        group by t.name, t.title having count(*) >= ${minCount} order by count desc, t.title limit ${limit}`;
    case 'tags':
      return sql`select n.tag as name, n.tag as display_name, count(*)::int as count
        from (select unnest(h.tag_names) as tag from hits h) n
        group by n.tag having count(*) >= ${minCount} order by count desc, n.tag limit ${limit}`;
    case 'res_format':
      return sql`select n.format as name, n.format as display_name, count(*)::int as count
        from (select unnest(h.res_formats) as format from hits h) n
        group by n.format having count(*) >= ${minCount} order by count desc, n.format limit ${limit}`;
    case 'license_id':
      return sql`select h.license_id as name, h.license_id as display_name, count(*)::int as count
        from hits h group by h.license_id having count(*) >= ${minCount} order by count desc, h.license_id limit ${limit}`;
  }
}

/** The array column a facet counts, if any: only the asked facets' arrays enter `hits`. */
const FACET_ARRAYS: Partial<Record<FacetField, 'tag_names' | 'topic_names' | 'res_formats'>> = {
  tags: 'tag_names',
  groups: 'topic_names',
  res_format: 'res_formats',
};

/**
 * package_search in one SQL statement (the benchmark runs it bare as its baseline): the matching datasets are found (and ranked) once into
 * a narrow `hits` CTE, and the count, the requested page and every facet are read from it.
 * Paging is stable because every ordering ends with the dataset id. Without facets the CTE is
 * inlined instead: the page is then read through an index in its order (the newest six for the
 * home page) rather than sorting every visible dataset.
 */
export function searchStatement(db: Kysely<DB>, req: SearchRequest) {
  // ts_rank: how often and where (title, tags, notes, by their weights) the words occur.
  // ts_rank_cd's cover density assembles every hit's word positions first: a sixth of the
  // statement's server CPU at 947 hits, and a third more searches per second without it
  // (pgbench, 16 clients, 20,000 datasets).
  const score = req.text ? sql<number>`ts_rank(dataset.search, ${tsQuery(req.text)})` : sql<number>`0::real`;
  const terms = req.sort.filter((t) => t.key !== 'score' || req.text);
  // The hits CTE carries only what the count, the asked sort and the asked facets read.
  const columns = [
    sql<string>`dataset.id`.as('id'),
    ...(req.text ? [score.as('score')] : []),
    ...(req.facetFields.includes('organization') ? [sql`dataset.agency_id`.as('agency_id')] : []),
    ...(req.facetFields.includes('license_id') ? [sql`dataset.license_id`.as('license_id')] : []),
    ...[...new Set(terms.map((t) => t.key))].flatMap((k) => {
      const c = SORT_COLUMNS[k];
      return c.source ? [c.source.as(c.column)] : [];
    }),
    ...req.facetFields.flatMap((f) => {
      const a = FACET_ARRAYS[f];
      return a ? [sql.ref(`dataset.${a}`).as(a)] : [];
    }),
  ];
  const hits = db
    .selectFrom('dataset')
    .where((eb) => whereAll(eb, req))
    .select(columns);
  const order = terms.map(
    (t) => sql`${sql.ref(SORT_COLUMNS[t.key].column)} ${sql.raw(t.dir === 'desc' ? 'desc' : 'asc')}`,
  );
  order.push(sql`id asc`);
  const limit = req.facetLimit < 0 ? 10_000 : req.facetLimit;
  const facetColumns = req.facetFields.map(
    (f) =>
      sql`coalesce((select json_agg(f) from (${facetSql(f, limit, req.facetMinCount)}) f), '[]'::json) as ${sql.ref(`facet_${f}`)}`,
  );
  return sql<Record<string, unknown> & { count: number; ids: string[] }>`${sql.raw(PREPARED_MARK)}
    with hits as ${facetColumns.length ? sql`materialized` : sql`not materialized`} (${hits})
    select
      (select count(*)::int from hits) as count,
      coalesce((select json_agg(p.id) from (
        select id from hits order by ${sql.join(order)} limit ${req.rows} offset ${req.start}) p), '[]'::json) as ids
      ${facetColumns.length ? sql`, ${sql.join(facetColumns)}` : sql``}
  `;
}

export async function searchDatasets(db: Kysely<DB>, req: SearchRequest): Promise<SearchResult> {
  const result = await searchStatement(db, req).execute(db);
  const row = result.rows[0];
  if (!row) throw new Error('package_search returned no row');
  const facets: SearchResult['facets'] = {};
  for (const f of req.facetFields)
    facets[f] = ((row[`facet_${f}`] as FacetItem[] | null) ?? []).map((i) => ({
      ...i,
      count: Number(i.count),
    }));
  return { count: Number(row.count), ids: req.rows > 0 ? row.ids : [], facets };
}

/** Dataset names and titles starting with the typed words (prefix full-text), for autocomplete. */
export async function autocompleteDatasets(
  db: Kysely<DB>,
  input: string,
  visibility: SearchVisibility,
  limit: number,
) {
  const words = input
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean)
    .slice(0, 8);
  if (words.length === 0) return [];
  const prefix = words.map((w) => `${w.replace(/'/g, "''")}:*`).join(' & ');
  return db
    .selectFrom('dataset')
    .select(['dataset.name', 'dataset.title'])
    .where((eb) =>
      eb.and([
        visibleTo(eb, visibility),
        eb.or([
          sql<SqlBool>`to_tsvector('simple', dataset.title || ' ' || dataset.name) @@ to_tsquery('simple', ${prefix})`,
          sql<SqlBool>`dataset.search @@ to_tsquery('indonesian', ${prefix})`,
        ]),
      ]),
    )
    .orderBy(sql`ts_rank_cd(to_tsvector('simple', dataset.title), to_tsquery('simple', ${prefix}))`, 'desc')
    .orderBy('dataset.name')
    .limit(limit)
    .execute();
}
