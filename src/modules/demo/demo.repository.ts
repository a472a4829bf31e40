import type { Kysely } from 'kysely';
import type { DB } from '../../kernel/db/schema.js';

/** The districts (kecamatan) of the demo regency, Kabupaten Magetan (35.20), in code order. */
export function listDemoDistricts(db: Kysely<DB>): Promise<{ code: string; name: string }[]> {
  return db
    .selectFrom('region')
    .select(['code', 'name'])
    .where('parent_code', '=', '35.20')
    .orderBy('code')
    .execute();
}
