import { type Expression, type ExpressionBuilder, type Kysely, type SqlBool, sql } from 'kysely';
import type { Scope } from '../../kernel/access/permission.js';
import type { DatasetState, DB } from '../../kernel/db/schema.js';
import type { Clause, SortTerm } from './domain/search-query.js';

export const FACET_FIELDS = ['organization', 'groups', 'tags', 'res_format', 'license_id'] as const;
export type FacetField = (typeof FACET_FIELDS)[number];

/** Which datasets the searcher may see, decided by the policy and the request flags. */
export interface SearchVisibility {
  /** Reach of the actor's `dataset:read_private` grant. */
  privateScope: Scope | null;
  /** Reach of the actor's `dataset:read_closed` grant (closed data: producer agency and custodian). */
  closedScope?: Scope | null;
  actorAgencyId: string | null;
  includePrivate: boolean;
  includeDrafts: boolean;
  includeDeleted: boolean;
}

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

type EB = ExpressionBuilder<DB, 'dataset'>;

/** Rows the searcher may see: public active ones, plus what the policy opens when asked. */
function visibleTo(eb: EB, v: SearchVisibility): Expression<SqlBool> {
  // Only open data is ever public (also a database check: dataset_public_only_open).
  const isPublic = eb.and([
    eb('dataset.private', '=', false),
    eb('dataset.state', '=', 'active'),
    eb('dataset.classification', '=', 'open'),
  ]);
  const byScope = (scope: Scope | null | undefined) =>
    scope === 'any'
      ? sql<SqlBool>`true`
      : scope === 'own_agency' && v.actorAgencyId
        ? eb('dataset.agency_id', '=', v.actorAgencyId)
        : null;
  const readPrivate = byScope(v.privateScope);
  const readClosed = byScope(v.closedScope);
  // Restricted data: the policy's readers plus the agencies the dataset is shared with.
  const sharedWithActor = v.actorAgencyId
    ? eb.exists(
        eb
          .selectFrom('dataset_access_grant')
          .select(sql`1`.as('one'))
          .whereRef('dataset_access_grant.dataset_id', '=', 'dataset.id')
          .where('dataset_access_grant.agency_id', '=', v.actorAgencyId),
      )
    : null;
  const byClassification: Expression<SqlBool>[] = [
    ...(readPrivate ? [eb.and([eb('dataset.classification', '=', 'open'), readPrivate])] : []),
    ...(readPrivate || sharedWithActor
      ? [
          eb.and([
            eb('dataset.classification', '=', 'restricted'),
            eb.or([...(readPrivate ? [readPrivate] : []), ...(sharedWithActor ? [sharedWithActor] : [])]),
          ]),
        ]
      : []),
    ...(readClosed ? [eb.and([eb('dataset.classification', '=', 'closed'), readClosed])] : []),
  ];
  if (!byClassification.length || !(v.includePrivate || v.includeDrafts || v.includeDeleted)) return isPublic;
  const states: DatasetState[] = [
    'active',
    ...(v.includeDrafts ? (['draft'] as const) : []),
    ...(v.includeDeleted ? (['deleted'] as const) : []),
  ];
  const extra = eb.and([
    eb.or(byClassification),
    eb('dataset.state', 'in', states),
    ...(v.includePrivate ? [] : [eb('dataset.private', '=', false)]),
  ]);
  return eb.or([isPublic, extra]);
}

function termCondition(eb: EB, c: Extract<Clause, { kind: 'term' }>): Expression<SqlBool> {
  const v = c.value;
  switch (c.field) {
    case 'organization':
    case 'owner_org':
      return eb(
        'dataset.agency_id',
        'in',
        eb
          .selectFrom('agency')
          .select('agency.id')
          .where((e) => e.or([e('agency.code', '=', v), e(sql`agency.id::text`, '=', v)])),
      );
    case 'groups':
      return eb.exists(
        eb
          .selectFrom('dataset_topic')
          .innerJoin('topic', 'topic.id', 'dataset_topic.topic_id')
          .select(sql`1`.as('one'))
          .whereRef('dataset_topic.dataset_id', '=', 'dataset.id')
          .where('topic.name', '=', v),
      );
    case 'tags':
      return eb.exists(
        eb
          .selectFrom('dataset_tag')
          .select(sql`1`.as('one'))
          .whereRef('dataset_tag.dataset_id', '=', 'dataset.id')
          .where('dataset_tag.tag', '=', v),
      );
    case 'res_format':
      return eb.exists(
        eb
          .selectFrom('resource')
          .select(sql`1`.as('one'))
          .whereRef('resource.dataset_id', '=', 'dataset.id')
          .where('resource.state', '=', 'active')
          .where(sql`upper(resource.format)`, '=', v.toUpperCase()),
      );
    case 'license_id':
      return eb('dataset.license_id', '=', v);
    case 'name':
      return eb('dataset.name', '=', v);
    case 'id':
      return eb(sql`dataset.id::text`, '=', v);
    case 'capacity':
      return eb('dataset.private', '=', v === 'private');
    case 'title':
      return sql<SqlBool>`to_tsvector('indonesian', dataset.title) @@ plainto_tsquery('indonesian', ${v})`;
    case 'text':
      return sql<SqlBool>`dataset.search @@ plainto_tsquery('indonesian', ${v})`;
  }
}

