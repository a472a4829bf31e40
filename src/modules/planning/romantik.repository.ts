import { type Kysely, sql, type Updateable } from 'kysely';
import type { StatisticalActivityTable } from '../../kernel/db/schema/metadata.js';
import type { DB } from '../../kernel/db/schema.js';

/** Queries of Romantik: statistical activities' FS3, BPS's recommendation and its letter. */

export async function lockStatisticalActivity(db: Kysely<DB>, id: string) {
  return db
    .selectFrom('statistical_activity')
    .select(['id', 'title', 'agency_id', 'recommendation_status', 'recommendation_letter_key'])
    .where('id', '=', id)
    .forUpdate()
    .executeTakeFirst();
}

export async function updateStatisticalActivity(
  db: Kysely<DB>,
  id: string,
  set: Updateable<StatisticalActivityTable>,
) {
  await db.updateTable('statistical_activity').set(set).where('id', '=', id).execute();
}

/** The statistical activities with their Romantik fields and agency (of one agency when given). */
export async function romantikActivities(db: Kysely<DB>, agencyId?: string) {
  let q = db
    .selectFrom('statistical_activity as s')
    .innerJoin('agency as a', 'a.id', 's.agency_id')
    .select([
      's.id',
      's.title',
      's.agency_id',
      's.activity_code',
      's.recommendation_status',
      's.recommendation_number',
      sql<string | null>`s.recommendation_date::text`.as('recommendation_date'),
      sql<string | null>`s.fs3_submitted_on::text`.as('fs3_submitted_on'),
      's.recommendation_letter_key',
      's.recommendation_letter_name',
      'a.name as agency_name',
    ]);
  if (agencyId) q = q.where('s.agency_id', '=', agencyId);
  return q.orderBy('a.name').orderBy('s.title').execute();
}

/** The recommendation letter of an activity, with the activity's agency. */
export async function activityLetter(db: Kysely<DB>, id: string) {
  if (!/^[0-9a-f-]{36}$/i.test(id)) return undefined;
  return db
    .selectFrom('statistical_activity')
    .select(['agency_id', 'recommendation_letter_key', 'recommendation_letter_name'])
    .where('id', '=', id)
    .executeTakeFirst();
}
