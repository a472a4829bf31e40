import { type Kysely, sql } from 'kysely';
import type {
  Dataset,
  DatasetUpdate,
  DB,
  NewDataset,
  NewResource,
  Resource,
  ResourceUpdate,
  Topic,
} from '../../kernel/db/schema.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** A dataset is named by its id (a UUID) or its name: which one this is. */
export const isDatasetId = (idOrName: string): boolean => UUID.test(idOrName);

/** A dataset by id or name (CKAN accepts either), in any state. */
export async function findDataset(db: Kysely<DB>, idOrName: string): Promise<Dataset | undefined> {
  const q = db.selectFrom('dataset').selectAll();
  return (
    UUID.test(idOrName) ? q.where('id', '=', idOrName) : q.where('name', '=', idOrName)
  ).executeTakeFirst();
}

/**
 * The dataset a write targets, locked (`FOR UPDATE`) until the caller's transaction ends, so
 * the row the policy is checked against is the row that is then changed: a concurrent move to
 * another agency waits, or is waited for, instead of slipping between check and change.
 */
export async function findDatasetForUpdate(trx: Kysely<DB>, idOrName: string): Promise<Dataset | undefined> {
  const q = trx.selectFrom('dataset').selectAll();
  return (UUID.test(idOrName) ? q.where('id', '=', idOrName) : q.where('name', '=', idOrName))
    .forUpdate()
    .executeTakeFirst();
}

/** Names of public active datasets, by name (CKAN `package_list`); no limit means 100,000. */
export async function listPublicDatasetNames(
  db: Kysely<DB>,
  page: { offset: number; limit?: number },
): Promise<string[]> {
  let q = db
    .selectFrom('dataset')
    .select('name')
    .where('private', '=', false)
    .where('state', '=', 'active')
    .orderBy('name')
    .offset(page.offset);
  if (page.limit !== undefined) q = q.limit(page.limit);
  else q = q.limit(100_000);
  return (await q.execute()).map((r) => r.name);
}

/** Agencies a restricted dataset is shared with (dataset_access_grant). */
export async function listGrantedAgencyIds(db: Kysely<DB>, datasetId: string): Promise<string[]> {
  const rows = await db
    .selectFrom('dataset_access_grant')
    .select('agency_id')
    .where('dataset_id', '=', datasetId)
    .execute();
  return rows.map((r) => r.agency_id);
}

export async function findDatasetsByIds(db: Kysely<DB>, ids: readonly string[]): Promise<Dataset[]> {
  if (ids.length === 0) return [];
  const rows = await db.selectFrom('dataset').selectAll().where('id', 'in', ids).execute();
  const byId = new Map(rows.map((r) => [r.id, r]));
  return ids.flatMap((id) => byId.get(id) ?? []);
}

export interface DatasetParts {
  tags: string[];
  topics: Topic[];
  resources: Resource[];
}

/** Tags, topics and active resources of many datasets in three queries (no N+1). */
export async function loadDatasetParts(
  db: Kysely<DB>,
  ids: readonly string[],
): Promise<Map<string, DatasetParts>> {
  const parts = new Map<string, DatasetParts>(ids.map((id) => [id, { tags: [], topics: [], resources: [] }]));
  if (ids.length === 0) return parts;
  const [tags, topics, resources] = await Promise.all([
    db.selectFrom('dataset_tag').selectAll().where('dataset_id', 'in', ids).orderBy('tag').execute(),
    db
      .selectFrom('dataset_topic')
      .innerJoin('topic', 'topic.id', 'dataset_topic.topic_id')
      .selectAll('topic')
      .select('dataset_topic.dataset_id')
      .where('dataset_topic.dataset_id', 'in', ids)
      .orderBy('topic.name')
      .execute(),
    db
      .selectFrom('resource')
      .selectAll()
      .where('dataset_id', 'in', ids)
      .where('state', '=', 'active')
      .orderBy('position')
      .orderBy('created')
      .execute(),
  ]);
  for (const t of tags) parts.get(t.dataset_id)?.tags.push(t.tag);
  for (const { dataset_id, ...topic } of topics) parts.get(dataset_id)?.topics.push(topic);
  for (const r of resources) parts.get(r.dataset_id)?.resources.push(r);
  return parts;
}

export async function insertDataset(db: Kysely<DB>, row: NewDataset): Promise<Dataset> {
  return db.insertInto('dataset').values(row).returningAll().executeTakeFirstOrThrow();
}

/**
 * The `metadata_modified` a change of a dataset sets: now, but at least one millisecond after
 * the stamp it replaces. `if_unmodified_since` is compared to the millisecond (the API shows no
 * more), so two changes in the same millisecond, or an instance whose clock is behind, would
 * otherwise leave a stale writer's stamp matching and its write would pass.
 */
export function nextMetadataModified() {
  return sql<Date>`greatest(${new Date()}::timestamptz, metadata_modified + interval '1 millisecond')`;
}

