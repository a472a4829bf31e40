import { type Expression, type ExpressionBuilder, type SqlBool, sql } from 'kysely';
import type { Scope } from '../../kernel/access/permission.js';
import type { DatasetState, DB } from '../../kernel/db/schema.js';
import type { Clause } from './domain/search-query.js';

/**
 * The WHERE conditions of package_search and autocomplete: who may see which dataset (the
 * policy's scopes as SQL) and each parsed query clause, with bound parameters.
 */

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

/** A searcher with no grant that opens anything: what anyone may find, the public catalog. */
export const PUBLIC_VISIBILITY: SearchVisibility = {
  privateScope: null,
  closedScope: null,
  actorAgencyId: null,
  includePrivate: false,
  includeDrafts: false,
  includeDeleted: false,
};

export type EB = ExpressionBuilder<DB, 'dataset'>;

/** Rows the searcher may see: public active ones, plus what the policy opens when asked. */
export function visibleTo(eb: EB, v: SearchVisibility): Expression<SqlBool> {
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

export function tsQuery(text: string) {
  return sql`websearch_to_tsquery('indonesian', ${text})`;
}

export function whereAll(
  eb: EB,
  req: { clauses: Clause[]; text: string; visibility: SearchVisibility },
): Expression<SqlBool> {
  return eb.and([
    visibleTo(eb, req.visibility),
    ...req.clauses.map((c) => clauseCondition(eb, c)),
    ...(req.text ? [sql<SqlBool>`dataset.search @@ ${tsQuery(req.text)}`] : []),
  ]);
}
