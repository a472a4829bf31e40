import { type Insertable, type Kysely, sql, type Updateable } from 'kysely';
import type {
  DataBookEditionTable,
  Publication,
  PublicationKind,
  PublicationTable,
} from '../../kernel/db/schema/dissemination.js';
import type { DB } from '../../kernel/db/schema.js';

/**
 * Publications and whether each is public. A publication is public from the moment its SOP
 * run reaches the upload step (the step after the head of division's approval): it is read
 * from the run itself, so an approval made on the generic task page publishes it just as well.
 */

export interface PublicationView extends Publication {
  published_at: Date | null;
  topic_title: string | null;
  agency_name: string | null;
}

function withState(db: Kysely<DB>) {
  return db
    .selectFrom('publication as p')
    .leftJoin('topic', 'topic.id', 'p.topic_id')
    .leftJoin('agency', 'agency.id', 'p.agency_id')
    .selectAll('p')
    .select([
      'topic.title as topic_title',
      'agency.name as agency_name',
      (eb) =>
        eb
          .selectFrom('workflow_task as t')
          .select((e) => e.fn.min('t.opened_at').as('at'))
          .whereRef('t.instance_id', '=', 'p.instance_id')
          .whereRef('t.step_id', '=', 'p.publish_step')
          .as('published_at'),
    ]);
}

export async function findPublication(db: Kysely<DB>, name: string): Promise<PublicationView | undefined> {
  const row = await withState(db).where('p.name', '=', name).executeTakeFirst();
  return row as PublicationView | undefined;
}

export async function lockPublication(db: Kysely<DB>, name: string) {
  return db.selectFrom('publication').selectAll().where('name', '=', name).forUpdate().executeTakeFirst();
}

