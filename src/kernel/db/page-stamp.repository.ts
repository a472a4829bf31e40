import { type Kysely, sql } from 'kysely';
import { PREPARED_MARK } from './database.js';
import type { DB } from './schema.js';

/**
 * The two stamps as one text (readPageStamps' value), for a statement that reads `catalog_stamp`
 * as `alias`: readers that prove their answer current read the stamps alongside it.
 */
export function pageStamps(alias = 'catalog_stamp') {
  return sql<string>`${sql.ref(`${alias}.stamp`)} || '.' || ${sql.ref(`${alias}.content`)}`;
}

/**
 * The catalog's two change stamps in one read (migration 0033): shared tables (agencies, topics,
 * standards, code lists) and every stored dict or public page source. Keys the page cache.
 */
export async function readPageStamps(db: Kysely<DB>): Promise<string> {
  const r = await sql<{
    s: string;
  }>`${sql.raw(PREPARED_MARK)}select ${pageStamps()} as s from catalog_stamp`.execute(db);
  return r.rows[0]?.s ?? '0';
}
