import { type Kysely, sql } from 'kysely';
import type { DB } from './schema.js';

/** One round trip to the database (readiness). */
export async function pingDatabase(db: Kysely<DB>): Promise<void> {
  await sql`select 1`.execute(db);
}

/** Names of the migrations this database has run (Kysely's own bookkeeping table). */
export async function appliedMigrations(db: Kysely<DB>): Promise<string[]> {
  const { rows } = await sql<{ name: string }>`select name from kysely_migration order by name`.execute(db);
  return rows.map((r) => r.name);
}
