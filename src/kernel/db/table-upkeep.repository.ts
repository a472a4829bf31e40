import { type Kysely, sql } from 'kysely';
import type { DB } from './schema.js';

/**
 * Tables past autovacuum's default thresholds (autovacuum_vacuum_threshold 50 +
 * autovacuum_vacuum_scale_factor 0.2 of live rows dead; analyze at 50 + 0.1 changed), most dead
 * rows first, each with its size and its name quoted for SQL (format's %I).
 */
export async function nextTableToVacuum(
  db: Kysely<DB>,
): Promise<{ name: string; bytes: number; dead: number }[]> {
  const r = await sql<{ name: string; bytes: string | number; dead: string | number }>`
    select format('%I.%I', schemaname, relname) as name, pg_total_relation_size(relid) as bytes,
      n_dead_tup as dead
    from pg_stat_user_tables
    where n_dead_tup > 50 + 0.2 * n_live_tup or n_mod_since_analyze > 50 + 0.1 * n_live_tup
    order by n_dead_tup desc, n_mod_since_analyze desc
    limit 8`.execute(db);
  return r.rows.map((row) => ({ name: row.name, bytes: Number(row.bytes), dead: Number(row.dead) }));
}

/** VACUUM (ANALYZE) one table; `quotedName` comes from nextTableToVacuum (format's %I). */
export async function vacuumAnalyze(db: Kysely<DB>, quotedName: string): Promise<void> {
  await sql`vacuum (analyze) ${sql.raw(quotedName)}`.execute(db);
}

/** The dead row versions the statistics hold for a table (tests and operators). */
export async function deadRows(db: Kysely<DB>, table: string): Promise<number> {
  const r = await sql<{ dead: string | number }>`
    select n_dead_tup as dead from pg_stat_user_tables where relname = ${table}`.execute(db);
  return Number(r.rows[0]?.dead ?? 0);
}
