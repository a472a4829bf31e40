import { type Insertable, type Kysely, sql, type Updateable } from 'kysely';
import type {
  DataList,
  DataListItem,
  DataListItemTable,
  DataListTable,
} from '../../kernel/db/schema/planning.js';
import type { DB } from '../../kernel/db/schema.js';

/** Queries of the yearly data list: the list of a year and its rows. */

export async function findList(db: Kysely<DB>, year: number, opts: { forUpdate?: boolean } = {}) {
  let q = db.selectFrom('data_list').selectAll().where('year', '=', year);
  if (opts.forUpdate) q = q.forUpdate();
  return q.executeTakeFirst();
}

export async function listYears(db: Kysely<DB>): Promise<DataList[]> {
  return db.selectFrom('data_list').selectAll().orderBy('year', 'desc').execute();
}

/** The list of a year, created empty (draft) when the year has none. */
export async function ensureList(db: Kysely<DB>, year: number): Promise<DataList> {
  const found = await findList(db, year, { forUpdate: true });
  if (found) return found;
  await db
    .insertInto('data_list')
    .values({ year })
    .onConflict((oc) => oc.column('year').doNothing())
    .execute();
  return (await findList(db, year, { forUpdate: true })) as DataList;
}

export type ItemRow = DataListItem & { agency_name: string; agency_code: string; agency_short_name: string };

export async function listItems(
  db: Kysely<DB>,
  listId: string,
  opts: { agencyId?: string | undefined } = {},
): Promise<ItemRow[]> {
  let q = db
    .selectFrom('data_list_item as i')
    .innerJoin('agency as a', 'a.id', 'i.agency_id')
    .selectAll('i')
    .select(['a.name as agency_name', 'a.code as agency_code', 'a.short_name as agency_short_name'])
    .where('i.list_id', '=', listId);
  if (opts.agencyId) q = q.where('i.agency_id', '=', opts.agencyId);
  return q.orderBy('i.position').orderBy('i.id_ddd').execute();
}

export async function findItem(db: Kysely<DB>, id: string, opts: { forUpdate?: boolean } = {}) {
  if (!/^[0-9a-f-]{36}$/i.test(id)) return undefined;
  let q = db.selectFrom('data_list_item').selectAll().where('id', '=', id);
  if (opts.forUpdate) q = q.forUpdate();
  return q.executeTakeFirst();
}

export async function insertItem(db: Kysely<DB>, v: Insertable<DataListItemTable>) {
  return db.insertInto('data_list_item').values(v).returningAll().executeTakeFirstOrThrow();
}

export async function bumpList(db: Kysely<DB>, listId: string, set: Partial<Pick<DataList, 'status'>> = {}) {
  await db
    .updateTable('data_list')
    .set({ ...set, version: sql`version + 1`, updated_at: new Date() })
    .where('id', '=', listId)
    .execute();
}

/** A list by its id, locked for the change that follows. */
export async function lockListById(db: Kysely<DB>, id: string): Promise<DataList> {
  return db.selectFrom('data_list').selectAll().where('id', '=', id).forUpdate().executeTakeFirstOrThrow();
}

export async function updateList(db: Kysely<DB>, listId: string, set: Updateable<DataListTable>) {
  await db.updateTable('data_list').set(set).where('id', '=', listId).execute();
}

/** The id of the row of a list with this ID DDD, if any. */
export async function findItemIdByIdDdd(db: Kysely<DB>, listId: string, idDdd: string) {
  return db
    .selectFrom('data_list_item')
    .select('id')
    .where('list_id', '=', listId)
    .where('id_ddd', '=', idDdd)
    .executeTakeFirst();
}

export async function updateItem(db: Kysely<DB>, id: string, set: Updateable<DataListItemTable>) {
  await db.updateTable('data_list_item').set(set).where('id', '=', id).execute();
}

export async function deleteItem(db: Kysely<DB>, id: string) {
  await db.deleteFrom('data_list_item').where('id', '=', id).execute();
}

export async function deleteItems(db: Kysely<DB>, ids: string[]) {
  await db.deleteFrom('data_list_item').where('id', 'in', ids).execute();
}

/** The ids of a list's rows in their order. */
export async function itemIdsOf(db: Kysely<DB>, listId: string) {
  return db
    .selectFrom('data_list_item')
    .select(['id'])
    .where('list_id', '=', listId)
    .orderBy('position')
    .execute();
}

/** The rows of a list with their status and agency (of one agency when given). */
export async function itemStatusesOf(db: Kysely<DB>, listId: string, agencyId?: string) {
  let q = db
    .selectFrom('data_list_item as i')
    .innerJoin('agency as a', 'a.id', 'i.agency_id')
    .select(['i.id', 'i.status', 'i.agency_id', 'a.name as agency_name'])
    .where('i.list_id', '=', listId);
  if (agencyId) q = q.where('i.agency_id', '=', agencyId);
  return q.execute();
}
