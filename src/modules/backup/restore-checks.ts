import type { Kysely } from 'kysely';
import type { DB } from '../../kernel/db/schema.js';
import { countRowsBesidesSeeds } from './backup.repository.js';
import type { TableInfo } from './tables.js';

/** Refuse to mix a backup into data: the table may hold only rows the migrations seeded. */
export async function assertEmpty(db: Kysely<DB>, table: TableInfo): Promise<void> {
  const rows = await countRowsBesidesSeeds(db, table);
  if (rows > 0) {
    throw new Error(
      `Basis data tujuan tidak kosong / Target database is not empty: table ${table.name} has ${rows} rows`,
    );
  }
}
