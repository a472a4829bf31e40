import type { Insertable, Kysely, Selectable } from 'kysely';
import type { DataStandardTable } from '../../kernel/db/schema/metadata.js';
import type { DB } from '../../kernel/db/schema.js';
import { STANDARD_CONTENT_KEYS } from './domain/data-standard.js';

export type DataStandard = Selectable<DataStandardTable>;
export type DataStandardContent = Omit<
  Insertable<DataStandardTable>,
  'id' | 'name' | 'version' | 'created_at' | 'updated_at'
>;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** A data standard by id or name; with `forUpdate`, locked until the transaction ends. */
export async function findDataStandard(
  db: Kysely<DB>,
  idOrName: string,
  opts: { forUpdate?: boolean } = {},
): Promise<DataStandard | undefined> {
  const q = db.selectFrom('data_standard').selectAll();
  const one = UUID.test(idOrName) ? q.where('id', '=', idOrName) : q.where('name', '=', idOrName);
  return (opts.forUpdate ? one.forUpdate() : one).executeTakeFirst();
}

export async function listDataStandards(
  db: Kysely<DB>,
  opts: { q?: string; limit: number; offset: number },
): Promise<DataStandard[]> {
  let q = db
    .selectFrom('data_standard')
    .selectAll()
    .orderBy('title')
    .orderBy('id')
    .limit(opts.limit)
    .offset(opts.offset);
  if (opts.q) {
    const like = `%${opts.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    q = q.where((eb) =>
      eb.or([eb('title', 'ilike', like), eb('name', 'ilike', like), eb('sdsn_code', 'ilike', like)]),
    );
  }
  return q.execute();
}

function contentOf(s: DataStandard): Record<string, unknown> {
  return Object.fromEntries(STANDARD_CONTENT_KEYS.map((k) => [k, s[k]]));
}

/** Insert a standard as version 1 and record that version. */
export async function insertDataStandard(
  db: Kysely<DB>,
  row: DataStandardContent & { name: string },
  actorId: string | null,
): Promise<DataStandard> {
  const s = await db.insertInto('data_standard').values(row).returningAll().executeTakeFirstOrThrow();
  await db
    .insertInto('data_standard_version')
    .values({
      data_standard_id: s.id,
      version: 1,
      content: JSON.stringify(contentOf(s)),
      created_by: actorId,
    })
    .execute();
  return s;
}

/** Change a standard's content: the version goes up by one and the new content is recorded. */
export async function updateDataStandard(
  db: Kysely<DB>,
  id: string,
  changes: DataStandardContent,
  actorId: string | null,
): Promise<DataStandard> {
  const s = await db
    .updateTable('data_standard')
    .set((eb) => ({ ...changes, version: eb('version', '+', 1), updated_at: new Date() }))
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirstOrThrow();
  await db
    .insertInto('data_standard_version')
    .values({
      data_standard_id: s.id,
      version: s.version,
      content: JSON.stringify(contentOf(s)),
      created_by: actorId,
    })
    .execute();
  return s;
}

/** Every version of a standard, newest first. */
export async function listDataStandardVersions(db: Kysely<DB>, id: string) {
  return db
    .selectFrom('data_standard_version')
    .selectAll()
    .where('data_standard_id', '=', id)
    .orderBy('version', 'desc')
    .execute();
}

/** Ids of the datasets that follow a standard. */
export async function datasetIdsByStandard(db: Kysely<DB>, id: string): Promise<string[]> {
  const rows = await db.selectFrom('dataset').select('id').where('data_standard_id', '=', id).execute();
  return rows.map((r) => r.id);
}

/** The data standard (with a Table Schema) that a resource's dataset follows, if any. */
export async function standardSchemaOfResource(db: Kysely<DB>, resourceId: string) {
  return db
    .selectFrom('resource')
    .innerJoin('dataset', 'dataset.id', 'resource.dataset_id')
    .innerJoin('data_standard', 'data_standard.id', 'dataset.data_standard_id')
    .select(['data_standard.name', 'data_standard.title', 'data_standard.table_schema'])
    .where('resource.id', '=', resourceId)
    .where('data_standard.table_schema', 'is not', null)
    .executeTakeFirst();
}

/** The data standard (with a Table Schema) that a dataset follows, if any. */
export async function standardSchemaOfDataset(db: Kysely<DB>, datasetId: string) {
  return db
    .selectFrom('dataset')
    .innerJoin('data_standard', 'data_standard.id', 'dataset.data_standard_id')
    .select(['data_standard.name', 'data_standard.title', 'data_standard.table_schema'])
    .where('dataset.id', '=', datasetId)
    .where('data_standard.table_schema', 'is not', null)
    .executeTakeFirst();
}
