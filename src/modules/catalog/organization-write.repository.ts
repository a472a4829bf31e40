/** What an organization (agency) delete must check and do. */
import type { Kysely } from 'kysely';
import type { DB } from '../../kernel/db/schema.js';

/** Datasets (any state) and users still bound to the agency. */
export async function agencyUsage(
  db: Kysely<DB>,
  agencyId: string,
): Promise<{ datasets: number; users: number }> {
  const [d, u] = await Promise.all([
    db
      .selectFrom('dataset')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('agency_id', '=', agencyId)
      .where('state', '!=', 'deleted')
      .executeTakeFirst(),
    db
      .selectFrom('app_user')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('agency_id', '=', agencyId)
      .executeTakeFirst(),
  ]);
  return { datasets: Number(d?.n ?? 0), users: Number(u?.n ?? 0) };
}

export async function deleteAgencyRow(db: Kysely<DB>, agencyId: string): Promise<void> {
  await db.deleteFrom('agency').where('id', '=', agencyId).execute();
}
