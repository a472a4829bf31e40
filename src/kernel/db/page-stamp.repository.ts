import { type Kysely, sql } from 'kysely';
import { PREPARED_MARK } from './database.js';
import type { DB } from './schema.js';

/**
 * The catalog's two change stamps in one read (migration 0033): shared tables (agencies, topics,
 * standards, code lists) and every stored dict or public page source. Keys the page cache.
 */
export async function readPageStamps(db: Kysely<DB>): Promise<string> {
  const r = await sql<{
    s: string;
  }>`${sql.raw(PREPARED_MARK)}select stamp || '.' || content as s from catalog_stamp`.execute(db);
  return r.rows[0]?.s ?? '0';
}
