import type { Kysely } from 'kysely';
import type { DB } from '../../kernel/db/schema.js';

/** Reads of the demo planning seed: the region's datasets and agencies. */

/** The datasets not deleted, by name, with what the demo plan needs of them. */
export async function demoDatasets(db: Kysely<DB>) {
  return db
    .selectFrom('dataset')
    .select(['id', 'title', 'agency_id', 'update_frequency', 'private'])
    .where('state', '!=', 'deleted')
    .orderBy('name')
    .execute();
}

export async function agencyCodes(db: Kysely<DB>) {
  return db.selectFrom('agency').select(['id', 'code']).execute();
}