/** Published publications, newest first, with optional search words, topic and kind. */
export async function listPublished(
  db: Kysely<DB>,
  opts: { q?: string; topic?: string; kind?: PublicationKind; limit?: number } = {},
): Promise<PublicationView[]> {
  let q = withState(db).where(
    sql<boolean>`exists (select 1 from workflow_task t where t.instance_id = p.instance_id and t.step_id = p.publish_step)`,
  );
  if (opts.q) {
    const like = `%${opts.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    q = q.where((eb) =>
      eb.or([
        eb('p.title', 'ilike', like),
        eb('p.title_en', 'ilike', like),
        eb('p.narrative', 'ilike', like),
      ]),
    );
  }
  if (opts.topic) q = q.where('topic.name', '=', opts.topic);
  if (opts.kind) q = q.where('p.kind', '=', opts.kind);
  const rows = await q
    .orderBy('p.updated_at', 'desc')
    .orderBy('p.name')
    .limit(opts.limit ?? 60)
    .execute();
  return (rows as PublicationView[]).sort(
    (a, b) => (b.published_at?.getTime() ?? 0) - (a.published_at?.getTime() ?? 0),
  );
}

/** Publications a staff member sees in the back office (drafts and in review too). */
export async function listAllPublications(
  db: Kysely<DB>,
  agencyId: string | null,
): Promise<PublicationView[]> {
  let q = withState(db);
  if (agencyId) q = q.where('p.agency_id', '=', agencyId);
  return (await q.orderBy('p.updated_at', 'desc').limit(200).execute()) as PublicationView[];
}

export async function chartNamesExist(db: Kysely<DB>, names: string[]) {
  if (names.length === 0) return [];
  return db.selectFrom('chart').select(['id', 'name', 'agency_id']).where('name', 'in', names).execute();
}

export async function latestEdition(db: Kysely<DB>, publicationId: string) {
  return db
    .selectFrom('data_book_edition')
    .selectAll()
    .where('publication_id', '=', publicationId)
    .orderBy('created_at', 'desc')
    .orderBy('id')
    .limit(1)
    .executeTakeFirst();
}

export async function findEdition(db: Kysely<DB>, hash: string) {
  return db
    .selectFrom('data_book_edition')
    .innerJoin('publication', 'publication.id', 'data_book_edition.publication_id')
    .selectAll('data_book_edition')
    .select(['publication.name as publication_name', 'publication.title as publication_title'])
    .where('hash', '=', hash)
    .executeTakeFirst();
}

/** The edition made just before `edition` of the same book (what the verification page compares with). */
export async function previousEdition(db: Kysely<DB>, publicationId: string, before: Date, hash: string) {
  return db
    .selectFrom('data_book_edition')
    .selectAll()
    .where('publication_id', '=', publicationId)
    .where('hash', '<>', hash)
    .where('created_at', '<=', before)
    .orderBy('created_at', 'desc')
    .limit(1)
    .executeTakeFirst();
}

/** A date column as 'YYYY-MM-DD' whichever driver read it. */
export const isoDate = (v: unknown): string | null =>
  v === null || v === undefined
    ? null
    : v instanceof Date
      ? v.toISOString().slice(0, 10)
      : String(v).slice(0, 10);

/** The release calendar: publications with a planned date, soonest first. */
export async function listPlanned(db: Kysely<DB>): Promise<PublicationView[]> {
  const rows = (await withState(db)
    .where('p.planned_release', 'is not', null)
    .orderBy('p.planned_release')
    .orderBy('p.name')
    .limit(500)
    .execute()) as PublicationView[];
  return rows.map((r) => ({ ...r, planned_release: isoDate(r.planned_release) }));
}

/** A new (draft) publication; returns its id and name. */
export async function insertPublication(db: Kysely<DB>, values: Insertable<PublicationTable>) {
  return db.insertInto('publication').values(values).returning(['id', 'name']).executeTakeFirstOrThrow();
}

/** Change the given columns of one publication. */
export async function updatePublication(
  db: Kysely<DB>,
  id: string,
  set: Updateable<PublicationTable>,
): Promise<void> {
  await db.updateTable('publication').set(set).where('id', '=', id).execute();
}

/** The id of the data book edition with this content hash, if one was made. */
export async function findEditionIdByHash(db: Kysely<DB>, hash: string) {
  return db.selectFrom('data_book_edition').select('id').where('hash', '=', hash).executeTakeFirst();
}

/** A new data book edition; returns its id. */
export async function insertEdition(db: Kysely<DB>, values: Insertable<DataBookEditionTable>) {
  return db.insertInto('data_book_edition').values(values).returning('id').executeTakeFirstOrThrow();
}

/** The editions of one data book (hash and year), newest first. */
export async function listEditionsOf(db: Kysely<DB>, publicationId: string) {
  return db
    .selectFrom('data_book_edition')
    .select(['hash', 'year'])
    .where('publication_id', '=', publicationId)
    .orderBy('created_at', 'desc')
    .execute();
}

/** The topics a publication may be filed under, by title. */
export async function listTopics(db: Kysely<DB>) {
  return db.selectFrom('topic').select(['id', 'name', 'title']).orderBy('title').execute();
}

/**
 * Published publications for the DCAT catalog: newest first, with their agency's code, their
 * topic, the public datasets their charts show, and whether a book edition exists.
 */
export async function listPublishedForCatalog(db: Kysely<DB>, limit = 500) {
  const pubs = await listPublished(db, { limit });
  if (pubs.length === 0) return [];
  const ids = pubs.map((p) => p.id);
  const agencies = await db
    .selectFrom('publication as p')
    .innerJoin('agency as a', 'a.id', 'p.agency_id')
    .leftJoin('topic as t', 't.id', 'p.topic_id')
    .select(['p.id', 'a.code as agency_code', 't.name as topic_name'])
    .where('p.id', 'in', ids)
    .execute();
  const charts = [...new Set(pubs.flatMap((p) => p.chart_ids))];
  const datasets = charts.length
    ? await db
        .selectFrom('chart as c')
        .innerJoin('chart_version as v', 'v.chart_id', 'c.id')
        .innerJoin('resource as r', 'r.id', 'v.resource_id')
        .innerJoin('dataset as d', 'd.id', 'r.dataset_id')
        .select(['c.name as chart', 'd.id as dataset_id'])
        .where('c.name', 'in', charts)
        .where('d.private', '=', false)
        .where('d.state', '=', 'active')
        .distinct()
        .execute()
    : [];
  const books = await db
    .selectFrom('data_book_edition')
    .select('publication_id')
    .where('publication_id', 'in', ids)
    .distinct()
    .execute();
  return pubs.map((p) => {
    const a = agencies.find((x) => x.id === p.id);
    return {
      publication: p,
      agencyCode: a?.agency_code ?? null,
      topicName: a?.topic_name ?? null,
      datasetIds: [
        ...new Set(datasets.filter((d) => p.chart_ids.includes(d.chart)).map((d) => d.dataset_id)),
      ].sort(),
      hasEdition: books.some((b) => b.publication_id === p.id),
    };
  });
}
