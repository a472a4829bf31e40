/** The order of a dataset's resources (CKAN's resource `position`). */
import type { Kysely } from 'kysely';
import type { DB } from '../../kernel/db/schema.js';

/** The dataset's active resource ids in their current order. */
export async function listResourceOrder(db: Kysely<DB>, datasetId: string): Promise<string[]> {
  const rows = await db
    .selectFrom('resource')
    .select('id')
    .where('dataset_id', '=', datasetId)
    .where('state', '=', 'active')
    .orderBy('position')
    .orderBy('created')
    .execute();
  return rows.map((r) => r.id);
}

export async function setResourcePositions(db: Kysely<DB>, ids: readonly string[]): Promise<void> {
  for (const [position, id] of ids.entries())
    await db.updateTable('resource').set({ position }).where('id', '=', id).execute();
}
