import { type Kysely, sql } from 'kysely';

/**
 * What the home page and organization/group lists count and order over the whole public catalog
 * (issue #21): without these, each first view after a change scanned every dataset row four
 * times (120–170 ms apiece at 20,000 datasets, over a second on PGlite holding its connection).
 * - the public count and the per-agency and per-topic counts read a narrow index (index-only
 *   where the table is vacuumed): 105 → 4 ms for the agencies, 138 → 18 ms for the topics;
 * - "most viewed" reads the first rows of an index in its order instead of sorting them all.
 */
// biome-ignore lint/suspicious/noExplicitAny: migrations are typed against no schema on purpose
export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    create index dataset_public_counts_idx on dataset (private, state, classification, agency_id) include (id);
    create index dataset_popular_idx on dataset (view_count desc, metadata_modified desc, id);
  `.execute(db);
}

// biome-ignore lint/suspicious/noExplicitAny: migrations are typed against no schema on purpose
export async function down(db: Kysely<any>): Promise<void> {
  await sql`
    drop index if exists dataset_public_counts_idx;
    drop index if exists dataset_popular_idx;
  `.execute(db);
}
