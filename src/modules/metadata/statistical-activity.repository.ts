import type { Insertable, Kysely, Selectable, Updateable } from 'kysely';
import type { StatisticalActivityTable } from '../../kernel/db/schema/metadata.js';
import type { DB } from '../../kernel/db/schema.js';

export type StatisticalActivity = Selectable<StatisticalActivityTable>;
export type NewStatisticalActivity = Insertable<StatisticalActivityTable>;

/** An activity by id; with `forUpdate`, locked until the transaction ends. */
export async function findStatisticalActivity(
  db: Kysely<DB>,
  id: string,
  opts: { forUpdate?: boolean } = {},
): Promise<StatisticalActivity | undefined> {
  const q = db.selectFrom('statistical_activity').selectAll().where('id', '=', id);
  return (opts.forUpdate ? q.forUpdate() : q).executeTakeFirst();
}

export async function findActivityByCode(
  db: Kysely<DB>,
  code: string,
): Promise<StatisticalActivity | undefined> {
  return db
    .selectFrom('statistical_activity')
    .selectAll()
    .where('activity_code', '=', code)
    .executeTakeFirst();
}

/** Activities of an agency (all agencies when `agencyId` is null), by title. */
export async function listStatisticalActivities(
  db: Kysely<DB>,
  opts: { agencyId: string | null; limit: number; offset: number },
): Promise<StatisticalActivity[]> {
  let q = db.selectFrom('statistical_activity').selectAll().orderBy('title').orderBy('id');
  if (opts.agencyId) q = q.where('agency_id', '=', opts.agencyId);
  return q.limit(opts.limit).offset(opts.offset).execute();
}

export async function insertStatisticalActivity(
  db: Kysely<DB>,
  row: NewStatisticalActivity,
): Promise<StatisticalActivity> {
  return db.insertInto('statistical_activity').values(row).returningAll().executeTakeFirstOrThrow();
}

export async function updateStatisticalActivity(
  db: Kysely<DB>,
  id: string,
  changes: Updateable<StatisticalActivityTable>,
): Promise<StatisticalActivity> {
  return db
    .updateTable('statistical_activity')
    .set({ ...changes, updated_at: new Date() })
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirstOrThrow();
}

/** Ids of the datasets an activity produced (the years of its series). */
export async function datasetIdsByActivity(db: Kysely<DB>, id: string): Promise<string[]> {
  const rows = await db
    .selectFrom('dataset')
    .select('id')
    .where('statistical_activity_id', '=', id)
    .execute();
  return rows.map((r) => r.id);
}