function clauseCondition(eb: EB, c: Clause): Expression<SqlBool> {
  let cond: Expression<SqlBool>;
  if (c.kind === 'term') cond = termCondition(eb, c);
  else if (c.kind === 'range') {
    const col = c.field === 'metadata_modified' ? 'dataset.metadata_modified' : 'dataset.metadata_created';
    const parts = [
      ...(c.from ? [eb(col, c.fromExclusive ? '>' : '>=', c.from)] : []),
      ...(c.to ? [eb(col, c.toExclusive ? '<' : '<=', c.to)] : []),
    ];
    cond = parts.length ? eb.and(parts) : sql<SqlBool>`true`;
  } else cond = eb.or(c.clauses.map((sub) => clauseCondition(eb, sub)));
  return c.negate ? eb.not(cond) : cond;
}

function tsQuery(text: string) {
  return sql`websearch_to_tsquery('indonesian', ${text})`;
}

function whereAll(eb: EB, req: Pick<SearchRequest, 'clauses' | 'text' | 'visibility'>): Expression<SqlBool> {
  return eb.and([
    visibleTo(eb, req.visibility),
    ...req.clauses.map((c) => clauseCondition(eb, c)),
    ...(req.text ? [sql<SqlBool>`dataset.search @@ ${tsQuery(req.text)}`] : []),
  ]);
}

/** The hits column each sort key orders by. */
const SORT_COLUMNS: Record<SortTerm['key'], string> = {
  score: 'score',
  id: 'id',
  name: 'name',
  title: 'title_key',
  metadata_modified: 'metadata_modified',
  metadata_created: 'metadata_created',
  view_count: 'view_count',
};

/**
 * One facet as a JSON array, counted over the `hits` CTE, most frequent first. Child tables are
 * read per hit through their dataset_id index (LATERAL … OFFSET 0 keeps the planner from
 * flattening it into a hash join that scans every tag of every dataset to count the few hundred
 * that matched: 38 → 16 ms at 20,000 datasets).
 */
function facetSql(field: FacetField, limit: number, minCount: number) {
  switch (field) {
    case 'organization':
      return sql`select a.code as name, a.name as display_name, count(*)::int as count
        from hits h join agency a on a.id = h.agency_id
        group by a.code, a.name having count(*) >= ${minCount} order by count desc, a.name limit ${limit}`;
    case 'groups':
      return sql`select t.name as name, t.title as display_name, count(*)::int as count
        from hits h cross join lateral (select topic_id from dataset_topic where dataset_id = h.id offset 0) dt
        join topic t on t.id = dt.topic_id
        group by t.name, t.title having count(*) >= ${minCount} order by count desc, t.title limit ${limit}`;
    case 'tags':
      return sql`select dt.tag as name, dt.tag as display_name, count(*)::int as count
        from hits h cross join lateral (select tag from dataset_tag where dataset_id = h.id offset 0) dt
        group by dt.tag having count(*) >= ${minCount} order by count desc, dt.tag limit ${limit}`;
    case 'res_format':
      return sql`select upper(r.format) as name, upper(r.format) as display_name, count(distinct h.id)::int as count
        from hits h cross join lateral (
          select format from resource where dataset_id = h.id and state = 'active' and format <> '' offset 0) r
        group by upper(r.format) having count(distinct h.id) >= ${minCount}
        order by count desc, name limit ${limit}`;
    case 'license_id':
      return sql`select h.license_id as name, h.license_id as display_name, count(*)::int as count
        from hits h group by h.license_id having count(*) >= ${minCount} order by count desc, h.license_id limit ${limit}`;
  }
}

/**
 * package_search in one SQL statement: the matching datasets are found (and ranked) once into
 * a narrow `hits` CTE, and the count, the requested page and every facet are read from it.
 * Paging is stable because every ordering ends with the dataset id.
 */
export async function searchDatasets(db: Kysely<DB>, req: SearchRequest): Promise<SearchResult> {
  const score = req.text
    ? sql<number>`ts_rank_cd(dataset.search, ${tsQuery(req.text)})`
    : sql<number>`0::real`;
  const hits = db
    .selectFrom('dataset')
    .where((eb) => whereAll(eb, req))
    .select([
      'dataset.id',
      'dataset.agency_id',
      'dataset.license_id',
      'dataset.name',
      sql<string>`lower(dataset.title)`.as('title_key'),
      'dataset.metadata_modified',
      'dataset.metadata_created',
      'dataset.view_count',
      score.as('score'),
    ]);
  const order = req.sort
    .filter((t) => t.key !== 'score' || req.text)
    .map((t) => sql`${sql.ref(SORT_COLUMNS[t.key])} ${sql.raw(t.dir === 'desc' ? 'desc' : 'asc')}`);
  order.push(sql`id asc`);
  const limit = req.facetLimit < 0 ? 10_000 : req.facetLimit;
  const facetColumns = req.facetFields.map(
    (f) =>
      sql`coalesce((select json_agg(f) from (${facetSql(f, limit, req.facetMinCount)}) f), '[]'::json) as ${sql.ref(`facet_${f}`)}`,
  );
  const result = await sql<Record<string, unknown> & { count: number; ids: string[] }>`
    with hits as materialized (${hits})
    select
      (select count(*)::int from hits) as count,
      coalesce((select json_agg(p.id) from (
        select id from hits order by ${sql.join(order)} limit ${req.rows} offset ${req.start}) p), '[]'::json) as ids
      ${facetColumns.length ? sql`, ${sql.join(facetColumns)}` : sql``}
  `.execute(db);
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