/** Update a dataset and bump `metadata_modified` (every change does, as in CKAN). */
export async function updateDataset(db: Kysely<DB>, id: string, changes: DatasetUpdate): Promise<Dataset> {
  return db
    .updateTable('dataset')
    .set({ ...changes, metadata_modified: nextMetadataModified() })
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirstOrThrow();
}

export async function setDatasetTags(
  db: Kysely<DB>,
  datasetId: string,
  tags: readonly string[],
): Promise<void> {
  await db.deleteFrom('dataset_tag').where('dataset_id', '=', datasetId).execute();
  const unique = [...new Set(tags)];
  if (unique.length)
    await db
      .insertInto('dataset_tag')
      .values(unique.map((tag) => ({ dataset_id: datasetId, tag })))
      .execute();
}

export async function setDatasetTopics(
  db: Kysely<DB>,
  datasetId: string,
  topicIds: readonly string[],
): Promise<void> {
  await db.deleteFrom('dataset_topic').where('dataset_id', '=', datasetId).execute();
  const unique = [...new Set(topicIds)];
  if (unique.length)
    await db
      .insertInto('dataset_topic')
      .values(unique.map((topic_id) => ({ dataset_id: datasetId, topic_id })))
      .execute();
}

export async function findResource(db: Kysely<DB>, id: string): Promise<Resource | undefined> {
  if (!UUID.test(id)) return undefined;
  return db.selectFrom('resource').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function insertResource(db: Kysely<DB>, row: NewResource): Promise<Resource> {
  const next = await db
    .selectFrom('resource')
    .select((eb) => eb.fn.coalesce(eb.fn.max('position'), sql<number>`-1`).as('p'))
    .where('dataset_id', '=', row.dataset_id)
    .executeTakeFirstOrThrow();
  return db
    .insertInto('resource')
    .values({ position: Number(next.p) + 1, ...row })
    .returningAll()
    .executeTakeFirstOrThrow();
}

export async function updateResource(db: Kysely<DB>, id: string, changes: ResourceUpdate): Promise<Resource> {
  return db
    .updateTable('resource')
    .set({ ...changes, metadata_modified: new Date() })
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirstOrThrow();
}

/**
 * Recompute search vectors: title (weight A), tags and agency (B), description (C), resource
 * names and descriptions (D), with PostgreSQL's `indonesian` configuration. One dataset after a
 * write, or every dataset at once after a bulk load (no id). The one place the weights live.
 */
export async function refreshDatasetSearch(db: Kysely<DB>, datasetId?: string): Promise<void> {
  const only = datasetId ? sql`where d2.id = ${datasetId}` : sql``;
  await sql`
    update dataset d set search =
      setweight(to_tsvector('indonesian', d.name || ' ' || d.title), 'A') ||
      setweight(to_tsvector('indonesian', coalesce(s.tags, '')), 'B') ||
      setweight(to_tsvector('indonesian', s.agency), 'B') ||
      setweight(to_tsvector('indonesian', d.notes), 'C') ||
      setweight(to_tsvector('indonesian', coalesce(s.resources, '')), 'D')
    from (
      select d2.id, a.name || ' ' || a.short_name || ' ' || a.code as agency, t.tags, r.resources
      from dataset d2
      join agency a on a.id = d2.agency_id
      left join (select dataset_id, string_agg(tag, ' ') as tags from dataset_tag group by dataset_id) t
        on t.dataset_id = d2.id
      left join (select dataset_id, string_agg(name || ' ' || description || ' ' || format, ' ') as resources
        from resource where state = 'active' group by dataset_id) r on r.dataset_id = d2.id
      ${only}
    ) s
    where s.id = d.id`.execute(db);
}

export async function insertRevision(
  db: Kysely<DB>,
  row: {
    datasetId: string;
    actorId: string | null;
    actorName: string;
    action: string;
    changes: Record<string, unknown>;
  },
): Promise<void> {
  await db
    .insertInto('dataset_revision')
    .values({
      dataset_id: row.datasetId,
      actor_id: row.actorId,
      actor_name: row.actorName,
      action: row.action,
      changes: JSON.stringify(row.changes),
    })
    .execute();
}

export async function listRevisions(db: Kysely<DB>, datasetId: string, limit = 50) {
  return db
    .selectFrom('dataset_revision')
    .selectAll()
    .where('dataset_id', '=', datasetId)
    .orderBy('id', 'desc')
    .limit(limit)
    .execute();
}

/** Add counted page views, many datasets in one statement (see view-counter.ts). */
export async function addDatasetViews(db: Kysely<DB>, views: ReadonlyMap<string, number>): Promise<void> {
  if (views.size === 0) return;
  const rows = [...views].map(([id, n]) => sql`(${id}::uuid, ${n}::int)`);
  await sql`
    update dataset set view_count = dataset.view_count + v.n
    from (values ${sql.join(rows)}) as v(id, n) where dataset.id = v.id`.execute(db);
}

export async function incrementResourceDownloads(db: Kysely<DB>, id: string): Promise<void> {
  await db
    .updateTable('resource')
    .set((eb) => ({ download_count: eb('download_count', '+', 1) }))
    .where('id', '=', id)
    .execute();
}
