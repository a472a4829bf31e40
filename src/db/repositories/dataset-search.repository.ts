import { type Expression, type ExpressionBuilder, type Kysely, type SqlBool, sql } from 'kysely';
import type { Scope } from '../../domain/access/permission.js';
import type { Clause, SortTerm } from '../../domain/catalog/search-query.js';
import type { DatasetState, DB } from '../schema.js';

export const FACET_FIELDS = ['organization', 'groups', 'tags', 'res_format', 'license_id'] as const;
export type FacetField = (typeof FACET_FIELDS)[number];

/** Which datasets the searcher may see, decided by the policy and the request flags. */
export interface SearchVisibility {
  /** Reach of the actor's `dataset:read_private` grant. */
  privateScope: Scope | null;
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
  const isPublic = eb.and([eb('dataset.private', '=', false), eb('dataset.state', '=', 'active')]);
  const mayReadPrivate =
    v.privateScope === 'any'
      ? sql<SqlBool>`true`
      : v.privateScope === 'own_agency' && v.actorAgencyId
        ? eb('dataset.agency_id', '=', v.actorAgencyId)
        : null;
  if (!mayReadPrivate || !(v.includePrivate || v.includeDrafts || v.includeDeleted)) return isPublic;
  const states: DatasetState[] = [
    'active',
    ...(v.includeDrafts ? (['draft'] as const) : []),
    ...(v.includeDeleted ? (['deleted'] as const) : []),
  ];
  const extra = eb.and([
    mayReadPrivate,
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

/**
 * package_search in SQL: filter, rank, sort, page and count facets. Paging is stable because
 * every ordering ends with the dataset id.
 */
export async function searchDatasets(db: Kysely<DB>, req: SearchRequest): Promise<SearchResult> {
  const base = db.selectFrom('dataset').where((eb) => whereAll(eb, req));
  let page = base.select('dataset.id');
  for (const term of req.sort) {
    if (term.key === 'score') {
      if (req.text) page = page.orderBy(sql`ts_rank_cd(dataset.search, ${tsQuery(req.text)})`, term.dir);
    } else if (term.key === 'title') page = page.orderBy(sql`lower(dataset.title)`, term.dir);
    else page = page.orderBy(`dataset.${term.key}`, term.dir);
  }
  page = page.orderBy('dataset.id', 'asc').limit(req.rows).offset(req.start);
  const [rows, total] = await Promise.all([
    req.rows > 0 ? page.execute() : Promise.resolve([]),
    base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  const facets: SearchResult['facets'] = {};
  for (const field of req.facetFields) facets[field] = await countFacet(db, field, req);
  return { count: Number(total.n), ids: rows.map((r) => r.id), facets };
}

/** Count one facet over the same filtered set, most frequent first (CKAN's order). */
async function countFacet(db: Kysely<DB>, field: FacetField, req: SearchRequest): Promise<FacetItem[]> {
  const hits = db
    .selectFrom('dataset')
    .select('dataset.id')
    .where((eb) => whereAll(eb, req));
  const limit = req.facetLimit < 0 ? 10_000 : req.facetLimit;
  let rows: { name: string; display_name: string; count: number }[];
  if (field === 'organization')
    rows = await db
      .selectFrom('dataset')
      .innerJoin('agency', 'agency.id', 'dataset.agency_id')
      .select([
        'agency.code as name',
        'agency.name as display_name',
        (eb) => eb.fn.countAll<number>().as('count'),
      ])
      .where('dataset.id', 'in', hits)
      .groupBy(['agency.code', 'agency.name'])
      .having((eb) => eb.fn.countAll(), '>=', req.facetMinCount)
      .orderBy('count', 'desc')
      .orderBy('agency.name')
      .limit(limit)
      .execute();
  else if (field === 'groups')
    rows = await db
      .selectFrom('dataset_topic')
      .innerJoin('topic', 'topic.id', 'dataset_topic.topic_id')
      .select([
        'topic.name as name',
        'topic.title as display_name',
        (eb) => eb.fn.countAll<number>().as('count'),
      ])
      .where('dataset_topic.dataset_id', 'in', hits)
      .groupBy(['topic.name', 'topic.title'])
      .having((eb) => eb.fn.countAll(), '>=', req.facetMinCount)
      .orderBy('count', 'desc')
      .orderBy('topic.title')
      .limit(limit)
      .execute();
  else if (field === 'tags')
    rows = await db
      .selectFrom('dataset_tag')
      .select(['tag as name', 'tag as display_name', (eb) => eb.fn.countAll<number>().as('count')])
      .where('dataset_id', 'in', hits)
      .groupBy('tag')
      .having((eb) => eb.fn.countAll(), '>=', req.facetMinCount)
      .orderBy('count', 'desc')
      .orderBy('tag')
      .limit(limit)
      .execute();
  else if (field === 'res_format')
    rows = await db
      .selectFrom('resource')
      .select([
        sql<string>`upper(format)`.as('name'),
        sql<string>`upper(format)`.as('display_name'),
        sql<number>`count(distinct dataset_id)`.as('count'),
      ])
      .where('dataset_id', 'in', hits)
      .where('state', '=', 'active')
      .where('format', '<>', '')
      .groupBy(sql`upper(format)`)
      .having(sql`count(distinct dataset_id)`, '>=', req.facetMinCount)
      .orderBy('count', 'desc')
      .orderBy('name')
      .limit(limit)
      .execute();
  else
    rows = await db
      .selectFrom('dataset')
      .select([
        'license_id as name',
        'license_id as display_name',
        (eb) => eb.fn.countAll<number>().as('count'),
      ])
      .where('dataset.id', 'in', hits)
      .groupBy('license_id')
      .having((eb) => eb.fn.countAll(), '>=', req.facetMinCount)
      .orderBy('count', 'desc')
      .orderBy('license_id')
      .limit(limit)
      .execute();
  return rows.map((r) => ({ name: r.name, display_name: r.display_name, count: Number(r.count) }));
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
